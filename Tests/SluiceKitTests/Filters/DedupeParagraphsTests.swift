import SluiceKit
import Testing

/// How paragraphs compare, with every repeat removed (`min-run-length=1`); what the default
/// removes is in DedupeParagraphsDoublingTests.
@Suite struct DedupeParagraphsTests {
    static let everyRepeat = "dedupe paragraphs min-run-length=1"
    static let lede = "Ukraine has been calling for an unconditional 30-day ceasefire, with its latest plea handed over in Moscow during talks held on Monday in Istanbul."
    static let putin = "Russian President Vladimir Putin on Wednesday seemed to rule out a general ceasefire, saying a pause would let Kyiv resupply its military."
    static let lavrov = "Foreign Minister Sergei Lavrov told Putin that Ukraine had rejected the limited truce offer made by Russian negotiators."
    static let cafe = "The café on Rue de l’Élan reopened on June 7, 2025, after “naïve” planning had delayed it for months, the owner said."

    @Test func laterCopyIsRemovedAndTheFirstKept() throws {
        let output = try cleaned(Self.everyRepeat, document(Self.lede, Self.putin, Self.lede, Self.lavrov))
        #expect(output == "\(Self.lede)\n\n\(Self.putin)\n\n\n\(Self.lavrov)\n")
    }

    /// The blank lines around a removed paragraph stay; `squeeze blank-lines` tidies them.
    @Test func blankLinesAroundARemovedParagraphStay() throws {
        let (a, b, c) = (Self.lede, Self.putin, Self.lavrov)
        #expect(try cleaned(Self.everyRepeat, "\(a)\n\n\(b)\n\n\(a)\n\n\(c)\n") == "\(a)\n\n\(b)\n\n\n\(c)\n")
        #expect(try cleaned(Self.everyRepeat, "\n \n\(a)\n\n\t\n\(a)\n \n\n\(b)\n\n") == "\n \n\(a)\n\n\t\n \n\n\(b)\n\n")
        #expect(try cleaned(Self.everyRepeat + "\nsqueeze blank-lines", "\(a)\n\n\(b)\n\n\(a)\n\n\(c)\n") == "\(a)\n\n\(b)\n\n\(c)\n")
    }

    @Test func everyCopyAfterTheFirstIsRemoved() throws {
        let output = try cleaned(Self.everyRepeat, document(Self.lede, Self.lede, Self.putin, Self.lede))
        #expect(output == "\(Self.lede)\n\n\n\(Self.putin)\n\n")
    }

    struct Variant: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static let variants: [Variant] = [
        Variant(name: "case", text: "THE CAFÉ ON RUE DE L’ÉLAN REOPENED ON JUNE 7, 2025, AFTER “NAÏVE” PLANNING HAD DELAYED IT FOR MONTHS, THE OWNER SAID."),
        Variant(name: "spacing", text: "  The  café on Rue de l’Élan\treopened on\u{00A0}June 7,   2025, after “naïve” planning had delayed it for months, the owner said. "),
        Variant(name: "straight quotes", text: "The café on Rue de l'Élan reopened on June 7, 2025, after \"naïve\" planning had delayed it for months, the owner said."),
        Variant(name: "guillemets", text: "The café on Rue de l’Élan reopened on June 7, 2025, after «naïve» planning had delayed it for months, the owner said."),
        Variant(name: "accents", text: "The cafe on Rue de l’Elan reopened on June 7, 2025, after “naive” planning had delayed it for months, the owner said."),
        Variant(name: "decomposed accents", text: "The cafe\u{0301} on Rue de l’E\u{0301}lan reopened on June 7, 2025, after “nai\u{0308}ve” planning had delayed it for months, the owner said."),
        Variant(name: "punctuation", text: "The café on Rue de l’Élan reopened on June 7 2025 after naïve planning had delayed it for months — the owner said"),
        Variant(name: "wrapped over lines", text: "The café on Rue de l’Élan reopened on June 7, 2025,\nafter “naïve” planning had delayed it\nfor months, the owner said."),
        Variant(name: "all at once", text: "the CAFE on rue de l'elan\u{00A0}reopened on june 7 2025\nafter «NAIVE» planning had delayed it for months  the owner said"),
    ]

