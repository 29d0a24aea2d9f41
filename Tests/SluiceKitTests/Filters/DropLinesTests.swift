import SluiceKit
import Testing

@Suite struct DropLinesTests {
    @Test func dropsMatchingLinesAndKeepsTheRest() throws {
        #expect(try cleaned("drop /^Advertisement$/", "News\nAdvertisement\nMore news\nAdvertisement revenue\n")
            == "News\nMore news\nAdvertisement revenue\n")
    }

    @Test func patternSeesTheLineWithoutItsTerminator() throws {
        // `$` must sit before "\r\n": the CR is part of the terminator, not the text.
        #expect(try cleaned("drop /^a$/", "a\r\nb\r\na\nab\r\na") == "b\r\nab\r\n")
        // A pattern cannot match the newline itself.
        #expect(try cleaned(#"drop /\n/"#, "a\nb\n") == "a\nb\n")
    }

    @Test func flagsApply() throws {
        #expect(try cleaned("drop /^ad$/i", "AD\nAd\nadd\n") == "add\n")
    }

    @Test func lastLineWithoutNewlineCanBeDropped() throws {
        #expect(try cleaned("drop /^x$/", "a\nx") == "a\n")
        #expect(try cleaned("drop /^x$/", "x") == "")
    }

    @Test func linesWithInvalidUTF8AreMatchedAndKeptByteExact() throws {
        let input: [UInt8] = utf8("café ") + [0xFF] + utf8("\n") + [0xFE, 0xC3] + utf8(" keep\n")
        #expect(try cleaned("drop /^café/", input) == [0xFE, 0xC3] + utf8(" keep\n"))
    }

    @Test func countsRemovedLines() throws {
        let pipeline = Pipeline(rules: try rules("drop /x/ as xs\ndrop /y/"))
        _ = pipeline.clean(utf8("x\ny\nx\nz\nxy\n"))
        #expect(pipeline.statistics.steps.map(\.linesRemoved) == [3, 1])
        #expect(pipeline.statistics.steps.map(\.name) == ["xs", "t.rules:2"])
        #expect(pipeline.statistics.steps.map(\.keyword) == ["drop", "drop"])
        #expect(pipeline.statistics.steps.map(\.linesChanged) == [0, 0])
        #expect(pipeline.statistics.steps.map(\.limitFailures) == [0, 0])
    }
}
