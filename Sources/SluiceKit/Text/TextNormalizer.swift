import Foundation

/// A paragraph reduced to normalized words, each as a 64-bit hash.
public struct NormalizedWords: Equatable {
    /// One hash per normalized word, in order.
    public var wordHashes: [UInt64] = []
    /// The length of the normalized text in characters, single spaces between words included.
    public var characterCount = 0
    /// A hash of the whole normalized text: equal texts, equal hashes.
    public var textHash: UInt64 = TextNormalizer.textHashStart
}

/// What both dedupe steps need to know of a paragraph, worked out in one pass
/// (``TextNormalizer/normalizeParagraph(_:foldedWordHashes:hashesText:)``): its size, and
/// the hash of its normalized text with digits kept, the way `dedupe paragraphs` compares
/// paragraphs.
/// `dedupe ledes` works it out along with the digit-folded word hashes it compares by, and
/// hands it to a `dedupe paragraphs` after it (``NormalizedParagraphHandoff``), so each
/// paragraph is normalized once.
struct NormalizedParagraph: Equatable {
    /// The length of the normalized text in characters, single spaces between words included.
    var characterCount = 0
    /// How many normalized words it has.
    var wordCount = 0
    /// The hash of the normalized text with digits kept (``TextNormalizer/init(foldsDigits:)``
    /// false): `8 oz.` and `4 oz.` differ.
    var textHash: UInt64 = TextNormalizer.textHashStart
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
///
/// One pass gives both forms: a word's hash with digits kept is its digit-folded hash
/// combined with a hash of its digits (``WordHash``), so the two differ only in words that
/// have digits, and a pass pays for the second form only there.
public final class TextNormalizer {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3
    /// The text hash of a text with no words.
    static let textHashStart: UInt64 = fnvOffset

    private var mappings = ScalarMappings()
    /// Where a pass writes its word hashes: room for as many words as the text can have.
    private var wordBuffer = UnsafeMutableBufferPointer<UInt64>(start: nil, count: 0)
    /// True when every decimal digit becomes `0`; false when it becomes its ASCII digit.
    public let foldsDigits: Bool

    /// A normalizer; `foldsDigits` false keeps digits apart (`8 oz.` ≠ `4 oz.`).
    public init(foldsDigits: Bool = true) {
        self.foldsDigits = foldsDigits
    }

    deinit {
        wordBuffer.deallocate()
    }

    /// The normalized words of `paragraph` (its lines count as separated by white space).
    public func words(of paragraph: HeldLines) -> NormalizedWords {
        var result = NormalizedWords()
        let form: Summary.Form = foldsDigits ? .folded : .digitsKept
        let summary = normalize(paragraph, wordHashes: form, textHash: form, into: &result.wordHashes)
        result.characterCount = summary.characterCount
        result.textHash = summary.textHash
        return result
    }

    /// The size and text hash (digits kept) of `paragraph`, as `dedupe paragraphs` compares
    /// it, whatever ``foldsDigits`` says.
    func textSummary(of paragraph: HeldLines) -> NormalizedParagraph {
        var none: [UInt64] = []
        return normalize(paragraph, wordHashes: .unwanted, textHash: .digitsKept, into: &none)
    }

    /// Both forms of `paragraph` in one pass: its digit-folded word hashes, written to
    /// `foldedWordHashes` (emptied first, its storage reused), as `dedupe ledes` compares it;
    /// and its ``NormalizedParagraph`` (digits kept), as ``textSummary(of:)`` gives it, unless
    /// `hashesText` is false (the text hash is then left at its start value).
    func normalizeParagraph(_ paragraph: HeldLines, foldedWordHashes: inout [UInt64], hashesText: Bool = true) -> NormalizedParagraph {
        normalize(paragraph, wordHashes: .folded, textHash: hashesText ? .digitsKept : .unwanted, into: &foldedWordHashes)
    }

    /// The normalized words of one piece of text.
    public func words(of bytes: UnsafeRawBufferPointer) -> NormalizedWords {
        var result = NormalizedWords()
        let form: Summary.Form = foldsDigits ? .folded : .digitsKept
        var summary = Summary(wordHashes: form, textHash: form, into: reserveWords(bytes.count / 2 + 1))
        mappings.add(bytes, to: &summary)
        summary.endWord()
        result.wordHashes.append(contentsOf: UnsafeBufferPointer(start: wordBuffer.baseAddress, count: summary.wordCount))
        result.characterCount = summary.characterCount
        result.textHash = summary.textHash
        return result
    }

