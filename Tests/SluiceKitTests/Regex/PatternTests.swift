import SluiceKit
import Testing

@Suite struct PatternTests {
    /// A flag, and a subject on which the same pattern matches differently with and without it.
    struct FlagCase: Sendable, CustomTestStringConvertible {
        let flags: PatternFlags
        let letter: Character
        let pattern: String
        let subject: String
        let withFlag: Range<Int>?
        let withoutFlag: Range<Int>?
        var testDescription: String { "flag \(letter): /\(pattern)/ on \(subject.debugDescription)" }
    }

    static let flagCases: [FlagCase] = [
        FlagCase(flags: .caseless, letter: "i", pattern: "ABC", subject: "xabc", withFlag: 1..<4, withoutFlag: nil),
        FlagCase(flags: .caseless, letter: "i", pattern: "É", subject: "café", withFlag: 3..<5, withoutFlag: nil),
        FlagCase(flags: .extended, letter: "x", pattern: "a b  c # a comment", subject: "abc", withFlag: 0..<3, withoutFlag: nil),
        FlagCase(flags: .multiline, letter: "m", pattern: "^b$", subject: "a\nb\nc", withFlag: 2..<3, withoutFlag: nil),
        FlagCase(flags: .dotAll, letter: "s", pattern: "a.b", subject: "a\nb", withFlag: 0..<3, withoutFlag: nil),
        FlagCase(flags: .ungreedy, letter: "U", pattern: "a+", subject: "aaa", withFlag: 0..<1, withoutFlag: 0..<3),
        FlagCase(flags: .ungreedy, letter: "U", pattern: "a+?", subject: "aaa", withFlag: 0..<3, withoutFlag: 0..<1),
    ]

    @Test(arguments: flagCases)
    func flagChangesWhatMatches(_ flagCase: FlagCase) throws {
        let with = try Pattern(flagCase.pattern, flags: flagCase.flags)
        let without = try Pattern(flagCase.pattern)
        #expect(with.flags == flagCase.flags)
        #expect(without.flags == [])
        #expect(try Matcher(pattern: with).firstMatch(in: flagCase.subject) == flagCase.withFlag)
        #expect(try Matcher(pattern: without).firstMatch(in: flagCase.subject) == flagCase.withoutFlag)
    }

    @Test func noAutoCaptureFlagLeavesOnlyNamedGroupsCapturing() throws {
        let source = "(a)(?<second>b)(c)"
        #expect(try Pattern(source).captureCount == 3)
        let pattern = try Pattern(source, flags: .noAutoCapture)
        #expect(pattern.captureCount == 1)
        #expect(pattern.groupNames == ["second"])
        // With `n`, `$1` is the named group: the plain groups no longer count.
        let result = try Matcher(pattern: pattern).replacing("abc", with: "[$1]", global: false)
        #expect(result.text == "[b]")
    }

    @Test func flagLettersAreTheDocumentedOnes() {
        let letters = PatternFlags.letters.map { String($0.letter) }.joined()
        #expect(letters == "ixmsnU")
        let all = PatternFlags.letters.reduce(into: PatternFlags()) { $0.insert($1.flag) }
        #expect(all == [.caseless, .extended, .multiline, .dotAll, .noAutoCapture, .ungreedy])
    }

    struct CompileErrorCase: Sendable, CustomTestStringConvertible {
        let pattern: String
        let message: String
        let offset: Int
        var testDescription: String { "/\(pattern)/" }
    }

    static let compileErrors: [CompileErrorCase] = [
        CompileErrorCase(pattern: "(ab", message: "missing closing parenthesis", offset: 3),
        // Offsets are bytes: é is two.
        CompileErrorCase(pattern: "é(ab", message: "missing closing parenthesis", offset: 5),
        CompileErrorCase(pattern: "ab)", message: "unmatched closing parenthesis", offset: 2),
        CompileErrorCase(pattern: "a{2,1}", message: "numbers out of order in {} quantifier", offset: 5),
        CompileErrorCase(pattern: "[b-a]", message: "range out of order in character class", offset: 3),
    ]

    @Test(arguments: compileErrors)
    func compileErrorCarriesPCRE2MessageAndByteOffset(_ errorCase: CompileErrorCase) {
        let error = #expect(throws: PatternError.self) { try Pattern(errorCase.pattern) }
        #expect(error?.message == errorCase.message)
        #expect(error?.offset == errorCase.offset)
        #expect((error?.code ?? 0) > 0, "compile errors have PCRE2's positive codes")
    }

    @Test func captureCountAndGroupNames() throws {
        let pattern = try Pattern("(a)(?:b)(?<first>c)(?<second_2>d)(e)")
        #expect(pattern.captureCount == 4)
        #expect(pattern.groupNames == ["first", "second_2"])
        #expect(pattern.source == "(a)(?:b)(?<first>c)(?<second_2>d)(e)")

        let plain = try Pattern("abc")
        #expect(plain.captureCount == 0)
        #expect(plain.groupNames.isEmpty)
    }

    @Test func emptyPatternCompilesAndMatchesEverywhere() throws {
        // `drop //` is a valid rule; an empty source must not reach PCRE2 as a null pointer.
        let matcher = Matcher(pattern: try Pattern(""))
        #expect(try matcher.firstMatch(in: "abc") == 0..<0)
        #expect(try matcher.firstMatch(in: []) == 0..<0)
    }

    @Test func invalidUTF8SubjectsMatchAroundTheBrokenBytes() throws {
        let matcher = Matcher(pattern: try Pattern("caf."))
        // 0xFF and 0xFE never occur in UTF-8; the match after them is still found, in bytes.
        #expect(try matcher.firstMatch(in: [0xFF] + utf8("café") + [0xFE]) == 1..<6)
        // A truncated sequence before the match.
        #expect(try matcher.firstMatch(in: [0xC3] + utf8("café")) == 1..<6)
        // PCRE2_MATCH_INVALID_UTF: an invalid byte is never matched, not even by `.`.
        #expect(try matcher.firstMatch(in: utf8("caf") + [0xFF]) == nil)
        #expect(try matcher.firstMatch(in: utf8("caf") + [0xC3]) == nil)
        #expect(try matcher.firstMatch(in: [0xFF, 0xFE, 0xC3, 0x28, 0xE2, 0x82]) == nil)
    }

    @Test func unicodePropertiesApplyToShorthandClasses() throws {
        // U+00A0 NO-BREAK SPACE is white space with PCRE2_UCP.
        #expect(try Matcher(pattern: try Pattern(#"\s"#)).firstMatch(in: "a\u{00A0}b") == 1..<3)
        #expect(try Matcher(pattern: try Pattern(#"^\s+$"#)).firstMatch(in: "\u{00A0}\u{2003}") == 0..<5)
        #expect(try Matcher(pattern: try Pattern(#"\w+"#)).firstMatch(in: "-élan-") == 1..<6)
        // U+0663 ARABIC-INDIC DIGIT THREE.
        #expect(try Matcher(pattern: try Pattern(#"\d"#)).firstMatch(in: "x\u{0663}") == 1..<3)
    }

    @Test func libraryVersionIsPCRE2Ten() {
        #expect(Pattern.libraryVersion.hasPrefix("10."))
    }

    @Test func simplePatternIsJITCompiledWhenTheJITExists() throws {
        #expect(try Pattern("abc").isJITCompiled == Pattern.isJITAvailable)
    }
}
