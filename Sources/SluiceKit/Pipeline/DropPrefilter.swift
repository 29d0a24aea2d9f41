import Dispatch
import Glibc
/// Decides once for each line, for every drop run of a pipeline (``DropRunStage``) and every
/// `drop-list` heading, which of their rules may match it; the others need not run. The answer is a necessary condition
/// read from each rule's pattern (``PatternSourceReading``), never a guess: a rule it leaves
/// out cannot match the line.
///
/// Each drop rule gets one gate:
/// - a rule anchored at the line start (`^\h*(?:advertisement|sponsored)…`, most junk rules)
///   is looked up by the text that begins the line (``LineStartIndex``): a few steps a line,
///   however many rules there are;
/// - else a rule whose every match holds one of a few literals of four bytes or more is
///   looked for with one scan for all such rules (``LiteralScanner``);
/// - else a rule that can only match a line of at most so many characters (``LineWidth``)
///   runs on the lines that short;
/// - else it runs on every line (joined with the other such rules of its run).
/// The width bound also holds back rules of the first two kinds from wider lines: most junk
/// rules match short lines only, and most bytes are in long lines of prose.
///
/// `drop-list` steps split a rule file's drops into several runs. The first run that needs
/// the answer for a line works it out and numbers it in the ``Line``
/// (``Line/prefilterAnswer``); the runs after it get the same answer while it is the last
/// one. A step that changes a line makes a new `Line`, which starts without a number, so an
/// answer is never used for other text than it was found in.
final class DropPrefilter {
    /// How a rule is kept from running on lines it cannot match.
    enum Gate {
        /// By the text that begins the line (and its width, when bounded).
        case lineStart
        /// By the literals of its pattern somewhere in the line (and its width, when bounded).
        case literals
        /// By the line's width alone.
        case width
        /// Not at all: it runs on every line.
        case none
    }

    /// The shortest literal worth a scan; shorter ones would pass too many lines.
    static let minimumLiteralLength = 4
    /// The fewest rules worth a literal scan: measured on the drop-only benchmark, one scan
    /// of a line costs more than running one or two anchored patterns that fail at once.
    static let minimumScannedRules = 4
    /// The most literals a rule may need looked for; more would slow every scan.
    static let maximumLiterals = 48
    /// Stands for no bound on a rule's line width.
    private static let unbounded = Int.max

    /// For each step of the rule set, its gate (``Gate/none`` for steps that are not drops).
    let gates: [Gate]
    /// For each step, the widest line it can match (``unbounded`` when not known).
    private let widths: [Int]
    private let index: LineStartIndex?
    private let scanner: LiteralScanner?
    /// For each set of `scanner`, the step it stands for.
    private let scannedSteps: [Int32]
    /// The widest line any scanned rule can match: a wider line is not scanned.
    private let scannedWidth: Int
    /// The steps gated by width alone, and their bounds.
    private let widthSteps: [(step: Int32, width: Int)]
    /// The largest bound of a rule: counting a line's width stops past it.
    private let largestWidth: Int
    /// The smallest bound of a rule: a line of no more bytes passes every bound.
    private let smallestWidth: Int
    /// True when some gated rule also tries lines without their edge quote marks (`q`).
    private let triesTrimmedLines: Bool
    private var found: [Int32] = []
    private var scanned: [Int32] = []
    /// The last answer, and its number (``Line/prefilterAnswer``): lines ask one at a time,
    /// and a line keeps its number only while its text is the one the answer is for.
    private var answer: [Int32] = []
    private var answerNumber: UInt64 = 0

