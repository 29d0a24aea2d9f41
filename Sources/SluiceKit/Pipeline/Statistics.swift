/// What one step did: the counters every step reports through, whatever its kind.
public final class StepStatistics {
    /// The step's name: its `as NAME`, or `file:line`.
    public let name: String
    /// The step's keyword (`drop`, `replace`, …).
    public let keyword: String
    /// Where the step is written.
    public let location: SourceLocation
    /// Lines the step removed.
    public internal(set) var linesRemoved = 0
    /// Paragraphs the step removed (their lines count in ``linesRemoved`` too).
    public internal(set) var paragraphsRemoved = 0
    /// Lines the step changed (a line with three replacements counts once).
    public internal(set) var linesChanged = 0
    /// Replacements made (a line with three replacements counts three).
    public internal(set) var replacements = 0
    /// Quote marks the step removed.
    public internal(set) var quotesRemoved = 0
    /// Lines on which a match limit stopped the step; those lines were left as they were.
    public internal(set) var limitFailures = 0
    /// Changes the step considered and did not make because it could not be sure they were
    /// right (a quote mark that may be stray, a repeat that may be content): the text was
    /// left as it was.
    public internal(set) var leftAlone = 0

    init(name: String, keyword: String, location: SourceLocation) {
        self.name = name
        self.keyword = keyword
        self.location = location
    }
}

/// What a pipeline did, step by step and in total.
public final class Statistics {
    /// One entry per step, in rule order.
    public let steps: [StepStatistics]
    /// Bytes read.
    public internal(set) var bytesIn = 0
    /// Bytes written.
    public internal(set) var bytesOut = 0
    /// Lines read.
    public internal(set) var linesIn = 0
    /// Documents processed.
    public internal(set) var documents = 0
    /// Lines longer than the reader's limit, passed through unchanged.
    public internal(set) var overlongLines = 0
    /// Paragraphs too big for the paragraph steps, passed through unchanged by them.
    public internal(set) var overlongParagraphs = 0
    /// Documents by the paragraph layout their paragraph steps used (empty when the rules
    /// have no paragraph step).
    public internal(set) var documentsByParagraphLayout: [ParagraphLayout: Int] = [:]

    init(steps: [StepStatistics]) {
        self.steps = steps
    }
}
