/// One link in the running chain a ``Pipeline`` builds from its steps: it receives lines,
/// passes on the ones it keeps (changed or not) to `next`, and hears where each document ends.
///
/// The base class passes everything through unchanged; steps override what they need.
open class LineStage {
    /// The stage that receives this stage's output (nil only for the final sink).
    public let next: LineStage?

    public init(next: LineStage?) {
        self.next = next
    }

    /// Receives one line. The line's bytes are valid only during the call.
    open func push(_ line: Line) {
        next?.push(line)
    }

    /// Marks the end of the current document: flush anything held back, then reset.
    open func endDocument() {
        next?.endDocument()
    }
}
