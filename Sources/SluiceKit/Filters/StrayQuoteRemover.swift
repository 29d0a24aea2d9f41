/// Removes quote marks that open and never close, or close and never opened, leaving every
/// paired quote, apostrophe and prime alone.
///
/// Syntax: `quotes strip-stray [as NAME]`
///
/// ```
/// quotes strip-stray
/// ```
///
/// Each paragraph is paired with ``QuotePairing``. Conservative: the step removes nothing
/// but quote marks, never touches a paragraph whose quotes pair up, and leaves a family alone
/// in a paragraph where pairing is unsure (both an unmatched opener and an unmatched closer,
/// more than two unmatched marks, guillemets whose direction the text does not tell). Single
/// marks are never removed (apostrophes, ʿayn). Of the rest, an unmatched mark goes only when
/// ``StrayEvidence`` says it surely is stray; every other mark it considered is counted in
/// ``StepStatistics/leftAlone``.
///
/// Quotations over several paragraphs keep their marks:
/// - news style, where each paragraph opens again and only the last one closes: an opener
///   left open is kept when the next real paragraph starts with an opener of its family —
///   looking past interruptions, short paragraphs (at most 12 words) that do not end like a
///   sentence, such as ad labels and captions;
/// - German style, opened once and closed paragraphs later: an opener left open is kept when
///   a later paragraph of the document has an unmatched closer of its family (which is kept
///   too).
/// To know, the step holds paragraphs back while an opener is undecided, up to 1 MiB; past
/// that it keeps the undecided openers. An opener still undecided when the document ends goes
/// if it is surely stray, unless it leads a paragraph that continues a quotation (it kept the
/// opener before it, so it stays too: running the step twice gives what running it once
/// gives). A space
/// left doubled, or left at a line's edge, by a removal is removed too.
public struct StrayQuoteRemover: Step {
    public static let keyword = "quotes strip-stray"
    public static let synopsis = "quotes strip-stray"
    public static let worksOnParagraphs = true

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> StrayQuoteRemover {
        _ = try StepOptions(&scanner, allowed: [])
        return StrayQuoteRemover()
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        Stage(context: context, next: next)
    }

    /// Most words a paragraph may have to count as an interruption of a quotation.
    static let interruptionWords = 12
    /// Bytes held back at most while openers are undecided.
    static let holdLimit = 1 << 20

    private final class Stage: ParagraphStage {
        /// A paragraph or blank line held back, with the marks decided to go.
        private struct Held {
            var lines: HeldLines
            var removals: [QuoteMark] = []
        }

        /// An opener whose fate depends on paragraphs still to come.
        private struct Undecided {
            /// Sequence number of its paragraph.
            let paragraph: Int
            let mark: QuoteMark
            /// False when, left open at the document's end, it is still not surely stray.
            var isRemovable: Bool
            /// True until the next real paragraph has been seen.
            var awaitsNextParagraph = true
        }

        private let statistics: StepStatistics
        private var held: [Held] = []
        /// The sequence number of `held[0]`.
        private var firstHeld = 0
        private var heldBytes = 0
        private var undecided: [Undecided] = []
        /// True once the document has had a paragraph: a closer after it may end a quotation
        /// opened there.
        private var sawParagraph = false

        init(context: StageContext, next: LineStage) {
            self.statistics = context.statistics
            super.init(context: context, next: next)
        }

        override func paragraphCompleted(_ paragraph: HeldLines) {
            let isFirstParagraph = !sawParagraph
            sawParagraph = true
            let analysis = StrayQuoteRemover.analyze(paragraph)
            let plan = analysis.map {
                StrayQuoteRemover.plan(
                    $0, endsLikeSentence: SentenceEnd.of(paragraph).endsSentence, isFirstParagraph: isFirstParagraph)
            } ?? Plan()

            // Whether this is a real paragraph or an interruption matters only to open quotes.
            var continuedFamily: QuoteFamily?
            if !undecided.isEmpty, !StrayQuoteRemover.isInterruption(paragraph) {
                // News style: the quotation goes on in this paragraph.
                let before = undecided.count
                undecided.removeAll { $0.awaitsNextParagraph && analysis?.leadingOpener == $0.mark.family }
                if undecided.count < before { continuedFamily = analysis?.leadingOpener }
                for index in undecided.indices { undecided[index].awaitsNextParagraph = false }
            }
            // German style: a closer here ends a quotation opened paragraphs ago. Any unmatched
            // closer may, removable or not.
            var removals: [QuoteMark] = []
            for closer in plan.closers {
                if let open = undecided.lastIndex(where: { $0.mark.family == closer.mark.family }) {
                    undecided.remove(at: open)
                } else if closer.isRemovable {
                    removals.append(closer.mark)
                } else {
                    statistics.leftAlone += 1
                }
            }
            statistics.leftAlone += plan.leftAlone

            let sequence = firstHeld + held.count
            let leading = continuedFamily == nil ? nil : StrayQuoteRemover.firstNonSpace(of: paragraph)
            undecided += plan.openers.map { opener in
                // The leading opener of a paragraph that continues a quotation is never stray:
                // the opener before it was kept because of it (removing it would make a second
                // run remove the earlier one).
                let continues = opener.mark.family == continuedFamily
                    && leading.map { $0 == (opener.mark.line, opener.mark.offset) } == true
                return Undecided(paragraph: sequence, mark: opener.mark, isRemovable: opener.isRemovable && !continues)
            }
            if held.isEmpty, undecided.isEmpty {
                emit(Held(lines: paragraph, removals: removals))
                return
            }
            hold(Held(lines: paragraph, removals: removals))
        }

