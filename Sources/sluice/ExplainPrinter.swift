import Glibc
import SluiceKit

/// `--explain`: writes, instead of the cleaned text, one line per line a rule removed or
/// changed: `- [default.rules:9 drop] Advertisement`, `~ [trailing-space] old → new`.
/// Coloured (removals red, changes yellow) only when standard output is a terminal and
/// `NO_COLOR` is unset or empty. When there are several documents, the lines of each come
/// under a header naming it (`== pages.jsonl, line 3`), printed only if a rule did anything
/// or `auto` decided the document's paragraph layout (`= paragraphs: line (auto: …)`).
final class ExplainPrinter: PipelineObserver {
    private let output: OutputBuffer
    private let colour: Bool
    private let namesDocuments: Bool
    private var pendingHeader: String?
    private var labels: [SourceLocation: [UInt8]] = [:]

    init(output: OutputBuffer, namesDocuments: Bool) {
        self.output = output
        self.namesDocuments = namesDocuments
        let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        self.colour = isatty(STDOUT_FILENO) == 1 && noColor.isEmpty
    }

    func documentStarted(named name: String, document: String?) {
        guard namesDocuments else { return }
        let input = name == "-" ? "standard input" : name
        pendingHeader = "== " + (document.map { "\(input), \($0)" } ?? input) + "\n"
    }

    func step(_ step: RuleStep, removed content: UnsafeRawBufferPointer, lineNumber: Int) {
        write(marker: "-", colourCode: "31", step: step) {
            output.append(content)
        }
    }

    func step(_ step: RuleStep, changed old: UnsafeRawBufferPointer, to new: UnsafeRawBufferPointer, lineNumber: Int) {
        write(marker: "~", colourCode: "33", step: step) {
            output.append(old)
            append(" → ")
            output.append(new)
        }
    }

    /// `= paragraphs: line (auto: …)`, for every document whose layout `auto` decided.
    func paragraphLayoutDecided(_ decision: ParagraphLayoutDecision) {
        writeHeader()
        append("= paragraphs: \(decision)\n")
    }

    private func writeHeader() {
        if let header = pendingHeader {
            append(colour ? "\u{1B}[1m" + header.dropLast() + "\u{1B}[0m\n" : header)
            pendingHeader = nil
        }
    }

    private func write(marker: String, colourCode: String, step: RuleStep, body: () -> Void) {
        writeHeader()
        if colour { append("\u{1B}[\(colourCode)m") }
        append(marker + " ")
        label(of: step).withUnsafeBytes(output.append)
        append(" ")
        body()
        if colour { append("\u{1B}[0m") }
        append("\n")
    }

    /// `[name]` for a step named with `as NAME`, else `[file:line keyword]`.
    private func label(of step: RuleStep) -> [UInt8] {
        if let known = labels[step.location] { return known }
        let unnamed = step.name == "\(step.location.file):\(step.location.line)"
        let text = unnamed ? "[\(step.name) \(type(of: step.step).keyword)]" : "[\(step.name)]"
        labels[step.location] = Array(text.utf8)
        return Array(text.utf8)
    }

    private func append(_ text: String) {
        var text = text
        text.withUTF8 { output.append(UnsafeRawBufferPointer($0)) }
    }
}

/// Discards what it is given: the cleaned text, while `--explain` writes its report instead.
final class DiscardingSink: ByteSink {
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {}
}
