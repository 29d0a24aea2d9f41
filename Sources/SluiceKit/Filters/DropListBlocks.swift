/// Removes a list heading and the list under it: a line such as `Related Articles`,
/// `More in Politics` or `We Recommend`, and the run of short paragraphs that follow it —
/// the teaser headlines, dates and blurbs of a related-stories box.
///
/// Syntax: `drop-list /HEADING/FLAGS [max-words=N] [as NAME]`
///
/// ```
/// drop-list /^\h*(?:related articles|we recommend)\h*:?\h*$/i max-words=20
/// ```
///
/// A paragraph whose first line matches `HEADING` starts a list; it and every following
/// paragraph of at most `max-words` words (default 20) that is a list item are removed. An
/// item is a headline (a short paragraph that does not end in a full stop, see
/// ``SentenceEnd``), the blurb right after a headline, or a fragment of
/// fewer than four words. The first paragraph that is not an item ends the list and stays —
/// a longer paragraph, or one that ends like a sentence and reads like one — and so does
/// everything after it; the end of the document ends a list too. So the article's own
/// sentences after a stray `Trending` heading are kept, also when every sentence is its own
/// paragraph. A list of short labels (a menu under a `Popular` heading) ends, too, at a
/// paragraph of ``lengthJumpWords`` words or more that is over ``lengthJumpFactor`` times as
/// long as its longest item so far, once it has ``lengthJumpItems`` items of two words or
/// more (rank numbers and one-word labels do not count): the article's headline or text after
/// a menu, not one more label. Blank lines are left for `squeeze blank-lines`. Write the heading pattern to
/// match whole lines only.
public struct DropListBlocks: Step {
    public static let keyword = "drop-list"
    public static let synopsis = "drop-list /HEADING/FLAGS [max-words=N]"
    public static let worksOnParagraphs = true

    /// A paragraph whose first line matches this starts a list.
    public let heading: Pattern
    /// The most words a paragraph may have to count as a list item.
    public let maximumWords: Int

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> DropListBlocks {
        let sections = try scanner.readDelimited(sections: 1)
        let flags = try scanner.readFlags(allowGlobal: false).flags
        let heading = try scanner.compile(sections[0], flags: flags)
        let options = try StepOptions(&scanner, allowed: ["max-words"])
        return DropListBlocks(heading: heading, maximumWords: try options.integer("max-words", default: 20, in: 1...1000))
    }

    /// The fewest words of a paragraph that reads like a sentence: `Loading...` does not.
    static let sentenceWords = 4

    /// The fewest words of a paragraph that ends a list of much shorter items.
    static let lengthJumpWords = 10
    /// How many times longer than a list's longest item a paragraph must be to end it.
    static let lengthJumpFactor = 3

    /// How many items of two words or more a list needs before its items' length can end it
    /// (a tab label under the heading, `Most popular` / `Most Viewed`, is no menu yet).
    static let lengthJumpItems = 3

    /// True when a paragraph of `words` words is too long to belong to a list that has
    /// `countedItems` items of two words or more, the longest of `longestItemWords` words.
    static func endsListOfShorterItems(words: Int, countedItems: Int, longestItemWords: Int) -> Bool {
        countedItems >= lengthJumpItems && words >= lengthJumpWords && words > lengthJumpFactor * longestItemWords
    }

    /// True for a paragraph that ends a list: a statement of at least ``sentenceWords`` words
    /// that ends like a sentence. Headlines ask, exclaim, quote and trail off
    /// (`Why Do We Get Allergies?`, `… girl: "We got her!"`, `… of 'This Is the End'`,
    /// `Ballonnements, lourdeurs...`) and rarely end in a full stop, so only a full stop,
    /// inside closing quotes and brackets or not, ends a list.
    static func readsLikeASentence(_ paragraph: HeldLines) -> Bool {
        paragraph.wordCount >= sentenceWords && endsLikeAStatement(paragraph)
    }

    /// True when the paragraph ends in a full stop (inside closing quotes and brackets or
    /// not; not an ellipsis), as a statement does.
    static func endsLikeAStatement(_ paragraph: HeldLines) -> Bool {
        SentenceEnd.of(paragraph).mark == .fullStop
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        Stage(step: self, context: context, next: next)
    }

    /// Streams every paragraph that cannot start or continue a list: only a paragraph whose
    /// first line matches the heading, or one that follows a list (it may be an item), is held
    /// until its end. Most paragraphs are neither and cost one heading match on their first line.
    /// A held paragraph bigger than ``Pipeline/maximumParagraphSize`` passes through unchanged
    /// and ends the list, as in the other paragraph steps.
    private final class Stage: LineStage {
        private enum Position {
            /// At a blank line or at the start of the document.
            case betweenParagraphs
            /// In a paragraph that passes on line by line.
            case streaming
            /// In a paragraph held until its end.
            case holding
        }

