/// The stage before the first paragraph step of a pipeline whose paragraph layout is `auto`:
/// it holds each document's first lines (at most ``ParagraphLayoutDetector/lineBudget``
/// non-blank lines or ``ParagraphLayoutDetector/byteBudget`` bytes) until
/// ``ParagraphLayoutDetector`` can decide, tells the pipeline, then lets them and the rest of
/// the document through.
///
/// It sees the lines the line rules before it kept, so that an ad label and its blank line
/// removed on the first run do not make a second run decide otherwise.
final class ParagraphLayoutStage: LineStage {
    private var detector = ParagraphLayoutDetector()
    private var held = HeldLines()
    private var isDecided = false
    private unowned let pipeline: Pipeline

    init(pipeline: Pipeline, next: LineStage) {
        self.pipeline = pipeline
        super.init(next: next)
    }

    override func push(_ line: Line) {
        if isDecided {
            next?.push(line)
            return
        }
        detector.observe(line.content, isBlank: line.isBlank)
        held.append(line)
        if detector.hasEnough { decide() }
    }

    override func endDocument() {
        if !isDecided { decide() }
        detector = ParagraphLayoutDetector()
        isDecided = false
        next?.endDocument()
    }

    private func decide() {
        isDecided = true
        pipeline.paragraphLayoutDecided(detector.decision)
        held.emit(to: next)
        held.removeAll()
    }
}
