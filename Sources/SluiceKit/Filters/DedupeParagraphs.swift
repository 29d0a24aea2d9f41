/// Removes what a scraper printed twice: a run of paragraphs that repeats an earlier run of
/// the same document in the same order, or a paragraph repeated right after itself. The first
/// copy stays; a repeat that stands alone (a question put to many people, a refrain, a
/// heading that also stands in a table of contents) is content and stays too.
///
/// Syntax: `dedupe paragraphs [min-length=N] [min-run=K] [as NAME]`
///
/// ```
/// dedupe paragraphs min-length=20 min-run=2
/// ```
///
/// Texts are compared after normalization (see ``TextNormalizer``) that keeps digits apart:
/// case, accents, punctuation and spacing do not count, numbers do (`8 oz.` is not `4 oz.`).
/// Paragraphs whose normalized text is shorter than `min-length` characters (default 20:
/// "Photo:", "Reuters", "—") are never removed and do not break a run. A repeat is removed
/// when it is part of a run of at least `min-run` consecutive paragraphs (default 2) that
/// repeats an earlier run in order, or when the paragraph before it is its own copy;
/// `min-run=1` removes every repeat. A repeat left because its run is shorter counts as
/// "left alone" in the statistics.
///
/// Memory per document: one 64-bit hash and two positions per paragraph, for at most the
/// first 131,072 paragraphs of a document (later ones are checked against those, not
/// remembered), so that memory stays flat however long one document runs; and the run being
/// decided, at most `min-run - 1` paragraphs with the short ones between them, up to 1 MiB.
/// Blank lines are left for `squeeze blank-lines` to tidy.
public struct DedupeParagraphs: Step {
    public static let keyword = "dedupe paragraphs"
    public static let synopsis = "dedupe paragraphs [min-length=N] [min-run=K]"
    public static let worksOnParagraphs = true

    /// Paragraphs with fewer normalized characters than this are always kept.
    public let minimumLength: Int
    /// How many normalized characters a run of consecutive repeated paragraphs (or one
    /// repeated paragraph) must hold to be removed as doubling.
    public let minimumRunLength: Int
    /// The most paragraphs remembered per document: past that, later paragraphs are still
    /// checked against those remembered, but not added.
    public static let rememberedLimit = 1 << 17
    /// The most an undecided run may hold (its paragraphs and the lines between them) before
    /// it is written out as it is.
    static let holdLimit = 1 << 20
    /// How many earlier copies of a paragraph a run follows at once.
    static let candidateLimit = 8

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> DedupeParagraphs {
        let options = try StepOptions(&scanner, allowed: ["min-length", "min-run-length"])
        return DedupeParagraphs(
            minimumLength: try options.integer("min-length", default: 20, in: 1...100_000),
            minimumRunLength: try options.integer("min-run-length", default: 500, in: 1...1_000_000))
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        Stage(step: self, context: context, next: next)
    }

    private final class Stage: ParagraphStage, NormalizedParagraphReceiver {
        private let minimumLength: Int
        private let minimumRunLength: Int
        private let statistics: StepStatistics
        private let normalizer = TextNormalizer(foldsDigits: false)
        /// What a `dedupe ledes` before this step normalized, so it is not done twice.
        let normalizedParagraphs = NormalizedParagraphHandoff()
        /// The document's paragraphs of `minimumLength` or more, in order, and where each
        /// one's copies are (one stored property: one exclusivity check per use).
        private var remembered = RememberedParagraphs()

        /// The positions whose paragraphs the current run's latest paragraph repeats (empty:
        /// no run).
        private var candidates: [Int] = []
        /// How many normalized characters the current run's repeats hold (0: no run).
        private var runLength = 0
        /// True once the current run is long enough to be removed.
        private var isConfirmed = false
        /// The run's paragraphs and the lines between them, held while the run is shorter
        /// than `minimumRun`; `isRepeat` marks the paragraphs that go if it reaches it.
        private var held: [(lines: HeldLines, isRepeat: Bool)] = []
        private var heldBytes = 0

        init(step: DedupeParagraphs, context: StageContext, next: LineStage) {
            self.minimumLength = step.minimumLength
            self.minimumRunLength = step.minimumRunLength
            self.statistics = context.statistics
            super.init(context: context, next: next)
        }

        override func paragraphCompleted(_ paragraph: HeldLines) {
            let summary = normalizedParagraphs.take(for: paragraph) ?? normalizer.textSummary(of: paragraph)
            guard summary.characterCount >= minimumLength else {
                // Short paragraphs are never removed and neither end nor extend a run.
                passOn(paragraph, isRepeat: false)
                return
            }
            let hash = summary.textHash
            let continuing = candidates.compactMap { remembered.hash(at: $0 + 1) == hash ? $0 + 1 : nil }
            if !continuing.isEmpty {
                candidates = continuing
                runLength += summary.characterCount
                passOn(paragraph, isRepeat: true)
                if runLength >= minimumRunLength { confirmRun() }
            } else {
                endRun()
                let copies = remembered.earlierCopies(of: hash)
                if !copies.isEmpty {
                    candidates = copies
                    runLength = summary.characterCount
                    passOn(paragraph, isRepeat: true)
                    if runLength >= minimumRunLength { confirmRun() }
                } else {
                    paragraph.emit(to: next)
                }
            }
            remembered.remember(hash)
        }

