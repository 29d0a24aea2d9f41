/// Runs several consecutive `drop` steps as one stage, so that a line no rule drops — most
/// lines — costs one pass instead of one match per rule. The output is the same as running
/// the steps one after another.
///
/// Two cheap tests tell whether any rule may match a line:
/// - the pipeline's ``DropPrefilter`` names the gated rules that may match it (rules anchored
///   at the line start, looked up by the line's first bytes; rules with required literals,
///   found by one scan); the others cannot and are not run;
/// - the rules without a gate are joined into one pattern (``Pattern/alternation(of:)``).
/// Only the rules these name are tried one by one, in order, so that the right rule is
/// counted.
final class DropRunStage: LineStage {
    /// The rules without a gate, joined; nil when there are none.
    private let joined: Matcher?
    private let prefilter: DropPrefilter?
    private let matchers: [Matcher]
    /// For each rule, whether the prefilter gates it (else `joined` stands for it).
    private let isGated: [Bool]
    /// The step index of the run's first rule: rule `i` is step `firstStep + i`.
    private let firstStep: Int32
    /// For each rule, its `q` flag.
    private let ignoresEdgeQuotes: [Bool]
    private let anyIgnoresEdgeQuotes: Bool
    private let contexts: [StageContext]

    /// A stage for the `drops` steps behind `contexts`, which are steps `firstStep…` of the
    /// rule set, or nil when their patterns cannot be joined (each step then gets its own
    /// stage).
    init?(drops: [DropLines], firstStep: Int, contexts: [StageContext], prefilter: DropPrefilter?, next: LineStage) {
        guard let limits = contexts.first?.limits else { return nil }
        let isGated: [Bool] = drops.indices.map { rule in
            guard let prefilter else { return false }
            return prefilter.gates[firstStep + rule] != .none
        }
        let ungated = zip(drops, isGated).filter { !$0.1 }.map(\.0.pattern)
        switch ungated.count {
        case 0:
            self.joined = nil
        case 1:
            self.joined = Matcher(pattern: ungated[0], limits: limits)
        default:
            guard let joinedPattern = Pattern.alternation(of: ungated) else { return nil }
            self.joined = Matcher(pattern: joinedPattern, limits: limits)
        }
        self.prefilter = isGated.contains(true) ? prefilter : nil
        self.isGated = isGated
        self.firstStep = Int32(firstStep)
        self.matchers = drops.map { Matcher(pattern: $0.pattern, limits: limits) }
        self.ignoresEdgeQuotes = drops.map(\.ignoresEdgeQuotes)
        self.anyIgnoresEdgeQuotes = ignoresEdgeQuotes.contains(true)
        self.contexts = contexts
        super.init(next: next)
    }

    override func push(_ line: Line) {
        var line = line
        let content = line.content
        var candidates: [Int32] = []
        if let prefilter { candidates = prefilter.candidates(&line) }
        // The candidates of this run: those from its first step on (the list is in order).
        var next = 0
        while next < candidates.count, candidates[next] < firstStep { next += 1 }
        let hasCandidate = next < candidates.count && Int(candidates[next] - firstStep) < matchers.count
        // As `drop /…/q` does alone, a line behind stray quote marks is also tried without
        // them, by the rules with the `q` flag.
        let trimmed = anyIgnoresEdgeQuotes ? QuoteMarks.trimmingEdgeQuotes(content) : nil
        var joinedMayMatch = false
        if let joined {
            joinedMayMatch = joinedMatches(joined, content)
            if !joinedMayMatch, let trimmed { joinedMayMatch = joinedMatches(joined, trimmed) }
        }
        if !hasCandidate, !joinedMayMatch {
            self.next?.push(line)
            return
        }
        for (index, matcher) in matchers.enumerated() {
            if isGated[index] {
                let step = firstStep + Int32(index)
                while next < candidates.count, candidates[next] < step { next += 1 }
                guard next < candidates.count, candidates[next] == step else { continue }
            } else if !joinedMayMatch {
                continue
            }
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
        self.next?.push(line)
    }

    /// False when no rule of `joined` matches `content`; true when one may (or the joined
    /// pattern gave up: each rule then decides, and reports, on its own).
    private func joinedMatches(_ joined: Matcher, _ content: UnsafeRawBufferPointer) -> Bool {
        (try? joined.matches(content)) ?? true
    }
}
