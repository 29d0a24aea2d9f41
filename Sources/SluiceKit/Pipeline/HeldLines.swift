/// Copies of consecutive lines, kept so a step can decide about them later (a paragraph, or
/// a blank line held in order with paragraphs).
public struct HeldLines {
    /// The lines' bytes, terminators included, one after another.
    public private(set) var bytes: [UInt8] = []
    /// For each line: where it ends in `bytes`, its content length and its input line number.
    private var lines: [(end: Int, contentCount: Int, number: Int)] = []
    /// The mark of the first line when the lines are, in order and from its first, marked
    /// lines of one normalized paragraph (``Line/paragraphMark``); 0 otherwise.
    private(set) var paragraphMark: UInt64 = 0

    public init() {}

    /// True when no line is held.
    public var isEmpty: Bool { lines.isEmpty }
    /// How many lines are held.
    public var lineCount: Int { lines.count }
    /// The input line number of the first held line (0 when empty).
    public var firstLineNumber: Int { lines.first?.number ?? 0 }

    /// Roughly how much memory the held lines take: their bytes, each line's bookkeeping,
    /// and the two buffers' own overhead. Steps that hold many paragraphs count this against
    /// their hold limits, so that a million one-letter paragraphs count for what they cost.
    public var storageSize: Int {
        bytes.count + lines.count * MemoryLayout<(Int, Int, Int)>.stride + HeldLines.bufferOverhead
    }

    /// What two small heap buffers cost beyond their contents (headers and allocator slack).
    static let bufferOverhead = 128

    /// A copy whose buffers are just big enough: what a step keeps when it holds a paragraph
    /// whose storage may have grown for a much longer one.
    public func compacted() -> HeldLines {
        var copy = HeldLines()
        copy.bytes.reserveCapacity(bytes.count)
        copy.bytes.append(contentsOf: bytes)
        copy.lines.reserveCapacity(lines.count)
        copy.lines.append(contentsOf: lines)
        return copy
    }

    /// The number of words (runs of characters other than space and tab) in all lines.
    public var wordCount: Int {
        var words = 0
        forEachContent { content in
            var inWord = false
            for byte in content {
                let isSpace = byte == 0x20 || byte == 0x09
                if !isSpace, !inWord { words += 1 }
                inWord = !isSpace
            }
        }
        return words
    }

    /// Copies `line` in.
    public mutating func append(_ line: Line) {
        if lines.isEmpty {
            let isFirstLine = line.paragraphMark & (1 << NormalizedParagraphHandoff.lineBits - 1) == 0
            paragraphMark = isFirstLine ? line.paragraphMark : 0
        } else if paragraphMark != 0, line.paragraphMark != paragraphMark &+ UInt64(lines.count) {
            paragraphMark = 0
        }
        bytes.append(contentsOf: line.bytes)
        lines.append((bytes.count, line.contentCount, line.number))
    }

    /// Appends a line made of `content` and `terminator`.
    public mutating func append(content: UnsafeRawBufferPointer, terminator: UnsafeRawBufferPointer, number: Int) {
        paragraphMark = 0
        bytes.append(contentsOf: content)
        bytes.append(contentsOf: terminator)
        lines.append((bytes.count, content.count, number))
    }

    /// Forgets every line, keeping the storage for reuse.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        paragraphMark = 0
    }

    /// Calls `body` with the content (no terminator) of each line, in order.
    public func forEachContent(_ body: (UnsafeRawBufferPointer) -> Void) {
        forEachLine { content, _, _ in body(content) }
    }

    /// Calls `body` with the content, the terminator and the line number of each line.
    public func forEachLine(_ body: (_ content: UnsafeRawBufferPointer, _ terminator: UnsafeRawBufferPointer, _ number: Int) -> Void) {
        bytes.withUnsafeBytes { buffer in
            var start = 0
            for line in lines {
                let contentEnd = start + line.contentCount
                body(UnsafeRawBufferPointer(rebasing: buffer[start..<contentEnd]),
                     UnsafeRawBufferPointer(rebasing: buffer[contentEnd..<line.end]), line.number)
                start = line.end
            }
        }
    }

    /// Calls `body` with the contents of all lines at once (valid only during the call).
    public func withContents<Result>(_ body: ([UnsafeRawBufferPointer]) -> Result) -> Result {
        bytes.withUnsafeBytes { buffer in
            var contents: [UnsafeRawBufferPointer] = []
            contents.reserveCapacity(lines.count)
            var start = 0
            for line in lines {
                contents.append(UnsafeRawBufferPointer(rebasing: buffer[start..<start + line.contentCount]))
                start = line.end
            }
            return body(contents)
        }
    }

    /// Pushes every held line, unchanged, to `stage`.
    public func emit(to stage: LineStage?) {
        emit(to: stage) { _ in true }
    }

    /// Pushes the held lines for which `isKept` is true, unchanged, to `stage`.
    public func emit(to stage: LineStage?, where isKept: (Line) -> Bool) {
        bytes.withUnsafeBytes { buffer in
            var start = 0
            for line in lines {
                let held = Line(
                    bytes: UnsafeRawBufferPointer(rebasing: buffer[start..<line.end]),
                    contentCount: line.contentCount, number: line.number)
                if isKept(held) { stage?.push(held) }
                start = line.end
            }
        }
    }

    /// Pushes every held line, unchanged, to `stage`, marked as the lines of the paragraph
    /// offered as `serial` (``NormalizedParagraphHandoff``; 0: unmarked).
    func emit(to stage: LineStage?, paragraphSerial serial: UInt64) {
        bytes.withUnsafeBytes { buffer in
            var start = 0
            for (index, line) in lines.enumerated() {
                var held = Line(
                    bytes: UnsafeRawBufferPointer(rebasing: buffer[start..<line.end]),
                    contentCount: line.contentCount, number: line.number)
                held.paragraphMark = NormalizedParagraphHandoff.mark(serial: serial, line: index)
                stage?.push(held)
                start = line.end
            }
        }
    }
}
