/// Removes every line that matches a pattern.
///
/// Syntax: `drop /PATTERN/FLAGS [as NAME]`
///
/// ```
/// drop /^\s*Advertisement\s*$/i as ad-label
/// ```
///
/// The pattern sees the line without its terminator. A line on which a match limit stops
/// the pattern is kept.
public struct DropLines: Step {
    public static let keyword = "drop"
    public static let synopsis = "drop /PATTERN/FLAGS"

    /// Lines matching this are removed.
    public let pattern: Pattern

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> DropLines {
        let sections = try scanner.readDelimited(sections: 1)
        let flags = try scanner.readFlags(allowGlobal: false).flags
        return DropLines(pattern: try scanner.compile(sections[0], flags: flags))
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        LineSelectionStage(pattern: pattern, removeWhenMatched: true, context: context, next: next)
    }
}
