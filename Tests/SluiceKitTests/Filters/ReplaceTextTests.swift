import SluiceKit
import Testing

@Suite struct ReplaceTextTests {
    @Test func replacesFirstMatchOrEveryMatchWithG() throws {
        #expect(try cleaned("replace /o/0/", "foo\nboo\nbar\n") == "f0o\nb0o\nbar\n")
        #expect(try cleaned("replace /o/0/g", "foo\nboo\nbar\n") == "f00\nb00\nbar\n")
    }

    @Test func terminatorIsKept() throws {
        #expect(try cleaned("replace /a/bbbb/g", "a\r\naa\nxa") == "bbbb\r\nbbbbbbbb\nxbbbb")
        // Trailing-space removal leaves CRLF alone: the CR is not trailing white space.
        #expect(try cleaned(#"replace /\h+$//"#, "a  \r\nb\t\nc ") == "a\r\nb\nc")
        // A match at the end of the text is before the terminator.
        #expect(try cleaned("replace /$/!/", "a\r\nb\nc") == "a!\r\nb!\nc!")
    }

    @Test func groupReferences() throws {
        #expect(try cleaned(#"replace /(\w+)@(?<host>\w+)/$1 at ${host} ($$)/"#, "me@example\nnone\n")
            == "me at example ($)\nnone\n")
    }

    @Test func emptyMatchesStepThroughTheLine() throws {
        #expect(try cleaned("replace /x*/-/g", "abc\n") == "-a-b-c-\n")
    }

    @Test func replacementMayDeleteTheWholeText() throws {
        #expect(try cleaned("replace /^.*$//", "abc\r\ndef") == "\r\n")
    }

    @Test func lineGrowingFarBeyondItsLengthKeepsItsTerminator() throws {
        let long = String(repeating: "0123456789", count: 200)
        let output = try cleaned("replace /a/\(long)/g", String(repeating: "a", count: 40) + "\r\nz\n")
        #expect(output == String(repeating: long, count: 40) + "\r\nz\n")
    }

    @Test func laterStepsSeeTheReplacedText() throws {
        #expect(try cleaned("replace /cat/dog/\nreplace /dog/wolf/\ndrop /^wolf$/", "cat\ncatcat\ndog\nbird\n")
            == "wolfcat\nbird\n")
    }

    @Test func invalidUTF8AroundAReplacementIsKept() throws {
        let input: [UInt8] = [0xFF] + utf8("a") + [0xFE] + utf8("\n")
        #expect(try cleaned("replace /a/b/", input) == [0xFF] + utf8("b") + [0xFE] + utf8("\n"))
    }

    @Test func countsReplacementsAndChangedLines() throws {
        let pipeline = Pipeline(rules: try rules("replace /o/0/g as zeros\nreplace /z/Z/"))
        _ = pipeline.clean(utf8("foo\nboo\nbar\nzoo zoo\n"))
        let zeros = pipeline.statistics.steps[0]
        #expect(zeros.name == "zeros")
        #expect(zeros.keyword == "replace")
        #expect(zeros.replacements == 8)
        #expect(zeros.linesChanged == 3)
        #expect(zeros.linesRemoved == 0)
        let capitals = pipeline.statistics.steps[1]
        #expect(capitals.replacements == 1)
        #expect(capitals.linesChanged == 1)
    }
}
