/// Strings of which every match of a pattern contains at least one, found by reading the
/// pattern's source: a necessary condition that a cheap scan (``LiteralScanner``) can test
/// before the pattern runs. `^\h*(?:read|see)\h+also` gives `read` and `ee`; a subject
/// containing neither cannot match.
///
/// The literals are lower-cased ASCII, compared ASCII-caselessly, so they hold for caseless
/// and case-sensitive patterns alike. Letters outside ASCII have case partners of other byte
/// sequences: they end a literal instead of joining it. Under PCRE2's Unicode caseless
/// matching `k` and `s` also match `K` (U+212A) and `ſ` (U+017F): the scanner treats a
/// subject holding either as holding every literal.
///
/// The reading is conservative: what it does not understand (extended mode, `\Q…\E`,
/// control verbs, conditions, recursion, comments) gives no literals at all, and anything
/// it cannot pin down — classes, escapes, optional or zero-width parts — only ends the
/// literal run it is in.
struct RequiredLiterals {
    /// At least one of these occurs in every subject the pattern matches.
    let literals: [[UInt8]]

    /// The literals of `pattern`, or nil when it has no known requirement (some branch could
    /// match without any literal, or the source uses syntax this reading leaves alone).
    init?(_ pattern: Pattern) {
        guard !pattern.flags.contains(.extended) else { return nil }
        var parser = Parser(scalars: Array(pattern.source.unicodeScalars))
        do {
            guard let literals = try parser.alternation(), parser.isAtEnd else { return nil }
            self.literals = literals
        } catch {
            return nil
        }
    }

    /// The length of the shortest literal: how selective the requirement is.
    var shortestLength: Int { literals.map(\.count).min() ?? 0 }

    private struct Unsupported: Error {}

    /// What one item of a pattern contributes to the literal run it stands in.
    private enum Item {
        /// One character: its bytes, or nil when it cannot be part of a caseless literal.
        case character([UInt8]?)
        /// Consumes something unknown (a class, `.`, `\w`, a back-reference).
        case unknown
        /// Consumes nothing (`^`, `\b`, a lookaround, an option setting).
        case zeroWidth
        /// A group, with its own requirement.
        case group([[UInt8]]?)
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        var isAtEnd: Bool { index >= scalars.count }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        /// Branches separated by `|`: any of them may match, so the union of their literals,
        /// or nothing when a branch has none.
        mutating func alternation() throws -> [[UInt8]]? {
            var union: [[UInt8]] = []
            var allHaveLiterals = true
            while true {
                if let branch = try sequence() { union += branch } else { allHaveLiterals = false }
                guard peek() == "|" else { break }
                index += 1
            }
            return allHaveLiterals ? Parser.distinct(union) : nil
        }

        /// Items one after another: every one of them is required, so the most selective
        /// requirement among the literal runs and groups.
        private mutating func sequence() throws -> [[UInt8]]? {
            var best: [[UInt8]]?
            var run: [UInt8] = []
            func endRun() {
                if !run.isEmpty { best = Parser.better(best, [run]) }
                run = []
            }
            while let scalar = peek(), scalar != "|", scalar != ")" {
                let item = try item()
                let minimum = try repetitionMinimum()
                switch item {
                case .character(let bytes):
                    guard let bytes, minimum != 0 else {
                        endRun()
                        continue
                    }
                    run += bytes
                    // A repeated character may come more than once: the run cannot go on.
                    if minimum != nil { endRun() }
                case .unknown, .zeroWidth:
                    endRun()
                case .group(let literals):
                    endRun()
                    if minimum != 0, let literals { best = Parser.better(best, literals) }
                }
            }
            endRun()
            return best
        }

        /// The smallest repetition count of a quantifier at the current position (0 for `?`
        /// and `*`, 1 for `+`, n for `{n,…}`), or nil when there is none.
        private mutating func repetitionMinimum() throws -> Int? {
            var minimum: Int?
            while let scalar = peek() {
                var count: Int
                switch scalar {
                case "?", "*": count = 0; index += 1
                case "+": count = 1; index += 1
                case "{":
                    guard let braced = bracedQuantifierMinimum() else { return minimum }
                    count = braced
                default:
                    return minimum
                }
                // Lazy `?` and possessive `+` after a quantifier change nothing here.
                if let modifier = peek(), modifier == "?" || modifier == "+" { index += 1 }
                minimum = min(minimum ?? count, count)
            }
            return minimum
        }

        /// `{n}`, `{n,}`, `{n,m}` (and `{,m}`, spaces allowed, read as newer PCRE2 versions do):
        /// the minimum; nil, with nothing consumed, when the brace is a literal one.
        private mutating func bracedQuantifierMinimum() -> Int? {
            var offset = 1
            var digits = ""
            var sawComma = false
            while let scalar = peek(offset), scalar != "}" {
                if ("0"..."9").contains(scalar) {
                    if !sawComma { digits.unicodeScalars.append(scalar) }
                } else if scalar == "," {
                    sawComma = true
                } else if scalar != " " {
                    return nil
                }
                offset += 1
            }
            guard peek(offset) == "}", offset > 1 else { return nil }
            index += offset + 1
            return Int(digits) ?? 0
        }

        private mutating func item() throws -> Item {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\\": return try escape()
            case "[": try skipClass(); return .unknown
            case "(": return try group()
            case ".": return .unknown
            case "^", "$": return .zeroWidth
            case "?", "*", "+": throw Unsupported()
            default: return .character(Parser.literalBytes(scalar))
            }
        }

