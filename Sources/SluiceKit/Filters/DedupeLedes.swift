/// Keeps one copy of a lede (standfirst) that a page prints twice: a paragraph among the
/// first few of a document that comes back later as a near duplicate — verbatim, behind a
/// dateline (`MOSCOW (AP) — …`), cut off or ending in an ellipsis, in other quote styles,
/// spacing, digits or case.
///
/// Syntax: `dedupe ledes [window=N] [threshold=F] [min-words=N] [shingle=N] [as NAME]`
///
/// ```
/// dedupe ledes window=5 threshold=0.9
/// ```
///
/// The lede zone is the first `window` paragraphs (default 5) that have at least
/// `min-words` normalized words (default 8; shorter ones — bylines, dates, captions — are
/// neither in the zone nor removed). Every later paragraph of that size is compared with the
/// zone only, so the cost is linear in the document's length. Two paragraphs are copies when
/// at least `threshold` (default 0.9) of the shorter one's word `shingle`-grams (default 3
/// words) appear in the longer one; the shorter one's last shingle is left out, so a word
/// cut off at the end does not count against it. Of two copies the one with more content
/// (normalized characters) stays; when equal, the first. A paragraph is compared with every
/// zone paragraph: when it says more than all those it copies, they all go.
///
/// The step holds a document back until it ends, so that it can drop the first copy when a
/// longer one follows; past 8 MiB held (bytes and bookkeeping, ``HeldLines/storageSize``) it
/// writes out what it holds and from then on can only drop later copies.
public struct DedupeLedes: Step {
    public static let keyword = "dedupe ledes"
    public static let synopsis = "dedupe ledes [window=N] [threshold=F] [min-words=N] [shingle=N]"
    public static let worksOnParagraphs = true

    /// How many paragraphs make up the lede zone.
    public let window: Int
    /// The share of the shorter copy's shingles that must be in the longer one.
    public let threshold: Double
    /// Paragraphs with fewer normalized words are left alone.
    public let minimumWords: Int
    /// Words per shingle.
    public let shingleSize: Int
    /// Bytes held before the step writes out what it holds.
    public static let holdLimit = 8 << 20

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> DedupeLedes {
        let options = try StepOptions(&scanner, allowed: ["window", "threshold", "min-words", "shingle"])
        return DedupeLedes(
            window: try options.integer("window", default: 5, in: 1...100),
            threshold: try options.decimal("threshold", default: 0.9, in: 0.5...1.0),
            minimumWords: try options.integer("min-words", default: 8, in: 2...10_000),
            shingleSize: try options.integer("shingle", default: 3, in: 1...10))
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        Stage(step: self, context: context, next: next)
    }

    /// A paragraph of the lede zone: its shingles, its size, and where it is held.
    private struct Lede {
        /// Every shingle of the paragraph.
        var shingles: HashValueSet
        /// The distinct shingles compared when this paragraph is the shorter copy: all but
        /// the last one.
        var comparedShingles: HashValueSet
        var characterCount: Int
        /// True when the paragraph ends in an ellipsis: a teaser cut short.
        var isTruncated: Bool
        /// Index in `held`, or nil once written out.
        var heldIndex: Int?

        init(_ candidate: inout Candidate, heldIndex: Int) {
            let ordered = candidate.allShingles()
            shingles = HashValueSet(ordered)
            comparedShingles = HashValueSet(ordered.count > 1 ? ordered.dropLast() : ordered[...])
            characterCount = candidate.characterCount
            isTruncated = candidate.isTruncated
            self.heldIndex = heldIndex
        }
    }

