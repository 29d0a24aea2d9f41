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

    // MARK: lines behind stray quote marks

    struct EdgeCase: Sendable, CustomTestStringConvertible {
        let line: String
        let isDropped: Bool
        var testDescription: String { line.debugDescription }
    }

    /// With `q`, a line that misses the pattern is tried again without the quote marks (and
    /// the space around them) at its edges — the marks `quotes strip-stray` may remove: `"`,
    /// curly, low and angle ones, never `'` or `’`. Without `q`, it is not.
    static let edgeCases: [EdgeCase] = [
        EdgeCase(line: "Advertisement”", isDropped: true),
        EdgeCase(line: "“Advertisement", isDropped: true),
        EdgeCase(line: " \"Advertisement\" ", isDropped: true),
        EdgeCase(line: "„Advertisement“", isDropped: true),
        EdgeCase(line: "«\u{00A0}Advertisement »", isDropped: false),  // a no-break space is not trimmed
        EdgeCase(line: "« Advertisement »", isDropped: true),
        EdgeCase(line: "‹Advertisement›", isDropped: true),
        EdgeCase(line: "‘Advertisement", isDropped: true),
        EdgeCase(line: "Advertisement’", isDropped: false),  // an apostrophe is never stray
        EdgeCase(line: "'Advertisement'", isDropped: false),
        EdgeCase(line: "“Advertisement revenue rose.”", isDropped: false),
        EdgeCase(line: "Advertisement” revenue", isDropped: false),
        EdgeCase(line: "”", isDropped: false),
        EdgeCase(line: "\u{E2}\u{80}", isDropped: false),
    ]

    @Test(arguments: edgeCases)
    func lineBehindStrayQuoteMarksIsTriedWithoutThem(_ edge: EdgeCase) throws {
        let input = edge.line + "\nkept\n"
        let expected = edge.isDropped ? "kept\n" : input
        #expect(try cleaned("drop /^Advertisement$/q", input) == expected)
        // The same through a joined run of drops, with and without `q` on the others.
        #expect(try cleaned("drop /^Share$/\ndrop /^Advertisement$/q", input) == expected)
        #expect(try cleaned("drop /^Share$/q\ndrop /^Advertisement$/", input) == input)
        // Without `q`, a drop is `pcre2grep -v`: the line must match as it is.
        #expect(try cleaned("drop /^Advertisement$/", input) == input)
    }

    @Test func qIsADropFlagOnly() {
        #expect(diagnostics("keep /x/q").map(\.message) == ["unknown flag 'q' (flags are: ixmsnU); 'q' applies to drop only"])
        #expect(diagnostics("replace /x/y/q").map(\.message) == ["unknown flag 'q' (flags are: ixmsnUg); 'q' applies to drop only"])
    }

    @Test func trimmedLineCanMatchAnEmptyPattern() throws {
        // A line of nothing but marks and spaces is tried as the empty line.
        #expect(try cleaned("drop /^$/q", "“ ”\n\"\nx\n") == "x\n")
    }
}
