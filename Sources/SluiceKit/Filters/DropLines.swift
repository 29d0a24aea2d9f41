/// Removes every line that matches a pattern.
///
/// Syntax: `drop /PATTERN/FLAGS [as NAME]`
///
/// ```
/// drop /^\s*Advertisement\s*$/iq as ad-label
/// ```
///
/// The pattern sees the line without its terminator. A line on which a match limit stops
/// the pattern is kept. With the flag `q`, a line that does not match but starts or ends
/// with quote marks is tried once more without them (and the spaces and tabs around them):
/// `Advertisement”` is an ad label behind a stray mark that `quotes strip-stray` removes
/// only later, too late for the line rules. Only the marks that step may remove count
/// (`"`, curly, low and angle quotes), never `'` or `’`.
public struct DropLines: Step {
    public static let keyword = "drop"
    public static let synopsis = "drop /PATTERN/FLAGS"

    /// Lines matching this are removed.
    public let pattern: Pattern
    /// The `q` flag: a line is also tried without the quote marks at its edges.
    public var ignoresEdgeQuotes = false

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> DropLines {
        let sections = try scanner.readDelimited(sections: 1)
        let (flags, _, edgeQuotes) = try scanner.readFlags(allowGlobal: false, allowEdgeQuotes: true)
        return DropLines(pattern: try scanner.compile(sections[0], flags: flags), ignoresEdgeQuotes: edgeQuotes)
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        LineSelectionStage(pattern: pattern, removeWhenMatched: true, ignoresEdgeQuotes: ignoresEdgeQuotes, context: context, next: next)
    }
}