        override func blankLine(_ line: Line) {
            guard !held.isEmpty else {
                next?.push(line)
                return
            }
            var lines = HeldLines()
            lines.append(line)
            hold(lines, isRepeat: false)
        }

        override func passThrough(_ part: HeldLines) {
            endRun()
            part.emit(to: next)
        }

        override func documentEnded() {
            endRun()
            remembered.removeAll()
            normalizedParagraphs.removeAll()
        }

        /// Sends a paragraph on: removed when it repeats within a confirmed run, held while
        /// a run is undecided, written otherwise.
        private func passOn(_ paragraph: HeldLines, isRepeat: Bool) {
            if isConfirmed {
                if isRepeat { remove(paragraph) } else { paragraph.emit(to: next) }
                return
            }
            if runLength > 0 || !held.isEmpty {
                hold(paragraph.compacted(), isRepeat: isRepeat)
            } else {
                paragraph.emit(to: next)
            }
        }

        private func hold(_ lines: HeldLines, isRepeat: Bool) {
            held.append((lines, isRepeat))
            heldBytes += lines.storageSize
            if heldBytes > DedupeParagraphs.holdLimit { endRun() }
        }

        /// The run is long enough: its repeats go, the lines between them stay.
        private func confirmRun() {
            isConfirmed = true
            for item in held {
                if item.isRepeat { remove(item.lines) } else { item.lines.emit(to: next) }
            }
            held.removeAll()
            heldBytes = 0
        }

        /// The run ends: what it held was not doubling and is written as it was.
        private func endRun() {
            for item in held {
                if item.isRepeat { statistics.leftAlone += 1 }
                item.lines.emit(to: next)
            }
            held.removeAll()
            heldBytes = 0
            candidates.removeAll(keepingCapacity: true)
            runLength = 0
            isConfirmed = false
        }

        private func remove(_ paragraph: HeldLines) {
            statistics.paragraphsRemoved += 1
            statistics.linesRemoved += paragraph.lineCount
        }
    }

    /// The hashes of a document's paragraphs in order, for at most ``rememberedLimit`` of
    /// them, and for each one where its latest copy is.
    private struct RememberedParagraphs {
        /// The hashes, in order.
        private var sequence: [UInt64] = []
        /// For each position in `sequence`, the position of the copy before it, or -1.
        private var earlierCopy: [Int32] = []
        /// The hashes in `sequence`, each once.
        private var hashes = HashValueSet()
        /// For each slot of `hashes` (``HashValueSet/slotIndex(of:)``), the latest position
        /// of its hash in `sequence`; worked out again when the set grows. A slot the set
        /// does not use may hold anything.
        private var latestPosition: [Int32] = []

        /// The hash at `position`, or nil past the last.
        func hash(at position: Int) -> UInt64? {
            position < sequence.count ? sequence[position] : nil
        }

        /// The positions of earlier paragraphs with this hash, latest first, a few at most.
        func earlierCopies(of hash: UInt64) -> [Int] {
            var copies: [Int] = []
            var position = hashes.slotIndex(of: hash).map { Int(latestPosition[$0]) } ?? -1
            while position >= 0, copies.count < DedupeParagraphs.candidateLimit {
                copies.append(position)
                position = Int(earlierCopy[position])
            }
            return copies
        }

        /// Adds the next paragraph's hash (past the limit, nothing).
        mutating func remember(_ hash: UInt64) {
            guard sequence.count < DedupeParagraphs.rememberedLimit else { return }
            let position = Int32(sequence.count)
            sequence.append(hash)
            if let slot = hashes.slotIndex(of: hash) {
                earlierCopy.append(latestPosition[slot])
                latestPosition[slot] = position
                return
            }
            earlierCopy.append(-1)
            let slotLimit = hashes.slotLimit
            hashes.insert(hash)
            if hashes.slotLimit != slotLimit || latestPosition.count < slotLimit {
                // The set grew, and its values moved: each one's latest position, again.
                latestPosition = [Int32](repeating: -1, count: hashes.slotLimit)
                for (position, remembered) in sequence.enumerated() {
                    if let slot = hashes.slotIndex(of: remembered) { latestPosition[slot] = Int32(position) }
                }
            } else if let slot = hashes.slotIndex(of: hash) {
                latestPosition[slot] = position
            }
        }

        /// Forgets the document's paragraphs.
        mutating func removeAll() {
            sequence.removeAll(keepingCapacity: true)
            earlierCopy.removeAll(keepingCapacity: true)
            hashes.removeAll()
        }
    }
}
