/// Decoding one scalar at a time from raw bytes that may not be valid UTF-8.
enum UTF8Scalar {
    /// Decodes the non-ASCII scalar starting at `index`; an invalid sequence is U+FFFD and
    /// consumes one byte.
    static func decode(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        // Overlong forms and surrogates are invalid too.
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }

    /// Decodes the scalar at `index`, ASCII included.
    static func scalar(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar, Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (Unicode.Scalar(byte), 1) }
        return decode(bytes, at: index)
    }
}
