/// The stage behind `drop` and `keep`: removes the lines whose match result is the one it
/// removes on. A line on which a limit stops the match is kept unchanged and reported.
/// With `ignoresEdgeQuotes` (`drop`'s `q` flag), a line that does not match but starts or
/// ends with quote marks is tried once more without them (``QuoteMarks/trimmingEdgeQuotes(_:)``).
final class LineSelectionStage: LineStage {
    private let matcher: Matcher
    private let removeWhenMatched: Bool
    private let ignoresEdgeQuotes: Bool
    private let context: StageContext
    private let statistics: StepStatistics

    init(pattern: Pattern, removeWhenMatched: Bool, ignoresEdgeQuotes: Bool, context: StageContext, next: LineStage) {
        self.matcher = Matcher(pattern: pattern, limits: context.limits)
        self.removeWhenMatched = removeWhenMatched
        self.ignoresEdgeQuotes = ignoresEdgeQuotes
        self.context = context
        self.statistics = context.statistics
        super.init(next: next)
    }

    override func push(_ line: Line) {
        do {
            if try matches(line.content) == removeWhenMatched {
                statistics.linesRemoved += 1
                return
            }
        } catch {
            context.reportLimitFailure(error, on: line)
        }
        next?.push(line)
    }

    private func matches(_ content: UnsafeRawBufferPointer) throws(MatchFailure) -> Bool {
        if try matcher.matches(content) { return true }
        guard ignoresEdgeQuotes, let trimmed = QuoteMarks.trimmingEdgeQuotes(content) else { return false }
        return try matcher.matches(trimmed)
    }
}