    /// The prefilter for the steps of `steps` at the indices `gating` (drops, and `drop-list`
    /// headings), or nil when none gets a gate.
    init?(steps: [RuleStep], gating: [Int]) {
        var gates = Array(repeating: Gate.none, count: steps.count)
        var widths = Array(repeating: DropPrefilter.unbounded, count: steps.count)
        var anchored: [(number: Int32, prefixes: PrefixSet)] = []
        var literalSets: [[[UInt8]]] = []
        var scannedSteps: [Int32] = []
        var triesTrimmedLines = false
        let readings = DropPrefilter.readings(of: gating.map { DropPrefilter.linePattern(of: steps[$0].step) })
        for (step, reading) in zip(gating, readings) {
            do {
                let ignoresEdgeQuotes = (steps[step].step as? DropLines)?.ignoresEdgeQuotes ?? false
                guard let reading else { continue }
                if let width = reading.lineWidth { widths[step] = width }
                if let prefixes = reading.lineStartPrefixes {
                    gates[step] = .lineStart
                    anchored.append((Int32(step), prefixes))
                } else if let literals = reading.literals,
                          literals.count <= DropPrefilter.maximumLiterals,
                          literals.allSatisfy({ $0.count >= DropPrefilter.minimumLiteralLength }) {
                    gates[step] = .literals
                    literalSets.append(literals)
                    scannedSteps.append(Int32(step))
                } else if reading.lineWidth != nil {
                    gates[step] = .width
                } else {
                    continue
                }
                if ignoresEdgeQuotes { triesTrimmedLines = true }
            }
        }
        // A scan costs about as much as a few patterns that fail at the start of a line:
        // for fewer rules it would cost more than it saves.
        if literalSets.count < DropPrefilter.minimumScannedRules {
            for step in scannedSteps { gates[Int(step)] = widths[Int(step)] == DropPrefilter.unbounded ? .none : .width }
            literalSets = []
            scannedSteps = []
        }
        let bounded = gates.indices.filter { gates[$0] != .none && widths[$0] != DropPrefilter.unbounded }
        guard !anchored.isEmpty || !literalSets.isEmpty || !bounded.isEmpty else { return nil }
        self.gates = gates
        self.widths = widths
        self.index = anchored.isEmpty ? nil : LineStartIndex(rules: anchored)
        self.scanner = literalSets.isEmpty ? nil : LiteralScanner(sets: literalSets)
        self.scannedSteps = scannedSteps
        self.scannedWidth = scannedSteps.map { widths[Int($0)] }.max() ?? DropPrefilter.unbounded
        self.widthSteps = gates.indices.filter { gates[$0] == .width }.map { (Int32($0), widths[$0]) }
        self.largestWidth = bounded.map { widths[$0] }.max() ?? 0
        self.smallestWidth = bounded.map { widths[$0] }.min() ?? DropPrefilter.unbounded
        self.triesTrimmedLines = triesTrimmedLines
    }

    /// The reading of each pattern (nil for none, or one the reading leaves alone). Reading is
    /// most of start-up after compiling, and each pattern is read on its own: with many
    /// patterns and a second core, two threads read every other one.
    private static func readings(of patterns: [Pattern?]) -> [PatternSourceReading?] {
        let threads = patterns.count >= DropPrefilter.patternsPerThread * 2 && processorCount > 1 ? 2 : 1
        var readings = [PatternSourceReading?](repeating: nil, count: patterns.count)
        readings.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for index in stride(from: thread, to: patterns.count, by: threads) {
                    results[index] = patterns[index].flatMap { PatternSourceReading($0) }
                }
            }
        }
        return readings
    }

    /// Fewer patterns than this for each thread are read on one: a thread costs more.
    private static let patternsPerThread = 20
    private static let processorCount = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// The pattern a step matches against each line: a drop's, or a `drop-list` heading's.
    private static func linePattern(of step: any Step) -> Pattern? {
        (step as? DropLines)?.pattern ?? (step as? DropListBlocks)?.heading
    }

    /// The steps whose gate lets `line` through, in order, each once: worked out now, or
    /// read from an earlier run's answer for the same line (and stored in it for the runs
    /// after this one).
    func candidates(_ line: inout Line) -> [Int32] {
        if line.prefilterAnswer == answerNumber, answerNumber != 0 { return answer }
        let content = line.content
        // As `drop /…/q` does, a line behind stray quote marks is also tried without them.
        // The trimmed text is part of the line, so the literal scan covers it, and it is no
        // wider: its width is the one to check.
        let trimmed = triesTrimmedLines ? QuoteMarks.trimmingEdgeQuotes(content) : nil
        let narrowest = trimmed ?? content
        // The width, counted only when some bound could matter: a line of no more bytes
        // than the smallest bound passes them all.
        let width = narrowest.count <= smallestWidth ? 0 : LineWidth.count(narrowest, upTo: largestWidth)
        found.removeAll(keepingCapacity: true)
        if let index {
            index.candidates(content, into: &found)
            if let trimmed { index.candidates(trimmed, into: &found) }
        }
        if let scanner, width <= scannedWidth {
            scanned.removeAll(keepingCapacity: true)
            scanner.scan(content, into: &scanned)
            for set in scanned { found.append(scannedSteps[Int(set)]) }
        }
        for (step, bound) in widthSteps where width <= bound { found.append(step) }
        if found.count > 1 { found.sort() }
        answer.removeAll(keepingCapacity: true)
        for step in found where answer.last != step && width <= widths[Int(step)] { answer.append(step) }
        answerNumber += 1
        line.prefilterAnswer = answerNumber
        return answer
    }
}
