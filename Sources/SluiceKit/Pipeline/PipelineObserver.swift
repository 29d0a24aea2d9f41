/// Hears what each step does to each line, for `sluice --explain`.
///
/// A pipeline made with an observer puts a tap before and after every step's stage: lines
/// going in are remembered, and lines coming out are matched to them by input line number
/// (steps keep lines in order and keep their numbers). A line that never comes out was
/// removed by that step; one that comes out different was changed. A pipeline made without
/// an observer has no taps, so cleaning pays nothing for the feature.
public protocol PipelineObserver: AnyObject {
    /// A document starts: `name` is its input's name (`-` for standard input), `document`
    /// which document of that input it is, when there are several.
    func documentStarted(named name: String, document: String?)
    /// `step` removed the line numbered `lineNumber` whose content (no terminator) was `content`.
    func step(_ step: RuleStep, removed content: UnsafeRawBufferPointer, lineNumber: Int)
    /// `step` turned the content of line `lineNumber` from `old` into `new`.
    func step(_ step: RuleStep, changed old: UnsafeRawBufferPointer, to new: UnsafeRawBufferPointer, lineNumber: Int)
    /// `--paragraphs=auto` decided the current document's layout, before any step saw a line.
    func paragraphLayoutDecided(_ decision: ParagraphLayoutDecision)
}

extension PipelineObserver {
    /// By default, nothing happens when a document starts.
    public func documentStarted(named name: String, document: String?) {}
    /// By default, the layout decision is not reported.
    public func paragraphLayoutDecided(_ decision: ParagraphLayoutDecision) {}
}

/// The lines that went into one step and have not come out yet, oldest first.
final class LineTrace {
    let step: RuleStep
    private var pending: [(number: Int, content: [UInt8])] = []
    private var head = 0

    init(step: RuleStep) {
        self.step = step
    }

    func entered(_ line: Line) {
        pending.append((line.number, Array(line.content)))
    }

    /// Matches a line the step let out with what went in: everything before it was removed.
    func emerged(_ line: Line, observer: PipelineObserver) {
        while head < pending.count, pending[head].number < line.number {
            report(removed: head, observer: observer)
            head += 1
        }
        if head < pending.count, pending[head].number == line.number {
            let content = line.content
            pending[head].content.withUnsafeBytes { old in
                if !old.elementsEqual(content) {
                    observer.step(step, changed: old, to: content, lineNumber: line.number)
                }
            }
            head += 1
        }
        compact()
    }

    /// At the end of a document every line still held was removed.
    func documentEnded(observer: PipelineObserver) {
        while head < pending.count {
            report(removed: head, observer: observer)
            head += 1
        }
        pending.removeAll(keepingCapacity: true)
        head = 0
    }

    private func report(removed index: Int, observer: PipelineObserver) {
        pending[index].content.withUnsafeBytes { content in
            observer.step(step, removed: content, lineNumber: pending[index].number)
        }
    }

    private func compact() {
        if head > 1024, head * 2 > pending.count {
            pending.removeFirst(head)
            head = 0
        }
    }
}

/// A tap between two steps: what it sees has come out of the step before and is going into
/// the step after.
final class ObservingStage: LineStage {
    private let leaving: LineTrace?
    private let entering: LineTrace?
    private let observer: PipelineObserver

    init(leaving: LineTrace?, entering: LineTrace?, observer: PipelineObserver, next: LineStage) {
        self.leaving = leaving
        self.entering = entering
        self.observer = observer
        super.init(next: next)
    }

    override func push(_ line: Line) {
        leaving?.emerged(line, observer: observer)
        entering?.entered(line)
        next?.push(line)
    }

    override func endDocument() {
        // The step before has written out all it held before its end reaches this tap.
        leaving?.documentEnded(observer: observer)
        next?.endDocument()
    }
}
