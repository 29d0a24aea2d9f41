import SluiceKit
import Testing

/// Consecutive drop steps run as one stage with a joined pattern; the output and every
/// step's count must be what running them one by one gives.
@Suite struct DropRunStageTests {
    static let ruleText = """
        drop /^\\h*advertisement\\h*$/iq as ad
        drop /^read (also|more)\\b/i as read
        drop /(a)\\1/ as doubled-a
        drop /^$/q as empty
        """

    @Test func joinedRunGivesTheSameOutputAndCountsAsSeparateSteps() throws {
        let ruleSet = try rules(Self.ruleText)
        // Keep steps between the drops split the run: the same rules, never joined.
        let separated = try rules(Self.ruleText.split(separator: "\n").joined(separator: "\nkeep /(*ACCEPT)/\n"))
        var generator = SeededGenerator(seed: 7)
        let words = [
            "Advertisement", "ADVERTISEMENT ", "read also", "Read More: x", "aa", "a a", "", "text", "Readme", "\u{FF}",
            "Advertisement”", "“read also", "\"", "«aa»", "“text”",
        ]
        for _ in 0..<200 {
            let input = (0..<20).map { _ in words[Int.random(in: 0..<words.count, using: &generator)] }.joined(separator: "\n") + "\n"
            let joined = Pipeline(rules: ruleSet)
            let split = Pipeline(rules: separated)
            #expect(joined.clean(utf8(input)) == split.clean(utf8(input)), "\(input.debugDescription)")
            let joinedCounts = joined.statistics.steps.map(\.linesRemoved)
            let splitCounts = split.statistics.steps.filter { $0.keyword == "drop" }.map(\.linesRemoved)
            #expect(joinedCounts == splitCounts)
        }
    }

    @Test func limitFailureInTheRunIsReportedByTheRuleThatGaveUp() throws {
        let pipeline = Pipeline(rules: try rules("drop /^Advertisement$/\ndrop /(a+)+$/ as catastrophic"))
        var reported: [String] = []
        pipeline.onLimitFailure = { reported.append($0.stepName) }
        let input = String(repeating: "a", count: 30_000) + "b\nAdvertisement\nkept\n"
        #expect(string(pipeline.clean(utf8(input))) == String(repeating: "a", count: 30_000) + "b\nkept\n")
        #expect(reported == ["catastrophic"])
        #expect(pipeline.statistics.steps[1].limitFailures == 1)
        #expect(pipeline.statistics.steps[0].linesRemoved == 1)
    }
}
