import SluiceKit
import Testing

/// Paragraphs bigger than the pipeline's paragraph size limit are not gathered: the
/// paragraph steps pass them through unchanged, in order, and the pipeline reports each
/// once. (`scripts/limits` runs the real-size cases: 10,000,000 lines in one paragraph.)
@Suite struct ParagraphStageTests {
    /// Small enough that a paragraph of a few hundred bytes goes over it.
    static let limit = 600

    static func pipeline(_ ruleText: String) throws -> (Pipeline, reported: () -> [Int]) {
        let pipeline = Pipeline(rules: try rules(ruleText), maximumParagraphSize: limit)
        final class Reports { var lines: [Int] = [] }
        let reports = Reports()
        pipeline.onOverlongParagraph = { reports.lines.append($0.lineNumber) }
        return (pipeline, { reports.lines })
    }

    /// 40 lines of 20 bytes: 800 bytes, plus bookkeeping: over the limit.
    static let bigParagraph = (1...40).map { String(format: "line %02d of the big.", $0) }.joined(separator: "\n") + "\n"

    @Test func bigParagraphPassesDedupeUnchanged() throws {
        let (pipeline, reported) = try Self.pipeline("dedupe paragraphs min-length=1 min-run-length=1")
        let small = "A small paragraph said this.\n"
        let input = small + "\n" + Self.bigParagraph + "\n" + Self.bigParagraph + "\n" + small
        // The second big copy stays (too big to compare); the second small copy goes.
        #expect(string(pipeline.clean(utf8(input))) == small + "\n" + Self.bigParagraph + "\n" + Self.bigParagraph + "\n")
        #expect(reported() == [3, 44])
        #expect(pipeline.statistics.overlongParagraphs == 2)
    }

    @Test func bigParagraphKeepsItsStrayQuoteAndItsPlaceBehindHeldOnes() throws {
        // The first paragraph's opener is undecided, so the step holds it; the big paragraph
        // must come out after it, unchanged (its stray mark too), and the step go on after.
        let (pipeline, reported) = try Self.pipeline("quotes strip-stray")
        let big = "“" + Self.bigParagraph
        let input = "“The talks went on.\n\n" + big + "\nHe said “no.\n"
        #expect(string(pipeline.clean(utf8(input))) == "“The talks went on.\n\n" + big + "\nHe said no.\n")
        #expect(reported() == [3])
    }

    @Test func bigParagraphStaysInOrderWhileLedesAreHeld() throws {
        let (pipeline, _) = try Self.pipeline("dedupe ledes")
        let lede = "Ukraine has called for a 30-day ceasefire, handing its plea over in Istanbul on Monday."
        let input = lede + "\n\n" + Self.bigParagraph + "\n" + lede + "\n"
        #expect(string(pipeline.clean(utf8(input))) == lede + "\n\n" + Self.bigParagraph + "\n")
    }

    @Test func bigParagraphEndsARelatedList() throws {
        let (pipeline, _) = try Self.pipeline("drop-list /^Related$/ max-words=1000")
        let input = "Related\n\nShort item\n\n" + Self.bigParagraph + "\nShort after\n"
        // Blank lines are left for `squeeze blank-lines`.
        #expect(string(pipeline.clean(utf8(input))) == "\n\n" + Self.bigParagraph + "\nShort after\n")
    }

    @Test func bigParagraphStreamsThroughDropListWhenNoListIsOpen() throws {
        // Only a heading, or what follows a list, is held: this paragraph is neither, so the
        // step sees it whole, line by line, and has nothing to warn about.
        let (pipeline, reported) = try Self.pipeline("drop-list /^Related$/ max-words=1000")
        let input = "Intro.\n\n" + Self.bigParagraph + "\nRelated\n\nShort item\n"
        #expect(string(pipeline.clean(utf8(input))) == "Intro.\n\n" + Self.bigParagraph + "\n\n")
        #expect(reported() == [])
    }

    @Test func everyReadPlanGivesTheSameOutput() throws {
        let ruleSet = try rules("dedupe paragraphs min-length=1 min-run-length=1\nquotes strip-stray\ndedupe ledes")
        let input = utf8("“Open.\n\n" + Self.bigParagraph + Self.bigParagraph + "\nOpen.\n\n" + Self.bigParagraph)
        let expected = Pipeline(rules: ruleSet, maximumParagraphSize: Self.limit).clean(input)
        #expect(expected.count == input.count - 6)  // the repeated "Open.\n"; “Open. leads a sentence that goes on
        for plan in ReadPlan.all {
            #expect(try run(Pipeline(rules: ruleSet, maximumParagraphSize: Self.limit), input, plan: plan) == expected)
        }
    }

    @Test func heldCopiesDoNotKeepTheStorageOfABiggerParagraph() {
        var paragraph = HeldLines()
        let long = utf8(String(repeating: "x", count: 100_000) + "\n")
        long.withUnsafeBytes { paragraph.append(Line(bytes: $0, number: 1)) }
        paragraph.removeAll()
        utf8("a\n").withUnsafeBytes { paragraph.append(Line(bytes: $0, number: 2)) }
        #expect(paragraph.bytes.capacity >= 100_000)
        #expect(paragraph.compacted().bytes.capacity < 1000)
        #expect(paragraph.compacted().bytes == paragraph.bytes)
        // Bookkeeping counts: a one-letter line costs far more than its two bytes.
        #expect(paragraph.storageSize > 2 + 24)
    }
}
