@testable import SluiceKit
import Testing

/// How `--paragraphs=auto` decides a document's layout (docs/rules.md, "Paragraphs").
@Suite struct ParagraphLayoutTests {
    static let long = "Russian President Vladimir Putin on Wednesday seemed to rule out the possibility of a general ceasefire in Ukraine."
    static let other = "Russia's chief negotiator, Vladimir Medinsky, confirmed that Moscow will hold fast to the prisoner exchange deal."

    static func decide(_ text: String) -> ParagraphLayoutDecision {
        var detector = ParagraphLayoutDetector()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBytes { content in
                let isBlank = content.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                detector.observe(UnsafeRawBufferPointer(content), isBlank: isBlank)
            }
        }
        return detector.decision
    }

    @Test func linesWithNoBlankLineBetweenThemAreParagraphs() {
        #expect(Self.decide("Title\n\(Self.long)\n\(Self.other)\nShort line.\n").layout == .line)
        #expect(Self.decide("a\nb\n").layout == .line)
    }

    @Test func blankLinesBetweenParagraphsMakeBlankLineParagraphs() {
        #expect(Self.decide("Title\n\n\(Self.long)\n\n\(Self.other)\n").layout == .blankLine)
        // A line break inside a paragraph (an address, a poem) does not change that.
        #expect(Self.decide("Title\n\n\(Self.long)\n\nOne Main Street\nSpringfield\n\n\(Self.other)\n").layout == .blankLine)
    }

    /// Guards e-mail and plain-text books: lines of 72 columns inside blank-line paragraphs.
    @Test func hardWrappedTextKeepsBlankLineParagraphs() {
        let wrapped = String(repeating: "word ", count: 14) + "word"
        let paragraph = Array(repeating: wrapped, count: 8).joined(separator: "\n")
        let text = Array(repeating: paragraph, count: 4).joined(separator: "\n\n") + "\n"
        let decision = Self.decide(text)
        #expect(decision.layout == .blankLine)
        #expect(decision.evidence.joins == 28)
        #expect(decision.evidence.longJoins == 0)
    }

    /// A title and a blank line above text written one paragraph per line.
    @Test func aRareGapAboveLongLinesStillMeansOneParagraphPerLine() {
        let body = Array(repeating: Self.long, count: 6).joined(separator: "\n")
        #expect(Self.decide("Title\n\n" + body + "\n").layout == .line)
        // But as many gaps as joins is blank-line text.
        #expect(Self.decide("Title\n\n\(Self.long)\n\(Self.other)\n\n\(Self.long)\n").layout == .blankLine)
    }

    @Test func noJoinsAtAllIsBlankLine() {
        #expect(Self.decide("One.\n\nTwo.\n\nThree.\n").layout == .blankLine)
        #expect(Self.decide("Only one line.\n").layout == .blankLine)
        #expect(Self.decide("").layout == .blankLine)
    }

    @Test func theDecisionLooksAtTheFirstLinesOnly() {
        var detector = ParagraphLayoutDetector()
        let line = Array(Self.long.utf8)
        for _ in 0..<ParagraphLayoutDetector.lineBudget {
            #expect(!detector.hasEnough)
            line.withUnsafeBytes { detector.observe($0, isBlank: false) }
        }
        #expect(detector.hasEnough)
        #expect(detector.decision.layout == .line)
    }

    @Test func decisionSaysWhy() {
        let decision = Self.decide("Title\n\(Self.long)\n\(Self.other)\n")
        #expect(decision.description == "line (auto: 3 lines, 0 blank-line gaps, 2 lines straight after another, 1 of them longer than 100 characters)")
        let set = ParagraphLayoutDecision(layout: .blankLine, isAutomatic: false, evidence: .init())
        #expect(set.description == "blank-line (set)")
    }
}

/// The paragraph steps in each layout, through the whole pipeline.
@Suite struct ParagraphLayoutPipelineTests {
    static let lede = "Ukraine has been calling for an overall and unconditional 30-day cessation of hostilities, with its latest plea handed over in Moscow."
    static let body = "Russian President Vladimir Putin on Wednesday seemed to rule out the possibility of a general ceasefire in Ukraine."

    /// The seed's fault, one paragraph per line: the lede printed twice is found.
    @Test func ledeCopyIsFoundWhenEveryParagraphIsALine() throws {
        let input = "\(Self.lede)\n\(Self.body)\n\(Self.lede)\nAdvertisement\n"
        #expect(try cleaned("dedupe ledes", input) == "\(Self.lede)\n\(Self.body)\nAdvertisement\n")
        // Forced to blank-line paragraphs, the whole text is one paragraph: nothing to find.
        #expect(try cleaned("paragraphs blank-line\ndedupe ledes", input) == input)
        #expect(try cleaned("paragraphs line\ndedupe ledes", input) == "\(Self.lede)\n\(Self.body)\nAdvertisement\n")
    }

    @Test func strayQuoteIsFoundWhenEveryParagraphIsALine() throws {
        let input = "He said \"the talks went well\" on Monday.\nPutin said the attack was \"aimed at preventing the negotiation process.\n"
        #expect(try cleaned("quotes strip-stray", input) == "He said \"the talks went well\" on Monday.\nPutin said the attack was aimed at preventing the negotiation process.\n")
    }

    /// Each document is decided on its own.
    @Test func eachDocumentIsDecidedAfresh() throws {
        let oneLine = "\(Self.lede)\n\(Self.body)\n\(Self.lede)\n"
        let blank = "\(Self.lede)\n\(Self.body)\n\n\(Self.lede)\n"
        let pipeline = Pipeline(rules: try rules("dedupe ledes"))
        #expect(string(pipeline.clean(utf8(oneLine))) == "\(Self.lede)\n\(Self.body)\n")
        #expect(pipeline.paragraphLayout.layout == .line)
        #expect(string(pipeline.clean(utf8(blank))) == blank)
        #expect(pipeline.paragraphLayout.layout == .blankLine)
        #expect(pipeline.statistics.documentsByParagraphLayout == [.line: 1, .blankLine: 1])
    }

    /// A document of millions of lines with no blank line is a million paragraphs, not one
    /// paragraph too big to gather: no warning, every step applied.
    @Test func longTextWithNoBlankLinesIsNotOneOverlongParagraph() throws {
        let pipeline = Pipeline(rules: try rules("dedupe paragraphs min-run-length=1"), maximumParagraphSize: 4096)
        var reported = 0
        pipeline.onOverlongParagraph = { _ in reported += 1 }
        let lines = (0..<2000).map { "Line number \($0) of a long text with no blank lines at all." }
        let input = (lines + lines.prefix(3)).joined(separator: "\n") + "\n"
        #expect(string(pipeline.clean(utf8(input))) == lines.joined(separator: "\n") + "\n")
        #expect(reported == 0)
    }

    @Test func rulesWithoutParagraphStepsDecideNothing() throws {
        let pipeline = Pipeline(rules: try rules("drop /^Advertisement$/"))
        #expect(string(pipeline.clean(utf8("a\nAdvertisement\nb\n"))) == "a\nb\n")
        #expect(pipeline.statistics.documentsByParagraphLayout.isEmpty)
    }
}
