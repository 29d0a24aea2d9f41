/// Turns curly quotes into straight ones: `“ ” „ ‟` become `"`, and `‘ ’ ‚ ‛` become `'`.
///
/// Syntax: `quotes straighten [as NAME]`
///
/// ```
/// quotes straighten
/// ```
///
/// Guillemets (`« » ‹ ›`) are left as they are: they are not curly forms of straight marks.
/// Lines without a curly quote pass through untouched.
public struct QuoteStraightener: Step {
    public static let keyword = "quotes straighten"
    public static let synopsis = "quotes straighten"

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> QuoteStraightener {
        _ = try StepOptions(&scanner, allowed: [])
        return QuoteStraightener()
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        Stage(statistics: context.statistics, next: next)
    }

    /// The straight form of the curly quote encoded as E2 80 `third`, if it is one.
    static func straight(third: UInt8) -> UInt8? {
        switch third {
        case 0x9C, 0x9D, 0x9E, 0x9F: return UInt8(ascii: "\"")
        case 0x98, 0x99, 0x9A, 0x9B: return UInt8(ascii: "'")
        default: return nil
        }
    }

    private final class Stage: LineStage {
        private let statistics: StepStatistics
        private var output: [UInt8] = []

        init(statistics: StepStatistics, next: LineStage) {
            self.statistics = statistics
            super.init(next: next)
        }

        override func push(_ line: Line) {
            let content = line.content
            guard content.contains(0xE2) else {
                next?.push(line)
                return
            }
            output.removeAll(keepingCapacity: true)
            var replaced = 0
            var index = 0
            while index < content.count {
                if content[index] == 0xE2, index + 2 < content.count, content[index + 1] == 0x80,
                   let straight = QuoteStraightener.straight(third: content[index + 2]) {
                    output.append(straight)
                    replaced += 1
                    index += 3
                } else {
                    output.append(content[index])
                    index += 1
                }
            }
            guard replaced > 0 else {
                next?.push(line)
                return
            }
            statistics.replacements += replaced
            statistics.linesChanged += 1
            let contentCount = output.count
            output.append(contentsOf: line.terminator)
            output.withUnsafeBytes { next?.push(Line(bytes: $0, contentCount: contentCount, number: line.number)) }
        }
    }
}
