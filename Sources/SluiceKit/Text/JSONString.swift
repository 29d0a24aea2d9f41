/// The body of a JSON string (the bytes between its quotes), decoded and encoded exactly.
///
/// Decoding turns every escape (`\n`, `\"`, `\\`, `\/`, `\b`, `\f`, `\r`, `\t`, `\uXXXX`,
/// surrogate pairs included) into UTF-8; other bytes are copied as they are. Encoding is
/// minimal: it escapes only `"`, `\` and control characters (the short forms where JSON has
/// one, `\u00XX` otherwise) and writes everything else, non-ASCII included, as UTF-8.
enum JSONString {
    /// Why a string body could not be decoded; `offset` is where in the body.
    struct DecodingError: Error, Equatable {
        let message: String
        let offset: Int
    }

    /// The bytes `body` stands for.
    static func decode(_ body: ArraySlice<UInt8>) throws(DecodingError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(body.count)
        var index = body.startIndex
        func offset(_ position: Int) -> Int { position - body.startIndex }
        while index < body.endIndex {
            // Copy the run up to the next backslash whole.
            var runEnd = index
            while runEnd < body.endIndex, body[runEnd] != UInt8(ascii: "\\") {
                guard body[runEnd] >= 0x20 else {
                    throw DecodingError(message: "control character 0x\(hex(body[runEnd], digits: 2)) must be escaped", offset: offset(runEnd))
                }
                runEnd += 1
            }
            result.append(contentsOf: body[index..<runEnd])
            index = runEnd
            guard index < body.endIndex else { break }
            guard index + 1 < body.endIndex else {
                throw DecodingError(message: "the string ends in the middle of an escape", offset: offset(index))
            }
            let escaped = body[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escaped)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                let start = index - 2
                var scalar = try readHex(body, at: index, escapeStart: offset(start))
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 6 <= body.endIndex, body[index] == UInt8(ascii: "\\"), body[index + 1] == UInt8(ascii: "u"),
                          case let low = try readHex(body, at: index + 2, escapeStart: offset(index)),
                          (0xDC00...0xDFFF).contains(low)
                    else {
                        throw DecodingError(message: "\\u\(hex(UInt8(scalar >> 8), digits: 2))\(hex(UInt8(scalar & 0xFF), digits: 2)) is a high surrogate without its low half", offset: offset(start))
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw DecodingError(message: "\\u\(hex(UInt8(scalar >> 8), digits: 2))\(hex(UInt8(scalar & 0xFF), digits: 2)) is a low surrogate without its high half", offset: offset(start))
                }
                appendUTF8(scalar, to: &result)
            default:
                throw DecodingError(message: "'\\\(String(decoding: [escaped], as: UTF8.self))' is not a JSON escape", offset: offset(index - 2))
            }
        }
        return result
    }

    /// Appends the body of a JSON string holding `bytes` to `output`, escaping only what must be.
    static func encode(_ bytes: [UInt8], into output: inout [UInt8]) {
        output.reserveCapacity(output.count + bytes.count + 8)
        // Runs of bytes that need no escape are copied whole.
        var runStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(contentsOf: bytes[runStart..<index])
            runStart = index + 1
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            default: output.append(contentsOf: "u00\(hex(byte, digits: 2))".utf8)
            }
        }
        output.append(contentsOf: bytes[runStart...])
    }

    /// `text` as a complete JSON string, quotes included.
    static func quoted(_ text: String) -> String {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        encode(Array(text.utf8), into: &output)
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }

    private static func readHex(_ body: ArraySlice<UInt8>, at index: Int, escapeStart: Int) throws(DecodingError) -> UInt32 {
        guard index + 4 <= body.endIndex else {
            throw DecodingError(message: "\\u needs four hex digits", offset: escapeStart)
        }
        var value: UInt32 = 0
        for byte in body[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw DecodingError(message: "\\u needs four hex digits", offset: escapeStart)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output += [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        case 0x800..<0x10000:
            output += [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        default:
            output += [UInt8(0xF0 | scalar >> 18), UInt8(0x80 | scalar >> 12 & 0x3F),
                       UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        }
    }

    private static func hex(_ byte: UInt8, digits: Int) -> String {
        let text = String(byte, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
