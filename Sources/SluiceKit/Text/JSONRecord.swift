/// Finds one top-level string field in a JSON object without decoding the rest, so that the
/// field can be replaced while every other byte of the record stays as it was.
///
/// The whole record is validated against the JSON grammar (RFC 8259): numbers of any size
/// are fine as they are never converted. When a key appears more than once, the last one
/// counts, as in `jq` and Python.
enum JSONRecord {
    /// Why the field could not be found. `column` is 1-based, in bytes.
    enum Failure: Error, Equatable {
        /// The record is not valid JSON.
        case invalid(message: String, column: Int)
        /// The record is valid JSON but not an object.
        case notAnObject
        /// The object has no such key.
        case missingField
        /// The key's value is not a string; `kind` says what it is.
        case notAString(kind: String)
    }

    /// The range of the field's string body (between its quotes) in `record`.
    static func stringField(_ field: [UInt8], in record: ArraySlice<UInt8>) throws(Failure) -> Range<Int> {
        var scanner = Scanner(bytes: record)
        scanner.skipSpace()
        guard scanner.peek == UInt8(ascii: "{") else {
            _ = try scanner.value(depth: 0)
            try scanner.end()
            throw .notAnObject
        }
        var found: Result<Range<Int>, Failure>?
        scanner.index += 1
        scanner.skipSpace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: "\"") else { throw scanner.invalid("expected a key in double quotes") }
                let key = try scanner.string()
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: ":") else { throw scanner.invalid("expected ':' after the key") }
                scanner.index += 1
                scanner.skipSpace()
                let valueStart = scanner.index
                let kind = try scanner.value(depth: 1)
                if isKey(record[key], field) {
                    found = kind == "string" ? .success(valueStart + 1..<scanner.index - 1) : .failure(.notAString(kind: kind))
                }
                scanner.skipSpace()
                if scanner.peek == UInt8(ascii: ",") {
                    scanner.index += 1
                    continue
                }
                guard scanner.peek == UInt8(ascii: "}") else { throw scanner.invalid("expected ',' or '}' after a value") }
                scanner.index += 1
                break
            }
        }
        try scanner.end()
        switch found {
        case .success(let range): return range
        case .failure(let failure): throw failure
        case nil: throw .missingField
        }
    }

    private static func isKey(_ raw: ArraySlice<UInt8>, _ field: [UInt8]) -> Bool {
        guard raw.contains(UInt8(ascii: "\\")) else { return raw.elementsEqual(field) }
        do {
            return try JSONString.decode(raw) == field
        } catch {
            return false
        }
    }

    /// A cursor over the record's bytes.
    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var index: Int
        static let maximumDepth = 512

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.index = bytes.startIndex
        }

        var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        func invalid(_ message: String) -> Failure {
            .invalid(message: index < bytes.endIndex ? message : message + ", found the end of the line",
                     column: index - bytes.startIndex + 1)
        }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        /// Checks that nothing but white space follows.
        mutating func end() throws(Failure) {
            skipSpace()
            if index < bytes.endIndex { throw invalid("unexpected text after the JSON value") }
        }

        /// Skips one value and says what it was.
        mutating func value(depth: Int) throws(Failure) -> String {
            guard depth < Scanner.maximumDepth else { throw invalid("values nest more than \(Scanner.maximumDepth) deep") }
            guard let first = peek else { throw invalid("expected a JSON value") }
            switch first {
            case UInt8(ascii: "\""):
                _ = try string()
                return "string"
            case UInt8(ascii: "{"):
                index += 1
                skipSpace()
                if peek == UInt8(ascii: "}") { index += 1; return "object" }
                while true {
                    skipSpace()
                    guard peek == UInt8(ascii: "\"") else { throw invalid("expected a key in double quotes") }
                    _ = try string()
                    skipSpace()
                    guard peek == UInt8(ascii: ":") else { throw invalid("expected ':' after the key") }
                    index += 1
                    skipSpace()
                    _ = try value(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { index += 1; continue }
                    guard peek == UInt8(ascii: "}") else { throw invalid("expected ',' or '}' after a value") }
                    index += 1
                    return "object"
                }
            case UInt8(ascii: "["):
                index += 1
                skipSpace()
                if peek == UInt8(ascii: "]") { index += 1; return "array" }
                while true {
                    skipSpace()
                    _ = try value(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { index += 1; continue }
                    guard peek == UInt8(ascii: "]") else { throw invalid("expected ',' or ']' after a value") }
                    index += 1
                    return "array"
                }
            case UInt8(ascii: "t"): try literal("true"); return "true"
            case UInt8(ascii: "f"): try literal("false"); return "false"
            case UInt8(ascii: "n"): try literal("null"); return "null"
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
                return "number"
            default:
                throw invalid("expected a JSON value")
            }
        }

        /// Skips a string and returns the range of its body.
        mutating func string() throws(Failure) -> Range<Int> {
            index += 1
            let start = index
            while let byte = peek {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return start..<index - 1
                case UInt8(ascii: "\\"):
                    index += 1
                    switch peek {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                         UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        index += 1
                        for _ in 0..<4 {
                            guard let digit = peek, isHexDigit(digit) else { throw invalid("\\u needs four hex digits") }
                            index += 1
                        }
                    default:
                        throw invalid("not a JSON escape")
                    }
                case 0..<0x20:
                    throw invalid("a control character in a string must be escaped")
                default:
                    index += 1
                }
            }
            throw invalid("unterminated string")
        }

        private func isHexDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }

        private mutating func literal(_ word: String) throws(Failure) {
            let start = index
            for expected in word.utf8 {
                guard peek == expected else {
                    index = start
                    throw invalid("expected a JSON value")
                }
                index += 1
            }
        }

        private mutating func number() throws(Failure) {
            if peek == UInt8(ascii: "-") { index += 1 }
            if peek == UInt8(ascii: "0") {
                index += 1
            } else {
                guard digits() > 0 else { throw invalid("expected a digit") }
            }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw invalid("expected a digit after '.'") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw invalid("expected a digit in the exponent") }
            }
        }

        private mutating func digits() -> Int {
            var count = 0
            while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                index += 1
                count += 1
            }
            return count
        }
    }
}