        private let matcher: Matcher
        private let maximumWords: Int
        private let context: StageContext
        private let statistics: StepStatistics
        private var isInList = false
        /// Whether the last paragraph of the list (its heading or an item) was a headline, so
        /// that a sentence after it may be its blurb.
        private var followsHeadline = false
        /// The items of two words or more removed from the current list (its heading aside),
        /// and the most words of one of them.
        private var countedItems = 0
        private var longestItemWords = 0
        /// A sentence after a headline, held until the next paragraph tells: another headline
        /// (or the end of the document) makes it the headline's blurb, which goes; anything
        /// else makes it the article's text going on, which stays. With the blank lines after it.
        private var pendingBlurb: HeldLines?
        private var position = Position.betweenParagraphs
        private var held = HeldLines()
        /// Whether the held paragraph's first line matches the heading; nil until asked.
        private var heldStartsList: Bool?

        init(step: DropListBlocks, context: StageContext, next: LineStage) {
            self.matcher = Matcher(pattern: step.heading, limits: context.limits)
            self.maximumWords = step.maximumWords
            self.context = context
            self.statistics = context.statistics
            super.init(next: next)
        }

        override func push(_ line: Line) {
            var line = line
            if line.isBlank {
                finishParagraph()
                if pendingBlurb != nil { pendingBlurb?.append(line) } else { next?.push(line) }
                return
            }
            // One paragraph per line: each line is decided on its own.
            defer { if context.paragraphsAreLines { finishParagraph() } }
            switch position {
            case .streaming:
                next?.push(line)
            case .betweenParagraphs:
                heldStartsList = nil
                if !isInList {
                    // Only a heading can start a list here: decide on the first line.
                    guard isHeading(&line) else {
                        position = .streaming
                        next?.push(line)
                        return
                    }
                    heldStartsList = true
                }
                position = .holding
                hold(line)
            case .holding:
                hold(line)
            }
        }

        override func endDocument() {
            finishParagraph()
            settleBlurb(isBlurb: true)
            isInList = false
            next?.endDocument()
        }

        private func hold(_ line: Line) {
            held.append(line)
            guard held.storageSize > context.maximumParagraphSize else { return }
            // Far too long for a list item: it ends the list, and passes through unchanged.
            context.reportOverlongParagraph(startingAt: held.firstLineNumber)
            isInList = false
            settleBlurb(isBlurb: false)
            held.emit(to: next)
            held = HeldLines()
            position = .streaming
        }

        private func finishParagraph() {
            defer { position = .betweenParagraphs }
            guard position == .holding else { return }
            defer { held.removeAll() }
            if isInList, held.wordCount <= maximumWords,
               !DropListBlocks.endsListOfShorterItems(words: held.wordCount, countedItems: countedItems, longestItemWords: longestItemWords) {
                let isSentence = DropListBlocks.readsLikeASentence(held)
                if !isSentence {
                    settleBlurb(isBlurb: true)
                    followsHeadline = !DropListBlocks.endsLikeAStatement(held)
                    // A rank number or a one-word label says nothing about the items' length.
                    if held.wordCount > 1 {
                        countedItems += 1
                        longestItemWords = max(longestItemWords, held.wordCount)
                    }
                    remove(held)
                    return
                }
                if followsHeadline, pendingBlurb == nil {
                    pendingBlurb = held.compacted()
                    followsHeadline = false
                    return
                }
            }
            isInList = false
            settleBlurb(isBlurb: false)
            if heldStartsList ?? firstLineIsHeading(held) {
                isInList = true
                followsHeadline = false
                countedItems = 0
                longestItemWords = 0
                remove(held)
                return
            }
            held.emit(to: next)
        }

        /// Whether `line` is a heading; the pipeline's prefilter answers first for most lines
        /// (and leaves its answer in the line for the drop rules after this step).
        private func isHeading(_ line: inout Line) -> Bool {
            guard context.patternMayMatch(&line) else { return false }
            do throws(MatchFailure) {
                return try matcher.matches(line.content)
            } catch {
                context.reportLimitFailure(error, on: line)
                return false
            }
        }

        private func firstLineIsHeading(_ paragraph: HeldLines) -> Bool {
            var first: Line?
            var starts = false
            paragraph.forEachLine { content, _, number in
                guard first == nil else { return }
                var line = Line(bytes: content, contentCount: content.count, number: number)
                starts = isHeading(&line)
                first = line
            }
            return starts
        }

        /// Decides the held sentence after a headline: its lines go when it is a blurb, the
        /// blank lines after it stay either way.
        private func settleBlurb(isBlurb: Bool) {
            guard let blurb = pendingBlurb else { return }
            pendingBlurb = nil
            guard isBlurb else {
                blurb.emit(to: next)
                return
            }
            statistics.paragraphsRemoved += 1
            blurb.emit(to: next) { line in
                if !line.isBlank { statistics.linesRemoved += 1 }
                return line.isBlank
            }
        }

        private func remove(_ paragraph: HeldLines) {
            statistics.paragraphsRemoved += 1
            statistics.linesRemoved += paragraph.lineCount
        }
    }
}
