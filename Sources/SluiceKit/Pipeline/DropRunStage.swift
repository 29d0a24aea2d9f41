/// Runs several consecutive `drop` steps as one stage: one joined pattern
/// (``Pattern/alternation(of:)``) tells whether any of them matches a line, so a line no rule
/// drops — most lines — costs one match instead of one per rule. Only when the joined
/// pattern matches are the rules tried one by one, in order, so that the right rule is
/// counted. The output is the same as running the steps one after another.
final class DropRunStage: LineStage {
    private let joined: Matcher
    private let matchers: [Matcher]
    private let contexts: [StageContext]

    /// A stage for the `drop` steps behind `contexts`, or nil when their patterns cannot be
    /// joined (each step then gets its own stage).
    init?(patterns: [Pattern], contexts: [StageContext], next: LineStage) {
        guard let limits = contexts.first?.limits, let joinedPattern = Pattern.alternation(of: patterns) else { return nil }
        self.joined = Matcher(pattern: joinedPattern, limits: limits)
        self.matchers = patterns.map { Matcher(pattern: $0, limits: limits) }
        self.contexts = contexts
        super.init(next: next)
    }

    override func push(_ line: Line) {
        let content = line.content
        do {
            if try !joined.matches(content) {
                next?.push(line)
                return
            }
        } catch {
            // The joined pattern gave up: let each rule decide, and report, on its own.
        }
        for (index, matcher) in matchers.enumerated() {
            do {
                if try matcher.matches(content) {
                    contexts[index].statistics.linesRemoved += 1
                    return
                }
            } catch {
                contexts[index].reportLimitFailure(error, on: line)
            }
        }
        next?.push(line)
    }
}
