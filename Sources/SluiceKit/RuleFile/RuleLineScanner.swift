/// Reads the parts of one rule-file line left to right, keeping track of columns so that
/// every error can point at its place.
///
/// Steps use it to read their arguments: words, delimited patterns, flags and
/// `key=value` options. Columns count Unicode scalars, 1-based.
public struct RuleLineScanner {
    /// The file the line is in, as the user named it.
    public let file: String
    /// 1-based line number.
    public let lineNumber: Int
    /// The line's text, without its terminator.
    public let text: String
    private let scalars: [Unicode.Scalar]
    /// Index of the next unread scalar.
    public private(set) var position: Int = 0

    public init(file: String, lineNumber: Int, text: String) {
        self.file = file
        self.lineNumber = lineNumber
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    /// The location of scalar `index` on this line.
    public func location(at index: Int) -> SourceLocation {
        SourceLocation(file: file, line: lineNumber, column: index + 1)
    }

    /// An error pointing at scalar `index` (the current position when nil).
    public func error(_ message: String, at index: Int? = nil) -> RuleDiagnostic {
        RuleDiagnostic(message, at: location(at: index ?? position), sourceLine: text)
    }

    /// Skips spaces and tabs.
    public mutating func skipSpaces() {
        while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
    }

    /// True when nothing but spaces, or spaces and a `#` comment, is left.
    public mutating func isAtEnd() -> Bool {
        let before = position
        skipSpaces()
        if position >= scalars.count { return true }
        // A comment needs space before it, so `#` can still be a pattern delimiter.
        return scalars[position] == "#" && (position == 0 || position > before || scalars[position - 1] == " " || scalars[position - 1] == "\t")
    }

    /// Reads a run of non-space characters after any spaces; nil at the end of the line.
    public mutating func readWord() -> (text: String, column: Int)? {
        if isAtEnd() { return nil }
        let start = position
        while position < scalars.count, scalars[position] != " ", scalars[position] != "\t" { position += 1 }
        return (string(start..<position), start)
    }

    /// Reads the rest of the line after any spaces, trimmed at the end.
    public mutating func readRest() -> (text: String, column: Int) {
        skipSpaces()
        let start = position
        var end = scalars.count
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        position = scalars.count
        return (string(start..<end), start)
    }

    /// One section of a delimited argument.
    public struct Section {
        /// The section's text. In a pattern section escapes are kept as written (PCRE2 reads
        /// `\/` as `/`); in a replacement section `\` before the delimiter is removed.
        public let text: String
        /// Index of the section's first scalar on the line.
        public let start: Int
    }

    /// Reads `/pattern/` (one section) or `/pattern/replacement/` (two): any ASCII
    /// punctuation except `\` may delimit, and `\` escapes the delimiter inside a section.
    /// The first `patternSections` sections keep their escapes; later ones unescape the
    /// delimiter.
    public mutating func readDelimited(sections count: Int, patternSections: Int = 1) throws(RuleDiagnostic) -> [Section] {
        skipSpaces()
        guard position < scalars.count else {
            throw error("expected a pattern such as /text/ here")
        }
        let delimiter = scalars[position]
        // Printable ASCII that is neither a letter, a digit nor a backslash.
        let isDelimiter = (0x21...0x7E).contains(delimiter.value) && delimiter != "\\"
            && !delimiter.properties.isAlphabetic && !("0"..."9").contains(delimiter)
        guard isDelimiter else {
            throw error("'\(delimiter)' cannot delimit a pattern; use punctuation such as / | # ! or ,")
        }
        let opening = position
        position += 1
        var sections: [Section] = []
        for index in 0..<count {
            let start = position
            // UTF-8 bytes, turned into a string once: appending scalars to a string one by
            // one was a seventh of start-up.
            var text: [UInt8] = []
            var closed = false
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == "\\", position + 1 < scalars.count {
                    let next = scalars[position + 1]
                    if !(index >= patternSections && next == delimiter) { RuleLineScanner.append(scalar, to: &text) }
                    RuleLineScanner.append(next, to: &text)
                    position += 2
                    continue
                }
                if scalar == delimiter { closed = true; position += 1; break }
                RuleLineScanner.append(scalar, to: &text)
                position += 1
            }
            guard closed else {
                let what = count == 1 ? "pattern" : (index == 0 ? "pattern" : "replacement")
                throw error("unterminated \(what): no closing '\(delimiter)' for the '\(delimiter)' here", at: index == 0 ? opening : start - 1)
            }
            sections.append(Section(text: String(decoding: text, as: UTF8.self), start: start))
        }
        return sections
    }

