/// Every step a rule file may use, by keyword.
public enum StepRegistry {
    /// All step types. Adding a step means adding its type here.
    public static let all: [any Step.Type] = [
        DropLines.self,
        KeepLines.self,
        DropListBlocks.self,
        ReplaceText.self,
        SqueezeBlankLines.self,
        DedupeParagraphs.self,
        DedupeLedes.self,
        StrayQuoteRemover.self,
        QuoteStraightener.self,
    ]

    /// The step type for `keyword`, if there is one.
    public static func step(named keyword: String) -> (any Step.Type)? {
        all.first { $0.keyword == keyword }
    }
}