    /// One pass over `paragraph`: its word hashes in `wordHashes` form go to `words` (emptied
    /// first, its storage reused).
    private func normalize(
        _ paragraph: HeldLines, wordHashes: Summary.Form, textHash: Summary.Form, into words: inout [UInt64]
    ) -> NormalizedParagraph {
        words.removeAll(keepingCapacity: true)
        // A line of n bytes has at most (n + 1) / 2 words.
        let buffer = wordHashes == .unwanted ? nil : reserveWords(paragraph.bytes.count / 2 + paragraph.lineCount)
        var summary = Summary(wordHashes: wordHashes, textHash: textHash, into: buffer)
        paragraph.forEachContent { content in
            mappings.add(content, to: &summary)
            summary.endWord()
        }
        if let buffer { words.append(contentsOf: UnsafeBufferPointer(start: buffer, count: summary.wordCount)) }
        return NormalizedParagraph(characterCount: summary.characterCount, wordCount: summary.wordCount, textHash: summary.textHash)
    }

    /// Room for `count` word hashes in `wordBuffer`.
    private func reserveWords(_ count: Int) -> UnsafeMutablePointer<UInt64>? {
        if wordBuffer.count < count {
            wordBuffer.deallocate()
            wordBuffer = .allocate(capacity: max(count, 2 * wordBuffer.count, 256))
        }
        return wordBuffer.baseAddress
    }