    /// The paragraph being compared with the zone, in buffers reused from paragraph to
    /// paragraph. Its shingles are worked out as comparisons need them: most comparisons
    /// fail within the first few.
    private struct Candidate {
        /// The hashes of its normalized words.
        var wordHashes: [UInt64] = []
        var characterCount = 0
        var isTruncated = false
        /// Its first shingles, in order: as many as comparisons have needed so far.
        private var shingles: [UInt64] = []
        /// How many shingles it has in all.
        private var shingleCount = 0
        /// Words per shingle: the step's shingle size, or all the words when there are fewer.
        private var shingleWidth = 0
        /// Marks the zone shingles a comparison has matched: a slot is matched when it holds
        /// `matchStamp` (see ``HashValueSet/slotIndex(of:)``), so nothing needs clearing.
        private var matchStamps: [UInt32] = []
        private var matchStamp: UInt32 = 0

        /// Starts on a paragraph whose `wordHashes` are set.
        mutating func start(characterCount: Int, isTruncated: Bool, shingleSize: Int) {
            self.characterCount = characterCount
            self.isTruncated = isTruncated
            shingleWidth = min(shingleSize, wordHashes.count)
            shingleCount = wordHashes.isEmpty ? 0 : wordHashes.count - shingleWidth + 1
            shingles.removeAll(keepingCapacity: true)
        }

        /// Every shingle, in order.
        mutating func allShingles() -> [UInt64] {
            if shingles.count < shingleCount { computeShingles(through: shingleCount - 1) }
            return shingles
        }

        /// True when at least `threshold` of the shorter paragraph's shingles (the zone
        /// paragraph's or this one's), its last one left out (a truncation may cut its last
        /// word), occur in the longer one.
        mutating func isCopy(of lede: Lede, threshold: Double) -> Bool {
            if characterCount <= lede.characterCount {
                let comparedCount = shingleCount > 1 ? shingleCount - 1 : shingleCount
                var misses = 0
                let allowedMisses = DedupeLedes.allowedMisses(of: comparedCount, threshold: threshold)
                for position in 0..<comparedCount where !lede.shingles.contains(shingle(at: position)) {
                    misses += 1
                    if misses > allowedMisses { return false }
                }
                return true
            }
            // The zone paragraph is the shorter one: count how many of its distinct compared
            // shingles this one has, probing the zone's set with this one's shingles.
            let compared = lede.comparedShingles
            let needed = compared.count - DedupeLedes.allowedMisses(of: compared.count, threshold: threshold)
            nextMatchStamp(slotLimit: compared.slotLimit)
            var matched = 0
            for position in 0..<shingleCount {
                if let slot = compared.slotIndex(of: shingle(at: position)), matchStamps[slot] != matchStamp {
                    matchStamps[slot] = matchStamp
                    matched += 1
                    if matched >= needed { return true }
                }
                if matched + (shingleCount - position - 1) < needed { return false }
            }
            return matched >= needed
        }

        @inline(__always)
        private mutating func shingle(at position: Int) -> UInt64 {
            if position >= shingles.count { computeShingles(through: position) }
            return shingles[position]
        }

        /// Works out the shingles up to `position`, and as many again as there are, so that
        /// a long comparison works them out in a few batches.
        private mutating func computeShingles(through position: Int) {
            let end = min(shingleCount, max(position + 1, 2 * shingles.count, 16))
            let width = shingleWidth
            wordHashes.withUnsafeBufferPointer { words in
                for start in shingles.count..<end {
                    shingles.append(DedupeLedes.shingle(of: words[start..<start + width]))
                }
            }
        }

        /// Starts a comparison: no slot below `slotLimit` is matched.
        private mutating func nextMatchStamp(slotLimit: Int) {
            if matchStamps.count < slotLimit {
                matchStamps += repeatElement(0, count: slotLimit - matchStamps.count)
            }
            if matchStamp == .max {
                for index in matchStamps.indices { matchStamps[index] = 0 }
                matchStamp = 0
            }
            matchStamp += 1
        }
    }

