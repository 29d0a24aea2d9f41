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
/// paragraph of at most `max-words` words (default 20) are removed. The first longer
/// paragraph ends the list and stays, and so does everything after it; the end of the
/// document ends a list too. Blank lines are left for `squeeze blank-lines`. Write the
/// heading pattern to match whole lines only: everything short after it goes.
public struct DropListBlocks: Step {
    public static let keyword = "drop-list"
    public static let synopsis = "drop-list /HEADING/FLAGS [max-words=N]"

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
            if line.isBlank {
                finishParagraph()
                next?.push(line)
                return
            }
            switch position {
            case .streaming:
                next?.push(line)
            case .betweenParagraphs:
                heldStartsList = nil
                if !isInList {
                    // Only a heading can start a list here: decide on the first line.
                    guard isHeading(line) else {
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
            isInList = false
            next?.endDocument()
        }

        private func hold(_ line: Line) {
            held.append(line)
            guard held.storageSize > context.maximumParagraphSize else { return }
            // Far too long for a list item: it ends the list, and passes through unchanged.
            context.reportOverlongParagraph(startingAt: held.firstLineNumber)
            isInList = false
            held.emit(to: next)
            held = HeldLines()
            position = .streaming
        }

        private func finishParagraph() {
            defer { position = .betweenParagraphs }
            guard position == .holding else { return }
            defer { held.removeAll() }
            if isInList, held.wordCount <= maximumWords {
                remove(held)
                return
            }
            isInList = false
            if heldStartsList ?? firstLineIsHeading(held) {
                isInList = true
                remove(held)
                return
            }
            held.emit(to: next)
        }

        private func isHeading(_ line: Line) -> Bool {
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
                let line = Line(bytes: content, contentCount: content.count, number: number)
                first = line
                starts = isHeading(line)
            }
            return starts
        }

        private func remove(_ paragraph: HeldLines) {
            statistics.paragraphsRemoved += 1
            statistics.linesRemoved += paragraph.lineCount
        }
    }
}
