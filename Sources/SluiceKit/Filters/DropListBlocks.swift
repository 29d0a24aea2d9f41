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

    private final class Stage: ParagraphStage {
        private let matcher: Matcher
        private let maximumWords: Int
        private let context: StageContext
        private let statistics: StepStatistics
        private var isInList = false

        init(step: DropListBlocks, context: StageContext, next: LineStage) {
            self.matcher = Matcher(pattern: step.heading, limits: context.limits)
            self.maximumWords = step.maximumWords
            self.context = context
            self.statistics = context.statistics
            super.init(context: context, next: next)
        }

        override func paragraphCompleted(_ paragraph: HeldLines) {
            if isInList, paragraph.wordCount <= maximumWords {
                remove(paragraph)
                return
            }
            isInList = false
            if startsList(paragraph) {
                isInList = true
                remove(paragraph)
                return
            }
            paragraph.emit(to: next)
        }

        override func passThrough(_ part: HeldLines) {
            // Far too long for a list item: it ends the list.
            isInList = false
            part.emit(to: next)
        }

        override func documentEnded() {
            isInList = false
        }

        private func startsList(_ paragraph: HeldLines) -> Bool {
            var first: UnsafeRawBufferPointer?
            var starts = false
            paragraph.forEachLine { content, terminator, number in
                guard first == nil else { return }
                first = content
                do throws(MatchFailure) {
                    starts = try matcher.matches(content)
                } catch {
                    context.reportLimitFailure(error, on: Line(bytes: content, contentCount: content.count, number: number))
                }
            }
            return starts
        }

        private func remove(_ paragraph: HeldLines) {
            statistics.paragraphsRemoved += 1
            statistics.linesRemoved += paragraph.lineCount
        }
    }
}
