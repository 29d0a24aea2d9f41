/// How a document's lines make up paragraphs, for the steps that work on paragraphs
/// (`dedupe`, `quotes strip-stray`, `drop-list`).
///
/// Set with `--paragraphs` or with a `paragraphs` line in a rule file; `auto` decides per
/// document (see ``ParagraphLayoutDetector``).
public enum ParagraphLayout: String, Sendable, CaseIterable {
    /// Decide per document from how its first lines are laid out.
    case auto
    /// A paragraph is a run of non-blank lines; blank lines separate paragraphs (articles as
    /// most editors and extractors write them, hard-wrapped e-mail and plain-text books).
    case blankLine = "blank-line"
    /// Every non-blank line is a paragraph of its own (C4 and Common Crawl WET text, most
    /// JSON Lines corpora, `'\n'.join(paragraphs)`).
    case line
}

/// What paragraph layout a document was given, and why.
public struct ParagraphLayoutDecision: Sendable, Equatable, CustomStringConvertible {
    /// The layout the paragraph steps use for the document: never ``ParagraphLayout/auto``.
    public let layout: ParagraphLayout
    /// True when `auto` chose it; false when a rule file or `--paragraphs` set it.
    public let isAutomatic: Bool
    /// What `auto` looked at (zero when the layout was set).
    public let evidence: ParagraphLayoutDetector.Evidence

    /// `line (auto: 12 lines, no blank line between them)` and the like.
    public var description: String {
        guard isAutomatic else { return "\(layout.rawValue) (set)" }
        let lines = "\(evidence.lines) \(evidence.lines == 1 ? "line" : "lines")"
        let gaps = "\(evidence.gaps) blank-line \(evidence.gaps == 1 ? "gap" : "gaps")"
        let joins = "\(evidence.joins) \(evidence.joins == 1 ? "line" : "lines") straight after another"
        let long = "\(evidence.longJoins) of them longer than \(ParagraphLayoutDetector.wrapWidth) characters"
        return "\(layout.rawValue) (auto: \(lines), \(gaps), \(joins), \(long))"
    }
}

/// Decides `auto` for one document from its first lines, as they come from the input.
///
/// It counts, over the first ``lineBudget`` non-blank lines (or ``byteBudget`` bytes, or the
/// whole document if that is shorter):
/// - **gaps**: runs of blank lines between two non-blank lines;
/// - **joins**: non-blank lines that follow another non-blank line directly;
/// - **long joins**: joins whose line before is longer than ``wrapWidth`` characters, so it
///   is not a hard-wrapped line (e-mail and plain-text books wrap at 72–80 columns).
///
/// The document's paragraphs are one per line when there are joins and either no gap at all,
/// or gaps are rare (at least three joins per gap) and most joins are long: a title and a
/// blank line above text written one paragraph per line. Otherwise they are blank-line
/// paragraphs: text with blank lines between its paragraphs, hard-wrapped text, and text with
/// no joins at all (where both layouts give the same paragraphs).
public struct ParagraphLayoutDetector: Sendable {
    /// What the detector has counted.
    public struct Evidence: Sendable, Equatable {
        /// Non-blank lines seen.
        public var lines = 0
        /// Runs of blank lines between two non-blank lines.
        public var gaps = 0
        /// Non-blank lines straight after a non-blank line.
        public var joins = 0
        /// Joins whose line before is longer than ``ParagraphLayoutDetector/wrapWidth``.
        public var longJoins = 0

        public init(lines: Int = 0, gaps: Int = 0, joins: Int = 0, longJoins: Int = 0) {
            self.lines = lines
            self.gaps = gaps
            self.joins = joins
            self.longJoins = longJoins
        }
    }

    /// How many non-blank lines the decision looks at, at most.
    public static let lineBudget = 64
    /// How many bytes the decision looks at, at most (the detecting stage holds them).
    public static let byteBudget = 64 << 10
    /// A line longer than this (in characters) is not a hard-wrapped line.
    public static let wrapWidth = 100

    /// What has been counted so far.
    public private(set) var evidence = Evidence()
    private var bytesSeen = 0
    private var previousLength: Int?
    private var blankSincePrevious = false

    public init() {}

    /// True once enough has been seen to decide.
    public var hasEnough: Bool {
        evidence.lines >= ParagraphLayoutDetector.lineBudget || bytesSeen >= ParagraphLayoutDetector.byteBudget
    }

    /// Counts one line of the document (content without its terminator).
    public mutating func observe(_ content: UnsafeRawBufferPointer, isBlank: Bool) {
        bytesSeen += content.count + 1
        if isBlank {
            blankSincePrevious = previousLength != nil
            return
        }
        let length = ParagraphLayoutDetector.characterCount(content)
        if let previous = previousLength {
            if blankSincePrevious {
                evidence.gaps += 1
            } else {
                evidence.joins += 1
                if previous > ParagraphLayoutDetector.wrapWidth { evidence.longJoins += 1 }
            }
        }
        evidence.lines += 1
        previousLength = length
        blankSincePrevious = false
    }

    /// The layout for what has been seen.
    public var decision: ParagraphLayoutDecision {
        let counts = evidence
        let oneParagraphPerLine = counts.joins > 0
            && (counts.gaps == 0 || (counts.joins >= 3 * counts.gaps && 2 * counts.longJoins > counts.joins))
        return ParagraphLayoutDecision(layout: oneParagraphPerLine ? .line : .blankLine, isAutomatic: true, evidence: counts)
    }

    /// UTF-8 lead bytes (and invalid bytes) count as one character each.
    private static func characterCount(_ content: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in content where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
