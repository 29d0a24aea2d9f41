/// Runs several consecutive `drop` steps as one stage, so that a line no rule drops — most
/// lines — costs one pass instead of one match per rule. The output is the same as running
/// the steps one after another.
///
/// Two cheap tests tell whether any rule may match a line:
/// - the pipeline's ``DropPrefilter`` names the gated rules that may match it (rules anchored
///   at the line start, looked up by the line's first bytes; rules with required literals,
///   found by one scan); the others cannot and are not run;
/// - the rules without a gate are joined into patterns of up to ``joinedRules`` rules each
///   (``Pattern/alternation(of:)``; PCRE2 refuses a pattern too large, and a rule that
///   cannot be joined stands alone).
/// Only the rules these name are tried one by one, in order, so that the right rule is
/// counted.
final class DropRunStage: LineStage {
    /// The most rules joined into one pattern.
    static let joinedRules = 100

    /// The rules without a gate, joined in groups: each group's matcher, and for each rule
    /// of the run, its group (-1 for a gated rule).
    private let joined: [Matcher]
    /// For each group of `joined`, its rules (indices in the run), in order.
    private let rulesOfGroup: [[Int32]]
    /// The rules to try on the current line, in order (kept to reuse its storage).
    private var tried: [Int32] = []
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
    /// rule set.
    init?(drops: [DropLines], firstStep: Int, contexts: [StageContext], prefilter: DropPrefilter?, next: LineStage) {
        guard let limits = contexts.first?.limits else { return nil }
        let isGated: [Bool] = drops.indices.map { rule in
            guard let prefilter else { return false }
            return prefilter.gates[firstStep + rule] != .none
        }
        let ungated = drops.indices.filter { !isGated[$0] }
        var joined: [Matcher] = []
        var groupOfRule = Array(repeating: -1, count: drops.count)
        var start = 0
        while start < ungated.count {
            let group = Array(ungated[start..<min(start + DropRunStage.joinedRules, ungated.count)])
            start += group.count
            if group.count > 1, let pattern = Pattern.alternation(of: group.map { drops[$0].pattern }) {
                for rule in group { groupOfRule[rule] = joined.count }
                joined.append(Matcher(pattern: pattern, limits: limits))
            } else {
                for rule in group {
                    groupOfRule[rule] = joined.count
                    joined.append(Matcher(pattern: drops[rule].pattern, limits: limits))
                }
            }
        }
        self.joined = joined
        var rulesOfGroup = Array(repeating: [Int32](), count: joined.count)
        for (rule, group) in groupOfRule.enumerated() where group >= 0 { rulesOfGroup[group].append(Int32(rule)) }
        self.rulesOfGroup = rulesOfGroup
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
        // As `drop /…/q` does alone, a line behind stray quote marks is also tried without
        // them, by the rules with the `q` flag.
        let trimmed = anyIgnoresEdgeQuotes ? QuoteMarks.trimmingEdgeQuotes(content) : nil
        // The rules to try, in order: the prefilter's candidates of this run, and the rules
        // of each joined group that may match.
        tried.removeAll(keepingCapacity: true)
        let runEnd = firstStep + Int32(matchers.count)
        while next < candidates.count, candidates[next] < runEnd {
            tried.append(candidates[next] - firstStep)
            next += 1
        }
        let candidateCount = tried.count
        for (group, matcher) in joined.enumerated() {
            var mayMatch = joinedMatches(matcher, content)
            if !mayMatch, let trimmed { mayMatch = joinedMatches(matcher, trimmed) }
            if mayMatch { tried += rulesOfGroup[group] }
        }
        if tried.isEmpty {
            self.next?.push(line)
            return
        }
        if tried.count > candidateCount, candidateCount > 0 { tried.sort() }
        for rule in tried {
            let index = Int(rule)
            let matcher = matchers[index]
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
