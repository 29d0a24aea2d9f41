import SluiceKit
import Testing

/// Rules with literals are prefiltered by a scan: a line must still be dropped when PCRE2
/// matches it through a caseless partner of `s` or `k`, or behind stray quote marks. (A
/// scan is made only for four rules with literals or more: ``DropRunStage/minimumScannedRules``.)
@Suite struct DropRunStagePrefilterTests {
    @Test func caselessPartnersAndEdgeQuotesStillMatch() throws {
        let ruleSet = try rules("""
            drop /^\\h*sponsored\\h*$/iq as sponsored
            drop /^\\h*kontakt$/i as contact
            drop /^\\h*newsletter$/i as newsletter
            drop /^\\h*gallery$/i as gallery
            drop /^\\d+$/ as number
            """)
        let input = "ſponsored\nSPONSORED\n\u{212A}ontakt\n“Sponsored”\n42\nSponsored by the council\nkept\n"
        let pipeline = Pipeline(rules: ruleSet)
        #expect(String(decoding: pipeline.clean(utf8(input)), as: UTF8.self) == "Sponsored by the council\nkept\n")
        #expect(pipeline.statistics.steps.map(\.linesRemoved) == [3, 1, 0, 0, 1])
    }
}
