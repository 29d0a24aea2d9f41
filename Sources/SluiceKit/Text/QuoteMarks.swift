/// The quote families Sluice pairs: a mark only pairs with a mark of its own family, but
/// any two marks of a family may pair (`“Hello,"` is a pair; scraped text mixes styles).
public enum QuoteFamily: Sendable, Hashable {
    /// `"` `“` `”` `„` `‟`, and `''` `‘‘` `’’` typed as one double mark.
    case double
    /// `'` `‘` `’` `‚` `‛`.
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
    /// Guillemets open or close depending on the language (`«…»`, `»…«`).
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
        case 0x2018, 0x201A, 0x201B: return (.single, .opening)
        case 0x2019: return (.single, .closing)
        case 0xAB, 0xBB: return (.guillemet, .angle)
        case 0x2039, 0x203A: return (.singleGuillemet, .angle)
        default: return nil
        }
    }

    /// True for bytes that start a quote mark's UTF-8 encoding: a cheap test that lets
    /// paragraphs without any quote skip the analysis.
    static func mayStartQuote(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x27 || byte == 0xE2 || byte == 0xC2
    }
}
