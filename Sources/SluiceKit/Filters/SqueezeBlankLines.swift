/// Collapses each run of blank lines into its first line and removes blank lines at the
/// start and end of every document, so that removing a line between two paragraphs never
/// leaves a double gap.
///
/// Syntax: `squeeze blank-lines [as NAME]`
///
/// ```
/// squeeze blank-lines
/// ```
///
/// A blank line is empty or holds only spaces, tabs, CR, FF or VT. The blank line kept
/// from a run keeps its bytes.
public struct SqueezeBlankLines: Step {
    public static let keyword = "squeeze"
    public static let synopsis = "squeeze blank-lines"

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> SqueezeBlankLines {
        guard let what = scanner.readWord() else {
            throw scanner.error("expected what to squeeze: 'squeeze blank-lines'")
        }
        guard what.text == "blank-lines" else {
            throw scanner.error("cannot squeeze '\(what.text)'; only 'squeeze blank-lines' exists", at: what.column)
        }
        return SqueezeBlankLines()
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        Stage(statistics: context.statistics, next: next)
    }

    private final class Stage: LineStage {
        private let statistics: StepStatistics
        /// The first blank line of the current run, held until a non-blank line follows.
        private var heldBlank: [UInt8] = []
        private var heldNumber = 0
        private var isHolding = false
        private var documentHasContent = false

        init(statistics: StepStatistics, next: LineStage) {
            self.statistics = statistics
            super.init(next: next)
        }

        override func push(_ line: Line) {
            if line.isBlank {
                if documentHasContent, !isHolding {
                    heldBlank.removeAll(keepingCapacity: true)
                    heldBlank.append(contentsOf: line.bytes)
                    heldNumber = line.number
                    isHolding = true
                } else {
                    statistics.linesRemoved += 1
                }
                return
            }
            if isHolding {
                isHolding = false
                heldBlank.withUnsafeBytes { next?.push(Line(bytes: $0, number: heldNumber)) }
            }
            documentHasContent = true
            next?.push(line)
        }

        override func endDocument() {
            if isHolding { statistics.linesRemoved += 1 }
            isHolding = false
            documentHasContent = false
            next?.endDocument()
        }
    }
}
