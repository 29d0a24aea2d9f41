import Glibc

/// Messages to the terminal, written straight to the file descriptors (Swift 6 rejects
/// Glibc's `stderr` global as not concurrency-safe).
enum Diagnostics {
    static func error(_ message: String) {
        writeError("sluice: error: \(message)\n")
    }

    static func warning(_ message: String) {
        writeError("sluice: warning: \(message)\n")
    }

    static func writeError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    static func writeOut(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return }
                offset += written
            }
        }
    }
}
