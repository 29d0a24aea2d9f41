import Glibc

/// A failure to write output.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reader went away (`EPIPE`): not an error for a Unix filter, just the end.
    case brokenPipe
    /// Any other write failure, with the system's error number.
    case failed(errorNumber: Int32)

    public var description: String {
        switch self {
        case .brokenPipe: return "cannot write output: broken pipe"
        case .failed(let number): return "cannot write output: \(String(cString: strerror(number)))"
        }
    }
}

/// Somewhere output bytes go.
public protocol ByteSink: AnyObject {
    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError)
}

/// Writes to a file descriptor with `write(2)`, retrying on `EINTR` and short writes.
/// `SIGPIPE` must be ignored for `EPIPE` to arrive as ``OutputError/brokenPipe``.
public final class FileDescriptorSink: ByteSink {
    /// The descriptor written to; the caller opens and closes it.
    public let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written >= 0 { offset += written; continue }
            if errno == EINTR { continue }
            throw errno == EPIPE ? .brokenPipe : .failed(errorNumber: errno)
        }
    }
}

/// Collects output in memory.
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        self.bytes.append(contentsOf: bytes)
    }
}

/// Gathers small writes into large ones. After a write fails, it drops everything further
/// and keeps the first failure in ``failure``, so that callers on the hot path need not
/// handle errors per line.
public final class OutputBuffer {
    private let sink: any ByteSink
    private let storage: UnsafeMutableRawPointer
    private let capacity: Int
    private var count = 0
    /// The first write failure, if any; once set, output is discarded.
    public private(set) var failure: OutputError?
    /// Bytes accepted so far.
    public private(set) var bytesWritten = 0

    /// A buffer that writes to `sink` in pieces of `capacity` bytes (256 KiB when not given).
    public init(sink: any ByteSink, capacity: Int = 256 * 1024) {
        self.sink = sink
        self.capacity = max(1, capacity)
        self.storage = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// Appends `bytes`, writing out when the buffer fills.
    @inline(__always)
    public func append(_ bytes: UnsafeRawBufferPointer) {
        bytesWritten += bytes.count
        if count + bytes.count <= capacity, let base = bytes.baseAddress {
            (storage + count).copyMemory(from: base, byteCount: bytes.count)
            count += bytes.count
            return
        }
        appendSlowly(bytes)
    }

    private func appendSlowly(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        flush()
        if bytes.count >= capacity {
            send(bytes)
        } else {
            storage.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            count = bytes.count
        }
    }

    /// Writes out everything buffered. A failure is kept in ``failure``.
    public func flush() {
        guard count > 0 else { return }
        send(UnsafeRawBufferPointer(start: storage, count: count))
        count = 0
    }

    private func send(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        do {
            try sink.write(bytes)
        } catch {
            failure = error
        }
    }
}