    @Test(arguments: variants)
    func copyDifferingOnlyInPresentationIsRemoved(_ variant: Variant) throws {
        let output = try cleaned(Self.everyRepeat, document(Self.cafe, Self.putin, variant.text, Self.lavrov))
        #expect(output == "\(Self.cafe)\n\n\(Self.putin)\n\n\n\(Self.lavrov)\n")
    }

    static let differentParagraphs: [Variant] = [
        Variant(name: "one word changed", text: "The café on Rue de l’Élan closed on June 7, 2025, after “naïve” planning had delayed it for months, the owner said."),
        Variant(name: "one word missing", text: "The café on Rue de l’Élan reopened on June 7, 2025, after “naïve” planning had delayed it for months, the owner."),
        Variant(name: "one word added", text: "The café on Rue de l’Élan reopened on June 7, 2025, after “naïve” planning had delayed it for many months, the owner said."),
        Variant(name: "other digits", text: "The café on Rue de l’Élan reopened on June 9, 2024, after “naïve” planning had delayed it for months, the owner said."),
        Variant(name: "more digits", text: "The café on Rue de l’Élan reopened on June 17, 2025, after “naïve” planning had delayed it for months, the owner said."),
        Variant(name: "word split", text: "The café on Rue de l’Élan re opened on June 7, 2025, after “naïve” planning had delayed it for months, the owner said."),
        Variant(name: "prefix only", text: "The café on Rue de l’Élan reopened on June 7, 2025,"),
    ]

    @Test(arguments: differentParagraphs)
    func differentParagraphIsKept(_ variant: Variant) throws {
        let input = document(Self.cafe, Self.putin, variant.text, Self.lavrov)
        #expect(try cleaned(Self.everyRepeat, input) == input)
    }

    /// Bylines, credits and separators repeat on every page; they are not duplicate content.
    @Test func shortRepeatsUnderMinimumLengthAreKept() throws {
        let input = document("Reuters", Self.lede, "Photo: AP", "Reuters", Self.putin, "Photo: AP", "* * *", "* * *")
        #expect(try cleaned(Self.everyRepeat, input) == input)
    }

    /// The default minimum is 20 normalized characters: 20 is removed, 19 is kept.
    @Test func minimumLengthIsInclusive() throws {
        let twenty = "Listen to this story"
        let nineteen = "Listen to the story"
        let input = document(nineteen, twenty, Self.lede, nineteen, twenty)
        #expect(try cleaned(Self.everyRepeat, input) == "\(nineteen)\n\n\(twenty)\n\n\(Self.lede)\n\n\(nineteen)\n\n")
    }

    @Test func minimumLengthOptionMakesShortRepeatsRemovable() throws {
        let input = document("Photo: AP", Self.lede, "AP", "Photo: AP", "AP")
        #expect(try cleaned(Self.everyRepeat, input) == input)
        // "photo ap" has 8 characters, "ap" 2.
        #expect(try cleaned("dedupe paragraphs min-run-length=1 min-length=5", input) == "Photo: AP\n\n\(Self.lede)\n\nAP\n\n\nAP\n")
        #expect(try cleaned("dedupe paragraphs min-run-length=1 min-length=8", input) == "Photo: AP\n\n\(Self.lede)\n\nAP\n\n\nAP\n")
        #expect(try cleaned("dedupe paragraphs min-run-length=1 min-length=9", input) == input)
        #expect(try cleaned("dedupe paragraphs min-run-length=1 min-length=1", input) == "Photo: AP\n\n\(Self.lede)\n\nAP\n\n\n")
    }

