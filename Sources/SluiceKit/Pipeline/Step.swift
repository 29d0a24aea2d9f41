/// A step of a rule file: a keyword, its arguments, and the stage that does its work.
///
/// A new step is one file in `Filters/` with a type conforming to `Step`, plus one line in
/// ``StepRegistry/all``. Its doc comment gives a one-line summary, its rule-file syntax and
/// an example.
public protocol Step: Sendable {
    /// The word that starts the step in a rule file (`drop`, `replace`, …).
    static var keyword: String { get }
    /// The step's syntax, as shown in help and errors: `drop /PATTERN/FLAGS`.
    static var synopsis: String { get }
    /// Reads the step's arguments after its keyword. The scanner stops before any
    /// `as NAME` or comment, which the parser reads.
    static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> Self
    /// Makes the running stage for this step, sending its output to `next`.
    func makeStage(_ context: StageContext, next: LineStage) -> LineStage
    /// True for a step that works on paragraphs (``ParagraphLayout`` decides what they are).
    static var worksOnParagraphs: Bool { get }
}

extension Step {
    /// Most steps work on lines.
    public static var worksOnParagraphs: Bool { false }
}