    /// The normalized text itself, words separated by single spaces (for tests and docs).
    public func normalize(_ text: String) -> String {
        var words: [String] = []
        var current: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard let mapped = mappings.mapping(of: scalar, foldsDigits: foldsDigits) else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current = [] }
                continue
            }
            current += mapped
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words.joined(separator: " ")
    }

    /// How a word is hashed: its digit-folded UTF-8, eight bytes at a time, and apart from
    /// that its digits. The reference for the normalizer's fast paths (the tests hash the
    /// words of ``normalize(_:)`` with it).
    enum WordHash {
        /// The hash of one word whose digit-folded normalized UTF-8 is `folded` and whose
        /// digits (ASCII, in order) are `digits`, with digits kept or folded.
        static func of(folded: some Sequence<UInt8>, digits: some Sequence<UInt8>, keepsDigits: Bool) -> UInt64 {
            var hash = Hasher()
            for byte in folded { hash.add(UInt64(byte), count: 1) }
            var digitHash: UInt64 = 0
            for digit in digits { digitHash = addDigit(digit, to: digitHash) }
            let foldedHash = hash.finish()
            return keepsDigits ? withDigits(foldedHash, digitHash) : foldedHash
        }

        /// The digit-folded hash of a word being read: whole blocks of eight bytes are mixed
        /// into `blocks`, the bytes after them wait in `pending`.
        struct Hasher {
            var blocks = TextNormalizer.fnvOffset
            var pending: UInt64 = 0
            /// How many bytes wait in `pending` (0...7).
            var pendingCount = 0

            /// Appends the low `count` bytes of `value` (1...8; the bytes above them are 0),
            /// first byte lowest.
            @inline(__always)
            mutating func add(_ value: UInt64, count: Int) {
                let shift = pendingCount &<< 3
                pending |= value &<< UInt64(truncatingIfNeeded: shift)
                let total = pendingCount &+ count
                if total >= 8 {
                    blocks = WordHash.mix(blocks, pending)
                    pending = shift == 0 ? 0 : value &>> UInt64(truncatingIfNeeded: 64 &- shift)
                    pendingCount = total &- 8
                } else {
                    pendingCount = total
                }
            }

            /// The word's hash; the hasher starts over.
            @inline(__always)
            mutating func finish() -> UInt64 {
                // Mapped bytes are never 0, so the count in the top byte tells "a" from "a\0".
                var hash = WordHash.mix(blocks, pending | UInt64(truncatingIfNeeded: pendingCount) << 56)
                hash ^= hash >> 31
                blocks = TextNormalizer.fnvOffset
                pending = 0
                pendingCount = 0
                return hash
            }
        }

        /// One round of multiply-xorshift: not linear, so the order of the blocks counts.
        @inline(__always)
        static func mix(_ hash: UInt64, _ block: UInt64) -> UInt64 {
            let mixed = (hash ^ block) &* 0x9E37_79B9_7F4A_7C15
            return mixed ^ (mixed >> 29)
        }

        /// Adds an ASCII digit to a word's digit hash (0 before its first digit).
        @inline(__always)
        static func addDigit(_ digit: UInt8, to digitHash: UInt64) -> UInt64 {
            (digitHash ^ UInt64(digit)) &* TextNormalizer.fnvPrime
        }

        /// The hash with digits kept of a word whose folded hash is `folded`: the same when it
        /// has no digits (its two forms are the same text).
        @inline(__always)
        static func withDigits(_ folded: UInt64, _ digitHash: UInt64) -> UInt64 {
            digitHash == 0 ? folded : mix(folded, digitHash)
        }
    }

    /// What has been normalized so far: the word being read, and the text up to it.
    private struct Summary {
        /// Which form, if any, of each word's hash is wanted.
        enum Form { case unwanted, folded, digitsKept }
        let wordHashForm: Form
        let textHashForm: Form
        /// Where the word hashes go, with room for every word; nil when they are not wanted.
        let wordHashes: UnsafeMutablePointer<UInt64>?
        var word = WordHash.Hasher()
        /// The hash of the word's digits, 0 while it has none.
        var digitHash: UInt64 = 0
        /// The length of the word being read, in characters.
        var wordLength = 0
        /// The number of words ended so far.
        var wordCount = 0
        var characterCount = 0
        var textHash = TextNormalizer.textHashStart

        init(wordHashes form: Form, textHash: Form, into wordHashes: UnsafeMutablePointer<UInt64>?) {
            self.wordHashForm = wordHashes == nil ? .unwanted : form
            self.textHashForm = textHash
            self.wordHashes = wordHashes
        }

        // Not inlined: inlined where words end (three places), it had the loop shuffle copies
        // of its state through the stack, a quarter more instructions than the call.
        @inline(never)
        mutating func endWord() {
            guard wordLength > 0 else { return }
            // No overflow: the counts are bounded by the text's length.
            characterCount &+= wordLength &+ (wordCount > 0 ? 1 : 0)
            let folded = word.finish()
            let kept = WordHash.withDigits(folded, digitHash)
            if let wordHashes { wordHashes[wordCount] = wordHashForm == .folded ? folded : kept }
            wordCount &+= 1
            if textHashForm != .unwanted {
                // Fold the word's hash into the text hash with one multiply-xorshift round:
                // the round is not linear, so the order of the words counts.
                textHash = WordHash.mix(textHash, textHashForm == .folded ? folded : kept)
            }
            digitHash = 0
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

        /// A mapping packed in 64 bits, digits folded: bits 0–1 its kind (0 not yet worked
        /// out, then ``Entry/separator``, ``Entry/removed`` or ``Entry/kept``), bit 2 set when
        /// its UTF-8 is in `longMappings`, bits 3–9 the length of its UTF-8, bits 10–15 the
        /// number of characters it is, bits 16–55 its UTF-8 (first byte lowest) or where it is
        /// in `longMappings`; for a decimal digit (folded to `0`), bits 56–63 the ASCII digit
        /// it is when digits are kept.
        private enum Entry {
            static let separator: UInt64 = 1
            static let removed: UInt64 = 2
            static let kept: UInt64 = 3
            static let isLong: UInt64 = 4
            /// The most UTF-8 bytes kept in the entry itself.
            static let shortLength = 5
        }

        /// The eight-byte lanes' top bits.
        private static let highBits: UInt64 = 0x8080_8080_8080_8080

        /// Adds the normalized characters of `bytes` to `summary`.
        mutating func add(_ bytes: UnsafeRawBufferPointer, to summary: inout Summary) {
            guard let base = bytes.baseAddress else { return }
            // A local copy, so that the loop keeps it in registers.
            var state = summary
            defer { summary = state }
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                if byte < 0x80 {
                    // ASCII, the common case, without decoding: what `computeMapping` gives
                    // for it (the tests check that they agree).
                    let lowered = byte | 0x20
                    if lowered &- UInt8(ascii: "a") < 26 {
                        // Runs of letters, and single spaces between them, eight bytes at a
                        // time while they last.
                        while index &+ 8 <= count {
                            let block = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                            let letters = ScalarMappings.letterLanes(block)
                            let run = (~letters & ScalarMappings.highBits).trailingZeroBitCount &>> 3
                            if run == 0 { break }
                            let loweredBlock = block | 0x2020_2020_2020_2020
                            state.word.add(run == 8 ? loweredBlock : loweredBlock & ~(UInt64.max &<< UInt64(truncatingIfNeeded: run &<< 3)), count: run)
                            state.wordLength &+= run
                            index &+= run
                            if run < 8 {
                                // A space after the word, the common case in prose: the word
                                // ends and the next one is read in this loop too.
                                guard base.load(fromByteOffset: index, as: UInt8.self) == 0x20 else { break }
                                state.endWord()
                                index &+= 1
                            }
                        }
                        // The line's last few bytes, one at a time.
                        while index < count {
                            let next = base.load(fromByteOffset: index, as: UInt8.self) | 0x20
                            guard next &- UInt8(ascii: "a") < 26 else { break }
                            state.word.add(UInt64(next), count: 1)
                            state.wordLength &+= 1
                            index &+= 1
                        }
                        continue
                    }
                    index &+= 1
                    if byte &- UInt8(ascii: "0") < 10 {
                        state.word.add(UInt64(UInt8(ascii: "0")), count: 1)
                        state.digitHash = WordHash.addDigit(byte, to: state.digitHash)
                        state.wordLength &+= 1
                    } else if byte == 0x20 || byte &- 0x09 < 5 {
                        state.endWord()
                    }
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
                index &+= length
                let entry = self.entry(of: scalar)
                switch entry & 3 {
                case Entry.separator:
                    state.endWord()
                case Entry.kept:
                    let byteCount = Int((entry >> 3) & 0x7F)
                    if entry & Entry.isLong == 0 {
                        state.word.add((entry >> 16) & 0xFF_FFFF_FFFF, count: byteCount)
                        let digit = UInt8(truncatingIfNeeded: entry >> 56)
                        if digit != 0 { state.digitHash = WordHash.addDigit(digit, to: state.digitHash) }
                    } else {
                        let start = Int(entry >> 16)
                        for byte in longMappings[start..<start + byteCount] { state.word.add(UInt64(byte), count: 1) }
                    }
                    state.wordLength &+= Int((entry >> 10) & 0x3F)
                default:
                    break
                }
            }
        }

        /// The lanes of `block` that hold an ASCII letter, as their top bits.
        @inline(__always)
        static func letterLanes(_ block: UInt64) -> UInt64 {
            // Lower-cased and without its top bits, each lane is at most 0x7F, so adding
            // 0x1F (or 0x05) carries into its top bit exactly when it is at least `a` (or
            // past `z`), and never into the next lane.
            let lowered = (block | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
            let atLeastA = lowered &+ 0x1F1F_1F1F_1F1F_1F1F
            let pastZ = lowered &+ 0x0505_0505_0505_0505
            return atLeastA & ~pastZ & ~block & highBits
        }

        /// What `scalar` becomes: nil separates words, otherwise the UTF-8 to keep (empty:
        /// removed), digits folded to `0` or kept.
        mutating func mapping(of scalar: Unicode.Scalar, foldsDigits: Bool) -> [UInt8]? {
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
                let digit = UInt8(truncatingIfNeeded: entry >> 56)
                if digit != 0, !foldsDigits { return [digit] }
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
            if blocks[slot] == 0 { blocks[slot] = makeEntry(for: scalar) }
            return blocks[slot]
        }

        private mutating func makeEntry(for scalar: Unicode.Scalar) -> UInt64 {
            guard let mapped = TextNormalizer.computeMapping(of: scalar, foldsDigits: true) else { return Entry.separator }
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
            // Only decimal digits differ when digits are kept: each is one ASCII digit, noted
            // for every digit (`0` too), as the ASCII path notes it.
            if scalar.properties.generalCategory == .decimalNumber,
               let kept = TextNormalizer.computeMapping(of: scalar, foldsDigits: false) {
                precondition(kept.count == 1 && kept[0].isASCII && utf8 == [UInt8(ascii: "0")], "a digit is one ASCII digit")
                entry |= UInt64(kept[0].value) << 56
            }
            return entry
        }
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