    private final class Stage: ParagraphStage {
        private let step: DedupeLedes
        private let statistics: StepStatistics
        private let normalizer = TextNormalizer()
        /// Where a `dedupe paragraphs` after this step takes what this one normalized; nil
        /// when there is none.
        private let handoff: NormalizedParagraphHandoff?
        private var zone: [Lede] = []
        /// The lines held, of every held item one after another.
        private var heldLines = HeldLines()
        /// The held items (paragraphs, blank lines, parts of overlong paragraphs), in order,
        /// with the serial their lines are marked with (``NormalizedParagraphHandoff``; 0:
        /// unmarked).
        private var held: [(lineCount: Int, isDropped: Bool, serial: UInt64)] = []
        private var heldBytes = 0
        private var candidate = Candidate()
        /// A blank line being held (storage reused).
        private var blank = HeldLines()

        init(step: DedupeLedes, context: StageContext, next: LineStage) {
            self.step = step
            self.statistics = context.statistics
            self.handoff = NormalizedParagraphHandoff.downstream(of: next)
            super.init(context: context, next: next)
        }

        override func paragraphCompleted(_ paragraph: HeldLines) {
            let ending = DedupeLedes.ending(of: paragraph)
            guard ending != .none else {
                // A headline or label rather than a sentence: never a lede copy.
                hold(paragraph)
                return
            }
            let normalized = normalizer.normalizeParagraph(paragraph, foldedWordHashes: &candidate.wordHashes, hashesText: handoff != nil)
            let serial = handoff?.offer(normalized, lineCount: paragraph.lineCount) ?? 0
            let characterCount = normalized.characterCount
            guard normalized.wordCount >= step.minimumWords else {
                // Too short (a byline, a date, a caption): never a lede copy.
                hold(paragraph, serial: serial)
                return
            }
            let isTruncated = ending == .ellipsis
            if zone.count == step.window,
               !zone.contains(where: { lengthsAllowCopies($0.characterCount, $0.isTruncated, characterCount, isTruncated) }) {
                // No zone paragraph is of a size to be a copy of this one: skip the shingles.
                hold(paragraph, serial: serial)
                return
            }
            // The candidate's sets are built only if it joins the zone: comparisons probe the
            // zone's sets, which keeps the cost per paragraph at one pass per zone entry.
            candidate.start(characterCount: characterCount, isTruncated: isTruncated, shingleSize: step.shingleSize)
            let copies = zone.indices.filter { areCopies(zone[$0]) }
            if !copies.isEmpty {
                if copies.contains(where: { zone[$0].characterCount >= characterCount }) {
                    // An earlier copy says as much or more: this one goes.
                    count(lineCount: paragraph.lineCount)
                    return
                }
                // This copy says more than every earlier one it copies: they go (those still
                // held), and it stands for them in the zone.
                for index in copies {
                    if let earlier = zone[index].heldIndex {
                        held[earlier].isDropped = true
                        count(lineCount: held[earlier].lineCount)
                    }
                }
                zone[copies[0]] = Lede(&candidate, heldIndex: held.count)
                for index in copies.dropFirst().reversed() { zone.remove(at: index) }
                hold(paragraph, serial: serial)
                return
            }
            if zone.count < step.window {
                zone.append(Lede(&candidate, heldIndex: held.count))
            }
            hold(paragraph, serial: serial)
        }

        /// True once the zone is full and written out: nothing earlier can be dropped any more,
        /// so lines stream through.
        private var isStreaming: Bool {
            held.isEmpty && zone.count == step.window && zone.allSatisfy { $0.heldIndex == nil }
        }

        override func blankLine(_ line: Line) {
            if isStreaming {
                next?.push(line)
                return
            }
            blank.removeAll()
            blank.append(line)
            hold(blank)
        }

        override func passThrough(_ part: HeldLines) {
            hold(part)
        }

        override func documentEnded() {
            writeOutHeld()
            zone.removeAll(keepingCapacity: true)
        }

        /// True when the zone paragraph and the candidate are copies: the shorter one's
        /// shingles are in the longer one (``Candidate/isCopy(of:threshold:)``), and either
        /// the shorter one is a teaser cut short with an ellipsis, or it is nearly as long as
        /// the other (a dateline or a few words more). A complete sentence that a much longer
        /// paragraph merely contains is not a copy: removing it would lose a line of the article.
        private func areCopies(_ lede: Lede) -> Bool {
            lengthsAllowCopies(lede.characterCount, lede.isTruncated, candidate.characterCount, candidate.isTruncated)
                && candidate.isCopy(of: lede, threshold: step.threshold)
        }