    @Test func multiLineParagraphsCompareAsAWhole() throws {
        let first = "Russia's chief negotiator confirmed that Moscow will hold fast\nto the prisoner exchange deal struck in Istanbul."
        let rewrapped = "Russia's chief negotiator confirmed that\nMoscow will hold fast to the prisoner\nexchange deal struck in Istanbul."
        #expect(try cleaned(Self.everyRepeat, document(first, Self.putin, rewrapped)) == "\(first)\n\n\(Self.putin)\n\n")

        // Only its first line, or its lines in another order, is another paragraph.
        let firstLine = "Russia's chief negotiator confirmed that Moscow will hold fast"
        let swapped = "to the prisoner exchange deal struck in Istanbul.\nRussia's chief negotiator confirmed that Moscow will hold fast"
        let input = document(first, firstLine, swapped)
        #expect(try cleaned(Self.everyRepeat, input) == input)
    }

    @Test func terminatorsDoNotCountAndAreKept() throws {
        let input = "\(Self.lede)\r\n\r\n\(Self.putin)\r\n\r\n\(Self.lede)\n\n\(Self.lavrov)\r\n\r\n\(Self.putin)"
        #expect(try cleaned(Self.everyRepeat, input) == "\(Self.lede)\r\n\r\n\(Self.putin)\r\n\r\n\n\(Self.lavrov)\r\n\r\n")
    }

    @Test func invalidUTF8IsComparedAndKeptByteForByte() throws {
        let paragraph = utf8("Officials in Kyiv said the ") + [0xFF, 0xC3] + utf8(" ceasefire talks would resume on Monday.\n")
        let input = paragraph + utf8("\n") + utf8(Self.putin + "\n\n") + paragraph
        #expect(try cleaned(Self.everyRepeat, input) == paragraph + utf8("\n") + utf8(Self.putin + "\n\n"))
    }

    /// Each input is one document: what the first one held does not remove text from the next.
    @Test func copiesInSeparateDocumentsAreKept() throws {
        let first = document(Self.lede, Self.putin)
        let second = document(Self.putin, Self.lede, Self.lede)
        let outputs = try cleanedDocuments(Self.everyRepeat, [first, second, first])
        #expect(outputs == [first, "\(Self.putin)\n\n\(Self.lede)\n\n", first])
    }

    @Test func countsRemovedParagraphsAndTheirLines() throws {
        let pipeline = Pipeline(rules: try rules("dedupe paragraphs min-run-length=1 as repeated"))
        let twoLines = "Russia's chief negotiator confirmed that Moscow will hold fast\nto the prisoner exchange deal struck in Istanbul."
        _ = pipeline.clean(utf8(document(twoLines, Self.lede, "Reuters", twoLines, Self.lede, "Reuters", Self.lede)))
        let statistics = pipeline.statistics.steps[0]
        #expect(statistics.name == "repeated")
        #expect(statistics.keyword == "dedupe paragraphs")
        #expect(statistics.paragraphsRemoved == 3)
        #expect(statistics.linesRemoved == 4)
        // A second document adds to the counts.
        _ = pipeline.clean(utf8(document(Self.putin, Self.putin)))
        #expect(statistics.paragraphsRemoved == 4)
        #expect(statistics.linesRemoved == 5)
    }
}

/// What the default `dedupe paragraphs` removes: doubling by the scraper (a run of repeats
/// of 500 normalized characters or more, in order), never a repeat that is content.
@Suite struct DedupeParagraphsDoublingTests {
    static let a = DedupeParagraphsTests.lede
    static let b = DedupeParagraphsTests.putin
    static let c = DedupeParagraphsTests.lavrov
    static let d = "Russia's chief negotiator, Vladimir Medinsky, confirmed that Moscow will hold fast to the prisoner exchange deal struck in Istanbul this week."
    static let long = String(repeating: "The committee heard evidence from residents who had lost their homes in the floods. ", count: 8)

