import SluiceKit
import Testing

@Suite struct MatcherTests {
    func matcher(_ source: String, flags: PatternFlags = [], limits: MatchLimits = .standard) throws -> Matcher {
        Matcher(pattern: try Pattern(source, flags: flags), limits: limits)
    }

    // MARK: firstMatch

    @Test func firstMatchGivesByteRanges() throws {
        #expect(try matcher("b").firstMatch(in: "ab") == 1..<2)
        #expect(try matcher("é").firstMatch(in: "café") == 3..<5)
        // Multibyte text before the match shifts it by bytes, not characters.
        #expect(try matcher("x").firstMatch(in: "éèx") == 4..<5)
        #expect(try matcher("🙂+").firstMatch(in: "a🙂🙂b") == 1..<9)
        #expect(try matcher("z").firstMatch(in: "abc") == nil)
    }

    @Test func firstMatchStartsAtTheGivenByteOffset() throws {
        let m = try matcher("a")
        #expect(try m.firstMatch(in: utf8("aXa"), from: 1) == 2..<3)
        #expect(try m.firstMatch(in: utf8("aXa"), from: 3) == nil)
    }

    /// `pcre2_jit_match` does not check its arguments, so an unchecked start offset past the
    /// end reads outside the subject; the interpreter would report PCRE2_ERROR_BADOFFSET.
    @Test func startOffsetPastTheEndIsRejectedNotReadOutOfBounds() throws {
        let failure = #expect(throws: MatchFailure.self) { try matcher("a").firstMatch(in: utf8("abc"), from: 10) }
        #expect(failure?.isLimit == false)
        #expect((failure?.code ?? 0) < 0)
    }

    @Test func emptySubject() throws {
        #expect(try matcher("^$").firstMatch(in: []) == 0..<0)
        #expect(try matcher("a").firstMatch(in: []) == nil)
        #expect(try matcher("a").matches(UnsafeRawBufferPointer(start: nil, count: 0)) == false)
        #expect(try matcher("^").matches(UnsafeRawBufferPointer(start: nil, count: 0)) == true)
        #expect(try matcher("^$").replacing("", with: "EMPTY", global: false) == ("EMPTY", 1))
        #expect(try matcher("x*").replacing("", with: "-", global: true) == ("-", 1))
        #expect(try matcher("a").replacing("", with: "b", global: true) == ("", 0))
    }

    @Test func matchesIsTrueOnlyWhenThePatternIsFound() throws {
        let m = try matcher("^ad$", flags: .caseless)
        #expect(try utf8("AD").withUnsafeBytes { try m.matches($0) })
        #expect(try !utf8("add").withUnsafeBytes { try m.matches($0) })
    }

    // MARK: replace

    @Test func replaceFirstVersusGlobal() throws {
        let m = try matcher("o")
        #expect(try m.replacing("foo boo", with: "0", global: false) == ("f0o boo", 1))
        #expect(try m.replacing("foo boo", with: "0", global: true) == ("f00 b00", 4))
        #expect(try m.replacing("bar", with: "0", global: true) == ("bar", 0))
    }

