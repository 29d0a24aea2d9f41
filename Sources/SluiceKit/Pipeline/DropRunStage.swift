/// Runs several consecutive `drop` steps as one stage: one joined pattern
/// (``Pattern/alternation(of:)``) tells whether any of them matches a line, so a line no rule
/// drops — most lines — costs one match instead of one per rule. Only when the joined
/// pattern matches are the rules tried one by one, in order, so that the right rule is
/// counted. The output is the same as running the steps one after another.
final class DropRunStage: LineStage {
    private let joined: Matcher
    private let matchers: [Matcher]
    /// For each rule, its `q` flag.
    private let ignoresEdgeQuotes: [Bool]
    private let anyIgnoresEdgeQuotes: Bool
    private let contexts: [StageContext]

    /// A stage for the `drops` steps behind `contexts`, or nil when their patterns cannot be
    /// joined (each step then gets its own stage).
    init?(drops: [DropLines], contexts: [StageContext], next: LineStage) {
        guard let limits = contexts.first?.limits, let joinedPattern = Pattern.alternation(of: drops.map(\.pattern)) else { return nil }
        self.joined = Matcher(pattern: joinedPattern, limits: limits)
        self.matchers = drops.map { Matcher(pattern: $0.pattern, limits: limits) }
        self.ignoresEdgeQuotes = drops.map(\.ignoresEdgeQuotes)
        self.anyIgnoresEdgeQuotes = ignoresEdgeQuotes.contains(true)
        self.contexts = contexts
        super.init(next: next)
    }

    override func push(_ line: Line) {
        let content = line.content
        // As `drop /…/q` does alone, a line behind stray quote marks is also tried without
        // them, by the rules with the `q` flag.
        let trimmed = anyIgnoresEdgeQuotes ? QuoteMarks.trimmingEdgeQuotes(content) : nil
        if !joinedMatches(content), trimmed.map(joinedMatches) != true {
            next?.push(line)
            return
        }
        for (index, matcher) in matchers.enumerated() {
            do {
                if try matcher.matches(content) {
                    contexts[index].statistics.linesRemoved += 1
                    return
                }
                if ignoresEdgeQuotes[index], let trimmed, try matcher.matches(trimmed) {
                    contexts[index].statistics.linesRemoved += 1
                    return
                }
            } catch {
                contexts[index].reportLimitFailure(error, on: line)
            }
        }
        next?.push(line)
    }

    /// False when no rule matches `content`; true when one may (or the joined pattern gave
    /// up: each rule then decides, and reports, on its own).
    private func joinedMatches(_ content: UnsafeRawBufferPointer) -> Bool {
        (try? joined.matches(content)) ?? true
    }
}
