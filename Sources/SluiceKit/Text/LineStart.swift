/// Where a line's text starts for a rule anchored at its start: past the white space that a
/// leading `\h*` or `\s*` may take (ASCII white space, and the Unicode spaces PCRE2's `\h`
/// and, with Unicode properties, `\s` match: U+0085, U+00A0, U+1680, U+180E, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000).
enum LineStart {
    /// The offset of the first byte of `content` that is not leading white space.
    @inline(__always)
    static func textOffset(_ content: UnsafeRawBufferPointer) -> Int {
        var offset = 0
        while offset < content.count {
            let byte = content[offset]
            if byte == 0x20 || byte &- 0x09 < 5 {
                offset += 1
                continue
            }
            guard byte >= 0x80 else { break }
            let length = spaceLength(content, at: offset)
            guard length > 0 else { break }
            offset += length
        }
        return offset
    }

    /// The length in bytes of the white-space character at `offset`, or 0 when the character
    /// there is not white space (or is cut short by the end).
    static func spaceLength(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int {
        let count = bytes.count - offset
        guard count > 0 else { return 0 }
        let first = bytes[offset]
        if first == 0x20 || first &- 0x09 < 5 { return 1 }
        guard count >= 2 else { return 0 }
        let second = bytes[offset + 1]
        switch first {
        case 0xC2:
            return second == 0xA0 || second == 0x85 ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard count >= 3 else { return 0 }
            let third = bytes[offset + 2]
            switch (first, second) {
            case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
            case (0xE1, 0xA0): return third == 0x8E ? 3 : 0
            case (0xE2, 0x80): return third <= 0x8A && third >= 0x80 || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
            case (0xE2, 0x81): return third == 0x9F ? 3 : 0
            case (0xE3, 0x80): return third == 0x80 ? 3 : 0
            default: return 0
            }
        default:
            return 0
        }
    }
}