    @Test func replacementReferences() throws {
        let m = try matcher(#"(\w+)@(?<host>\w+)"#)
        let result = try m.replacing("mail me@example now", with: "$1 at ${host} for $$5 [$0] $host", global: false)
        #expect(result == ("mail me at example for $5 [me@example] example now", 1))
        #expect(try matcher("(é)").replacing("café", with: "[$1]", global: false) == ("caf[é]", 1))
        #expect(try matcher("(a)").replacing("a", with: "${1}1", global: false) == ("a1", 1))
    }

    @Test func unsetGroupSubstitutesAsEmpty() throws {
        let m = try matcher("(a)|(b)")
        #expect(try m.replacing("b", with: "<$1|$2>", global: false) == ("<|b>", 1))
        #expect(try m.replacing("ab", with: "<$1|$2>", global: true) == ("<a|><|b>", 2))
    }

    @Test func emptyMatchesStepForwardInGlobalReplace() throws {
        // PCRE2's own result: an empty match at every position, including the end.
        #expect(try matcher("x*").replacing("abc", with: "-", global: true) == ("-a-b-c-", 4))
        #expect(try matcher("x*").replacing("abc", with: "-", global: false) == ("-abc", 1))
        #expect(try matcher("x*").replacing("axxb", with: "-", global: true) == ("-a--b-", 4))
        // Stepping past an empty match moves by a whole character, never into its bytes.
        #expect(try matcher("x*").replacing("é🙂", with: "-", global: true) == ("-é-🙂-", 3))
    }

    @Test func emptyMatchesStepOverInvalidBytes() throws {
        // Stepping past an empty match must neither stop at nor loop on a broken byte. Where
        // PCRE2 finds empty matches next to invalid bytes is its business; what Sluice owes is
        // that every original byte comes through, in order, and the count is right.
        let subject: [UInt8] = [0x61, 0xFF, 0x62, 0xC3]
        let result = try matcher("x*").replacing(subject, with: utf8("-"), global: true)
        #expect(result.bytes.filter { $0 != 0x2D } == subject)
        #expect(result.bytes.filter { $0 == 0x2D }.count == result.count)
        #expect(result.bytes.first == 0x2D && result.bytes.last == 0x2D)
        #expect(result.count >= 3)
    }

    @Test func invalidUTF8BytesPassThroughReplace() throws {
        let subject: [UInt8] = [0xFF, 0x62, 0xFE, 0x62, 0xC3]
        let result = try matcher("b").replacing(subject, with: utf8("X"), global: true)
        #expect(result.bytes == [0xFF, 0x58, 0xFE, 0x58, 0xC3])
        #expect(result.count == 2)
    }

    @Test func outputBufferGrowsForReplacementsMuchLongerThanTheSubject() throws {
        let long = String(repeating: "0123456789", count: 100)  // 1,000 bytes per match
        let subject = String(repeating: "a", count: 50)
        let global = try matcher("a").replacing(subject, with: long, global: true)
        #expect(global.count == 50)
        #expect(global.text == String(repeating: long, count: 50))

        let huge = String(repeating: "z", count: 100_000)
        #expect(try matcher("^").replacing("tail", with: huge, global: false) == (huge + "tail", 1))
    }

    @Test func reusedOutputBufferReportsOnlyTheNewLength() throws {
        let m = try matcher("a")
        var output: [UInt8] = []
        let first = try m.replacing(utf8(String(repeating: "a", count: 100)), with: utf8("bbbb"), global: true, reusing: &output)
        #expect(first.bytes == utf8(String(repeating: "bbbb", count: 100)))
        let second = try m.replacing(utf8("xax"), with: utf8("y"), global: true, reusing: &output)
        #expect(second.bytes == utf8("xyx"))
        #expect(second.count == 1)
    }

    // MARK: limits

    @Test func catastrophicBacktrackingStopsAtTheMatchLimit() throws {
        // `(a+)+$` on 30,000 a's then b never matches, after exponentially many attempts.
        let m = try matcher("(a+)+$")
        let failure = #expect(throws: MatchFailure.self) { try m.firstMatch(in: catastrophicSubject) }
        #expect(failure?.isLimit == true)
        #expect(failure?.message.isEmpty == false)

        let replaceFailure = #expect(throws: MatchFailure.self) {
            try m.replacing(catastrophicSubject, with: utf8("x"), global: true)
        }
        #expect(replaceFailure?.isLimit == true)

        // The matcher is still usable afterwards.
        #expect(try m.firstMatch(in: "baa") == 1..<3)
        #expect(try m.firstMatch(in: "aab") == nil)
    }

    @Test func smallMatchLimitIsEnforced() throws {
        let subject = [UInt8](repeating: UInt8(ascii: "a"), count: 25) + [UInt8(ascii: "b")]
        let m = try matcher("(a+)+$", limits: MatchLimits(matchLimit: 1_000))
        let failure = #expect(throws: MatchFailure.self) { try m.firstMatch(in: subject) }
        #expect(failure?.isLimit == true)
    }

    @Test func standardLimitsAreTheDocumentedDefaults() {
        let limits = MatchLimits.standard
        #expect(limits.matchLimit == 1_000_000)
        #expect(limits.depthLimit == 10_000)
        #expect(limits.heapLimitKibibytes == 65_536)
        #expect(limits.jitStackBytes == 1 << 20)
    }
}