        override func blankLine(_ line: Line) {
            guard !held.isEmpty else {
                next?.push(line)
                return
            }
            var lines = HeldLines()
            lines.append(line)
            hold(Held(lines: lines))
        }

        override func passThrough(_ part: HeldLines) {
            // Too big to pair: passed on unchanged, in order.
            sawParagraph = true
            if held.isEmpty {
                part.emit(to: next)
            } else {
                hold(Held(lines: part))
            }
        }

        override func documentEnded() {
            // Openers nothing closed or continued are stray, if they surely are.
            for opener in undecided {
                if opener.isRemovable {
                    held[opener.paragraph - firstHeld].removals.append(opener.mark)
                } else {
                    statistics.leftAlone += 1
                }
            }
            undecided.removeAll()
            sawParagraph = false
            writeOut()
        }

        private func hold(_ item: Held) {
            var item = item
            item.lines = item.lines.compacted()
            held.append(item)
            heldBytes += item.lines.storageSize
            if heldBytes > StrayQuoteRemover.holdLimit {
                // Too long to wait for: keep the undecided openers.
                statistics.leftAlone += undecided.count
                undecided.removeAll()
            }
            writeOut()
        }

        /// Writes out the held items that no undecided opener needs any more.
        private func writeOut() {
            let needed = undecided.map(\.paragraph).min() ?? Int.max
            var count = 0
            while count < held.count, firstHeld + count < needed {
                emit(held[count])
                count += 1
            }
            guard count > 0 else { return }
            for item in held[0..<count] { heldBytes -= item.lines.storageSize }
            held.removeFirst(count)
            firstHeld += count
        }

        private func emit(_ item: Held) {
            guard !item.removals.isEmpty else {
                item.lines.emit(to: next)
                return
            }
            let removals = item.removals.sorted { ($0.line, $0.offset) < ($1.line, $1.offset) }
            statistics.quotesRemoved += removals.count
            statistics.linesChanged += Set(removals.map(\.line)).count
            StrayQuoteRemover.removing(removals, from: item.lines).emit(to: next)
        }
    }

    /// The pairing of `paragraph`, or nil when it has no byte that could start a quote mark.
    static func analyze(_ paragraph: HeldLines) -> QuoteAnalysis? {
        var hasCandidate = false
        paragraph.forEachContent { content in
            if !hasCandidate, QuoteMarks.containsQuoteStart(content) { hasCandidate = true }
        }
        guard hasCandidate else { return nil }
        return paragraph.withContents { QuotePairing.analyze($0) }
    }

    /// What to do with the unmatched marks of one paragraph.
    struct Plan {
        /// Openers that paragraphs to come may still close or continue; removable ones go
        /// if none does.
        var openers: [(mark: QuoteMark, isRemovable: Bool)] = []
        /// Closers that may end a quotation opened paragraphs before; removable ones go if
        /// none is open.
        var closers: [(mark: QuoteMark, isRemovable: Bool)] = []
        /// Openers set aside for good: not quotes for sure, or in a family whose pairing is
        /// unsure.
        var leftAlone = 0
    }

