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
/// - every decimal digit becomes `0`: `June 7-9` → `june 00` — unless the normalizer keeps
///   digits (``init(foldsDigits:)``), when each becomes its ASCII digit: `8 oz.` and `4 oz.`
///   stay different;
/// - punctuation, symbols and invisible format characters are removed without a trace
///   (quotes of every style, dashes, `…`): `“Don’t”` → `dont`;
/// - white space of any kind separates words, and runs of it count as one.
///
/// Works on raw bytes; invalid UTF-8 counts as U+FFFD. A normalizer caches what it has
/// worked out for each non-ASCII character, so it is for one thread at a time.
public final class TextNormalizer {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    private var mappings: ScalarMappings
    /// True when every decimal digit becomes `0`; false when it becomes its ASCII digit.
    public let foldsDigits: Bool

    /// A normalizer; `foldsDigits` false keeps digits apart (`8 oz.` ≠ `4 oz.`).
    public init(foldsDigits: Bool = true) {
        self.foldsDigits = foldsDigits
        self.mappings = ScalarMappings(foldsDigits: foldsDigits)
    }

    /// The normalized words of `paragraph` (its lines count as separated by white space).
    public func words(of paragraph: HeldLines) -> NormalizedWords {
        var result = NormalizedWords()
        // Words average several bytes: one allocation instead of a doubling series.
        result.wordHashes.reserveCapacity(paragraph.bytes.count / 4 + 1)
        var summary = Summary(keepsWordHashes: true, hashesText: true)
        paragraph.forEachContent { content in
            mappings.add(content, to: &summary, wordHashes: &result.wordHashes)
            summary.endWord(&result.wordHashes)
        }
        result.characterCount = summary.characterCount
        result.textHash = summary.textHash
        return result
    }

    /// The length and hash of the normalized text of `paragraph`, as ``words(of:)-(HeldLines)``
    /// gives them, without the word hashes (``NormalizedWords/wordHashes`` stays empty).
    func textSummary(of paragraph: HeldLines) -> NormalizedWords {
        var summary = Summary(keepsWordHashes: false, hashesText: true)
        var none: [UInt64] = []
        paragraph.forEachContent { content in
            mappings.add(content, to: &summary, wordHashes: &none)
            summary.endWord(&none)
        }
        return NormalizedWords(characterCount: summary.characterCount, textHash: summary.textHash)
    }

    /// The word hashes of `paragraph`, as ``words(of:)-(HeldLines)`` gives them, written to
    /// `wordHashes` (emptied first, its storage reused), and the length of its normalized text.
    /// Skips the text hash.
    func wordHashes(of paragraph: HeldLines, into wordHashes: inout [UInt64]) -> (characterCount: Int, wordCount: Int) {
        wordHashes.removeAll(keepingCapacity: true)
        var summary = Summary(keepsWordHashes: true, hashesText: false)
        paragraph.forEachContent { content in
            mappings.add(content, to: &summary, wordHashes: &wordHashes)
            summary.endWord(&wordHashes)
        }
        return (summary.characterCount, summary.wordCount)
    }

    /// The normalized words of one piece of text.
    public func words(of bytes: UnsafeRawBufferPointer) -> NormalizedWords {
        var result = NormalizedWords()
        var summary = Summary(keepsWordHashes: true, hashesText: true)
        mappings.add(bytes, to: &summary, wordHashes: &result.wordHashes)
        summary.endWord(&result.wordHashes)
        result.characterCount = summary.characterCount
        result.textHash = summary.textHash
        return result
    }

