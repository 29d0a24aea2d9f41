import Glibc

/// A failure to read input.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input's name as the user gave it (`-` for standard input).
    public let inputName: String
    /// The system's error number.
    public let errorNumber: Int32

    public init(inputName: String, errorNumber: Int32) {
        self.inputName = inputName
        self.errorNumber = errorNumber
    }

    public var description: String {
        "cannot read '\(inputName)': \(String(cString: strerror(errorNumber)))"
    }
}

/// Somewhere bytes come from, read in chunks.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 at the end of the input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
}

/// Reads an open file descriptor with `read(2)`, retrying on `EINTR`.
public struct FileDescriptorSource: ByteSource {
    /// The descriptor read from; the caller opens and closes it.
    public let descriptor: Int32
    /// The input's name for error messages.
    public let name: String

    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw InputError(inputName: name, errorNumber: errno)
        }
    }
}

/// Serves bytes held in memory, at most `maximumRead` bytes per read, so tests can cut the
/// input at every possible place.
public struct MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    private let maximumRead: Int

    public init(_ bytes: [UInt8], maximumRead: Int = .max) {
        self.bytes = bytes
        self.maximumRead = max(1, maximumRead)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, maximumRead, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}
