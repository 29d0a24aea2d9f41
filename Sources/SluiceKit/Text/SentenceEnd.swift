/// How a paragraph ends: the last mark of its last line that is not white space, a quote mark
/// or a closing bracket. The steps that must tell a sentence from a headline, a label or a
/// teaser (`dedupe ledes`, `quotes strip-stray`, `drop-list`) all read it here.
///
/// `noon.”`, `noon.)` and `noon. “` (a stray opener after it) all end in a full stop; `Loading...`
/// and `plan…` in an ellipsis; `Why?` in a question mark; `Hallo“` in nothing but a closer.
public struct SentenceEnd: Equatable, Sendable {
    /// The last mark, past closing quotes, brackets and white space.
    public enum Mark: Equatable, Sendable {
        /// `.` or `。`, once (two or more dots are an ellipsis).
        case fullStop
        /// `?` or `？`.
        case question
        /// `!` or `！`.
        case exclamation
        /// `…`, or two or more dots.
        case ellipsis
        /// `:` or `：`.
        case colon
        /// `;`.
        case semicolon
        /// Anything else: a letter, a digit, a dash, another symbol.
        case other
        /// No such character: the paragraph is empty or only quotes and brackets.
        case nothing
    }

    /// The last mark.
    public let mark: Mark
    /// True when quote marks or closing brackets stand after it.
    public let isClosed: Bool
    /// True when the line's last character that is not white space is a quote mark.
    public let endsInQuote: Bool

    /// True for the marks that end a sentence: `.` `?` `!` `…` (and their CJK forms).
    public var endsSentence: Bool {
        switch mark {
        case .fullStop, .question, .exclamation, .ellipsis: return true
        default: return false
        }
    }

    /// How `paragraph` ends: how its last line ends, or where that line is only quotes and
    /// brackets, the line before it.
    public static func of(_ paragraph: HeldLines) -> SentenceEnd {
        var last: SentenceEnd?
        paragraph.forEachContent { content in
            if let end = of(line: content), end.mark != .nothing || last == nil { last = end }
        }
        return last ?? SentenceEnd(mark: .nothing, isClosed: false, endsInQuote: false)
    }

    /// How one line ends, or nil when it is only white space.
    static func of(line content: UnsafeRawBufferPointer) -> SentenceEnd? {
        var offset = content.count
        var isClosed = false
        var endsInQuote: Bool?
        while offset > 0 {
            var start = offset - 1
            while start > 0, start > offset - 4, content[start] & 0xC0 == 0x80 { start -= 1 }
            let value = UTF8Scalar.scalar(content, at: start).0
            offset = start
            if value == " " || value == "\t" || value == "\r" || value.properties.isWhitespace { continue }
            let isQuote = QuoteMarks.classify(value) != nil
            if endsInQuote == nil { endsInQuote = isQuote }
            let category = value.properties.generalCategory
            if isQuote || category == .closePunctuation || category == .finalPunctuation {
                isClosed = true
                continue
            }
            let mark: Mark
            switch value {
            case ".", "。":
                let isDoubled = value == "." && start > 0 && content[start - 1] == UInt8(ascii: ".")
                mark = isDoubled ? .ellipsis : .fullStop
            case "…": mark = .ellipsis
            case "?", "？": mark = .question
            case "!", "！": mark = .exclamation
            case ":", "：": mark = .colon
            case ";": mark = .semicolon
            default: mark = .other
            }
            return SentenceEnd(mark: mark, isClosed: isClosed, endsInQuote: endsInQuote ?? false)
        }
        return endsInQuote.map { SentenceEnd(mark: .nothing, isClosed: isClosed, endsInQuote: $0) }
    }
}
