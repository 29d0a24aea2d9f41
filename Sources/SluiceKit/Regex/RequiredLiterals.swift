/// Strings of which every match of a pattern contains at least one, found by reading the
/// pattern's source (``PatternSourceReading``): a necessary condition that a cheap scan
/// (``LiteralScanner``) can test before the pattern runs. `^\h*(?:read|see)\h+also` gives
/// `also` (of `read`/`see` and `also`, the more selective); a subject without it cannot
/// match.
///
/// The literals are lower-cased ASCII, compared ASCII-caselessly, so they hold for caseless
/// and case-sensitive patterns alike. Under PCRE2's Unicode caseless matching `k` and `s`
/// also match `K` (U+212A) and `ſ` (U+017F): the scanner treats a subject holding either as
/// holding every literal.
struct RequiredLiterals {
    /// At least one of these occurs in every subject the pattern matches.
    let literals: [[UInt8]]

    /// The literals of `pattern`, or nil when it has no known requirement (some branch could
    /// match without any literal, or the source uses syntax the reading leaves alone).
    init?(_ pattern: Pattern) {
        guard let literals = PatternSourceReading(pattern)?.literals else { return nil }
        self.init(literals: literals)
    }

    init(literals: [[UInt8]]) {
        self.literals = literals
    }

    /// The length of the shortest literal: how selective the requirement is.
    var shortestLength: Int { literals.map(\.count).min() ?? 0 }
}
