import SluiceKit
import Testing

/// The cc_net-style normalization the dedupe steps compare paragraphs by.
@Suite struct TextNormalizerTests {
    struct NormalizeCase: Sendable, CustomTestStringConvertible {
        let text: String
        let normalized: String
        var testDescription: String { text.debugDescription }
    }

    static let normalizeCases: [NormalizeCase] = [
        // Case folding, ASCII and not.
        NormalizeCase(text: "Kremlin SAYS", normalized: "kremlin says"),
        NormalizeCase(text: "ÉLAN", normalized: "elan"),
        NormalizeCase(text: "ΑΘΗΝΑ Ελλάδα", normalized: "αθηνα ελλαδα"),
        NormalizeCase(text: "İstanbul", normalized: "istanbul"),
        // Accents removed, whether precomposed or written as combining marks.
        NormalizeCase(text: "naïve café", normalized: "naive cafe"),
        NormalizeCase(text: "cafe\u{0301} Zu\u{0308}rich", normalized: "cafe zurich"),
        NormalizeCase(text: "Ёлка", normalized: "елка"),
        NormalizeCase(text: "Łódź Kraków", normalized: "łodz krakow"),
        // Every decimal digit becomes 0; the hyphen and comma leave no trace.
        NormalizeCase(text: "June 7-9, 2025", normalized: "june 00 0000"),
        NormalizeCase(text: "٢٠٢٥ and ２０２５", normalized: "0000 and 0000"),
        // Quotes of every style go without splitting the word they are in.
        NormalizeCase(text: "“Don’t”", normalized: "dont"),
        NormalizeCase(text: "\"Don't\"", normalized: "dont"),
        NormalizeCase(text: "«Oui»", normalized: "oui"),
        NormalizeCase(text: "„Nein“ ‚doch‘", normalized: "nein doch"),
        NormalizeCase(text: "‹non› ‘yes’ `no´", normalized: "non yes no"),
        NormalizeCase(text: "「東京」 ＂ok＂", normalized: "東京 ok"),
        // Other punctuation, symbols and invisible format characters likewise.
        NormalizeCase(text: "Kyiv — Moscow… (AP)!", normalized: "kyiv moscow ap"),
        NormalizeCase(text: "two-to-three-day", normalized: "twotothreeday"),
        NormalizeCase(text: "news\u{00AD}paper zero\u{200B}width", normalized: "newspaper zerowidth"),
        NormalizeCase(text: "— … * * *", normalized: ""),
        // White space of any kind separates words, and a run of it counts once.
        NormalizeCase(text: "a\u{00A0}\u{00A0}b\t\t c", normalized: "a b c"),
        NormalizeCase(text: "  leading and trailing \t", normalized: "leading and trailing"),
        NormalizeCase(text: "one\ntwo\r\nthree", normalized: "one two three"),
        NormalizeCase(text: "thin\u{202F}space\u{3000}wide\u{2028}line", normalized: "thin space wide line"),
        NormalizeCase(text: "", normalized: ""),
    ]

    @Test(arguments: normalizeCases)
    func normalizes(_ normalizeCase: NormalizeCase) {
        #expect(TextNormalizer().normalize(normalizeCase.text) == normalizeCase.normalized)
    }

    /// The words of the raw bytes must agree with `normalize`, which the tests and docs show:
    /// same count of words, same characters, and the same hash as the normalized text itself.
    @Test(arguments: normalizeCases)
    func wordsOfBytesAgreeWithNormalize(_ normalizeCase: NormalizeCase) {
        let normalizer = TextNormalizer()
        let normalized = normalizer.normalize(normalizeCase.text)
        let found = words(normalizeCase.text, normalizer)
        #expect(found.wordHashes.count == normalized.split(separator: " ").count)
        #expect(found.characterCount == normalized.unicodeScalars.count)
        #expect(found == words(normalized, normalizer), "normalizing is idempotent")
    }

    /// The normalizer caches each non-ASCII character's mapping; the second use of a
    /// separator (whose mapping is "none") must still separate, not vanish.
    @Test func cachedMappingsGiveTheSameResult() {
        let normalizer = TextNormalizer()
        for _ in 0..<3 {
            #expect(normalizer.normalize("Kyiv\u{00A0}«Élan» 7") == "kyiv elan 0")
            #expect(words("Kyiv\u{00A0}«Élan» 7", normalizer) == words("kyiv elan 0", normalizer))
        }
    }

    @Test func variantsHaveEqualWordsAndHashes() {
        let normalizer = TextNormalizer()
        let base = words("“Don’t expect a ceasefire before June 7,” the minister told reporters in Kyiv.", normalizer)
        let variants = [
            "\"DON'T expect a ceasefire before June 8,\" the minister told reporters in Kyiv",
            "«Don’t  expect\ta ceasefire\u{00A0}before June 9», the minister told reporters in Kyiv!",
            "  dont expect a ceasefire before june 0 the minister told reporters in kyiv  ",
        ]
        for variant in variants {
            let found = words(variant, normalizer)
            #expect(found.textHash == base.textHash, "\(variant)")
            #expect(found.wordHashes == base.wordHashes, "\(variant)")
            #expect(found.characterCount == base.characterCount, "\(variant)")
        }
    }

