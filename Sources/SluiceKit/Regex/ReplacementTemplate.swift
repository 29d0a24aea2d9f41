/// A replacement text checked against its pattern before any input is read, so that a
/// reference to a group the pattern does not have is a rule error, not a failure mid-stream.
///
/// The syntax is PCRE2's plain substitution syntax: `$$` is a dollar sign, `$n` and `${n}`
/// insert group `n` (`$0` is the whole match), `$name` and `${name}` a named group, and
/// `$*MARK` or `${*MARK}` the last `(*MARK:…)` name. Every other byte is literal.
public struct ReplacementTemplate: Sendable {
    /// The replacement bytes, passed to PCRE2 as they are.
    public let bytes: [UInt8]

    /// Checks `bytes` against `pattern`'s groups.
    /// - Throws: ``PatternError`` whose offset is the byte offset of the bad `$` reference.
    public init(_ bytes: [UInt8], for pattern: Pattern) throws(PatternError) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$") else { index += 1; continue }
            let dollar = index
            index += 1
            guard index < bytes.count else {
                throw PatternError(code: 0, message: "'$' at the end of the replacement; write '$$' for a dollar sign", offset: dollar)
            }
            var braced = false
            if bytes[index] == UInt8(ascii: "$") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "{") { braced = true; index += 1 }
            let isMark = index < bytes.count && bytes[index] == UInt8(ascii: "*")
            if isMark { index += 1 }
            let nameStart = index
            // PCRE2 reads a number as digits only (`$12abc` is group 12, then `abc`).
            let isNumber = index < bytes.count && ReplacementTemplate.isDigit(bytes[index]) && !isMark
            while index < bytes.count,
                  isNumber ? ReplacementTemplate.isDigit(bytes[index]) : ReplacementTemplate.isWordByte(bytes[index]) {
                index += 1
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            if braced {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else {
                    throw PatternError(code: 0, message: "'${' without a closing '}' in the replacement", offset: dollar)
                }
                index += 1
            }
            guard !name.isEmpty else {
                throw PatternError(code: 0, message: "'$' must be followed by a group number, a group name or '$'", offset: dollar)
            }
            if isMark { continue }
            if let number = Int(name) {
                guard number <= pattern.captureCount else {
                    throw PatternError(code: 0, message: "the pattern has no group \(number) (it has \(pattern.captureCount))", offset: dollar)
                }
            } else if !pattern.groupNames.contains(name) {
                throw PatternError(code: 0, message: "the pattern has no group named '\(name)'", offset: dollar)
            }
        }
        self.bytes = bytes
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
