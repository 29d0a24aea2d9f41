import Glibc

/// Whole-file reads for small files such as rule files (input text is streamed instead).
public enum FileBytes {
    /// Reads the file at `path` completely.
    /// - Throws: ``InputError`` when it cannot be opened or read, or is a directory
    ///   (reported as `EISDIR`).
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(inputName: path, errorNumber: errno) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(inputName: path, errorNumber: EISDIR)
        }
        var bytes: [UInt8] = []
        var source = FileDescriptorSource(descriptor: descriptor, name: path)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try source.read(into: chunk)
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The canonical absolute path of an existing file, or nil.
    public static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
