import Glibc
import SluiceKit

/// Messages to the terminal, written straight to the file descriptors (Swift 6 rejects
/// Glibc's `stderr` global as not concurrency-safe).
enum Diagnostics {
    static func error(_ message: String) {
        writeError("sluice: error: \(message)\n")
    }

    static func warning(_ message: String) {
        writeError("sluice: warning: \(message)\n")
    }

    /// Prints each rule diagnostic not printed before (a file included by several of the
    /// files checked would otherwise report its errors once per includer).
    static func ruleErrors(_ errors: RuleErrors, skipping printed: inout Set<String>) {
        for diagnostic in errors.diagnostics where printed.insert(diagnostic.description).inserted {
            writeError(diagnostic.description + "\n")
        }
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

    /// Opens an input for reading (`-` is standard input); on failure reports why and
    /// returns nil.
    static func openInput(_ input: String) -> Int32? {
        let descriptor = input == "-" ? STDIN_FILENO : open(input, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            error(InputError(inputName: input, errorNumber: errno).description)
            return nil
        }
        return descriptor
    }
}
