/// The stage behind `drop` and `keep`: removes the lines whose match result is the one it
/// removes on. A line on which a limit stops the match is kept unchanged and reported.
final class LineSelectionStage: LineStage {
    private let matcher: Matcher
    private let removeWhenMatched: Bool
    private let context: StageContext
    private let statistics: StepStatistics

    init(pattern: Pattern, removeWhenMatched: Bool, context: StageContext, next: LineStage) {
        self.matcher = Matcher(pattern: pattern, limits: context.limits)
        self.removeWhenMatched = removeWhenMatched
        self.context = context
        self.statistics = context.statistics
        super.init(next: next)
    }

    override func push(_ line: Line) {
        do {
            if try matcher.matches(line.content) == removeWhenMatched {
                statistics.linesRemoved += 1
                return
            }
        } catch {
            context.reportLimitFailure(error, on: line)
        }
        next?.push(line)
    }
}
