import SluiceKit
import Testing

@Suite struct ShippedRuleSetsTests {
    @Test func everyShippedFileHasANameAndASentence() {
        #expect(ShippedRuleSets.all.map(\.fileName) == RuleLoader.builtInFiles.keys.sorted())
        for entry in ShippedRuleSets.all {
            #expect(entry.fileName == entry.name + ".rules")
            #expect(entry.summary.hasSuffix("."), "\(entry.name): \(entry.summary)")
        }
        #expect(ShippedRuleSets.named("news")?.fileName == "news.rules")
        #expect(ShippedRuleSets.named("news.rules") == nil)
    }

    @Test func summaryIsTheFirstSentenceOfTheHeaderComment() {
        let text = "# Ad labels: one, two,\n#   three. More words.\n#\n# Later.\ndrop /x/\n"
        #expect(ShippedRuleSets.summary(ofRuleText: text) == "Ad labels: one, two, three.")
        #expect(ShippedRuleSets.summary(ofRuleText: "# No full stop\n\n# Other.\n") == "No full stop")
        #expect(ShippedRuleSets.summary(ofRuleText: "drop /x/\n") == "")
    }
}
