import Glibc

/// Splits a ``ByteSource`` into lines with `memchr`, reading large chunks into one reused
/// buffer. Each line keeps its terminator; a last line without one comes out without one.
/// With another `separator` (NUL for `-z`), it splits into records ending in that byte.
///
/// The buffer grows only when one line is longer than it, to hold that line — up to
/// `maximumLineLength`: a longer line comes out in parts (``Piece/overlongPart(_:isFirst:isLast:)``)
/// so memory stays bounded by about twice that length whatever the input.
public struct LineReader {
    /// What ``forEachPiece(in:_:)`` hands over.
    public enum Piece {
        /// A whole line, with its terminator if it has one.
        case line(UnsafeRawBufferPointer)
        /// Part of a line longer than `maximumLineLength`, in order; the last part holds
        /// the terminator, if any.
        case overlongPart(UnsafeRawBufferPointer, isFirst: Bool, isLast: Bool)
    }

    /// The longest line handed over whole (unlimited unless given).
    public var maximumLineLength = Int.max

    /// The size of each read and of the buffer at first.
    public let chunkSize: Int
    /// The byte that ends a line (`\n` unless given).
    public let separator: UInt8

    /// A reader that reads `chunkSize` bytes at a time (1 MiB when not given) and splits
    /// after each `separator`.
    public init(chunkSize: Int = 1 << 20, separator: UInt8 = 0x0A) {
        self.chunkSize = max(1, chunkSize)
        self.separator = separator
    }

    /// Calls `body` with each line of `source`, in order, until the input ends or `body`
    /// returns false. The bytes passed to `body` are valid only during the call. Lines are
    /// never cut: with this method `maximumLineLength` does not apply.
    public func forEachLine<Source: ByteSource>(
        in source: inout Source,
        _ body: (UnsafeRawBufferPointer) -> Bool
    ) throws(InputError) {
        var whole = self
        whole.maximumLineLength = Int.max
        try whole.forEachPiece(in: &source) { piece in
            guard case .line(let bytes) = piece else { return true }
            return body(bytes)
        }
    }

    /// Calls `body` with each line of `source`, in order — or, for a line longer than
    /// `maximumLineLength`, with its parts — until the input ends or `body` returns false.
    /// The bytes passed to `body` are valid only during the call.
    public func forEachPiece<Source: ByteSource>(
        in source: inout Source,
        _ body: (Piece) -> Bool
    ) throws(InputError) {
        var capacity = chunkSize
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var lineStart = 0
        var filled = 0
        var isInOverlongLine = false
        while true {
            if lineStart > 0 {
                // Move the unfinished line to the front so the next read can follow it.
                let pending = filled - lineStart
                if pending > 0 { memmove(buffer, buffer + lineStart, pending) }
                filled = pending
                lineStart = 0
            }
            if filled == capacity {
                capacity *= 2
                let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
                larger.copyMemory(from: buffer, byteCount: filled)
                buffer.deallocate()
                buffer = larger
            }
            let count = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + filled, count: capacity - filled))
            if count == 0 {
                let rest = UnsafeRawBufferPointer(start: buffer + lineStart, count: filled - lineStart)
                if isInOverlongLine {
                    _ = body(.overlongPart(rest, isFirst: false, isLast: true))
                } else if filled > lineStart {
                    _ = body(.line(rest))
                }
                return
            }
            var scan = filled
            filled += count
            while scan < filled, let newline = memchr(buffer + scan, Int32(separator), filled - scan) {
                let end = buffer.distance(to: newline) + 1
                let bytes = UnsafeRawBufferPointer(start: buffer + lineStart, count: end - lineStart)
                let piece: Piece = isInOverlongLine ? .overlongPart(bytes, isFirst: false, isLast: true) : .line(bytes)
                isInOverlongLine = false
                if !body(piece) { return }
                lineStart = end
                scan = end
            }
            if filled - lineStart >= maximumLineLength {
                // No end in sight: hand over what there is and make room for more.
                let part = UnsafeRawBufferPointer(start: buffer + lineStart, count: filled - lineStart)
                if !body(.overlongPart(part, isFirst: !isInOverlongLine, isLast: false)) { return }
                isInOverlongLine = true
                lineStart = filled
            }
        }
    }
}
