@testable import SluiceKit
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

    static let trending = #"drop-list /^\h*(?:trending|related articles)\h*$/i"#

    /// Guards against the list swallowing the article: a stray heading whose list the scraper
    /// lost is followed by the article's own short paragraphs, which end like sentences.
    @Test func sentenceAfterTheHeadingEndsTheListAndStays() throws {
        let rest = "The council met on Monday.\n\nIt voted for the plan.\n"
        #expect(try cleaned(Self.trending, "Trending\n\n" + rest) == "\n" + rest)
    }

    /// One sentence a paragraph: the first sentence after the items ends the list, however
    /// short the sentences are. A sentence right after the last headline may be its blurb, so
    /// it is held; the sentence after it shows the article going on, and both stay.
    @Test func sentenceAfterTheItemsEndsTheListWhenEverySentenceIsAParagraph() throws {
        let items = "Trending\n\nWhy Do We Get Allergies?\n\nOil prices fall\n\n"
        let rest = "They fell by a tenth on Monday.\n\nMr. Smith said so.\n\nHe left.\n\nShe stayed at home.\n"
        #expect(try cleaned(Self.trending, items + rest) == "\n\n\n" + rest)
    }

    /// A teaser's blurb ends like a sentence but belongs to the headline above it: the next
    /// headline (or the end of the document) tells.
    static let popular = #"drop-list /^\h*(?:popular|most popular)\h*$/i"#

    /// A menu under a `Popular` heading at the top of a page, then the article's headline
    /// (prensalibre.com in the labelled corpus): the headline is far longer than every menu
    /// label and ends the list, with the text after it.
    @Test func headlineFarLongerThanTheMenuEndsTheList() throws {
        let menu = ["Helldivers 2", "Steam sale", "Last Epoch", "Stardew Valley"].map { $0 + "\n\n" }.joined()
        let headline = "Fuel prices in Guatemala are rising, but moderately, says the energy ministry"
        let rest = headline + "\n\nBy Henry Montenegro\n"
        #expect(try cleaned(Self.popular, "Popular\n\n" + menu + rest) == String(repeating: "\n", count: 5) + rest)
    }

    /// Rank numbers and a tab label under the heading are no menu: the headlines of a
    /// most-read box still go.
    @Test func rankedHeadlinesAfterATabLabelStillGo() throws {
        let input = "Most popular\n\nMost Viewed\n\n1\n\nPhone Intercepts Suggest Russian Control Over Ukraine Separatists Ahead of Shootdown\n\n2\n\nTransnistrian TV Spins Russian Expert's Statement On Independence\n"
        #expect(try cleaned(Self.popular, input) == String(repeating: "\n", count: 5))
    }

    @Test func blurbAfterAHeadlineIsAnItem() throws {
        let input = "Related Articles\n\nUrartu relics unearthed in Iran\n\nRelics of the kingdom have been found in a mount.\n\nOil prices fall\n\nThe body of the article goes on here.\n\nIt goes on for a while.\n"
        #expect(try cleaned(Self.trending, input) == "\n\n\n\nThe body of the article goes on here.\n\nIt goes on for a while.\n")
        let last = "Related Articles\n\nUrartu relics unearthed in Iran\n\nRelics of the kingdom have been found in a mount.\n"
        #expect(try cleaned(Self.trending, last) == "\n\n")
    }

    /// The same page with one paragraph per line (no blank lines, `--paragraphs=auto` takes
    /// each line as a paragraph): the heading, headlines and blurb go, the article stays.
    @Test func listInTextWithOneParagraphPerLine() throws {
        let page = "Trending\nUrartu relics unearthed in Iran\nRelics of the kingdom have been found in a mount.\nOil prices fall\nThe council met on Monday.\nIt voted for the plan.\n"
        #expect(try cleaned(Self.trending, page) == "The council met on Monday.\nIt voted for the plan.\n")
        // Read as one blank-line paragraph, the whole page would be the heading's paragraph.
        #expect(try cleaned("paragraphs blank-line\n" + Self.trending, page) == "")
    }

    /// Headlines ask, exclaim, quote and trail off; none of that ends a list.
    @Test(arguments: [
        "Video shows rescue of kidnapped girl: \"We got her!\"",
        "Why Do We Get Allergies?",
        "The Doobie Brothers: Lighting Up With the Stars of 'This Is the End'",
        "Ballonnements, lourdeurs... Quel est votre profil digestif...",
        "Loading...",
    ])
    func headlineEndingInOtherMarksIsAnItem(headline: String) throws {
        #expect(try cleaned(Self.trending, "Trending\n\n" + headline + "\n\nOil prices fall\n") == "\n\n")
    }

    @Test(arguments: ["It rained all day in the city.", "He said: “We will stay.”", "Prices rose by 4.5 per cent."])
    func statementReadsLikeASentence(sentence: String) {
        var paragraph = HeldLines()
        sentence.utf8CString.withUnsafeBytes { bytes in
            paragraph.append(content: UnsafeRawBufferPointer(rebasing: bytes.dropLast()), terminator: UnsafeRawBufferPointer(start: nil, count: 0), number: 1)
        }
        #expect(DropListBlocks.readsLikeASentence(paragraph))
    }

    @Test func maxWordsOptionIsChecked() throws {
        let errors = diagnostics("drop-list /x/ max-words=0")
        #expect(errors.first?.message == "max-words must be a whole number from 1 to 1000, not '0'")
        #expect(errors.first?.location.column == 15)
    }
}