    @Test func aBlockPrintedTwiceGoes() throws {
        let input = document(Self.a, Self.b, Self.c, Self.d, "Advertisement", Self.a, Self.b, Self.c, Self.d)
        #expect(try cleaned("dedupe paragraphs", input) == document(Self.a, Self.b, Self.c, Self.d, "Advertisement", nil, nil, nil, nil))
    }

    @Test func theSameLongParagraphPrintedTwiceGoes() throws {
        let input = document(Self.long, Self.a, Self.long)
        #expect(try cleaned("dedupe paragraphs", input) == document(Self.long, Self.a, nil))
    }

    /// The same interview question put to many people, a refrain: content, kept.
    @Test func aShortRepeatStandingAloneStays() throws {
        let question = "What would you change about the city if you were mayor for a day?"
        let input = document(question, "Anna, 34: The buses.", question, "Tom, 51: The parks, and the river banks.", question, "Ines, 22: Rents.")
        let pipeline = Pipeline(rules: try rules("dedupe paragraphs"))
        #expect(string(pipeline.clean(utf8(input))) == input)
        #expect(pipeline.statistics.steps[0].leftAlone == 2)
        #expect(try cleaned("dedupe paragraphs", input) == input)
    }

    /// Lines that differ only in their numbers are different lines.
    @Test func numbersCount() throws {
        let input = document(
            "Add 8 oz. of flour to the bowl and stir until smooth, then leave it to rest.", Self.a,
            "Add 4 oz. of flour to the bowl and stir until smooth, then leave it to rest.")
        #expect(try cleaned("dedupe paragraphs min-run-length=1", input) == input)
        let codes = document("The server answered with status code 500 and closed the connection.", "The server answered with status code 400 and closed the connection.")
        #expect(try cleaned("dedupe paragraphs min-run-length=1", codes) == codes)
    }

    /// A run that breaks before it is long enough is left as it was, and what it held comes
    /// out in order, blank lines included.
    @Test func aShortRunIsWrittenOutUnchanged() throws {
        let input = document(Self.a, Self.b, Self.c, Self.a, Self.b, Self.d)
        #expect(try cleaned("dedupe paragraphs", input) == input)
        #expect(try cleaned("dedupe paragraphs min-run-length=250", input) == document(Self.a, Self.b, Self.c, nil, nil, Self.d))
    }

    /// Short paragraphs inside a doubled block neither break it nor go.
    @Test func shortParagraphsInsideABlockStay() throws {
        let input = document(Self.a, Self.b, Self.c, Self.d, Self.a, "Photo: AP", Self.b, Self.c, Self.d)
        #expect(try cleaned("dedupe paragraphs", input) == document(Self.a, Self.b, Self.c, Self.d, nil, "Photo: AP", nil, nil, nil))
    }

    /// The run follows the copy it repeats, even when its first paragraph stands more than
    /// once earlier.
    @Test func aRunFollowsTheRightEarlierCopy() throws {
        let input = document(Self.a, Self.c, Self.a, Self.b, Self.d, "Between.", Self.a, Self.b, Self.d, Self.c)
        #expect(try cleaned("dedupe paragraphs min-run-length=300", input) == document(Self.a, Self.c, Self.a, Self.b, Self.d, "Between.", nil, nil, nil, Self.c))
    }

    /// The article printed twice in text with one paragraph per line.
    @Test func aBlockPrintedTwiceGoesWhenEveryParagraphIsALine() throws {
        let lines = [Self.a, Self.b, Self.c, Self.d]
        let input = (lines + ["Advertisement"] + lines).joined(separator: "\n") + "\n"
        #expect(try cleaned("dedupe paragraphs", input) == (lines + ["Advertisement"]).joined(separator: "\n") + "\n")
    }

    @Test func runLengthOptionIsChecked() throws {
        let errors = diagnostics("dedupe paragraphs min-run-length=0")
        #expect(errors.first?.message == "min-run-length must be a whole number from 1 to 1000000, not '0'")
    }
}
