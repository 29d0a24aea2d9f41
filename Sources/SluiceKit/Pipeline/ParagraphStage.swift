/// A stage for steps that work on whole paragraphs: it gathers each run of non-blank lines
/// and hands it over complete, and hands blank lines over one by one.
///
/// A paragraph ends at a blank line or at the end of the document. Subclasses override
/// ``paragraphCompleted(_:)``, ``blankLine(_:)`` and ``documentEnded()``; the defaults pass
/// everything on unchanged.
open class ParagraphStage: LineStage {
    private var paragraph = HeldLines()

    override public init(next: LineStage?) {
        super.init(next: next)
    }

    override open func push(_ line: Line) {
        if line.isBlank {
            finishParagraph()
            blankLine(line)
        } else {
            paragraph.append(line)
        }
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

    /// Called when the document ends, after its last paragraph; reset per-document state here.
    open func documentEnded() {}

    private func finishParagraph() {
        guard !paragraph.isEmpty else { return }
        paragraphCompleted(paragraph)
        paragraph.removeAll()
    }
}
