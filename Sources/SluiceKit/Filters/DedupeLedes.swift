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
        var shingles: Set<UInt64>
        /// The distinct shingles compared when this paragraph is the shorter copy: all but
        /// the last one.
        var comparedShingles: Set<UInt64> = []
        var orderedShingles: [UInt64]
        var characterCount: Int
        /// True when the paragraph ends in an ellipsis: a teaser cut short.
        var isTruncated: Bool
        /// Index in `held`, or nil once written out.
        var heldIndex: Int?

        mutating func makeSets() {
            shingles = Set(orderedShingles)
            comparedShingles = Set(orderedShingles.count > 1 ? orderedShingles.dropLast() : orderedShingles[...])
        }
    }

    private final class Stage: ParagraphStage {
        private let step: DedupeLedes
        private let statistics: StepStatistics
        private let normalizer = TextNormalizer()
        private var zone: [Lede] = []
        private var held: [(lines: HeldLines, isDropped: Bool)] = []
        private var heldBytes = 0
        /// Scratch set for comparisons, reused.
        private var matched: Set<UInt64> = []

        init(step: DedupeLedes, context: StageContext, next: LineStage) {
            self.step = step
            self.statistics = context.statistics
            super.init(context: context, next: next)
        }

        override func paragraphCompleted(_ paragraph: HeldLines) {
            let ending = DedupeLedes.ending(of: paragraph)
            guard ending != .none else {
                // A headline or label rather than a sentence: never a lede copy.
                hold(paragraph)
                return
            }
            let words = normalizer.words(of: paragraph)
            guard words.wordHashes.count >= step.minimumWords else {
                // Too short (a byline, a date, a caption): never a lede copy.
                hold(paragraph)
                return
            }
            let isTruncated = ending == .ellipsis
            if zone.count == step.window,
               !zone.contains(where: { lengthsAllowCopies($0.characterCount, $0.isTruncated, words.characterCount, isTruncated) }) {
                // No zone paragraph is of a size to be a copy of this one: skip the shingles.
                hold(paragraph)
                return
            }
            let ordered = DedupeLedes.shingles(of: words.wordHashes, size: step.shingleSize)
            // The candidate's set is built only if it joins the zone: comparisons probe the
            // zone's sets, which keeps the cost per paragraph at one pass per zone entry.
            var candidate = Lede(
                shingles: [], orderedShingles: ordered, characterCount: words.characterCount,
                isTruncated: isTruncated, heldIndex: nil)
            let copies = zone.indices.filter { areCopies(zone[$0], candidate) }
            if !copies.isEmpty {
                if copies.contains(where: { zone[$0].characterCount >= candidate.characterCount }) {
                    // An earlier copy says as much or more: this one goes.
                    count(paragraph)
                    return
                }
                // This copy says more than every earlier one it copies: they go (those still
                // held), and it stands for them in the zone.
                candidate.makeSets()
                candidate.heldIndex = held.count
                for index in copies {
                    if let earlier = zone[index].heldIndex {
                        held[earlier].isDropped = true
                        count(held[earlier].lines)
                    }
                }
                zone[copies[0]] = candidate
                for index in copies.dropFirst().reversed() { zone.remove(at: index) }
                hold(paragraph)
                return
            }
            if zone.count < step.window {
                candidate.makeSets()
                zone.append(candidate)
                zone[zone.count - 1].heldIndex = held.count
            }
            hold(paragraph)
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
            var lines = HeldLines()
            lines.append(line)
            hold(lines)
        }

        override func passThrough(_ part: HeldLines) {
            hold(part)
        }

        override func documentEnded() {
            writeOutHeld()
            zone.removeAll(keepingCapacity: true)
        }

        /// True when the two are copies: the shorter one's shingles are in the longer one
        /// (``isCopy(_:_:)``), and either the shorter one is a teaser cut short with an
        /// ellipsis, or it is nearly as long as the other (a dateline or a few words more).
        /// A complete sentence that a much longer paragraph merely contains is not a copy:
        /// removing it would lose a line of the article.
        private func areCopies(_ lede: Lede, _ candidate: Lede) -> Bool {
            lengthsAllowCopies(lede.characterCount, lede.isTruncated, candidate.characterCount, candidate.isTruncated)
                && isCopy(lede, candidate)
        }

        /// The size test of ``areCopies(_:_:)``, which needs no shingles.
        private func lengthsAllowCopies(_ first: Int, _ firstTruncated: Bool, _ second: Int, _ secondTruncated: Bool) -> Bool {
            let shorterIsTruncated = first <= second ? firstTruncated : secondTruncated
            return shorterIsTruncated || Double(min(first, second)) >= DedupeLedes.similarLength * Double(max(first, second))
        }

        /// True when at least `threshold` of the shorter paragraph's shingles, its last one
        /// left out (a truncation may cut its last word), occur in the longer one.
        private func isCopy(_ lede: Lede, _ candidate: Lede) -> Bool {
            if candidate.characterCount <= lede.characterCount {
                let compared = candidate.orderedShingles.count > 1 ? candidate.orderedShingles.dropLast() : candidate.orderedShingles[...]
                var misses = 0
                let allowedMisses = allowedMisses(of: compared.count)
                for shingle in compared where !lede.shingles.contains(shingle) {
                    misses += 1
                    if misses > allowedMisses { return false }
                }
                return true
            }
            // The zone paragraph is the shorter one: count how many of its distinct compared
            // shingles the candidate has, probing the zone's set with the candidate's shingles.
            let needed = lede.comparedShingles.count - allowedMisses(of: lede.comparedShingles.count)
            matched.removeAll(keepingCapacity: true)
            for (position, shingle) in candidate.orderedShingles.enumerated() {
                if lede.comparedShingles.contains(shingle) {
                    matched.insert(shingle)
                    if matched.count >= needed { return true }
                }
                if matched.count + (candidate.orderedShingles.count - position - 1) < needed { return false }
            }
            return matched.count >= needed
        }

        private func allowedMisses(of count: Int) -> Int {
            Int((1 - step.threshold) * Double(count) + 1e-9)
        }

        private func hold(_ lines: HeldLines) {
            if isStreaming {
                lines.emit(to: next)
                return
            }
            held.append((lines.compacted(), false))
            heldBytes += lines.storageSize
            if heldBytes > DedupeLedes.holdLimit { writeOutHeld() }
        }

        private func count(_ lines: HeldLines) {
            statistics.paragraphsRemoved += 1
            statistics.linesRemoved += lines.lineCount
        }

        private func writeOutHeld() {
            for item in held where !item.isDropped { item.lines.emit(to: next) }
            held.removeAll(keepingCapacity: true)
            heldBytes = 0
            for index in zone.indices { zone[index].heldIndex = nil }
        }
    }

    /// How long (in normalized characters) the shorter of two complete copies must be,
    /// relative to the longer, for them to be copies.
    static let similarLength = 0.75

    /// How a paragraph ends: like a sentence, in an ellipsis, or neither (a headline).
    enum Ending { case sentence, ellipsis, none }

    /// Looks at the last characters of the paragraph, past closing quotes and brackets.
    static func ending(of paragraph: HeldLines) -> Ending {
        var last: [UInt8] = []
        paragraph.forEachContent { content in
            var end = content.count
            while end > 0, content[end - 1] == 0x20 || content[end - 1] == 0x09 { end -= 1 }
            if end > 0 { last = Array(content[max(0, end - 12)..<end]) }
        }
        if last.allSatisfy({ $0 < 0x80 }) { return asciiEnding(of: last) }
        var text = String(decoding: last, as: UTF8.self)
        // White space between them counts as nothing either: `noon. “` ends like `noon.`, as it
        // does once `quotes strip-stray` has removed the stray mark.
        while let final = text.last, "\"'”’»)]“ \t".contains(final) { text.removeLast() }
        if text.hasSuffix("…") || text.hasSuffix("...") { return .ellipsis }
        if let final = text.last, ".!?".contains(final) { return .sentence }
        return .none
    }

    /// ``ending(of:)`` for ASCII text, byte by byte: in ASCII each byte is a character (a
    /// content never holds the `\n` of a CR LF pair), so this gives what the `String`
    /// comparisons give, without building a string.
    private static func asciiEnding(of last: [UInt8]) -> Ending {
        var end = last.count
        while end > 0, [0x22, 0x27, 0x29, 0x5D, 0x20, 0x09].contains(last[end - 1]) { end -= 1 }
        if end >= 3, last[end - 3] == 0x2E, last[end - 2] == 0x2E, last[end - 1] == 0x2E { return .ellipsis }
        if end > 0, [0x2E, 0x21, 0x3F].contains(last[end - 1]) { return .sentence }
        return .none
    }

    /// Hashes of every run of `size` consecutive words (one hash of all words when there
    /// are fewer).
    static func shingles(of words: [UInt64], size: Int) -> [UInt64] {
        let width = min(size, words.count)
        guard width > 0 else { return [] }
        var result: [UInt64] = []
        result.reserveCapacity(words.count - width + 1)
        for start in 0...(words.count - width) {
            var hash = TextNormalizer.fnvOffset
            for word in words[start..<start + width] {
                hash = (hash ^ word) &* TextNormalizer.fnvPrime
                hash = (hash ^ (hash >> 29)) &* TextNormalizer.fnvPrime
            }
            result.append(hash)
        }
        return result
    }
}
