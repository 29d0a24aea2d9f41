/// A step as parsed from a rule file: the step, its name and where it was written.
public struct RuleStep: Sendable {
    /// The parsed step, with its compiled patterns.
    public let step: any Step
    /// `as NAME` if given, else `file:line`.
    public let name: String
    /// Where the step's keyword is.
    public let location: SourceLocation
    /// The examples written under the step (`drops:`, `keeps:`, `turns:` lines).
    public let examples: [RuleExample]
}

/// An example written under a rule, stating what the rule alone does to one line.
public struct RuleExample: Sendable, Equatable {
    /// What the rule must do with the line.
    public enum Expectation: Sendable, Equatable {
        /// `drops: LINE` — the rule removes the line.
        case drops
        /// `keeps: LINE` — the rule passes the line through unchanged.
        case keeps
        /// `turns: LINE => RESULT` — the rule turns the line into `RESULT`.
        case turns(into: String)
    }

    /// The input line.
    public let input: String
    /// What must happen to it.
    public let expectation: Expectation
    /// Where the example is written.
    public let location: SourceLocation
}

/// An ordered list of steps, ready to build pipelines from. Immutable and shareable: every
/// ``Pipeline`` made from it gets its own matchers.
public struct RuleSet: Sendable {
    /// The steps, applied top to bottom.
    public let steps: [RuleStep]
    /// How documents split into paragraphs for the paragraph steps: a rule file's
    /// `paragraphs` line, or `--paragraphs`, which overrides it; `auto` when neither says.
    public var paragraphLayout: ParagraphLayout
    /// Where a rule file set ``paragraphLayout``; nil when none did.
    public let paragraphLayoutLocation: SourceLocation?

    public init(steps: [RuleStep], paragraphLayout: ParagraphLayout = .auto, paragraphLayoutLocation: SourceLocation? = nil) {
        self.steps = steps
        self.paragraphLayout = paragraphLayout
        self.paragraphLayoutLocation = paragraphLayoutLocation
    }

    /// True when a step works on paragraphs, so the paragraph layout matters.
    public var hasParagraphSteps: Bool {
        steps.contains { type(of: $0.step).worksOnParagraphs }
    }
}
