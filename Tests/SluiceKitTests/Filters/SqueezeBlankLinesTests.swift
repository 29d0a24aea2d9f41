import SluiceKit
import Testing

@Suite struct SqueezeBlankLinesTests {
    @Test func runOfBlankLinesCollapsesToItsFirstLineBytes() throws {
        #expect(try cleaned("squeeze blank-lines", "a\n  \n\t\n\nb\n") == "a\n  \nb\n")
        #expect(try cleaned("squeeze blank-lines", "a\r\n\r\n\n\r\nb\r\n") == "a\r\n\r\nb\r\n")
        #expect(try cleaned("squeeze blank-lines", "a\n\nb\n\n\nc\n") == "a\n\nb\n\nc\n")
    }

    @Test func leadingAndTrailingBlankLinesAreRemoved() throws {
        #expect(try cleaned("squeeze blank-lines", "\n \n a\n\n\t\n") == " a\n")
        #expect(try cleaned("squeeze blank-lines", "\n\n") == "")
        #expect(try cleaned("squeeze blank-lines", "a\n\n  ") == "a\n")
    }

    @Test func whitespaceOnlyLinesAreBlank() throws {
        #expect(try cleaned("squeeze blank-lines", "a\n \t\r\n\u{0C}\n\u{0B}\nb") == "a\n \t\r\nb")
        // A no-break space is text, not white space, for this step.
        #expect(try cleaned("squeeze blank-lines", "a\n\n\u{00A0}\n\nb\n") == "a\n\n\u{00A0}\n\nb\n")
    }

    @Test func singleBlankLinesAndTextWithoutBlanksAreUnchanged() throws {
        let text = "one\n\ntwo\n\nthree"
        #expect(try cleaned("squeeze blank-lines", text) == text)
    }

    @Test func removingALineBetweenParagraphsLeavesOneGap() throws {
        #expect(try cleaned("drop /^Advertisement$/\nsqueeze blank-lines", "one\n\nAdvertisement\n\ntwo\n") == "one\n\ntwo\n")
    }

    @Test func eachDocumentIsSqueezedOnItsOwn() throws {
        let pipeline = Pipeline(rules: try rules("squeeze blank-lines"))
        #expect(string(pipeline.clean(utf8("a\n\n"))) == "a\n")
        // Leading blanks of the second document are removed although the first had text.
        #expect(string(pipeline.clean(utf8("\n\nb\n"))) == "b\n")
        #expect(pipeline.statistics.steps[0].linesRemoved == 3)
    }

    @Test func countsRemovedBlankLines() throws {
        let pipeline = Pipeline(rules: try rules("squeeze blank-lines as tidy"))
        _ = pipeline.clean(utf8("\n\na\n\n\n\nb\n\n"))
        // Two leading, two of the middle run of three, one trailing.
        #expect(pipeline.statistics.steps[0].linesRemoved == 5)
        #expect(pipeline.statistics.steps[0].keyword == "squeeze")
        #expect(pipeline.statistics.steps[0].name == "tidy")
    }
}
