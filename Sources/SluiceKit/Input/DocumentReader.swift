/// One document read from the input, with what goes around it.
public struct Document: Sendable {
    /// What the rules clean: the document's text, or for JSON Lines the whole record line,
    /// terminator included (its field is the text).
    public var content: [UInt8]
    /// Bytes written after the cleaned content as they are: the NUL that ended the document,
    /// or the separator line that ended it (empty for JSON Lines and a last document).
    public var trailer: [UInt8]
    /// The 1-based number of the document in its input, or for JSON Lines its line number.
    public var number: Int
    /// The input's name as given (`-` for standard input).
    public var inputName: String

    /// A document of `content`, followed by `trailer` unchanged.
    public init(content: [UInt8], trailer: [UInt8] = [], number: Int, inputName: String) {
        self.content = content
        self.trailer = trailer
        self.number = number
        self.inputName = inputName
    }
}

/// How an input divides into documents.
public enum DocumentMode: Sendable {
    /// Documents end with a NUL byte (`-z`), which is kept.
    case nullSeparated
    /// A line matching the pattern ends a document and is kept, unchanged, after it.
    case separatorLines(Pattern)
    /// Each line is a JSON Lines record whose `field` is the document (`--jsonl`).
    case jsonLines(field: String)
}

/// Reads an input document by document; each input's end ends its last document.
public struct DocumentReader {
    /// How the input divides.
    public let mode: DocumentMode
    private let lineReader: LineReader
    private let separator: Matcher?

    /// A reader for `mode`, reading `chunkSize` bytes at a time (1 MiB when not given).
    public init(mode: DocumentMode, chunkSize: Int = 1 << 20) {
        self.mode = mode
        switch mode {
        case .nullSeparated:
            lineReader = LineReader(chunkSize: chunkSize, separator: 0)
            separator = nil
        case .separatorLines(let pattern):
            lineReader = LineReader(chunkSize: chunkSize)
            separator = Matcher(pattern: pattern)
        case .jsonLines:
            lineReader = LineReader(chunkSize: chunkSize)
            separator = nil
        }
    }

    /// Calls `body` with each document of `source` in order, until the input ends or `body`
    /// returns false.
    public func forEachDocument<Source: ByteSource>(
        in source: inout Source,
        named name: String,
        _ body: (Document) -> Bool
    ) throws(InputError) {
        var number = 0
        switch mode {
        case .nullSeparated:
            try lineReader.forEachLine(in: &source) { record in
                number += 1
                let ended = record.last == 0
                let content = Array(ended ? UnsafeRawBufferPointer(rebasing: record.dropLast()) : record)
                return body(Document(content: content, trailer: ended ? [0] : [], number: number, inputName: name))
            }
        case .jsonLines:
            try lineReader.forEachLine(in: &source) { line in
                number += 1
                return body(Document(content: Array(line), number: number, inputName: name))
            }
        case .separatorLines:
            var content: [UInt8] = []
            var stopped = false
            try lineReader.forEachLine(in: &source) { bytes in
                let line = Line(bytes: bytes, number: 0)
                // A separator that a match limit stops on is taken for text.
                guard let separator, (try? separator.matches(line.content)) == true else {
                    content.append(contentsOf: bytes)
                    return true
                }
                number += 1
                let document = Document(content: content, trailer: Array(bytes), number: number, inputName: name)
                content.removeAll(keepingCapacity: true)
                stopped = !body(document)
                return !stopped
            }
            if !stopped, !content.isEmpty {
                _ = body(Document(content: content, number: number + 1, inputName: name))
            }
        }
    }
}
