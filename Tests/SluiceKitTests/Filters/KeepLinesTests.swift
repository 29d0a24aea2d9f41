import SluiceKit
import Testing

@Suite struct KeepLinesTests {
    @Test func keepsOnlyMatchingLines() throws {
        #expect(try cleaned(#"keep /\S/"#, "a\n\n  \nb\n\t\r\nc") == "a\nb\nc")
        #expect(try cleaned("keep /^#/", "# one\ntwo\n# three\n") == "# one\n# three\n")
    }

    @Test func patternSeesTheLineWithoutItsTerminator() throws {
        #expect(try cleaned("keep /^a$/", "a\r\nb\r\na\n") == "a\r\na\n")
    }

    @Test func flagsApply() throws {
        #expect(try cleaned("keep /^KEEP/i", "keep me\nKeep me\ndrop me\n") == "keep me\nKeep me\n")
    }

    @Test func countsRemovedLines() throws {
        let pipeline = Pipeline(rules: try rules("keep /a/\nkeep /b/ as bees"))
        // The first removes "b" and "c"; the second sees "a" and "ab" and removes "a".
        #expect(string(pipeline.clean(utf8("a\nb\nab\nc\n"))) == "ab\n")
        #expect(pipeline.statistics.steps.map(\.linesRemoved) == [2, 1])
        #expect(pipeline.statistics.steps.map(\.keyword) == ["keep", "keep"])
        #expect(pipeline.statistics.steps.last?.name == "bees")
    }

    @Test func keepingNothingGivesEmptyOutput() throws {
        #expect(try cleaned("keep /never/", "a\nb") == "")
    }
}
