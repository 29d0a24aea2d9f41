/// One literal scan of each line for every drop run of a pipeline.
///
/// `drop-list` steps split a rule file's drops into several runs (``DropRunStage``), and each
/// run used to scan every line for its own rules' literals. The pipeline now makes one
/// scanner for the literals of all runs; the first run that needs it scans the line and
/// stores the result in the ``Line`` (``Line/literalHits``), and the runs after it read it
/// there. A step that changes a line makes a new `Line`, which starts without a result, so
/// a result is never used for other text than it was found in.
final class SharedLiteralScan {
    /// The shortest literal worth a scan; shorter ones would pass too many lines.
    static let minimumLiteralLength = 4
    /// The fewest rules worth a scan: measured on the drop-only benchmark, one scan of a line
    /// costs more than running one or two anchored patterns that fail at once.
    static let minimumScannedRules = 4
    /// The most literals a rule may need looked for; more would slow every scan.
    static let maximumLiterals = 48

    private let scanner: LiteralScanner
    /// For each step of the rule set, its bit in a scan's result (0: not scanned for).
    let bits: [UInt64]

    /// The scan for the drop runs of `steps` (each run being `runs[i]`, a range of step
    /// indices), or nil when fewer than ``minimumScannedRules`` rules have literals worth it.
    init?(steps: [RuleStep], runs: [ClosedRange<Int>]) {
        var bits = Array(repeating: UInt64(0), count: steps.count)
        var sets: [[[UInt8]]] = []
        for run in runs {
            for index in run {
                guard sets.count < LiteralScanner.maximumSets,
                      let drop = steps[index].step as? DropLines,
                      let required = RequiredLiterals(drop.pattern),
                      required.shortestLength >= SharedLiteralScan.minimumLiteralLength,
                      required.literals.count <= SharedLiteralScan.maximumLiterals
                else { continue }
                bits[index] = UInt64(1) << UInt64(sets.count)
                sets.append(required.literals)
            }
        }
        // The scan costs about as much as a few patterns that fail at the start of a line
        // (most anchored rules do): for fewer rules it would cost more than it saves.
        guard sets.count >= SharedLiteralScan.minimumScannedRules else { return nil }
        self.scanner = LiteralScanner(sets: sets)
        self.bits = bits
    }

    /// Which rules' literals occur in `line`: scanned now, or read from an earlier run's scan
    /// of the same line (and stored in it for the runs after this one).
    func hits(_ line: inout Line) -> UInt64 {
        if let known = line.literalHits { return known }
        let found = scanner.scan(line.content)
        line.literalHits = found
        return found
    }
}
