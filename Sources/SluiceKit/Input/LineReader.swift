import Glibc

/// Splits a ``ByteSource`` into lines with `memchr`, reading large chunks into one reused
/// buffer. Each line keeps its terminator; a last line without one comes out without one.
/// With another `separator` (NUL for `-z`), it splits into records ending in that byte.
///
/// The buffer grows only when one line is longer than it, to hold that line.
public struct LineReader {
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
    /// returns false. The bytes passed to `body` are valid only during the call.
    public func forEachLine<Source: ByteSource>(
        in source: inout Source,
        _ body: (UnsafeRawBufferPointer) -> Bool
    ) throws(InputError) {
        var capacity = chunkSize
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var lineStart = 0
        var filled = 0
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
                if filled > lineStart {
                    _ = body(UnsafeRawBufferPointer(start: buffer + lineStart, count: filled - lineStart))
                }
                return
            }
            var scan = filled
            filled += count
            while scan < filled, let newline = memchr(buffer + scan, Int32(separator), filled - scan) {
                let end = buffer.distance(to: newline) + 1
                if !body(UnsafeRawBufferPointer(start: buffer + lineStart, count: end - lineStart)) { return }
                lineStart = end
                scan = end
            }
        }
    }
}
