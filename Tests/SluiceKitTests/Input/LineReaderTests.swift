import SluiceKit
import Testing

@Suite struct LineReaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: [UInt8]
        let lines: [[UInt8]]
        var testDescription: String { name }
    }

    static let longLine = [UInt8](repeating: UInt8(ascii: "x"), count: 5_000)

    static let cases: [Case] = [
        Case(name: "empty input", input: [], lines: []),
        Case(name: "one terminated line", input: utf8("abc\n"), lines: [utf8("abc\n")]),
        Case(name: "last line without newline kept", input: utf8("a\nbc"), lines: [utf8("a\n"), utf8("bc")]),
        Case(name: "only a line without newline", input: utf8("abc"), lines: [utf8("abc")]),
        Case(name: "CRLF kept", input: utf8("a\r\nb\r\n\r\n"), lines: [utf8("a\r\n"), utf8("b\r\n"), utf8("\r\n")]),
        Case(name: "empty lines", input: utf8("\n\n\n"), lines: [utf8("\n"), utf8("\n"), utf8("\n")]),
        Case(name: "NUL bytes inside lines", input: [0x61, 0x00, 0x62, 0x0A, 0x00, 0x0A, 0x00],
             lines: [[0x61, 0x00, 0x62, 0x0A], [0x00, 0x0A], [0x00]]),
        Case(name: "invalid UTF-8", input: [0xFF, 0xFE, 0x0A, 0xC3, 0x0A, 0xE2, 0x82],
             lines: [[0xFF, 0xFE, 0x0A], [0xC3, 0x0A], [0xE2, 0x82]]),
        Case(name: "line longer than any chunk", input: utf8("a\n") + longLine + utf8("\nb"),
             lines: [utf8("a\n"), longLine + utf8("\n"), utf8("b")]),
        Case(name: "long last line without newline", input: utf8("a\n") + longLine,
             lines: [utf8("a\n"), longLine]),
        Case(name: "lone CR is not a terminator", input: utf8("a\rb\n"), lines: [utf8("a\rb\n")]),
    ]

    @Test(arguments: cases, ReadPlan.all)
    func linesComeOutWholeWithTheirTerminators(_ testCase: Case, plan: ReadPlan) throws {
        let lines = try readLines(testCase.input, plan: plan)
        #expect(lines == testCase.lines)
        #expect(lines.reduce([], +) == testCase.input)
        for line in lines.dropLast() {
            #expect(line.last == UInt8(ascii: "\n"))
            #expect(!line.dropLast().contains(UInt8(ascii: "\n")))
        }
    }

    @Test(arguments: ReadPlan.all)
    func stopsWhenTheBodyReturnsFalse(plan: ReadPlan) throws {
        var source = MemorySource(utf8("one\ntwo\nthree\n"), maximumRead: plan.maximumRead)
        var seen: [[UInt8]] = []
        try LineReader(chunkSize: plan.chunkSize).forEachLine(in: &source) { line in
            seen.append(Array(line))
            return seen.count < 2
        }
        #expect(seen == [utf8("one\n"), utf8("two\n")])
    }

    @Test func chunkSizeIsAtLeastOne() {
        #expect(LineReader(chunkSize: 0).chunkSize == 1)
        #expect(LineReader(chunkSize: -5).chunkSize == 1)
        #expect(LineReader().chunkSize == 1 << 20)
    }

    @Test func memorySourceServesAtMostMaximumReadBytes() throws {
        var source = MemorySource(utf8("abcdefghij"), maximumRead: 4)
        var buffer = [UInt8](repeating: 0, count: 100)
        var reads: [[UInt8]] = []
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            reads.append(Array(buffer[0..<count]))
        }
        #expect(reads == [utf8("abcd"), utf8("efgh"), utf8("ij")])

        var zero = MemorySource(utf8("ab"), maximumRead: 0)
        let count = try buffer.withUnsafeMutableBytes { try zero.read(into: $0) }
        #expect(count == 1, "a maximum below 1 reads one byte at a time rather than nothing")
    }
}
