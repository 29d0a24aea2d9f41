/// How many characters other than white space a line has, at least: what a rule anchored at
/// both ends of the line (`^\h*Advertisement\h*$`, or `^(?=[^\n]{0,200}$)…`) can be checked
/// against before it runs (``PatternSourceReading/lineWidth``).
///
/// The count never exceeds the true one, so a line it finds wider than a rule's bound is
/// wider in fact: it counts ASCII bytes other than white space, and two-byte characters
/// (Latin letters with accents, Greek, Cyrillic, Hebrew, Arabic) by their lead byte, except
/// C2, which U+00A0 and U+0085 share. Characters of three or four bytes are not counted
/// (some Unicode spaces are among them), which only makes the count smaller.
enum LineWidth {
    /// The count for `content`, or any number above `limit` once the count passes it. (A
    /// line of no more bytes than a bound has no more characters: callers need not count.)
    @inline(__always)
    static func count(_ content: UnsafeRawBufferPointer, upTo limit: Int) -> Int {
        guard let base = content.baseAddress else { return 0 }
        let count = content.count
        var counted = 0
        var offset = 0
        // Eight bytes at a time: ASCII 0x21–0x7F, plus lead bytes C0–DF but C2 (C0 and C1
        // never occur in valid UTF-8; a line with invalid bytes cannot match a bounded rule
        // at all, so counting them is safe).
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let highs: UInt64 = 0x8080_8080_8080_8080
        while offset + 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let ascii = ((word & lows) &+ 0x5F5F_5F5F_5F5F_5F5F) & ~word & highs
            let leadBits = (word & 0xE0E0_E0E0_E0E0_E0E0) ^ 0xC0C0_C0C0_C0C0_C0C0
            let twoByteLeads = ~(((leadBits & lows) &+ lows) | leadBits) & highs
            let c2Bits = word ^ 0xC2C2_C2C2_C2C2_C2C2
            let c2 = ~(((c2Bits & lows) &+ lows) | c2Bits) & highs
            // One bit 7 a counted byte (the two masks never share a byte; C2 is among the
            // leads): moved to bit 0 of each byte, the bytes are summed by one multiply.
            let lanes = ((ascii | twoByteLeads) & ~c2) >> 7
            counted += Int((lanes &* 0x0101_0101_0101_0101) >> 56)
            offset += 8
            if counted > limit { return counted }
        }
        while offset < count {
            counted &+= Int(isCounted[Int(content[offset])])
            offset += 1
        }
        return counted
    }

    /// 1 for the bytes that count, as in the eight-byte loop: 0x21–0x7F, and C0–DF but C2.
    private static let isCounted: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x21...0x7F, 0xC0, 0xC1, 0xC3...0xDF: return 1
        default: return 0
        }
    }
}
