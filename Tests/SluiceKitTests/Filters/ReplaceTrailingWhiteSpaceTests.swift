import SluiceKit
import Testing

/// `replace /\s+$//` skips lines whose last byte is ASCII and not white space without
/// running the pattern; every other line must still be matched.
@Suite struct ReplaceTrailingWhiteSpaceTests {
    @Test(arguments: [#"\s+$"#, #"\h+$"#])
    func linesEndingInAnyWhiteSpaceAreStillTrimmed(_ source: String) throws {
        let pipeline = Pipeline(rules: try rules("replace /\(source)//"))
        let input = "a \nb\t\nc\u{00A0}\nd\u{3000}\ne\n \n\nf\r\n"
        let expected = "a\nb\nc\nd\ne\n\n\nf\r\n"
        #expect(String(decoding: pipeline.clean(utf8(input)), as: UTF8.self) == expected)
        #expect(try Pattern(source).onlyMatchesTrailingWhiteSpace)
    }

    @Test func otherPatternsAreNotTakenForTrailingWhiteSpace() throws {
        #expect(try !Pattern(#"\s+"#).onlyMatchesTrailingWhiteSpace)
        #expect(try !Pattern(#"\s*$"#).onlyMatchesTrailingWhiteSpace)
        #expect(try !Pattern(#"x\s+$"#).onlyMatchesTrailingWhiteSpace)
    }

    /// With `m`, `$` also matches before any newline in the subject: the shortcut is kept
    /// for the plain forms only (a line has no newline today, but the shortcut must not
    /// depend on that).
    @Test func multilineFlagKeepsThePatternRunning() throws {
        #expect(try !Pattern(#"\s+$"#, flags: .multiline).onlyMatchesTrailingWhiteSpace)
        #expect(try Pattern(#"\s+$"#, flags: .caseless).onlyMatchesTrailingWhiteSpace)
    }
}