        /// The size test of ``areCopies(_:)``, which needs no shingles.
        private func lengthsAllowCopies(_ first: Int, _ firstTruncated: Bool, _ second: Int, _ secondTruncated: Bool) -> Bool {
            let shorterIsTruncated = first <= second ? firstTruncated : secondTruncated
            return shorterIsTruncated || Double(min(first, second)) >= DedupeLedes.similarLength * Double(max(first, second))
        }

        /// Holds `lines` (or sends them on, when streaming), marked with `serial`.
        private func hold(_ lines: HeldLines, serial: UInt64 = 0) {
            if isStreaming {
                lines.emit(to: next, paragraphSerial: serial)
                return
            }
            lines.forEachLine { content, terminator, number in
                heldLines.append(content: content, terminator: terminator, number: number)
            }
            held.append((lines.lineCount, false, serial))
            heldBytes += lines.storageSize
            if heldBytes > DedupeLedes.holdLimit { writeOutHeld() }
        }

        private func count(lineCount: Int) {
            statistics.paragraphsRemoved += 1
            statistics.linesRemoved += lineCount
        }

        private func writeOutHeld() {
            if !held.isEmpty, let next {
                var item = 0
                var linesLeft = held[0].lineCount
                heldLines.forEachLine { content, terminator, number in
                    while linesLeft == 0 {
                        item += 1
                        linesLeft = held[item].lineCount
                    }
                    let lineInItem = held[item].lineCount - linesLeft
                    linesLeft -= 1
                    guard !held[item].isDropped else { return }
                    // Content and terminator lie one after the other in `heldLines`.
                    var line = Line(
                        bytes: UnsafeRawBufferPointer(start: content.baseAddress, count: content.count + terminator.count),
                        contentCount: content.count, number: number)
                    line.paragraphMark = NormalizedParagraphHandoff.mark(serial: held[item].serial, line: lineInItem)
                    next.push(line)
                }
            }
            // Storage grown for a long document is given back rather than kept for the next.
            if heldBytes > DedupeLedes.storageKept {
                heldLines = HeldLines()
            } else {
                heldLines.removeAll()
            }
            held.removeAll(keepingCapacity: true)
            heldBytes = 0
            for index in zone.indices { zone[index].heldIndex = nil }
        }
    }

    /// Held bytes up to which the step keeps its storage for the next document.
    private static let storageKept = 1 << 20

    /// How long (in normalized characters) the shorter of two complete copies must be,
    /// relative to the longer, for them to be copies.
    static let similarLength = 0.75

    /// How a paragraph ends: like a sentence, in an ellipsis, or neither (a headline).
    enum Ending { case sentence, ellipsis, none }

    /// How the paragraph ends (``SentenceEnd``): in `.` `!` `?`, in an ellipsis, or not
    /// like a sentence.
    static func ending(of paragraph: HeldLines) -> Ending {
        switch SentenceEnd.of(paragraph).mark {
        case .fullStop, .question, .exclamation: return .sentence
        case .ellipsis: return .ellipsis
        default: return .none
        }
    }

    /// How many shingles of `count` may be missing when `threshold` of them must be there.
    static func allowedMisses(of count: Int, threshold: Double) -> Int {
        Int((1 - threshold) * Double(count) + 1e-9)
    }

    /// The hash of one shingle: a run of `shingle`-size consecutive words (all the words
    /// when there are fewer).
    static func shingle(of words: Slice<UnsafeBufferPointer<UInt64>>) -> UInt64 {
        var hash = TextNormalizer.fnvOffset
        for word in words {
            hash = (hash ^ word) &* TextNormalizer.fnvPrime
            hash = (hash ^ (hash >> 29)) &* TextNormalizer.fnvPrime
        }
        return hash
    }
}
