/// An error in a rule file, with where it is and the line it is on.
///
/// Rendered gcc-style, with the source line and a caret under the column:
///
/// ```
/// site.rules:3:9: error: missing closing parenthesis
/// drop /(ad/
///         ^
/// ```
public struct RuleDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the error is.
    public let location: SourceLocation
    /// What is wrong, as one sentence without a final period.
    public let message: String
    /// The text of the line the error is on, without its terminator (empty when the error is
    /// about a file as a whole).
    public let sourceLine: String

    public init(_ message: String, at location: SourceLocation, sourceLine: String) {
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// The three-line rendering: `file:line:col: error: message`, the source line, a caret.
    public var description: String {
        // Line 0 means the file as a whole (it could not be read): `file: error: message`.
        guard location.line > 0 else { return "\(location.file): error: \(message)" }
        var text = "\(location): error: \(message)"
        guard !sourceLine.isEmpty else { return text }
        // Tabs stay tabs in the caret line so the caret lines up under tab-indented text.
        let lead = sourceLine.unicodeScalars.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }
        text += "\n\(sourceLine)\n\(lead.joined())^"
        return text
    }
}
