/// A match that a limit stopped: which step, on which line of which input.
public struct LimitFailure: Sendable {
    /// The step's name (`as NAME`, or `file:line`).
    public let stepName: String
    /// Where the step is defined.
    public let stepLocation: SourceLocation
    /// The input's name (`-` for standard input).
    public let inputName: String
    /// Which document of the input, in document modes (`the record on line 5`,
    /// `document 3`); nil when the input is one document.
    public let documentName: String?
    /// 1-based line number in the input, or in the document when there is a document name.
    public let lineNumber: Int
    /// PCRE2's reason.
    public let failure: MatchFailure
}

/// What a stage shares with its pipeline: the match limits, its counters, and where to report
/// a match that a limit stopped.
public final class StageContext {
    /// Limits every matcher enforces.
    public let limits: MatchLimits
    /// The counters of the step whose stage is being made.
    public internal(set) var statistics: StepStatistics
    /// The most a paragraph may take for a paragraph step to see it whole
    /// (``Pipeline/maximumParagraphSize``).
    public let maximumParagraphSize: Int
    let step: RuleStep
    unowned let pipeline: Pipeline
    /// The pipeline's prefilter, when it gates this step's pattern, and the step's index.
    private let prefilter: DropPrefilter?
    private let stepIndex: Int32

    init(
        limits: MatchLimits, maximumParagraphSize: Int, statistics: StepStatistics, step: RuleStep, pipeline: Pipeline,
        prefilter: DropPrefilter? = nil, stepIndex: Int = 0
    ) {
        self.limits = limits
        self.maximumParagraphSize = maximumParagraphSize
        self.statistics = statistics
        self.step = step
        self.pipeline = pipeline
        self.prefilter = prefilter.flatMap { $0.gates[stepIndex] == .none ? nil : $0 }
        self.stepIndex = Int32(stepIndex)
    }

    /// False when the step's pattern cannot match `line`, as the pipeline's prefilter
    /// (``DropPrefilter``) finds; true when it may (or no prefilter gates the step).
    func patternMayMatch(_ line: inout Line) -> Bool {
        guard let prefilter else { return true }
        return prefilter.candidates(&line).contains(stepIndex)
    }

    /// True when the current document's paragraphs are its lines, one paragraph per
    /// non-blank line (``ParagraphLayout/line``); false for blank-line paragraphs.
    public var paragraphsAreLines: Bool { pipeline.paragraphLayout.layout == .line }

    /// Records that a limit stopped a match on `line`; the stage leaves the line unchanged.
    public func reportLimitFailure(_ failure: MatchFailure, on line: Line) {
        statistics.limitFailures += 1
        pipeline.limitFailed(LimitFailure(
            stepName: step.name, stepLocation: step.location,
            inputName: pipeline.inputName, documentName: pipeline.documentName, lineNumber: line.number, failure: failure))
    }

    /// Records that a paragraph starting on `lineNumber` was too big for this step, which
    /// passed it through unchanged.
    public func reportOverlongParagraph(startingAt lineNumber: Int) {
        pipeline.overlongParagraph(startingAt: lineNumber, step: step)
    }
}
