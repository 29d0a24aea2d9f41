/// Runs several consecutive `drop` steps as one stage, so that a line no rule drops — most
/// lines — costs one pass instead of one match per rule. The output is the same as running
/// the steps one after another.
///
/// Two cheap tests tell whether any rule may match a line:
/// - rules whose every match must contain one of a few literals (``RequiredLiterals``: a
///   word of at least ``SharedLiteralScan/minimumLiteralLength`` bytes) are looked for with
///   one ``LiteralScanner`` pass, shared by all the pipeline's drop runs
///   (``SharedLiteralScan``): a rule none of whose literals occur in the line cannot match it
///   and is not run (rules that scan the whole line, such as `^[^\n]{0,150}\bsee…gallery`,
///   cost a PCRE2 match per line otherwise);
/// - the other rules are joined into one pattern (``Pattern/alternation(of:)``).
/// Only when one of these says a rule may match are the candidate rules tried one by one, in
/// order, so that the right rule is counted.
final class DropRunStage: LineStage {
    /// The rules without literals, joined; nil when there are none.
    private let joined: Matcher?
    private let scan: SharedLiteralScan?
    private let matchers: [Matcher]
    /// For each rule, its bit in the shared scan's result, or 0 when it is in `joined`.
    private let scanBits: [UInt64]
    /// For each rule, its `q` flag.
    private let ignoresEdgeQuotes: [Bool]
    private let anyIgnoresEdgeQuotes: Bool
    private let contexts: [StageContext]

    /// A stage for the `drops` steps behind `contexts`, or nil when their patterns cannot be
    /// joined (each step then gets its own stage). `scanBits` are the rules' bits in `scan`
    /// (0 for a rule not scanned for).
    init?(drops: [DropLines], contexts: [StageContext], scan: SharedLiteralScan?, scanBits: [UInt64], next: LineStage) {
        guard let limits = contexts.first?.limits else { return nil }
        let scanBits = scan == nil ? Array(repeating: 0, count: drops.count) : scanBits
        let unscanned = zip(drops, scanBits).filter { $0.1 == 0 }.map(\.0.pattern)
        switch unscanned.count {
        case 0:
            self.joined = nil
        case 1:
            self.joined = Matcher(pattern: unscanned[0], limits: limits)
        default:
            guard let joinedPattern = Pattern.alternation(of: unscanned) else { return nil }
            self.joined = Matcher(pattern: joinedPattern, limits: limits)
        }
        self.scan = scanBits.contains { $0 != 0 } ? scan : nil
        self.scanBits = scanBits
        self.matchers = drops.map { Matcher(pattern: $0.pattern, limits: limits) }
        self.ignoresEdgeQuotes = drops.map(\.ignoresEdgeQuotes)
        self.anyIgnoresEdgeQuotes = ignoresEdgeQuotes.contains(true)
        self.contexts = contexts
        super.init(next: next)
    }

    override func push(_ line: Line) {
        var line = line
        let content = line.content
        // As `drop /…/q` does alone, a line behind stray quote marks is also tried without
        // them, by the rules with the `q` flag. The trimmed text is part of the line, so a
        // literal missing from the line is missing from it too.
        let trimmed = anyIgnoresEdgeQuotes ? QuoteMarks.trimmingEdgeQuotes(content) : nil
        var found: UInt64 = 0
        if let scan { found = scan.hits(&line) }
        var joinedMayMatch = false
        if let joined {
            joinedMayMatch = joinedMatches(joined, content)
            if !joinedMayMatch, let trimmed { joinedMayMatch = joinedMatches(joined, trimmed) }
        }
        if found == 0, !joinedMayMatch {
            next?.push(line)
            return
        }
        for (index, matcher) in matchers.enumerated() {
            let bit = scanBits[index]
            guard bit == 0 ? joinedMayMatch : found & bit != 0 else { continue }
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

    /// False when no rule of `joined` matches `content`; true when one may (or the joined
    /// pattern gave up: each rule then decides, and reports, on its own).
    private func joinedMatches(_ joined: Matcher, _ content: UnsafeRawBufferPointer) -> Bool {
        (try? joined.matches(content)) ?? true
    }
}
