import SluiceKit
import Testing

/// `quotes strip-stray`, case by case, from the conventions of real news text. Each case is
/// one document (paragraphs separated by a blank line); `expected` nil means unchanged.
@Suite struct StrayQuoteRemoverTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: String
        let expected: String?
        var testDescription: String { name }
        init(_ name: String, _ input: String, _ expected: String? = nil) {
            self.name = name
            self.input = input
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        // Balanced pairs of each family stay.
        Case("straight double pair", #"He said "no" twice."#),
        Case("straight single pair", "He said 'no' twice."),
        Case("curly double pair", "He said “no” twice."),
        Case("curly single pair", "He said ‘no’ twice."),
        Case("French guillemets with spaces", "Il a dit « non » deux fois."),
        Case("French guillemets with no-break spaces", "Il a dit «\u{00A0}non\u{00A0}» deux fois."),
        Case("guillemets without spaces", "Он сказал «нет» дважды."),
        Case("German reversed guillemets", "Er sagte »nein« zweimal."),
        Case("German low-high double", "Er sagte „nein“ zweimal."),
        Case("German low-high single", "Er sagte ‚nein‘ zweimal."),
        Case("single guillemets", "Il a dit ‹ non › deux fois."),
        Case("headline pair", "Putin Claims Ukraine Seeks Ceasefire to Plot ‘Terrorist Attacks’"),
        Case("quote ending the paragraph", #"He also claimed the leadership is "becoming a terrorist organisation.""#),
        Case("whole paragraph quoted", "“Why give them a reward?” Putin asked."),
        Case("two pairs in one paragraph", #"The Kyiv government "does not need peace at all," says Putin, "at all.""#),
        // Mixed-family pairs are pairs.
        Case("curly opener, straight closer", #"“Hello," she said."#),
        Case("straight opener, curly closer", #""Hello,” she said."#),
        Case("two closing singles as a double closer", "“Hello,’’ she said."),
        Case("two openers typed for a pair", "“Hello,“ she said."),
        Case("two straight singles as a double", "''Hello,'' she said."),
        // Nested quotes.
        Case("nested curly", "“He said ‘no’ twice,” she recalled."),
        Case("nested straight", #""He said 'no' twice," she recalled."#),
        Case("nested German", "„Er sagte ‚nein‘ zweimal“, erinnert sie sich."),
        Case("nested French", "« Il a dit “non” deux fois », rappelle-t-elle."),
        Case("Russian shared closer", "Она сказала: «Я ответила ему: «Да ладно!»"),
        Case("two nested same family closed twice", "„Die AfD sprach von einer „Parallelaktion“ des Vereins“, schreibt er."),
        // Apostrophes and elisions are never quotes.
        Case("possessive curly", "Russia’s chief negotiator spoke."),
        Case("possessive straight", "Russia's chief negotiator spoke."),
        Case("contraction", "Don't say it; we can’t."),
        Case("plural possessive straight", "The students' union voted."),
        Case("plural possessive curly", "The students’ union voted."),
        Case("rock 'n' roll", "A night of rock 'n' roll."),
        Case("decade elision", "Back in the '90s it was different."),
        Case("decade elision curly", "Back in the ’90s it was different."),
        Case("dropped g", "They were goin’ home."),
        Case("Ukrainian apostrophe letter", "Вʼячеслав sprach."),
        // Primes in measurements.
        Case("feet and inches", #"He is 5'10" tall."#),
        Case("inches", #"A 12" pizza."#),
        Case("feet", "A 6' fence."),
        Case("prime then a quote", #"A 12" pizza, he said "twice"."#),
        // Multi-paragraph quotations.
        Case("news style continued quotation", "“The talks went on for hours.\n\n“They ended at noon,” he said."),
        Case("news style over three paragraphs", "\"First part.\n\n\"Second part.\n\n\"Third part,\" he said."),
        Case("continued quotation past an ad label", "“The talks went on for hours.\n\nAdvertisement\n\n“They ended at noon,” he said."),
        Case("continued quotation past a caption", "“The talks went on for hours.\n\nPhoto: Reuters\n\n“They ended at noon,” he said."),
        Case("German style quotation over paragraphs", "„Die Gespräche dauerten Stunden.\n\nSie endeten mittags.“"),
        Case("French quotation over paragraphs", "« Les discussions ont duré.\n\n« Elles ont fini à midi », dit-il."),
        // Strays go.
        Case("stray opener mid-sentence", #"The attack was "aimed at preventing talks."#, "The attack was aimed at preventing talks."),
        Case("stray curly opener", "The attack was “aimed at preventing talks.", "The attack was aimed at preventing talks."),
        Case("stray closer", "The attack was aimed” at preventing talks.", "The attack was aimed at preventing talks."),
        Case("stray straight closer after a word", #"The attack was aimed" at preventing talks."#, "The attack was aimed at preventing talks."),
        // Leading the paragraph and beginning a sentence, it may open a quotation that goes on.
        Case("opener leading a sentence is kept", #""The talks ended at noon."#),
        Case("stray at line end", #"The talks ended at noon.""#, "The talks ended at noon."),
        Case("stray alone at line start", #"" The talks ended at noon."#, "The talks ended at noon."),
        Case("stray alone at line end", #"The talks ended at noon. ""#, "The talks ended at noon."),
        Case("lone mark mid-line is left alone", #"The talks " ended at noon."#),
        Case("stray alone after text leaves no double space", "The talks ended. ”\nAt noon.", "The talks ended.\nAt noon."),
        // A spaced guillemet alone tells no direction (and may be an arrow).
        Case("lone spaced guillemet is left alone", "Il a dit « non deux fois."),
        Case("stray German opener", "Er sagte „nein zweimal.", "Er sagte nein zweimal."),
        // A single mark may always be an apostrophe or an ʿayn.
        Case("unmatched curly single opener is left alone", "He said ‘no twice."),
        Case("pairs across a comma", #""He said no," she added, "twice.""#),
        // After a comma it ends a quotation, maybe opened paragraphs before.
        Case("closer after a comma is left alone", "He said no,” she added."),
        Case("stray after question mark", "Why now?” she asked.", "Why now? she asked."),
        Case("stray opener, later paragraph unrelated", "The attack was “aimed at talks.\n\nNothing else was said.", "The attack was aimed at talks.\n\nNothing else was said."),
        Case("stray in the seed", #"Putin said the purpose of the attack, which Ukraine has not confirmed, was "aimed at preventing the negotiation process."#,
             "Putin said the purpose of the attack, which Ukraine has not confirmed, was aimed at preventing the negotiation process."),
        // Quotes next to punctuation.
        Case("comma inside closer", #""Yes," he said."#),
        Case("period inside closer", #"He said "yes.""#),
        Case("question inside curly closer", "Did he say “why?”"),
        Case("closer before semicolon", #"He said "yes"; she said "no"."#),
        Case("opener after parenthesis", #"(He said "yes".)"#),
        Case("opener after dash", "The reply—“never”—came fast."),
        // Conservative: unsure pairing stays.
        Case("unmatched opener and closer of one family", "He said” and then “she left."),
        Case("three strays of one family", "He said” she said” they said” all."),
        Case("three lone marks", #"A " B " C " D"#),
        Case("straight single unmatched opener kept", "He said 'no twice."),
        Case("mark between letters kept", #"He wrote a"b on the board."#),
        // Text with no quotes, and other bytes.
        Case("no quotes", "Plain text with no quotes at all."),
        Case("invalid UTF-8 around a pair", "caf\u{FFFD} \"ok\" done."),
        Case("CRLF and a stray", "The attack was \"aimed at talks.\r\n", "The attack was aimed at talks.\r\n"),
        Case("multi-line paragraph pair across lines", "He said \"this is\nstill the quote\" and left."),
    ]

    @Test func atLeastSixtyCases() {
        #expect(Self.cases.count >= 60)
    }

    @Test(arguments: cases)
    func strayQuotes(_ testCase: Case) throws {
        let input = testCase.input.hasSuffix("\n") ? testCase.input : testCase.input + "\n"
        let expected = (testCase.expected ?? testCase.input).hasSuffix("\n") ? (testCase.expected ?? testCase.input) : (testCase.expected ?? testCase.input) + "\n"
        #expect(try cleaned("quotes strip-stray", input) == expected)
    }

    @Test(arguments: cases)
    func runningTwiceIsRunningOnce(_ testCase: Case) throws {
        let once = try cleaned("quotes strip-stray", testCase.input + "\n")
        #expect(try cleaned("quotes strip-stray", once) == once)
    }

    @Test func onlyQuoteMarksAreRemoved() throws {
        // Whatever the step removes, the rest of the text is the input with marks (and the
        // spaces beside them) taken out, in order.
        for testCase in Self.cases {
            let output = try cleaned("quotes strip-stray", testCase.input + "\n")
            let marks = Set("\"'“”„‟‘’‚‛«»‹› ")
            #expect(output.filter { !marks.contains($0) } == (testCase.input + "\n").filter { !marks.contains($0) }, "\(testCase.name)")
        }
    }

    @Test func countsRemovedMarksAndChangedLines() throws {
        let pipeline = Pipeline(rules: try rules("quotes strip-stray"))
        _ = pipeline.clean(utf8("Two strays” here\nand there” now.\n\nOne \"stray.\n\nBalanced \"pair\".\n"))
        #expect(pipeline.statistics.steps[0].quotesRemoved == 3)
        #expect(pipeline.statistics.steps[0].linesChanged == 3)
    }

    @Test func longUndecidedQuotationIsKeptPastTheHoldLimit() throws {
        // An opener waits for a closer in later paragraphs; past the hold limit it is kept.
        let filler = String(repeating: "A paragraph of ordinary words without any quote in it.\n\n", count: 25_000)
        let input = "He said “this opens.\n\n" + filler
        let output = try cleaned("quotes strip-stray", input)
        #expect(output.hasPrefix("He said “this opens."))
        #expect(output == input)
    }
}

@Suite struct QuoteStraightenerTests {
    @Test func curlyQuotesBecomeStraight() throws {
        #expect(try cleaned("quotes straighten", "“Hello,” he said, ‘twice’ „ja“ ‚so‘ ‟x‛\n") == "\"Hello,\" he said, 'twice' \"ja\" 'so' \"x'\n")
    }

    @Test func guillemetsAndOtherTextStay() throws {
        let text = "« Bonjour » »Danke« ‹x› — plain, café, 5′ 3″\n"
        #expect(try cleaned("quotes straighten", text) == text)
    }

    @Test func terminatorsAndCountsAreKept() throws {
        let pipeline = Pipeline(rules: try rules("quotes straighten"))
        #expect(string(pipeline.clean(utf8("“a”\r\n‘b’"))) == "\"a\"\r\n'b'")
        #expect(pipeline.statistics.steps[0].replacements == 4)
        #expect(pipeline.statistics.steps[0].linesChanged == 2)
    }
}
