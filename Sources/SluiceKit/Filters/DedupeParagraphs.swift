/// Removes every paragraph whose normalized text equals an earlier paragraph's in the same
/// document; the first copy stays.
///
/// Syntax: `dedupe paragraphs [min-length=N] [as NAME]`
///
/// ```
/// dedupe paragraphs min-length=20
/// ```
///
/// A paragraph is a run of non-blank lines. Texts are compared after cc_net-style
/// normalization (see ``TextNormalizer``): case, accents, digits, punctuation and spacing do
/// not count. Paragraphs whose normalized text is shorter than `min-length` characters
/// (default 20: "Photo:", "Reuters", "—") are never removed. Memory per document is one
/// 64-bit hash per paragraph, for at most the first 131,072 distinct paragraphs of a
/// document (later ones are checked against those, not remembered): at most a 2 MiB table,
/// so that memory stays flat however long one document runs. A news article has hundreds
/// of paragraphs; 131,072 is a book of about 20 MB. Blank lines are left for
/// `squeeze blank-lines` to tidy.
public struct DedupeParagraphs: Step {
    public static let keyword = "dedupe paragraphs"
    public static let synopsis = "dedupe paragraphs [min-length=N]"

    /// Paragraphs with fewer normalized characters than this are always kept.
    public let minimumLength: Int
    /// The most paragraph hashes remembered per document (a table of 2 MiB): past that,
    /// later paragraphs are still checked against those remembered, but not added.
    public static let rememberedLimit = 1 << 17

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> DedupeParagraphs {
        let options = try StepOptions(&scanner, allowed: ["min-length"])
        return DedupeParagraphs(minimumLength: try options.integer("min-length", default: 20, in: 1...100_000))
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        Stage(minimumLength: minimumLength, context: context, next: next)
    }

    private final class Stage: ParagraphStage {
        private let minimumLength: Int
        private let statistics: StepStatistics
        private let normalizer = TextNormalizer()
        private var seen = HashValueSet()

        init(minimumLength: Int, context: StageContext, next: LineStage) {
            self.minimumLength = minimumLength
            self.statistics = context.statistics
            super.init(context: context, next: next)
        }

        override func paragraphCompleted(_ paragraph: HeldLines) {
            let words = normalizer.textSummary(of: paragraph)
            if words.characterCount >= minimumLength, isSeen(words.textHash) {
                statistics.paragraphsRemoved += 1
                statistics.linesRemoved += paragraph.lineCount
                return
            }
            paragraph.emit(to: next)
        }

        /// True when an earlier paragraph had this hash; remembers it otherwise, while
        /// fewer than ``DedupeParagraphs/rememberedLimit`` are remembered.
        private func isSeen(_ hash: UInt64) -> Bool {
            if seen.contains(hash) { return true }
            if seen.count < DedupeParagraphs.rememberedLimit { seen.insert(hash) }
            return false
        }

        override func documentEnded() {
            seen.removeAll()
        }
    }
}
