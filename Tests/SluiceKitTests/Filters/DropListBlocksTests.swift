import SluiceKit
import Testing

@Suite struct DropListBlocksTests {
    static let rule = #"drop-list /^\h*(?:related articles|we recommend)\h*:?\h*$/i max-words=8"#

    @Test func headingAndShortParagraphsAfterItGo() throws {
        let input = "Body text of the article.\n\nRelated Articles\n\nOil prices fall\n\nMarkets rally on hopes\n"
        #expect(try cleaned(Self.rule, input) == "Body text of the article.\n\n\n\n")
    }

    @Test func firstLongerParagraphEndsTheListAndStays() throws {
        let long = "The council will meet again next week to vote on the disputed plan."
        let input = "We Recommend\n\nOil prices fall\n\n" + long + "\n\nShort line after.\n"
        #expect(try cleaned(Self.rule, input) == "\n\n" + long + "\n\nShort line after.\n")
    }

    @Test func headingMustMatchTheParagraphsFirstLine() throws {
        let input = "We recommend caution, the minister said.\n\nShort line.\n"
        #expect(try cleaned(Self.rule, input) == input)
        let twoLines = "Intro line\nRelated Articles\n\nShort line.\n"
        #expect(try cleaned(Self.rule, twoLines) == twoLines)
    }

    @Test func endOfDocumentEndsTheList() throws {
        let pipeline = Pipeline(rules: try rules(Self.rule))
        #expect(string(pipeline.clean(utf8("Related Articles\n\nOne\n"))) == "\n")
        #expect(string(pipeline.clean(utf8("Short first paragraph.\n"))) == "Short first paragraph.\n")
        #expect(pipeline.statistics.steps[0].paragraphsRemoved == 2)
        #expect(pipeline.statistics.steps[0].linesRemoved == 2)
    }

    @Test func maxWordsOptionIsChecked() throws {
        let errors = diagnostics("drop-list /x/ max-words=0")
        #expect(errors.first?.message == "max-words must be a whole number from 1 to 1000, not '0'")
        #expect(errors.first?.location.column == 15)
    }
}
