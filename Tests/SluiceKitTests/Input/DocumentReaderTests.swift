import SluiceKit
import Testing

@Suite struct DocumentReaderTests {
    func documents(_ input: String, mode: DocumentMode, plan: ReadPlan) throws -> [Document] {
        var source = MemorySource(utf8(input), maximumRead: plan.maximumRead)
        var documents: [Document] = []
        try DocumentReader(mode: mode, chunkSize: plan.chunkSize).forEachDocument(in: &source, named: "in") { document in
            documents.append(document)
            return true
        }
        return documents
    }

    @Test(arguments: ReadPlan.all)
    func nulEndsADocumentAndIsKept(_ plan: ReadPlan) throws {
        let found = try documents("one\ntwo\n\0three\0\0last", mode: .nullSeparated, plan: plan)
        #expect(found.map { string($0.content) } == ["one\ntwo\n", "three", "", "last"])
        #expect(found.map(\.trailer) == [[0], [0], [0], []])
        #expect(found.map(\.number) == [1, 2, 3, 4])
    }

    @Test(arguments: ReadPlan.all)
    func separatorLineEndsADocumentAndIsKept(_ plan: ReadPlan) throws {
        let pattern = try Pattern("^=== .* ===$")
        let found = try documents("a\n=== 2 ===\nb\nc\n=== 3 ===\r\nd", mode: .separatorLines(pattern), plan: plan)
        #expect(found.map { string($0.content) } == ["a\n", "b\nc\n", "d"])
        #expect(found.map { string($0.trailer) } == ["=== 2 ===\n", "=== 3 ===\r\n", ""])
    }

    @Test func noFinalEmptyDocumentAfterALastSeparator() throws {
        let found = try documents("a\n\u{C}\n", mode: .separatorLines(try Pattern("^\\f$")), plan: ReadPlan.all[6])
        #expect(found.map { string($0.content) } == ["a\n"])
    }

    @Test(arguments: ReadPlan.all)
    func eachJSONLineIsADocumentNumberedByLine(_ plan: ReadPlan) throws {
        let found = try documents("{\"text\":\"a\"}\n\n{\"text\":\"b\"}", mode: .jsonLines(field: "text"), plan: plan)
        #expect(found.map { string($0.content) } == ["{\"text\":\"a\"}\n", "\n", "{\"text\":\"b\"}"])
        #expect(found.map(\.number) == [1, 2, 3])
    }

    @Test func stopsWhenAsked() throws {
        var source = MemorySource(utf8("a\0b\0c\0"))
        var seen = 0
        try DocumentReader(mode: .nullSeparated).forEachDocument(in: &source, named: "-") { _ in
            seen += 1
            return seen < 2
        }
        #expect(seen == 2)
    }
}
