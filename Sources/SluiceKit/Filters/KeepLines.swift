/// Keeps only the lines that match a pattern; every other line is removed.
///
/// Syntax: `keep /PATTERN/FLAGS [as NAME]`
///
/// ```
/// keep /\S/ as non-blank
/// ```
///
/// The pattern sees the line without its terminator. A line on which a match limit stops
/// the pattern is kept.
public struct KeepLines: Step {
    public static let keyword = "keep"
    public static let synopsis = "keep /PATTERN/FLAGS"

    /// Lines not matching this are removed.
    public let pattern: Pattern

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> KeepLines {
        let sections = try scanner.readDelimited(sections: 1)
        let flags = try scanner.readFlags(allowGlobal: false).flags
        return KeepLines(pattern: try scanner.compile(sections[0], flags: flags))
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        LineSelectionStage(pattern: pattern, removeWhenMatched: false, ignoresEdgeQuotes: false, context: context, next: next)
    }
}