    @Test func differentTextsHaveDifferentHashes() {
        let normalizer = TextNormalizer()
        let pairs = [
            ("The talks resumed in Istanbul.", "The talks resume in Istanbul."),
            ("The talks resumed in Istanbul.", "The talks resumed in Ankara."),
            ("The talks resumed in Istanbul.", "In Istanbul the talks resumed."),
            // Same letters, different word boundaries.
            ("peace talks", "peacetalks"),
            ("ab c", "a bc"),
            // A different number of digits is a different text.
            ("June 7", "June 17"),
        ]
        for (first, second) in pairs {
            #expect(words(first, normalizer).textHash != words(second, normalizer).textHash, "\(first) / \(second)")
        }
    }

    @Test func characterCountCountsNormalizedCharactersAndSingleSpaces() {
        let normalizer = TextNormalizer()
        #expect(words("Hello,  world!", normalizer).characterCount == 11)
        #expect(words("  «Élan»\u{00A0}\u{00A0}2025 ", normalizer).characterCount == 9)
        #expect(words("Ёлка", normalizer).characterCount == 4)
        #expect(words("", normalizer).characterCount == 0)
        #expect(words("— … —", normalizer).characterCount == 0)
        #expect(words("— … —", normalizer).wordHashes.isEmpty)
    }

    @Test func linesOfAParagraphAreSeparatedByWhiteSpace() {
        let normalizer = TextNormalizer()
        let paragraph = held(["Russian officials presented\n", "sweeping requirements\r\n", "for the deal."])
        #expect(normalizer.words(of: paragraph) == words("Russian officials presented sweeping requirements for the deal.", normalizer))
        #expect(normalizer.words(of: paragraph) != words("Russian officials presentedsweeping requirementsfor the deal.", normalizer))
    }

    /// Invalid UTF-8 counts as U+FFFD, a symbol, so it vanishes without splitting a word.
    @Test func invalidUTF8NeitherCrashesNorSplitsWords() {
        let normalizer = TextNormalizer()
        let bytes: [UInt8] = [0xFF, 0xFE] + utf8("ab") + [0x80] + utf8("c") + [0xC3] + utf8(" déf") + [0xE2, 0x80]
        let found = bytes.withUnsafeBytes { normalizer.words(of: $0) }
        #expect(found == words("abc def", normalizer))
        let onlyInvalid: [UInt8] = [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF8]
        #expect(onlyInvalid.withUnsafeBytes { normalizer.words(of: $0) }.wordHashes.isEmpty)
    }

    /// The normalizer reads ASCII without decoding it; every ASCII character must come out
    /// as the general rules (`normalize`, which maps each character by its Unicode
    /// properties) say, inside a word and between two.
    /// `dedupe paragraphs` keeps digits apart: `8 oz.` is not `4 oz.`
    @Test func digitsCanBeKept() {
        let keeping = TextNormalizer(foldsDigits: false)
        #expect(keeping.normalize("June 7-9, 2025") == "june 79 2025")
        #expect(keeping.normalize("٢٠٢٥ and ２０２５") == "2025 and 2025")
        func hash(_ text: String, _ normalizer: TextNormalizer) -> UInt64 {
            Array(text.utf8).withUnsafeBytes { normalizer.words(of: $0).textHash }
        }
        #expect(hash("8 oz.", keeping) != hash("4 oz.", keeping))
        let folding = TextNormalizer()
        #expect(hash("8 oz.", folding) == hash("4 oz.", folding))
    }

    @Test func asciiFastPathAgreesWithTheGeneralRules() {
        let normalizer = TextNormalizer()
        for byte in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(byte))
            let text = "ab\(character)cd ef"
            let expected = words(normalizer.normalize(text), normalizer)
            #expect(words(text, normalizer) == expected, "byte \(byte)")
        }
    }

    /// Characters whose mapping is too long to keep in the cache entry itself (a Hangul
    /// syllable decomposes into three jamo, nine bytes) and ones that change length when
    /// lower-cased must give what `normalize` gives, on first use and from the cache.
    @Test func longAndGrowingMappingsAgreeWithNormalize() {
        let normalizer = TextNormalizer()
        let text = "서울 İstanbul ǅemal ΐ ᾂ Kelvin ſtraße ﬁnance Ⅻ ²"
        for _ in 0..<2 {
            #expect(words(text, normalizer) == words(normalizer.normalize(text), normalizer))
            #expect(words(text, normalizer).characterCount == normalizer.normalize(text).unicodeScalars.count)
        }
    }

    private func words(_ text: String, _ normalizer: TextNormalizer) -> NormalizedWords {
        utf8(text).withUnsafeBytes { normalizer.words(of: $0) }
    }

    private func held(_ lines: [String]) -> HeldLines {
        var paragraph = HeldLines()
        for (index, line) in lines.enumerated() {
            utf8(line).withUnsafeBytes { paragraph.append(Line(bytes: $0, number: index + 1)) }
        }
        return paragraph
    }
}
