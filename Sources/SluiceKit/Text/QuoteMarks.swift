/// The quote families Sluice pairs: a mark only pairs with a mark of its own family, but
/// any two marks of a family may pair (`“Hello,"` is a pair; scraped text mixes styles).
public enum QuoteFamily: Sendable, Hashable {
    /// `"` `“` `”` `„` `‟`, and `''` `‘‘` `’’` typed as one double mark.
    case double
    /// `'` `‘` `’` `‚` `‛`, and the backtick of TeX quotes (`` `…' ``; two of them, `` `` ``,
    /// open a double quotation).
    case single
    /// `«` `»`, French (`« … »`, spaces inside) and German/Danish (`»…«`).
    case guillemet
    /// `‹` `›`.
    case singleGuillemet
}

/// What a quote glyph suggests on its own, before its neighbours are looked at.
enum QuoteGlyph {
    /// Straight marks: either role.
    case neutral
    /// Normally opens (`“`, `‘`, `„`, `‚`): but `“` and `‘` also close German `„…“`.
    case opening
    /// Normally closes (`”`, `’`).
    case closing
    /// Guillemets open or close depending on the language (`«…»`, `»…«`): only the text
    /// around them tells which.
    case angle
}

/// The quote characters and their families.
enum QuoteMarks {
    /// The family and glyph of `scalar`, or nil when it is not a quote mark.
    static func classify(_ scalar: Unicode.Scalar) -> (family: QuoteFamily, glyph: QuoteGlyph)? {
        switch scalar.value {
        case 0x22: return (.double, .neutral)
        case 0x27: return (.single, .neutral)
        case 0x201C, 0x201E, 0x201F: return (.double, .opening)
        case 0x201D: return (.double, .closing)
        case 0x2018, 0x201A, 0x201B, 0x60: return (.single, .opening)
        case 0x2019: return (.single, .closing)
        case 0xAB, 0xBB: return (.guillemet, .angle)
        case 0x2039, 0x203A: return (.singleGuillemet, .angle)
        default: return nil
        }
    }

    /// True for bytes that start a quote mark's UTF-8 encoding: a cheap test that lets
    /// paragraphs without any quote skip the analysis.
    static func mayStartQuote(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x27 || byte == 0xE2 || byte == 0xC2 || byte == 0x60
    }

    /// True when a byte of `bytes` may start a quote mark (``mayStartQuote(_:)``), tested
    /// eight bytes at a time.
    static func containsQuoteStart(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if hasByte(word, 0x22) || hasByte(word, 0x27) || hasByte(word, 0xE2) || hasByte(word, 0xC2) || hasByte(word, 0x60) {
                return true
            }
            offset += 8
        }
        while offset < bytes.count {
            if mayStartQuote(bytes[offset]) { return true }
            offset += 1
        }
        return false
    }

    /// True when one of the eight bytes of `word` is `byte`: the bytes equal to it become
    /// zero, and subtracting 1 from each borrows into the top bit of a zero byte only.
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & (ones << 7) != 0
    }

    /// `content` without the quote marks (and the spaces and tabs around them) at its start
    /// and end, or nil when it has none there. Only marks that `quotes strip-stray` may remove
    /// count: `"` and the curly, low and angle marks, never `'` or `’` (apostrophes).
    static func trimmingEdgeQuotes(_ content: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        var start = 0
        var end = content.count
        var trimmed = false
        while start < end {
            if content[start] == 0x20 || content[start] == 0x09 {
                start += 1
            } else if let length = removableMarkLength(content, at: start, end: end) {
                start += length
                trimmed = true
            } else {
                break
            }
        }
        while end > start {
            if content[end - 1] == 0x20 || content[end - 1] == 0x09 {
                end -= 1
            } else if let length = removableMarkLength(endingAt: end, in: content, start: start) {
                end -= length
                trimmed = true
            } else {
                break
            }
        }
        return trimmed ? UnsafeRawBufferPointer(rebasing: content[start..<end]) : nil
    }

    /// The length of the removable quote mark starting at `offset`, if there is one.
    private static func removableMarkLength(_ content: UnsafeRawBufferPointer, at offset: Int, end: Int) -> Int? {
        let first = content[offset]
        if first == 0x22 { return 1 }
        if first == 0xC2, offset + 1 < end, content[offset + 1] == 0xAB || content[offset + 1] == 0xBB { return 2 }
        if first == 0xE2, offset + 2 < end, content[offset + 1] == 0x80, isRemovableCurlyTail(content[offset + 2]) { return 3 }
        return nil
    }

    /// The length of the removable quote mark ending just before `end`, if there is one.
    private static func removableMarkLength(endingAt end: Int, in content: UnsafeRawBufferPointer, start: Int) -> Int? {
        let last = content[end - 1]
        if last == 0x22 { return 1 }
        if end - 2 >= start, content[end - 2] == 0xC2, last == 0xAB || last == 0xBB { return 2 }
        if end - 3 >= start, content[end - 3] == 0xE2, content[end - 2] == 0x80, isRemovableCurlyTail(last) { return 3 }
        return nil
    }

    /// The last byte of `“ ” „ ‟ ‘ ‚ ‛ ‹ ›` (U+201C–U+201F, U+2018, U+201A, U+201B, U+2039,
    /// U+203A), all `E2 80 xx`; not `’` (U+2019, `99`).
    private static func isRemovableCurlyTail(_ byte: UInt8) -> Bool {
        (0x9C...0x9F).contains(byte) || byte == 0x98 || byte == 0x9A || byte == 0x9B || byte == 0xB9 || byte == 0xBA
    }
}
