import SluiceKit
import Testing

@Suite struct RuleExampleRunnerTests {
    static let rules = """
        drop /^Advertisement$/ as ad-label
            drops: Advertisement
            drops: ADVERTISEMENT
            keeps: Advertisement revenue rose.
        replace /colour/color/ as spelling
            turns: colour => color
            turns: colour and colour => color and color
            keeps: Colour
        dedupe paragraphs min-run-length=1
            turns: The same paragraph, said twice over.\\n\\nThe same paragraph, said twice over. => The same paragraph, said twice over.\\n
        """

    func results() throws -> [RuleExampleResult] {
        try RuleLoader().load(text: Self.rules, name: "t.rules").steps.flatMap(RuleExampleRunner.run)
    }

    @Test func everyExampleIsCheckedWithItsRuleAlone() throws {
        let results = try results()
        #expect(results.map(\.passed) == [true, false, true, true, false, true, true])
    }

    /// A failure names the example's place, the rule, the claim and what the rule did, with
    /// the newline the example line was given left out.
    @Test func failuresSayWhatTheRuleDid() throws {
        let failures = try results().filter { !$0.passed }.map(\.failureDescription)
        #expect(failures == [
            #"t.rules:3:5: FAIL [ad-label] drops: "ADVERTISEMENT" but the rule gave "ADVERTISEMENT""#,
            #"t.rules:7:5: FAIL [spelling] turns: "colour and colour" => "color and color" but the rule gave "color and colour""#,
        ])
    }

    @Test func keepingExampleThatIsDroppedSaysSo() throws {
        let rules = try RuleLoader().load(text: "drop /rose/ as x\n    keeps: it rose", name: "k.rules")
        let result = try #require(rules.steps.first.map(RuleExampleRunner.run)?.first)
        #expect(!result.passed)
        #expect(result.failureDescription == #"k.rules:2:5: FAIL [x] keeps: "it rose" but the rule dropped it"#)
    }

    @Test func stepWithoutExamplesHasNoResults() throws {
        let rules = try RuleLoader().load(text: "squeeze blank-lines", name: "s.rules")
        #expect(rules.steps.flatMap(RuleExampleRunner.run).isEmpty)
    }
}
