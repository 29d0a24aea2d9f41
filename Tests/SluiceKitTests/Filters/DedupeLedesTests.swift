import SluiceKit
import Testing

@Suite struct DedupeLedesTests {
    static let headline = "Putin Claims Ukraine Seeks Ceasefire to Regroup and Plot Terrorist Attacks"
    static let byline = "By Jane Doe"
    static let lede = "Ukraine has been calling for an “overall and unconditional” 30-day cessation of hostilities, with its latest plea handed over in Moscow during peace talks held on Monday in Istanbul."
    static let putin = "Russian President Vladimir Putin on Wednesday seemed to rule out a general ceasefire, suggesting that any pause would let Kyiv resupply its military."
    static let lavrov = "Foreign Minister Sergei Lavrov briefed Putin that Ukraine had rejected the limited truce offer made by Russian negotiators."
    static let demands = "In the talks, Russian officials presented sweeping requirements for the deal, such as the complete retreat of Ukrainian troops from four regions."
    /// 36 normalized words: long enough that one changed word keeps 30 of 33 shingles (0.91).
    static let medinsky = "Russia's chief negotiator, Vladimir Medinsky, confirmed that Moscow will hold fast to the prisoner exchange deal struck in Istanbul, and said the swap planned for the coming weekend matches a declaration by Ukrainian President Volodymyr Zelensky."

    // MARK: which copy goes

    @Test func laterExactCopyIsRemoved() throws {
        let input = document(Self.headline, Self.byline, Self.lede, Self.putin, Self.lede, Self.lavrov)
        #expect(try cleaned("dedupe ledes", input) == "\(Self.headline)\n\n\(Self.byline)\n\n\(Self.lede)\n\n\(Self.putin)\n\n\n\(Self.lavrov)\n")
    }

    struct Copy: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static let presentationVariants: [Copy] = [
        Copy(name: "case", text: "UKRAINE HAS BEEN CALLING FOR AN “OVERALL AND UNCONDITIONAL” 30-DAY CESSATION OF HOSTILITIES, WITH ITS LATEST PLEA HANDED OVER IN MOSCOW DURING PEACE TALKS HELD ON MONDAY IN ISTANBUL."),
        Copy(name: "spacing", text: " Ukraine has been  calling for an “overall and unconditional”\u{00A0}30-day cessation of hostilities,\twith its latest plea handed over in Moscow during peace talks held on Monday in Istanbul.  "),
        Copy(name: "straight quotes", text: "Ukraine has been calling for an \"overall and unconditional\" 30-day cessation of hostilities, with its latest plea handed over in Moscow during peace talks held on Monday in Istanbul."),
        Copy(name: "guillemets", text: "Ukraine has been calling for an «overall and unconditional» 30-day cessation of hostilities, with its latest plea handed over in Moscow during peace talks held on Monday in Istanbul."),
        Copy(name: "digits", text: "Ukraine has been calling for an “overall and unconditional” 31-day cessation of hostilities, with its latest plea handed over in Moscow during peace talks held on Monday in Istanbul."),
        Copy(name: "wrapped over lines", text: "Ukraine has been calling for an “overall and unconditional” 30-day\ncessation of hostilities, with its latest plea handed over in Moscow\nduring peace talks held on Monday in Istanbul."),
    ]

    @Test(arguments: presentationVariants)
    func laterCopyInOtherPresentationIsRemoved(_ copy: Copy) throws {
        let input = document(Self.headline, Self.byline, Self.lede, Self.putin, copy.text, Self.lavrov)
        #expect(try cleaned("dedupe ledes", input) == "\(Self.headline)\n\n\(Self.byline)\n\n\(Self.lede)\n\n\(Self.putin)\n\n\n\(Self.lavrov)\n")
    }

    static let datelines = ["MOSCOW (AP) — ", "ISTANBUL, June 3 (Reuters) - ", "KYIV – "]

