@testable import SluiceKit
import Testing

/// The literals read from a pattern must be in every subject it matches; what the reading
/// does not understand must give no literals rather than wrong ones.
@Suite struct RequiredLiteralsTests {
    private func literals(_ source: String, flags: PatternFlags = .caseless) throws -> [String]? {
        try RequiredLiterals(Pattern(source, flags: flags))?.literals.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func sequenceGivesItsMostSelectiveRunAndAlternationTheUnion() throws {
        #expect(try literals(#"^\h*(?:read|see)\h+(?:also|more)\b"#) == ["also", "more"])
        #expect(try literals(#"^[^\n]{0,150}\bsee\h+(?:the\h+)?full\h+gallery\h*$"#) == ["gallery"])
        #expect(try literals("Advertisement|Sponsored") == ["advertisement", "sponsored"])
    }

    @Test func optionalPartsAndRepeatsEndARun() throws {
        #expect(try literals("ab?cdef") == ["cdef"])
        // `c+` may be `cc`: the run ends after one `c`; of two equal runs the first stays.
        #expect(try literals("abc+defg") == ["defg"])
        #expect(try literals("abc+def") == ["abc"])
        #expect(try literals("x(?:abc){0,3}") == ["x"])
        #expect(try literals("(?:abcd){2,}") == ["abcd"])
        #expect(try literals("ab{,3}") == ["a"])
    }

    @Test func positiveLookaroundsCountAndNegativeOnesDoNot() throws {
        #expect(try literals(#"^(?=[^\n]*newsletter)[^\n]*\b(?:abc|de)"#) == ["newsletter"])
        #expect(try literals(#"^(?!\h*\d)foo"#) == ["foo"])
    }

    @Test func lettersWithCasePartnersOutsideASCIIEndARun() throws {
        #expect(try literals("publicité") == ["publicit"])
        #expect(try literals("реклама") == nil)
        // Characters without case are kept: a CJK word, a curly apostrophe.
        #expect(try literals("广告") == ["广告"])
        #expect(try literals("don’t") == ["don’t"])
    }

    @Test(arguments: [
        "a|", #"\d+"#, "[abc]+", #"\QHello\E"#, "(*UTF)hello", "(?x)hello", "(a)?(?(1)hello|world)", "(?#note)hello",
        "(?R)?hello", ".*",
    ])
    func unknownOrLiteralFreePatternsGiveNothing(_ source: String) throws {
        #expect(try literals(source) == nil)
    }

    @Test func extendedPatternsAreLeftAlone() throws {
        #expect(try literals("hello world", flags: [.caseless, .extended]) == nil)
    }

    @Test func escapesAndClassesAreRead() throws {
        #expect(try literals(#"https?:\/\/www\.example"#) == ["://www.example"])
        #expect(try literals(#"[\]x]abcd"#) == ["abcd"])
        #expect(try literals(#"[[:alpha:]]abcd"#) == ["abcd"])
        #expect(try literals(#"\x{41}bcde\p{Lu}fg"#) == ["bcde"])
        #expect(try literals(#"(a)\12345"#) == ["a"])
        #expect(try literals("(?<name>abcd)x") == ["abcd"])
        #expect(try literals("(?i:abcd)(?-i)x") == ["abcd"])
    }

    /// For shipped-rule-like patterns and many subjects: whenever PCRE2 matches, the
    /// scanner finds a literal of the pattern.
    @Test func everyMatchHoldsALiteral() throws {
        let sources = [
            #"^\h*(?:advertisement|sponsored(?:\h+content)?|publicité|广告)\h*$"#,
            #"^\h*(?:read|see)\h+(?:also|more)\h*(?:[|:>»›—–]|-\h|$)"#,
            #"^[^\n]{0,150}\bsee\h+(?:the\h+)?full\h+gallery\h*$"#,
            #"^\h*(?=[^\n]{0,250}$)(?=[^\n]*newsletter)[^\n]*\b(?:subscribe|sign\h+up)[^\n]*$"#,
            #"^\h*(?:skip\h+ad|kontakt|Cookies?)\b"#,
        ]
        let subjects = [
            "Advertisement", "ADVERTISEMENT ", "ſponsored content", "Sponsored Content", "PUBLICITÉ", "广告", "Read also: x",
            "SEE MORE | y", "ſee also", "click to see the full gallery", "See Full Gallery", "Newsletter: subscribe now",
            "NEWSLETTER — ſign up", "Skip Ad", "\u{212A}ontakt", "ſkip ad", "cookies", "COOKIE", "plain prose line",
        ]
        for source in sources {
            let pattern = try Pattern(source, flags: .caseless)
            let required = try #require(RequiredLiterals(pattern), "\(source)")
            let scanner = LiteralScanner(sets: [required.literals])
            let matcher = Matcher(pattern: pattern)
            for subject in subjects {
                let bytes = Array(subject.utf8)
                let matched = try bytes.withUnsafeBytes { try matcher.matches($0) }
                var found: [Int32] = []
                bytes.withUnsafeBytes { scanner.scan($0, into: &found) }
                if matched { #expect(found.contains(0), "\(source) matches \(subject) but no literal was found") }
            }
        }
    }
}
