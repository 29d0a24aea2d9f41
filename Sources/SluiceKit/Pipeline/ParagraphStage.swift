/// A stage for steps that work on whole paragraphs: it gathers each run of non-blank lines
/// and hands it over complete, and hands blank lines over one by one.
///
/// A paragraph ends at a blank line or at the end of the document, or, when the document's
/// ``ParagraphLayout`` is `line`, at the end of its line. Subclasses override
/// ``paragraphCompleted(_:)``, ``blankLine(_:)`` and ``documentEnded()``; the defaults pass
/// everything on unchanged.
///
/// A paragraph bigger than ``Pipeline/maximumParagraphSize`` (its bytes plus each
/// line's bookkeeping, see ``HeldLines/storageSize``) is not gathered: what has been gathered
/// of it, and then the rest of it in parts of that size, go to
/// ``passThrough(_:)``, which passes them on unchanged; the step is not applied to that
/// paragraph. This keeps memory bounded on input with no blank lines at all.
open class ParagraphStage: LineStage {
    private var paragraph = HeldLines()
    /// True while the current paragraph is too big and passes through in parts.
    private var isPassingThrough = false
    private let context: StageContext

    public init(context: StageContext, next: LineStage?) {
        self.context = context
        super.init(next: next)
    }

    override open func push(_ line: Line) {
        if line.isBlank {
            finishParagraph()
            blankLine(line)
            return
        }
        paragraph.append(line)
        if paragraph.storageSize > context.maximumParagraphSize {
            if !isPassingThrough {
                isPassingThrough = true
                context.reportOverlongParagraph(startingAt: paragraph.firstLineNumber)
            }
            passThrough(paragraph)
            paragraph = HeldLines()
        }
        if context.paragraphsAreLines { finishParagraph() }
    }

    override open func endDocument() {
        finishParagraph()
        documentEnded()
        next?.endDocument()
    }

    /// Receives a complete paragraph; the default passes it on.
    open func paragraphCompleted(_ paragraph: HeldLines) {
        paragraph.emit(to: next)
    }

    /// Receives a blank line between paragraphs; the default passes it on.
    open func blankLine(_ line: Line) {
        next?.push(line)
    }

    /// Receives a part of a paragraph too big to be gathered, in order; the step must pass
    /// it on unchanged (after what it holds, if it holds lines back). The default passes it on.
    open func passThrough(_ part: HeldLines) {
        part.emit(to: next)
    }

    /// Called when the document ends, after its last paragraph; reset per-document state here.
    open func documentEnded() {}

    private func finishParagraph() {
        guard !paragraph.isEmpty else {
            isPassingThrough = false
            return
        }
        if isPassingThrough {
            passThrough(paragraph)
            paragraph = HeldLines()
            isPassingThrough = false
            return
        }
        paragraphCompleted(paragraph)
        paragraph.removeAll()
    }
}
