import SluiceKit

/// Warns about lines on which a match limit was reached: the first few per rule, then a
/// note that more were not shown (statistics count them all).
struct LimitWarnings {
    static let shownPerRule = 5
    private var counts: [String: Int] = [:]

    mutating func report(_ event: LimitFailure) {
        let count = counts[event.stepName, default: 0] + 1
        counts[event.stepName] = count
        if count <= LimitWarnings.shownPerRule {
            Diagnostics.warning(event.description)
        } else if count == LimitWarnings.shownPerRule + 1 {
            Diagnostics.warning("rule \(event.stepName) reached a match limit on more lines; not showing them")
        }
    }
}