    /// Which unmatched marks of a paragraph may go, per the conservative rules above. A
    /// family is left alone where pairing is unsure: both an unmatched opener and an unmatched
    /// closer, more than two unmatched marks, guillemets whose direction is unsure, or single marks
    /// (each may be an apostrophe or an ʿayn). Of the rest, a mark goes only when how it sits
    /// makes it surely stray (``StrayEvidence``).
    static func plan(_ analysis: QuoteAnalysis, endsLikeSentence: Bool, isFirstParagraph: Bool) -> Plan {
        var plan = Plan()
        for family in [QuoteFamily.double, .single, .guillemet, .singleGuillemet] {
            let familyOpeners = analysis.unmatchedOpeners.filter { $0.family == family }
            let familyClosers = analysis.unmatchedClosers.filter { $0.family == family }
            if familyOpeners.isEmpty, familyClosers.isEmpty { continue }
            let isUnsure = family == .single
                || (!familyOpeners.isEmpty && !familyClosers.isEmpty)
                || familyOpeners.count + familyClosers.count > 2
                || analysis.unsureDirections.contains(family)
            for opener in familyOpeners {
                let isRemovable: Bool
                switch opener.evidence {
                case .stray: isRemovable = true
                // A quotation that goes on past a paragraph ending like a sentence, or was cut off.
                case .opensSentence: isRemovable = !endsLikeSentence
                case .endsSentence, .unsure: isRemovable = false
                }
                if isUnsure || (!isRemovable && opener.evidence == .unsure) {
                    plan.leftAlone += 1
                } else {
                    plan.openers.append((opener, isRemovable))
                }
            }
            for closer in familyClosers {
                let isRemovable: Bool
                switch closer.evidence {
                case .stray: isRemovable = true
                // Nothing before the document's first paragraph can have opened it.
                case .endsSentence: isRemovable = isFirstParagraph
                case .opensSentence, .unsure: isRemovable = false
                }
                plan.closers.append((closer, isRemovable && !isUnsure))
            }
        }
        return plan
    }

    /// The line and byte offset of the first character of `paragraph` that is not white
    /// space (where a leading opener stands), or nil when it is all white space.
    static func firstNonSpace(of paragraph: HeldLines) -> (line: Int, offset: Int)? {
        paragraph.withContents { contents in
            for (line, content) in contents.enumerated() {
                var offset = 0
                while offset < content.count {
                    let (value, length) = UTF8Scalar.scalar(content, at: offset)
                    if !value.properties.isWhitespace { return (line, offset) }
                    offset += length
                }
            }
            return nil
        }
    }

    /// True for a short paragraph that does not end like a sentence: an ad label, a caption
    /// or a related link between two paragraphs of one quotation.
    static func isInterruption(_ paragraph: HeldLines) -> Bool {
        guard paragraph.wordCount <= interruptionWords else { return false }
        let end = SentenceEnd.of(paragraph)
        return !(end.endsSentence || end.mark == .colon || end.mark == .semicolon || end.endsInQuote)
    }

    /// `paragraph` without the bytes of `marks`; a space left doubled, or left at a line's
    /// edge, by a removal goes too.
    static func removing(_ marks: [QuoteMark], from paragraph: HeldLines) -> HeldLines {
        var result = HeldLines()
        var lineIndex = 0
        paragraph.forEachLine { content, terminator, number in
            let cuts = marks.filter { $0.line == lineIndex }
            lineIndex += 1
            guard !cuts.isEmpty else {
                result.append(content: content, terminator: terminator, number: number)
                return
            }
            var kept: [UInt8] = []
            var position = 0
            for cut in cuts {
                var start = cut.offset
                var end = cut.offset + cut.length
                let spaceBefore = start > 0 && content[start - 1] == 0x20
                let spaceAfter = end < content.count && content[end] == 0x20
                if spaceAfter, spaceBefore || start == 0 {
                    end += 1
                } else if spaceBefore, end == content.count {
                    start -= 1
                }
                // At a line's edge, no white space of any kind may be left (`trailing-space`,
                // which runs before this step, would remove it on a second run).
                if start == 0 {
                    while end < content.count {
                        let (value, length) = UTF8Scalar.scalar(content, at: end)
                        guard value.properties.isWhitespace else { break }
                        end += length
                    }
                }
                if end == content.count {
                    var offset = position
                    var keptEnd = position
                    while offset < start {
                        let (value, length) = UTF8Scalar.scalar(content, at: offset)
                        offset = min(offset + length, start)
                        if !value.properties.isWhitespace { keptEnd = offset }
                    }
                    start = keptEnd
                }
                start = max(start, position)
                kept.append(contentsOf: content[position..<start])
                position = end
            }
            kept.append(contentsOf: content[position...])
            kept.withUnsafeBytes { result.append(content: $0, terminator: terminator, number: number) }
        }
        return result
    }
}