    /// The normalized text itself, words separated by single spaces (for tests and docs).
    public func normalize(_ text: String) -> String {
        var words: [String] = []
        var current: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard let mapped = mappings.mapping(of: scalar) else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current = [] }
                continue
            }
            current += mapped
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words.joined(separator: " ")
    }

    /// What has been normalized so far: the word being read, and the text up to it.
    private struct Summary {
        /// False when only the text's length and hash are wanted.
        let keepsWordHashes: Bool
        /// False when the text hash is not wanted.
        let hashesText: Bool
        var wordHash = TextNormalizer.fnvOffset
        /// The length of the word being read, in characters.
        var wordLength = 0
        /// The number of words ended so far.
        var wordCount = 0
        var characterCount = 0
        var textHash = TextNormalizer.fnvOffset

        init(keepsWordHashes: Bool, hashesText: Bool) {
            self.keepsWordHashes = keepsWordHashes
            self.hashesText = hashesText
        }

        @inline(__always)
        mutating func addByte(_ byte: UInt8) {
            wordHash = (wordHash ^ UInt64(byte)) &* TextNormalizer.fnvPrime
        }

        @inline(__always)
        mutating func endWord(_ wordHashes: inout [UInt64]) {
            guard wordLength > 0 else { return }
            if wordCount > 0 { characterCount += 1 }
            wordCount += 1
            if keepsWordHashes { wordHashes.append(wordHash) }
            characterCount += wordLength
            if hashesText {
                // Fold the word's hash into the text hash with one multiply-xorshift round:
                // the word hash already depends on every byte of the word, and the round is
                // not linear, so the order of the words counts. (Folding it in byte by byte,
                // as FNV-1a would, cost eight dependent multiplications a word.)
                var mixed = (textHash ^ wordHash) &* 0x9E37_79B9_7F4A_7C15
                mixed ^= mixed >> 29
                textHash = mixed
            }
            wordHash = TextNormalizer.fnvOffset
            wordLength = 0
        }
    }

    /// What each non-ASCII character becomes, worked out once per character and kept in a
    /// table of 256-character blocks, allocated as characters of a block turn up.
    private struct ScalarMappings {
        /// For each block of 256 scalars: 1 + its position in `blocks` (in blocks), or 0 when
        /// none of its characters has been seen. Empty until the first non-ASCII character.
        private var blockNumbers: [UInt16] = []
        /// The mappings of the blocks seen, 256 per block, as ``Entry`` values.
        private var blocks: [UInt64] = []
        /// The UTF-8 of mappings too long to be kept in their entry.
        private var longMappings: [UInt8] = []
        /// What an ASCII digit adds to `0` before it counts: 0xFF folds every digit into `0`.
        let asciiDigitMask: UInt8
        let foldsDigits: Bool

        init(foldsDigits: Bool) {
            self.foldsDigits = foldsDigits
            self.asciiDigitMask = foldsDigits ? 0 : 0x0F
        }

        /// A mapping packed in 64 bits: bits 0–1 its kind (0 not yet worked out, then
        /// ``Entry/separator``, ``Entry/removed`` or ``Entry/kept``), bit 2 set when its
        /// UTF-8 is in `longMappings`, bits 3–9 the length of its UTF-8, bits 10–15 the number
        /// of characters it is, bits 16–63 its UTF-8 (first byte lowest) or where it is in
        /// `longMappings`.
        private enum Entry {
            static let separator: UInt64 = 1
            static let removed: UInt64 = 2
            static let kept: UInt64 = 3
            static let isLong: UInt64 = 4
            /// The most UTF-8 bytes kept in the entry itself.
            static let shortLength = 6
        }

        /// Adds the normalized characters of `bytes` to `summary`.
        mutating func add(_ bytes: UnsafeRawBufferPointer, to summary: inout Summary, wordHashes: inout [UInt64]) {
            // A local copy, so that the loop keeps it in registers.
            var state = summary
            defer { summary = state }
            var index = 0
            let count = bytes.count
            while index < count {
                // ASCII, the common case, without decoding: what `computeMapping` gives for it
                // (the tests check that they agree). A run of letters and digits is read in a
                // loop of its own, which keeps the word's hash in a register.
                let digitMask = asciiDigitMask
                if let first = TextNormalizer.asciiWordByte(bytes[index], digitMask: digitMask) {
                    var hash = (state.wordHash ^ UInt64(first)) &* TextNormalizer.fnvPrime
                    let start = index
                    index += 1
                    while index < count, let next = TextNormalizer.asciiWordByte(bytes[index], digitMask: digitMask) {
                        hash = (hash ^ UInt64(next)) &* TextNormalizer.fnvPrime
                        index += 1
                    }
                    state.wordHash = hash
                    state.wordLength += index - start
                    continue
                }
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x20 || byte &- 0x09 < 5 { state.endWord(&wordHashes) }
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
                index += length
                let entry = self.entry(of: scalar)
                switch entry & 3 {
                case Entry.separator:
                    state.endWord(&wordHashes)
                case Entry.kept:
                    let byteCount = Int((entry >> 3) & 0x7F)
                    if entry & Entry.isLong == 0 {
                        var utf8 = entry >> 16
                        for _ in 0..<byteCount {
                            state.addByte(UInt8(truncatingIfNeeded: utf8))
                            utf8 >>= 8
                        }
                    } else {
                        let start = Int(entry >> 16)
                        for byte in longMappings[start..<start + byteCount] { state.addByte(byte) }
                    }
                    state.wordLength += Int((entry >> 10) & 0x3F)
                default:
                    break
                }
            }
        }

        /// What `scalar` becomes: nil separates words, otherwise the UTF-8 to keep (empty:
        /// removed).
        mutating func mapping(of scalar: Unicode.Scalar) -> [UInt8]? {
            let entry = self.entry(of: scalar)
            switch entry & 3 {
            case Entry.separator:
                return nil
            case Entry.kept:
                let byteCount = Int((entry >> 3) & 0x7F)
                if entry & Entry.isLong != 0 {
                    let start = Int(entry >> 16)
                    return Array(longMappings[start..<start + byteCount])
                }
                return (0..<byteCount).map { UInt8(truncatingIfNeeded: entry >> (16 + 8 * $0)) }
            default:
                return []
            }
        }

        private mutating func entry(of scalar: Unicode.Scalar) -> UInt64 {
            let value = Int(scalar.value)
            if blockNumbers.isEmpty { blockNumbers = [UInt16](repeating: 0, count: 0x1100) }
            var blockNumber = Int(blockNumbers[value >> 8])
            if blockNumber == 0 {
                blocks += repeatElement(0, count: 256)
                blockNumber = blocks.count / 256
                blockNumbers[value >> 8] = UInt16(blockNumber)
            }
            let slot = (blockNumber - 1) * 256 + (value & 0xFF)
            if blocks[slot] == 0 { blocks[slot] = makeEntry(TextNormalizer.computeMapping(of: scalar, foldsDigits: foldsDigits)) }
            return blocks[slot]
        }

        private mutating func makeEntry(_ mapped: [Unicode.Scalar]?) -> UInt64 {
            guard let mapped else { return Entry.separator }
            guard !mapped.isEmpty else { return Entry.removed }
            let utf8 = Array(mapped.map { String($0) }.joined().utf8)
            // One character becomes at most a few (case mapping and decomposition are short).
            precondition(utf8.count < 0x80 && mapped.count < 0x40, "mapping too long to pack")
            var entry = Entry.kept | UInt64(utf8.count) << 3 | UInt64(mapped.count) << 10
            if utf8.count <= Entry.shortLength {
                for (position, byte) in utf8.enumerated() { entry |= UInt64(byte) << (16 + 8 * position) }
            } else {
                entry |= Entry.isLong | UInt64(longMappings.count) << 16
                longMappings += utf8
            }
            return entry
        }
    }

    /// What an ASCII letter or digit becomes (lower case; a digit `0`, or itself when
    /// `digitMask` is 0x0F), or nil for any other byte.
    @inline(__always)
    static func asciiWordByte(_ byte: UInt8, digitMask: UInt8 = 0) -> UInt8? {
        let lowered = byte | 0x20
        if lowered &- UInt8(ascii: "a") < 26 { return lowered }
        if byte &- UInt8(ascii: "0") < 10 { return UInt8(ascii: "0") | (byte & digitMask) }
        return nil
    }

    /// What `scalar` becomes: nil separates words, otherwise the characters to keep (empty:
    /// removed).
    static func computeMapping(of scalar: Unicode.Scalar, foldsDigits: Bool = true) -> [Unicode.Scalar]? {
        // U+02BC, the modifier-letter apostrophe (Ukrainian, Belarusian), is an apostrophe.
        if scalar.value == 0x02BC { return [] }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return nil
        case .control where scalar.properties.isWhitespace:
            return nil
        case .decimalNumber:
            guard !foldsDigits, let value = scalar.properties.numericValue, value >= 0, value < 10 else { return ["0"] }
            return [Unicode.Scalar(UInt8(ascii: "0") + UInt8(value))]
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
