import Foundation

/// A paragraph reduced to normalized words, each as a 64-bit hash.
public struct NormalizedWords: Equatable {
    /// One FNV-1a hash per normalized word, in order.
    public var wordHashes: [UInt64] = []
    /// The length of the normalized text in characters, single spaces between words included.
    public var characterCount = 0
    /// A hash of the whole normalized text: equal texts, equal hashes.
    public var textHash: UInt64 = TextNormalizer.fnvOffset
}

/// Normalizes text the way cc_net does before comparing paragraphs, so that copies which
/// differ only in presentation compare equal:
///
/// - letters are lower-cased (Unicode) and stripped of accents (canonical decomposition,
///   combining marks dropped): `Élan` → `elan`;
/// - every decimal digit becomes `0`: `June 7-9` → `june 00`;
/// - punctuation, symbols and invisible format characters are removed without a trace
///   (quotes of every style, dashes, `…`): `“Don’t”` → `dont`;
/// - white space of any kind separates words, and runs of it count as one.
///
/// Works on raw bytes; invalid UTF-8 counts as U+FFFD. A normalizer caches what it has
/// worked out for each non-ASCII character, so it is for one thread at a time.
public final class TextNormalizer {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// What one character becomes: nil separates words, otherwise the characters to keep
    /// (empty: removed).
    private var mappings: [UInt32: [Unicode.Scalar]?] = [:]

    public init() {}

    /// The normalized words of `paragraph` (its lines count as separated by white space).
    public func words(of paragraph: HeldLines) -> NormalizedWords {
        var state = WordState()
        // Words average several bytes: one allocation instead of a doubling series.
        state.result.wordHashes.reserveCapacity(paragraph.bytes.count / 4 + 1)
        paragraph.forEachContent { content in
            add(content, to: &state)
            state.endWord()
        }
        return state.result
    }

    /// The length and hash of the normalized text of `paragraph`, as ``words(of:)-(HeldLines)``
    /// gives them, without the word hashes (``NormalizedWords/wordHashes`` stays empty).
    func textSummary(of paragraph: HeldLines) -> NormalizedWords {
        var state = WordState()
        state.keepsWordHashes = false
        paragraph.forEachContent { content in
            add(content, to: &state)
            state.endWord()
        }
        return state.result
    }

    /// The normalized words of one piece of text.
    public func words(of bytes: UnsafeRawBufferPointer) -> NormalizedWords {
        var state = WordState()
        add(bytes, to: &state)
        state.endWord()
        return state.result
    }

    /// The normalized text itself, words separated by single spaces (for tests and docs).
    public func normalize(_ text: String) -> String {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let mapped = mapping(of: scalar) else {
                if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
                continue
            }
            current.append(contentsOf: mapped)
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.joined(separator: " ")
    }

    private struct WordState {
        var result = NormalizedWords()
        var wordHash = TextNormalizer.fnvOffset
        var wordLength = 0
        /// False when only the text's length and hash are wanted.
        var keepsWordHashes = true
        /// The number of words ended so far.
        var wordCount = 0

        mutating func add(_ scalar: Unicode.Scalar) {
            for byte in String(scalar).utf8 {
                wordHash = (wordHash ^ UInt64(byte)) &* TextNormalizer.fnvPrime
            }
            wordLength += 1
        }

        @inline(__always)
        mutating func addASCII(_ byte: UInt8) {
            wordHash = (wordHash ^ UInt64(byte)) &* TextNormalizer.fnvPrime
            wordLength += 1
        }

        mutating func endWord() {
            guard wordLength > 0 else { return }
            if wordCount > 0 {
                result.characterCount += 1
                result.textHash = (result.textHash ^ 0x20) &* TextNormalizer.fnvPrime
            }
            wordCount += 1
            if keepsWordHashes { result.wordHashes.append(wordHash) }
            result.characterCount += wordLength
            // Fold the word's hash into the text hash, byte by byte.
            var value = wordHash
            for _ in 0..<8 {
                result.textHash = (result.textHash ^ (value & 0xFF)) &* TextNormalizer.fnvPrime
                value >>= 8
            }
            wordHash = TextNormalizer.fnvOffset
            wordLength = 0
        }
    }

    private func add(_ bytes: UnsafeRawBufferPointer, to state: inout WordState) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                // ASCII, the common case, without decoding.
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): state.addASCII(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): state.addASCII(byte + 32)
                case UInt8(ascii: "0")...UInt8(ascii: "9"): state.addASCII(UInt8(ascii: "0"))
                case 0x20, 0x09...0x0D: state.endWord()
                default: break
                }
                index += 1
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            index += length
            guard let mapped = mapping(of: scalar) else {
                state.endWord()
                continue
            }
            for piece in mapped { state.add(piece) }
        }
    }

    private func mapping(of scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        if let known = mappings[scalar.value] { return known }
        let mapped = TextNormalizer.computeMapping(of: scalar)
        mappings[scalar.value] = .some(mapped)
        return mapped
    }

    private static func computeMapping(of scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        // U+02BC, the modifier-letter apostrophe (Ukrainian, Belarusian), is an apostrophe.
        if scalar.value == 0x02BC { return [] }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control where scalar.properties.isWhitespace:
            return nil
        case .decimalNumber:
            return ["0"]
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .letterNumber, .otherNumber:
            let lowered = String(scalar).lowercased().decomposedStringWithCanonicalMapping
            return lowered.unicodeScalars.filter { !isMark($0) }
        default:
            // Punctuation, symbols, marks, format and control characters leave no trace.
            return []
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
