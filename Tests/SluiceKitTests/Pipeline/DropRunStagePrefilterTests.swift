import SluiceKit
import Testing

/// Rules with literals are prefiltered by a scan: a line must still be dropped when PCRE2
/// matches it through a caseless partner of `s` or `k`, or behind stray quote marks. (A
/// scan is made only for four rules with literals or more: ``DropPrefilter/minimumScannedRules``.)
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

    /// The runs share one scan per line, carried in the line; a line a step changes in
    /// between, or one a `drop-list` held and let go, must be scanned again, not judged by the
    /// scan of other text.
    @Test func laterRunsRescanChangedAndHeldLines() throws {
        let ruleSet = try rules("""
            drop /^\\h*sponsored\\h*$/i as sponsored
            drop /^\\h*kontakt$/i as contact
            drop /^\\h*newsletter$/i as newsletter
            drop /^\\h*gallery$/i as gallery
            replace /^X$/newsletter/ as x-to-newsletter
            drop-list /^Related$/ max-words=1 as related-list
            drop /^\\h*newsletter$/i as newsletter-again
            drop /^\\h*gallery\\h+again$/i as gallery-again
            """)
        // `X` has none of the literals; after the replace it is `newsletter`. The paragraph
        // after the list is held by `drop-list` (it may be an item) and let go: new lines.
        let input = "X\nkept\n\nRelated\n\nitem\n\nA longer paragraph.\nGallery again\n"
        let pipeline = Pipeline(rules: ruleSet)
        #expect(String(decoding: pipeline.clean(utf8(input)), as: UTF8.self) == "kept\n\n\n\nA longer paragraph.\n")
        #expect(pipeline.statistics.steps.map(\.linesRemoved) == [0, 0, 0, 0, 0, 2, 1, 1])
    }
}
