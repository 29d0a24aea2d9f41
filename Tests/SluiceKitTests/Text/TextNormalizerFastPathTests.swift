@testable import SluiceKit
import Testing

/// The normalizer's fast paths (ASCII letters eight bytes at a time, cached mappings, digits
/// folded and kept in one pass) against the reference: the words of `normalize`, hashed one
/// byte at a time by ``TextNormalizer/WordHash/of(folded:digits:keepsDigits:)``.
@Suite struct TextNormalizerFastPathTests {
    static let texts: [String] = [
        // ASCII words of every length around the eight-byte blocks, at every offset.
        "a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh iiiiiiiii jjjjjjjjjj kkkkkkkkkkkkkkkkk",
        " x  yZ   ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 end",
        "You same work both election should its at never that each world deal the men do.",
        "Don't-stop!! (AP)--\"quoted\"; semi;colon, e-mail@x.org #tag $5.99 100% ~tilde`",
        "tab\tsep\u{0B}vt\u{0C}ff\rcr word@@@@@@@@word ________ .......... aaaaaaa|bbbbbbb",
        // Digits: ASCII, Arabic-Indic, fullwidth, Devanagari; inside words and alone.
        "June 7-9, 2025: 8 oz. and 4 oz., a1b2c3, 0007, 1234567890123 x9",
        "٢٠٢٥ and ２０２５ and १२३ and ٠ and 0, abc٣def",
        // Accented Latin, precomposed and combining; ſ, the Kelvin sign, dotted İ, ligatures.
        "Élan naïve café Zu\u{0308}rich Łódź Kraków straße ſtraße Kelvin 5K İstanbul ﬁnance ǅemal",
        "Ænglish œuvre Øresund ÀÁÂÃÄÅ àáâãäå ÇçÑñ ŠšŽž",
        // Cyrillic, Greek, CJK, Hangul, Arabic, Hindi.
        "Москва заявила ЁЛКА Ёлка україна ʼ їжак",
        "ΑΘΗΝΑ Ελλάδα ΐ ᾂ",
        "他说：“这是一个问题。”「東京」 日本語のテキスト",
        "서울 한국어 텍스트 مرحبا بالعالم नमस्ते दुनिया",
        // Mixed ASCII and non-ASCII inside one word, at block boundaries.
        "abcdefgé abcdefghé éabcdefgh abcdefg\u{00AD}hijklmn zero\u{200B}width news\u{00A0}paper",
        "",
        "   ",
        "—…—",
    ]

    /// Raw bytes with invalid UTF-8 in them, between and inside words.
    static let invalidBytes: [[UInt8]] = [
        [0xFF, 0xFE] + Array("ab".utf8) + [0x80] + Array("cdefghijk".utf8) + [0xC3] + Array(" déf".utf8) + [0xE2, 0x80],
        Array("abcdefg".utf8) + [0xC0, 0xAF] + Array("hijklmnop".utf8) + [0xED, 0xA0, 0x80] + Array(" 12".utf8) + [0xF8],
        [0xF0, 0x9F] + Array("wordwordword".utf8) + [0xF4, 0x90, 0x80, 0x80],
    ]

    @Test(arguments: texts)
    func wordsAgreeWithTheReference(_ text: String) {
        for keepsDigits in [false, true] {
            expectAgreement(Array(text.utf8), reference: text, keepsDigits: keepsDigits)
        }
    }

    @Test(arguments: invalidBytes)
    func invalidUTF8AgreesWithTheReference(_ bytes: [UInt8]) {
        // Invalid UTF-8 counts as U+FFFD, as `String(decoding:)` reads it; U+FFFD is removed
        // without a trace, so how many replace a sequence does not matter.
        for keepsDigits in [false, true] {
            expectAgreement(bytes, reference: String(decoding: bytes, as: UTF8.self), keepsDigits: keepsDigits)
        }
    }

    /// Random text from letters, digits, punctuation, white space and non-ASCII characters,
    /// so that words start and end at every offset of the eight-byte blocks.
    @Test func randomTextAgreesWithTheReference() {
        let pieces: [String] = ["a", "B", "z", "Q", "7", "0", " ", " ", "  ", "\t", ".", "'", "-", "é", "Ё", "東", "٣", "ſ", "K", "\u{00A0}", "ß", "İ"]
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<400 {
            let count = Int.random(in: 0..<60, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            for keepsDigits in [false, true] {
                expectAgreement(Array(text.utf8), reference: text, keepsDigits: keepsDigits)
            }
        }
    }

    /// One pass gives what `dedupe ledes` (digits folded) and `dedupe paragraphs` (digits
    /// kept) each get from a pass of their own.
    @Test(arguments: texts)
    func onePassGivesBothForms(_ text: String) {
        let paragraph = held(text)
        var folded: [UInt64] = []
        let both = TextNormalizer().normalizeParagraph(paragraph, foldedWordHashes: &folded)
        #expect(folded == TextNormalizer().words(of: paragraph).wordHashes)
        #expect(both == TextNormalizer(foldsDigits: false).textSummary(of: paragraph))
        #expect(both.textHash == TextNormalizer(foldsDigits: false).words(of: paragraph).textHash)
        #expect(both.wordCount == folded.count)
    }

    /// Keeping digits changes only decimal digits, each into one ASCII digit: no other
    /// character becomes an ASCII digit, so a word's digits are all its form with digits kept
    /// adds to its folded form.
    @Test func onlyDecimalDigitsMapToASCIIDigits() {
        for value in UInt32(0x80)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber, .otherNumber:
                let mapped = TextNormalizer.computeMapping(of: scalar) ?? []
                #expect(!mapped.contains { $0.value >= 0x30 && $0.value <= 0x39 }, "U+\(String(value, radix: 16))")
            default:
                continue
            }
        }
    }

    private func expectAgreement(_ bytes: [UInt8], reference: String, keepsDigits: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let normalizer = TextNormalizer(foldsDigits: !keepsDigits)
        let found = bytes.withUnsafeBytes { normalizer.words(of: $0) }
        let foldedWords = TextNormalizer().normalize(reference).split(separator: " ")
        let keptWords = TextNormalizer(foldsDigits: false).normalize(reference).split(separator: " ")
        #expect(foldedWords.count == keptWords.count, sourceLocation: sourceLocation)
        let expected = zip(foldedWords, keptWords).map { folded, kept in
            TextNormalizer.WordHash.of(folded: folded.utf8, digits: kept.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, keepsDigits: keepsDigits)
        }
        #expect(found.wordHashes == expected, "\(reference.debugDescription)", sourceLocation: sourceLocation)
        let textHash = expected.reduce(TextNormalizer.textHashStart) { TextNormalizer.WordHash.mix($0, $1) }
        #expect(found.textHash == textHash, "\(reference.debugDescription)", sourceLocation: sourceLocation)
        let normalized = normalizer.normalize(reference)
        #expect(found.characterCount == normalized.unicodeScalars.count, "\(reference.debugDescription)", sourceLocation: sourceLocation)
    }

    private func held(_ text: String) -> HeldLines {
        var paragraph = HeldLines()
        for (index, line) in text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
            Array((line + "\n").utf8).withUnsafeBytes { paragraph.append(Line(bytes: $0, number: index + 1)) }
        }
        return paragraph
    }
}