        private mutating func escape() throws -> Item {
            guard let scalar = peek() else { throw Unsupported() }
            index += 1
            switch scalar {
            case "Q": throw Unsupported()
            case "E", "b", "B", "A", "z", "Z", "G", "K": return .zeroWidth
            case "x", "o", "N", "p", "P", "g", "k":
                // An argument in braces or angle brackets, or a short one.
                if let open = peek(), "{<'".unicodeScalars.contains(open) {
                    let close: Unicode.Scalar = open == "{" ? "}" : open == "<" ? ">" : "'"
                    while let next = peek(), next != close { index += 1 }
                    guard peek() == close else { throw Unsupported() }
                    index += 1
                } else if scalar == "x" {
                    var digits = 0
                    while digits < 2, let next = peek(), next.properties.isASCIIHexDigit { index += 1; digits += 1 }
                } else if scalar == "g" {
                    if let next = peek(), next == "-" || next == "+" { index += 1 }
                    skipDigits()
                } else if scalar == "p" || scalar == "P" {
                    if peek() != nil { index += 1 }
                }
                return .unknown
            case "c":
                guard peek() != nil else { throw Unsupported() }
                index += 1
                return .unknown
            default:
                if ("0"..."9").contains(scalar) {
                    // An octal code or a back-reference, however many digits PCRE2 reads.
                    skipDigits()
                    return .unknown
                }
                if scalar.properties.isAlphabetic {
                    // Character types (\d \w \h \s …) and escapes of single characters
                    // (\n \t …): something, not a known literal.
                    return .unknown
                }
                return .character(Parser.literalBytes(scalar))
            }
        }

        private mutating func skipDigits() {
            while let next = peek(), ("0"..."9").contains(next) { index += 1 }
        }

        /// Skips a character class, `[` already read.
        private mutating func skipClass() throws {
            if peek() == "^" { index += 1 }
            if peek() == "]" { index += 1 }
            while let scalar = peek() {
                index += 1
                switch scalar {
                case "]": return
                case "\\":
                    guard let escaped = peek(), escaped != "Q" else { throw Unsupported() }
                    index += 1
                case "[":
                    if let kind = peek(), kind == ":" || kind == "." || kind == "=" {
                        // A POSIX class such as [:alpha:]: up to its closing `:]`.
                        index += 1
                        while let next = peek(), !(next == kind && peek(1) == "]") { index += 1 }
                        guard peek() != nil else { throw Unsupported() }
                        index += 2
                    }
                default:
                    break
                }
            }
            throw Unsupported()
        }

        /// A group, `(` already read.
        private mutating func group() throws -> Item {
            var isNegative = false
            if peek() == "*" { throw Unsupported() }
            if peek() == "?" {
                index += 1
                guard let kind = peek() else { throw Unsupported() }
                switch kind {
                case ":", ">", "|":
                    index += 1
                case "=", "!":
                    isNegative = kind == "!"
                    index += 1
                case "<":
                    if let next = peek(1), next == "=" || next == "!" {
                        isNegative = next == "!"
                        index += 2
                    } else {
                        try skipName(closingWith: ">")
                    }
                case "'":
                    try skipName(closingWith: "'")
                case "P":
                    guard peek(1) == "<" else { throw Unsupported() }
                    index += 1
                    try skipName(closingWith: ">")
                default:
                    // Option settings: (?i) (?-i) (?i:…); anything else (calls, conditions,
                    // comments, callouts) is left alone.
                    while let letter = peek(), "imnsUJ-^".unicodeScalars.contains(letter) { index += 1 }
                    guard let end = peek() else { throw Unsupported() }
                    index += 1
                    if end == ")" { return .zeroWidth }
                    guard end == ":" else { throw Unsupported() }
                }
            }
            let literals = try alternation()
            guard peek() == ")" else { throw Unsupported() }
            index += 1
            // A positive lookaround's text is in the subject too; a negative one's is not.
            return isNegative ? .zeroWidth : .group(literals)
        }

        /// Skips `<name>` or `'name'` of a named group (the opening mark at the current position).
        private mutating func skipName(closingWith close: Unicode.Scalar) throws {
            index += 1
            while let scalar = peek(), scalar != close { index += 1 }
            guard peek() == close else { throw Unsupported() }
            index += 1
        }

        /// The bytes `scalar` contributes to an ASCII-caseless literal, or nil when it matches
        /// other bytes caselessly (letters outside ASCII with case). `k` and `s` also match
        /// `K` (U+212A) and `ſ` (U+017F): ``LiteralScanner`` passes every line holding those.
        static func literalBytes(_ scalar: Unicode.Scalar) -> [UInt8]? {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                let lower = (0x41...0x5A).contains(byte) ? byte + 32 : byte
                return [lower]
            }
            let properties = scalar.properties
            guard !properties.changesWhenCaseMapped, !properties.changesWhenCaseFolded else { return nil }
            return Array(String(scalar).utf8)
        }

        /// Of two requirements, the more selective: longer shortest literal, then fewer literals.
        static func better(_ first: [[UInt8]]?, _ second: [[UInt8]]) -> [[UInt8]] {
            guard let first else { return second }
            let firstShortest = first.map(\.count).min() ?? 0
            let secondShortest = second.map(\.count).min() ?? 0
            if secondShortest != firstShortest { return secondShortest > firstShortest ? second : first }
            return second.count < first.count ? second : first
        }

        static func distinct(_ literals: [[UInt8]]) -> [[UInt8]] {
            var seen = Set<[UInt8]>()
            return literals.filter { seen.insert($0).inserted }
        }
    }
}