    /// Appends the UTF-8 bytes of `scalar` to `bytes`.
    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.isASCII {
            bytes.append(UInt8(scalar.value))
        } else {
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
    }

    /// Reads flag letters right after a closing delimiter. `g` is accepted only when
    /// `allowGlobal` is true and is returned separately.
    public mutating func readFlags(
        allowGlobal: Bool, allowEdgeQuotes: Bool = false
    ) throws(RuleDiagnostic) -> (flags: PatternFlags, global: Bool, edgeQuotes: Bool) {
        var flags: PatternFlags = []
        var global = false
        var edgeQuotes = false
        while position < scalars.count, scalars[position] != " ", scalars[position] != "\t" {
            let letter = Character(scalars[position])
            if letter == "g", allowGlobal {
                global = true
            } else if letter == "q", allowEdgeQuotes {
                edgeQuotes = true
            } else if let known = PatternFlags.letters.first(where: { $0.letter == letter }) {
                flags.insert(known.flag)
            } else {
                let allowed = PatternFlags.letters.map { String($0.letter) }.joined() + (allowGlobal ? "g" : "") + (allowEdgeQuotes ? "q" : "")
                let hint = letter == "g" ? "; 'g' applies to replace only" : letter == "q" ? "; 'q' applies to drop only" : ""
                throw error("unknown flag '\(letter)' (flags are: \(allowed))\(hint)")
            }
            position += 1
        }
        return (flags, global, edgeQuotes)
    }

    /// Compiles a pattern section, turning a PCRE2 error into a diagnostic at the exact
    /// column PCRE2 reports.
    public func compile(_ section: Section, flags: PatternFlags) throws(RuleDiagnostic) -> Pattern {
        do {
            return try Pattern(section.text, flags: flags)
        } catch {
            throw self.error(error.message, at: section.start + scalarCount(in: section.text, beforeByte: error.offset))
        }
    }

    /// Checks a replacement section against its pattern.
    public func replacement(_ section: Section, for pattern: Pattern) throws(RuleDiagnostic) -> ReplacementTemplate {
        do {
            return try ReplacementTemplate(Array(section.text.utf8), for: pattern)
        } catch {
            // Escaped delimiters were unescaped, so past one the caret may sit a column early.
            throw self.error(error.message, at: section.start + scalarCount(in: section.text, beforeByte: error.offset))
        }
    }

    /// Reads the optional `as NAME` and checks that only a comment follows.
    /// - Returns: the name, if one was given.
    public mutating func finishRule() throws(RuleDiagnostic) -> String? {
        var name: String?
        if !isAtEnd() {
            let start = position
            guard let word = readWord(), word.text == "as" else {
                throw error("unexpected text after the rule; a rule may end with 'as NAME' or a # comment", at: start)
            }
            guard let label = readWord() else {
                throw error("expected a rule name after 'as'")
            }
            let valid = label.text.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0.properties.numericType != nil || "._-".unicodeScalars.contains($0)
            }
            guard valid else {
                throw error("a rule name may hold letters, digits, '.', '_' and '-' only", at: label.column)
            }
            name = label.text
        }
        if !isAtEnd() {
            throw error("unexpected text after the rule name", at: position)
        }
        return name
    }

    /// Reads `key=value` options to the end of the rule (stopping before `as NAME`).
    public mutating func readOptions() -> [(key: String, value: String, column: Int)] {
        var options: [(key: String, value: String, column: Int)] = []
        while true {
            let save = position
            guard let word = readWord() else { break }
            guard word.text != "as", let equals = word.text.firstIndex(of: "=") else {
                position = save
                break
            }
            options.append((String(word.text[..<equals]), String(word.text[word.text.index(after: equals)...]), word.column))
        }
        return options
    }

    private func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    private func scalarCount(in text: String, beforeByte offset: Int) -> Int {
        var bytes = 0
        var count = 0
        for scalar in text.unicodeScalars {
            if bytes >= offset { break }
            bytes += UTF8.width(scalar)
            count += 1
        }
        return count
    }
}