    /// The dateline copy says more (where, and who reported it), so it stays and the plain
    /// first copy goes.
    @Test(arguments: datelines)
    func laterDatelineCopyStaysAndTheFirstCopyGoes(_ dateline: String) throws {
        let input = document(Self.headline, Self.byline, Self.lede, Self.putin, dateline + Self.lede, Self.lavrov)
        #expect(try cleaned("dedupe ledes", input)
            == "\(Self.headline)\n\n\(Self.byline)\n\n\n\(Self.putin)\n\n\(dateline + Self.lede)\n\n\(Self.lavrov)\n")
    }

    @Test(arguments: datelines)
    func laterPlainCopyOfADatelineLedeIsRemoved(_ dateline: String) throws {
        let input = document(Self.headline, dateline + Self.lede, Self.putin, Self.lede, Self.lavrov)
        #expect(try cleaned("dedupe ledes", input) == "\(Self.headline)\n\n\(dateline + Self.lede)\n\n\(Self.putin)\n\n\n\(Self.lavrov)\n")
    }

    static let truncations: [Copy] = [
        Copy(name: "cut mid-word with …", text: "Ukraine has been calling for an “overall and unconditional” 30-day cessation of hostilities, with its latest plea handed over in Moscow during peace talks held on Monday in Istan…"),
        Copy(name: "cut mid-word with ...", text: "Ukraine has been calling for an “overall and unconditional” 30-day cessation of hostilities, with its latest plea handed over in Moscow during peace talks held on Mon..."),
        Copy(name: "cut between words with …", text: "Ukraine has been calling for an “overall and unconditional” 30-day cessation of hostilities, with its latest plea handed over in Moscow during peace talks …"),
        Copy(name: "cut between words with ...", text: "Ukraine has been calling for an “overall and unconditional” 30-day cessation of hostilities, with its latest plea handed over in Moscow..."),
    ]

    @Test(arguments: truncations)
    func truncatedFirstCopyIsRemovedAndTheFullCopyKept(_ truncated: Copy) throws {
        let input = document(Self.headline, truncated.text, Self.putin, Self.lede, Self.lavrov)
        #expect(try cleaned("dedupe ledes", input) == "\(Self.headline)\n\n\n\(Self.putin)\n\n\(Self.lede)\n\n\(Self.lavrov)\n")
    }

    @Test(arguments: truncations)
    func truncatedLaterCopyIsRemoved(_ truncated: Copy) throws {
        let input = document(Self.headline, Self.lede, Self.putin, truncated.text, Self.lavrov)
        #expect(try cleaned("dedupe ledes", input) == "\(Self.headline)\n\n\(Self.lede)\n\n\(Self.putin)\n\n\n\(Self.lavrov)\n")
    }

    /// The shorter copy's last shingle is left out, so a cut-off copy matches even when
    /// every other shingle must.
    @Test(arguments: truncations)
    func truncatedCopyIsFoundEvenAtThresholdOne(_ truncated: Copy) throws {
        let first = document(Self.headline, truncated.text, Self.putin, Self.lede, Self.lavrov)
        #expect(try cleaned("dedupe ledes threshold=1.0", first) == document(Self.headline, nil, Self.putin, Self.lede, Self.lavrov))
        let later = document(Self.headline, Self.lede, Self.putin, truncated.text, Self.lavrov)
        #expect(try cleaned("dedupe ledes threshold=1.0", later) == document(Self.headline, Self.lede, Self.putin, nil, Self.lavrov))
    }

    /// Left out means not counted either: a longer copy whose first word differs misses the
    /// lede's first shingle, and its having the lede's last shingle must not make up for it.
    @Test func lastShingleOfTheShorterCopyIsNotCounted() throws {
        let reworded = "MOSCOW (AP) — Kyiv" + Self.lede.dropFirst("Ukraine".count)
        let input = document(Self.lede, Self.putin, reworded)
        #expect(try cleaned("dedupe ledes threshold=1.0", input) == input)
        #expect(try cleaned("dedupe ledes", input) == document(nil, Self.putin, reworded))
    }

    /// A complete sentence that a much longer later paragraph merely contains is not a copy
    /// (the dev corpus's "The brain behind this startup is said to be …" standfirst):
    /// removing it would lose a line of the article.
    @Test func sentenceContainedInAMuchLongerParagraphIsKept() throws {
        let standfirst = "The brain behind this well-timed startup is said to be Aryavir Kumar and Margarita Kuritsyna."
        let body = standfirst + " The duo reportedly saw the need for the service during the lockdown, when deliveries stopped across the city for weeks."
        let input = document(standfirst, Self.putin, body)
        #expect(try cleaned("dedupe ledes", input) == input)
    }

    /// A headline (no sentence ending) is never a lede copy, even when a later paragraph
    /// repeats it inside a sentence.
    @Test func headlineIsNeverALedeCopy() throws {
        let headline = "Ten things in tech you need to know today before markets open"
        let input = document(headline, Self.putin, "You can also subscribe to this newsletter here — just tick \"" + headline + "\" in the list.")
        #expect(try cleaned("dedupe ledes", input) == input)
    }

    @Test func longerLaterCopyStaysAndTheEarlierGoes() throws {
        let longer = Self.lede + " Kyiv said on Tuesday that the offer still stands."
        let input = document(Self.headline, Self.lede, Self.putin, longer, Self.lavrov)
        #expect(try cleaned("dedupe ledes", input) == "\(Self.headline)\n\n\n\(Self.putin)\n\n\(longer)\n\n\(Self.lavrov)\n")
    }

    /// A lede that repeats a phrase ("said the prisoner exchange would" twice) has repeated
    /// shingles; a longer copy (dateline, or the full text after a truncated first copy)
    /// holds every one of them and must still be found.
    @Test func ledeRepeatingAPhraseIsFoundInALongerCopy() throws {
        let lede = "Kyiv said the prisoner exchange would start this weekend, and Moscow said the prisoner exchange would include the bodies of fallen soldiers."
        let truncated = "Kyiv said the prisoner exchange would start this weekend, and Moscow said the prisoner exchange would include the bodies of fall…"
        let dated = "MOSCOW (AP) — " + lede
        #expect(try cleaned("dedupe ledes", document(lede, Self.putin, dated, Self.lavrov)) == document(nil, Self.putin, dated, Self.lavrov))
        #expect(try cleaned("dedupe ledes", document(truncated, Self.putin, lede, Self.lavrov)) == document(nil, Self.putin, lede, Self.lavrov))
        // The other way round (the later copy is the shorter one) it is found.
        #expect(try cleaned("dedupe ledes", document(dated, Self.putin, lede, Self.lavrov)) == document(dated, Self.putin, nil, Self.lavrov))
        #expect(try cleaned("dedupe ledes", document(lede, Self.putin, truncated, Self.lavrov)) == document(lede, Self.putin, nil, Self.lavrov))
    }

    /// Truncated, then full with a dateline, then plain again: only the copy with the most
    /// content survives, wherever it is.
    @Test func onlyTheFullestOfSeveralCopiesStays() throws {
        let truncated = Self.truncations[0].text
        let dated = "MOSCOW (AP) — " + Self.lede
        let input = document(truncated, Self.putin, Self.lede, Self.lavrov, dated, Self.lede, Self.demands)
        #expect(try cleaned("dedupe ledes", input) == document(nil, Self.putin, nil, Self.lavrov, dated, nil, Self.demands))
    }

    // MARK: what is not a copy

    /// Two paragraphs quoting the same 25 words, framed differently, are different
    /// paragraphs: the shorter one shares only 22 of its 26 compared shingles.
    @Test func paragraphsSharingAQuotationAreKept() throws {
        let quote = "We will not give them a reward by granting them a pause in the fighting that would be used to fill the regime with weapons"
        #expect(quote.split(separator: " ").count == 25)
        let said = "Putin said on Monday: \"\(quote).\""
        let repeated = "In a statement the Kremlin later repeated: \"\(quote)\", adding that talks would resume."
        for input in [document(said, Self.putin, repeated, Self.lavrov), document(repeated, Self.putin, said, Self.lavrov)] {
            #expect(try cleaned("dedupe ledes", input) == input)
        }
    }

    @Test func differentParagraphsAreKept() throws {
        let input = document(Self.headline, Self.byline, Self.lede, Self.putin, Self.lavrov, Self.demands, Self.medinsky)
        #expect(try cleaned("dedupe ledes", input) == input)
    }

    /// Bylines, credits and datelines repeat; they are under `min-words` (8) and stay.
    @Test func shortRepeatedLinesAreKept() throws {
        let sevenWords = "Moscow and Kyiv swapped prisoners on Sunday."
        let input = document(Self.byline, "Photo: Reuters", sevenWords, Self.lede, Self.byline, "Photo: Reuters", sevenWords, Self.putin, Self.byline)
        #expect(try cleaned("dedupe ledes", input) == input)
    }

    // MARK: the lede zone

    /// Only the first `window` substantial paragraphs are ledes; a later paragraph repeated
    /// is for `dedupe paragraphs`.
    @Test func repeatOutsideTheLedeZoneIsKept() throws {
        let input = document(Self.byline, Self.lede, Self.putin, Self.lavrov, Self.demands, Self.lavrov)
        #expect(try cleaned("dedupe ledes window=2", input) == input)
        #expect(try cleaned("dedupe paragraphs min-run-length=1", input)
            == document(Self.byline, Self.lede, Self.putin, Self.lavrov, Self.demands, nil))
    }

    /// Short paragraphs (byline, date) take no place in the zone.
    @Test func shortParagraphsDoNotFillTheZone() throws {
        let input = document(Self.byline, "June 3, 2025", "Photo: Reuters", Self.lede, Self.putin, Self.lavrov, Self.putin)
        #expect(try cleaned("dedupe ledes window=2", input)
            == document(Self.byline, "June 3, 2025", "Photo: Reuters", Self.lede, Self.putin, Self.lavrov, nil))
    }

    @Test func windowOptionSetsTheZoneSize() throws {
        let input = document(Self.lede, Self.putin, Self.lavrov, Self.putin, Self.lede)
        #expect(try cleaned("dedupe ledes window=1", input) == document(Self.lede, Self.putin, Self.lavrov, Self.putin, nil))
        #expect(try cleaned("dedupe ledes", input) == document(Self.lede, Self.putin, Self.lavrov, nil, nil))
    }

    // MARK: options

    @Test func thresholdOptionDecidesHowNearACopyMustBe() throws {
        // One word changed in the middle: 30 of 33 compared shingles still match.
        let changed = Self.medinsky.replacingOccurrences(of: "will hold fast", with: "will keep fast")
        #expect(changed != Self.medinsky)
        let input = document(Self.medinsky, Self.putin, changed)
        let removed = document(Self.medinsky, Self.putin, nil)
        #expect(try cleaned("dedupe ledes", input) == removed)
        #expect(try cleaned("dedupe ledes threshold=0.9", input) == removed)
        #expect(try cleaned("dedupe ledes threshold=0.95", input) == input)
        #expect(try cleaned("dedupe ledes threshold=1.0", input) == input)
        // An exact copy is a copy at any threshold.
        #expect(try cleaned("dedupe ledes threshold=1.0", document(Self.medinsky, Self.putin, Self.medinsky)) == removed)
    }

    /// "At least `threshold`" includes the exact share. Guards against comparing
    /// `shared >= threshold * count` in floating point: 0.56 × 25 is 14.000000000000002, so
    /// 14 shared shingles of 25 would miss a threshold of 0.56 that they meet exactly.
    @Test func thresholdIsMetByExactlyThatShare() throws {
        // 28 words (25 compared shingles); the longer paragraph shares its first 16 words,
        // that is 14 shingles: exactly 0.56.
        let plans = "Officials in Kyiv said on Tuesday that the delegation would travel to Istanbul next week for another round of talks with Russian negotiators on the exchange of prisoners."
        // Near enough in length (0.86) to count as copies when the shingles say so.
        let meeting = "Officials in Kyiv said on Tuesday that the delegation would travel to Istanbul next week for a meeting that Turkish mediators hope will settle the remaining disputes over grain shipments and ports."
        let input = document(plans, Self.putin, meeting)
        #expect(try cleaned("dedupe ledes threshold=0.55", input) == document(nil, Self.putin, meeting))
        #expect(try cleaned("dedupe ledes threshold=0.56", input) == document(nil, Self.putin, meeting))
        #expect(try cleaned("dedupe ledes threshold=0.57", input) == input)
    }

    @Test func minimumWordsOptionDecidesWhatIsSubstantial() throws {
        let sixWords = "Both sides swapped prisoners on Sunday."
        let input = document(sixWords, Self.lede, sixWords)
        #expect(try cleaned("dedupe ledes", input) == input)
        #expect(try cleaned("dedupe ledes min-words=7", input) == input)
        #expect(try cleaned("dedupe ledes min-words=6", input) == document(sixWords, Self.lede, nil))
        // Eight words is enough by default.
        let eightWords = "Moscow and Kyiv swapped prisoners again on Sunday."
        #expect(try cleaned("dedupe ledes", document(eightWords, Self.lede, eightWords)) == document(eightWords, Self.lede, nil))
    }

    /// With one-word shingles word order does not count; with the default three it does.
    @Test func shingleOptionSetsWordsPerShingle() throws {
        let first = "Talks resumed in Istanbul on Monday as both sides exchanged prisoners and the bodies of fallen soldiers."
        let reordered = "As both sides exchanged prisoners and the bodies of fallen soldiers, talks resumed in Istanbul on Monday."
        let input = document(first, Self.putin, reordered)
        #expect(try cleaned("dedupe ledes", input) == input)
        #expect(try cleaned("dedupe ledes shingle=1", input) == document(first, Self.putin, nil))
    }

    // MARK: documents, order, counts

    @Test func sameLedeInSeparateDocumentsIsKeptInBoth() throws {
        let first = document(Self.headline, Self.lede, Self.putin)
        let second = document(Self.lede, Self.lavrov)
        // A fuller copy in the next document cannot reach back into the previous one.
        let third = document("MOSCOW (AP) — " + Self.lede, Self.demands)
        #expect(try cleanedDocuments("dedupe ledes", [first, second, third, first]) == [first, second, third, first])
    }

    /// Everything but the dropped paragraph comes out byte for byte, in order: blank lines of
    /// any kind, CRLF, short lines, a last line without a newline.
    @Test func otherLinesAndBlankLinesAreKeptInOrder() throws {
        let prefix = "\(Self.headline)\r\n \r\n\r\n\(Self.byline)\r\n\t\r\n"
        let middle = "\r\n\(Self.putin)\r\nPhoto: Reuters\r\n\r\n\r\n"
        let suffix = "\r\n  \n\(Self.lavrov)\nAdvertisement\n\n\(Self.demands)"
        let dated = "MOSCOW (AP) — " + Self.lede
        // A later copy goes.
        #expect(try cleaned("dedupe ledes", prefix + Self.lede + "\r\n" + middle + Self.lede + "\r\n" + suffix)
            == prefix + Self.lede + "\r\n" + middle + suffix)
        // An earlier copy goes.
        #expect(try cleaned("dedupe ledes", prefix + Self.lede + "\r\n" + middle + dated + "\r\n" + suffix)
            == prefix + middle + dated + "\r\n" + suffix)
        // A last paragraph without a newline can go too.
        #expect(try cleaned("dedupe ledes", prefix + Self.lede + "\r\n" + middle + Self.lede) == prefix + Self.lede + "\r\n" + middle)
    }

    @Test func countsRemovedParagraphsAndTheirLines() throws {
        let pipeline = Pipeline(rules: try rules("dedupe ledes as lede"))
        let wrapped = Self.presentationVariants[5].text  // three lines
        let dated = "MOSCOW (AP) — " + Self.lede
        _ = pipeline.clean(utf8(document(Self.lede, Self.putin, wrapped, Self.byline, dated, Self.byline, Self.truncations[0].text)))
        let statistics = pipeline.statistics.steps[0]
        #expect(statistics.name == "lede")
        #expect(statistics.keyword == "dedupe ledes")
        // The wrapped copy (3 lines), the first copy (1) and the truncated copy (1).
        #expect(statistics.paragraphsRemoved == 3)
        #expect(statistics.linesRemoved == 5)
        #expect(statistics.linesChanged == 0)
        _ = pipeline.clean(utf8(document(Self.putin, Self.putin)))
        #expect(statistics.paragraphsRemoved == 4)
        #expect(statistics.linesRemoved == 6)
    }

    // MARK: large documents

    /// 50,000 distinct paragraphs (about 9 MB, past the 8 MiB the step holds before writing
    /// out), then the lede again: every paragraph is compared with the zone only, and the
    /// copy at the end is still found. Correctness only; no timing.
    @Test func ledeRepeatedAfterFiftyThousandParagraphsIsRemoved() throws {
        let body = Self.largeBody
        #expect(body.count > DedupeLedes.holdLimit)
        let pipeline = Pipeline(rules: try rules("dedupe ledes"))
        let output = pipeline.clean(body + utf8(Self.lede + "\n"))
        // Compared as one Bool so that a failure does not print 9 MB.
        let isInputWithoutTheCopy = output == body
        #expect(output.count == body.count)
        #expect(isInputWithoutTheCopy, "output differs from the input without the last copy")
        #expect(pipeline.statistics.steps[0].paragraphsRemoved == 1)
    }

    /// Documented limit: once the held text has been written out, an earlier copy can no
    /// longer be dropped, so a fuller copy after it is kept alongside.
    @Test func fullerCopyAfterTheHoldLimitKeepsBoth() throws {
        let body = Self.largeBody
        let dated = utf8("MOSCOW (AP) — " + Self.lede + "\n")
        let pipeline = Pipeline(rules: try rules("dedupe ledes"))
        let output = pipeline.clean(body + dated)
        let isInputUnchanged = output == body + dated
        #expect(isInputUnchanged)
        #expect(pipeline.statistics.steps[0].paragraphsRemoved == 0)
    }

    /// The lede, then 50,000 paragraphs of 24 made-up words each, no two alike, each
    /// followed by a blank line.
    static let largeBody: [UInt8] = {
        var bytes = utf8(lede + "\n\n")
        bytes.reserveCapacity(10_000_000)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<50_000 {
            for index in 0..<24 {
                if index > 0 { bytes.append(UInt8(ascii: " ")) }
                // xorshift: letters enough that no shingle repeats by chance.
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                var value = state
                for _ in 0..<(5 + Int(value % 4)) {
                    value /= 26
                    bytes.append(UInt8(ascii: "a") + UInt8(value % 26))
                }
            }
            bytes.append(contentsOf: utf8(".\n\n"))
        }
        return bytes
    }()
}
