/// One conservative reading of a pattern's source, shared by the prefilters that decide
/// which rules need not run on a line: ``RequiredLiterals`` (strings every match contains)
/// and ``lineStartPrefixes`` (strings every match begins with, at the start of the line, as
/// ``LineStartIndex`` looks them up).
///
/// Bytes are ASCII-lower-cased, so a reading holds for caseless and case-sensitive patterns
/// alike. Letters outside ASCII have case partners of other byte sequences: they end a
/// literal instead of joining it (in a prefix they stand as ``PrefixSet/nonASCII``). Under
/// PCRE2's Unicode caseless matching `k` and `s` also match `K` (U+212A) and `ſ` (U+017F):
/// the scans that use a reading treat a subject holding either specially.
///
/// What the reading does not understand (extended mode, `\Q…\E`, control verbs, conditions,
/// recursion, comments) gives nothing at all; anything it cannot pin down — classes,
/// escapes, optional or zero-width parts — only ends the literal or prefix it is in.
struct PatternSourceReading {
    /// At least one of these occurs in every subject the pattern matches; nil when no such
    /// requirement is known.
    var literals: [[UInt8]]?
    /// When every match starts at the start of the subject, after any white space (`^\h*…`,
    /// `^\s*…`, `^[ \t]*…`, `^…`): the strings the rest of the match begins with; nil
    /// otherwise.
    var lineStartPrefixes: PrefixSet?
    /// When every match starts at the start of the subject: the most characters other than
    /// white space (``LineWidth``) a subject it matches can have; nil when unbounded or
    /// unknown.
    var lineWidth: Int?

    /// Reads `pattern`'s source; nil when it uses syntax the reading leaves alone.
    init?(_ pattern: Pattern) {
        guard !pattern.flags.contains(.extended) else { return nil }
        var parser = Parser(scalars: Array(pattern.source.unicodeScalars))
        do {
            let reading = try parser.alternation(depth: 0)
            guard parser.isAtEnd else { return nil }
            literals = reading.literals
            lineStartPrefixes = reading.lineStart
            lineWidth = reading.restWidth
            if let prefixes = lineStartPrefixes, prefixes.members.contains(where: { $0.startsWithSpace }) {
                lineStartPrefixes = nil
            }
        } catch {
            return nil
        }
    }
}

/// The strings a match may begin with: every match starts with one of `members`.
///
/// A member is *open* when it is a whole match of what was read so far, so what follows
/// extends it; a *closed* member is only a prefix. The byte ``nonASCII`` stands for any
/// character outside ASCII (a letter with case partners, say), and ends its member.
struct PrefixSet: Equatable {
    /// One prefix: up to ``PrefixSet/maximumLength`` bytes, held inline (reading a rule file
    /// makes many of them).
    struct Member: Hashable {
        /// The bytes, first in the lowest byte of `low`, then on into `high`.
        private var low: UInt64 = 0
        private var high: UInt64 = 0
        /// How many bytes there are.
        private(set) var count: Int = 0
        var isOpen: Bool

        /// `bytes`, cut (and closed) at ``PrefixSet/maximumLength``, and after a
        /// ``PrefixSet/nonASCII``.
        init(bytes: [UInt8], isOpen: Bool) {
            self.isOpen = isOpen
            for byte in bytes where !append(byte) { break }
        }

        /// The bytes.
        var bytes: [UInt8] { (0..<count).map { self[$0] } }

        var isEmpty: Bool { count == 0 }

        subscript(index: Int) -> UInt8 {
            index < 8 ? UInt8(truncatingIfNeeded: low >> UInt64(index * 8)) : UInt8(truncatingIfNeeded: high >> UInt64((index - 8) * 8))
        }

        /// Adds a byte to an open member; false (and the member closed) when it cannot take
        /// more: it is full, or ends with ``PrefixSet/nonASCII``.
        @discardableResult
        mutating func append(_ byte: UInt8) -> Bool {
            guard count < PrefixSet.maximumLength, count == 0 || self[count - 1] != PrefixSet.nonASCII else {
                isOpen = false
                return false
            }
            if count < 8 { low |= UInt64(byte) << UInt64(count * 8) } else { high |= UInt64(byte) << UInt64((count - 8) * 8) }
            count += 1
            if byte == PrefixSet.nonASCII { isOpen = false }
            return true
        }

        /// This member followed by `next`: open as `next` is, unless cut short.
        func followed(by next: Member) -> Member {
            var result = self
            result.isOpen = next.isOpen
            for index in 0..<next.count where !result.append(next[index]) { break }
            return result
        }

        /// The first `length` bytes, closed when that cuts something off.
        func cut(to length: Int) -> Member {
            guard count > length else { return self }
            var result = Member(bytes: [], isOpen: false)
            for index in 0..<length { result.append(self[index]) }
            result.isOpen = false
            return result
        }

        /// The member, closed.
        var closed: Member {
            var result = self
            result.isOpen = false
            return result
        }

        /// True when the member begins with a character that a leading `\s*` could also
        /// take: such a prefix cannot be looked for after skipping white space.
        var startsWithSpace: Bool {
            guard !isEmpty else { return true }
            return bytes.withUnsafeBytes { LineStart.spaceLength($0, at: 0) > 0 }
        }
    }

    /// Stands for any byte of 0x80 or above: a character outside ASCII.
    static let nonASCII: UInt8 = 0xFF
    /// The longest member kept; longer ones are cut and closed.
    static let maximumLength = 16
    /// The most members kept; more are cut shorter until they fit.
    static let maximumMembers = 64

    var members: [Member]

    /// What an item that consumes nothing begins with: the empty string, open.
    static let empty = PrefixSet(members: [Member(bytes: [], isOpen: true)])

    /// The set for one character of these bytes (open), or for any of a few characters.
    static func characters(_ choices: [[UInt8]]) -> PrefixSet {
        PrefixSet(members: choices.map { Member(bytes: $0, isOpen: true) })
    }

    /// A character outside ASCII whose bytes depend on its case.
    static let caseDependent = PrefixSet(members: [Member(bytes: [nonASCII], isOpen: false)])

    /// After white space that the scan skips at the start of the text: the empty member
    /// stays open (nothing was consumed before the text), every other member ends.
    var afterSpace: PrefixSet {
        PrefixSet(members: members.map { $0.isEmpty ? $0 : $0.closed })
    }

    /// Every member closed: what follows no longer extends them (after a repeat, say).
    var closed: PrefixSet {
        PrefixSet(members: members.map(\.closed))
    }

    /// What `self` followed by `next` begins with; nil when that is unknown (an open empty
    /// member meets an unknown `next`).
    func then(_ next: PrefixSet?) -> PrefixSet? {
        if members.count == 1, members[0].isOpen, members[0].isEmpty { return next }
        var result: [Member] = []
        // Extending every member by every one of `next` could make too many to keep: then the
        // members that have bytes end where they are (still true prefixes).
        let extendsAll = members.count * (next?.members.count ?? 1) <= PrefixSet.maximumMembers
        result.reserveCapacity(members.count * (extendsAll ? next?.members.count ?? 1 : 1))
        for member in members {
            guard member.isOpen else {
                result.append(member)
                continue
            }
            guard let next, extendsAll || member.isEmpty else {
                guard !member.isEmpty else { return nil }
                result.append(member.closed)
                continue
            }
            for following in next.members { result.append(member.followed(by: following)) }
        }
        return PrefixSet.normalized(result)
    }

    /// What either may begin with.
    func union(_ other: PrefixSet?) -> PrefixSet? {
        guard let other else { return nil }
        return PrefixSet.normalized(members + other.members)
    }

    /// Nil when a closed member is empty (no requirement); while there are more than
    /// ``maximumMembers``, duplicates removed and members cut shorter; nil when the set
    /// cannot be made small enough.
    private static func normalized(_ members: [Member]) -> PrefixSet? {
        if members.contains(where: { $0.isEmpty && !$0.isOpen }) { return nil }
        var members = members
        var length = maximumLength
        while members.count > maximumMembers {
            var seen = Set<Member>()
            members = members.filter { seen.insert($0).inserted }
            guard members.count > maximumMembers else { break }
            guard length > 1 else { return nil }
            length /= 2
            members = members.map { $0.cut(to: length) }
        }
        return PrefixSet(members: members)
    }
}

extension PatternSourceReading {
    /// What a group, alternation or sequence of a pattern tells.
    fileprivate struct Reading {
        var literals: [[UInt8]]?
        /// What every match of this part begins with; nil when unknown.
        var prefixes: PrefixSet?
        /// For the top-level sequence only: the prefixes after a leading `^` and white space.
        var lineStart: PrefixSet?
        /// The most characters other than white space a match of this part covers; nil when
        /// unbounded.
        var width: Int?
        /// When every match of this part reaches the end of the subject (`…$`): the most
        /// characters other than white space it covers; nil otherwise.
        var endWidth: Int?
        /// The most characters other than white space the subject can have from where a match
        /// of this part starts to its end, when a match tells (it reaches the end, or looks
        /// ahead to it: `(?=[^\n]{0,200}$)`); nil otherwise. At the top level, for a sequence
        /// that begins with `^`: the bound on the whole line.
        var restWidth: Int?
    }

    private struct Unsupported: Error {}

    /// What one item of a pattern contributes to the literal run it stands in.
    private enum Item {
        /// One character: its bytes, or nil when it cannot be part of a caseless literal.
        case character([UInt8]?)
        /// One of a few ASCII characters (a small class such as `[Bb]`), lower-cased.
        case choice([[UInt8]])
        /// One white-space character (`\h`, `\s`, `[ \t]`, a space).
        case space
        /// Consumes something unknown (a class, `.`, `\w`, a back-reference).
        case unknown
        /// Consumes nothing (`\b`, a lookaround, an option setting).
        case zeroWidth
        /// `^` or `\A`: the start of the subject.
        case start
        /// `$`, `\z`, `\Z`: the end of the subject (a line has no newline inside).
        case end
        /// A back-reference or a call: it may consume any number of characters.
        case reference
        /// A group, with its own reading.
        case group(Reading)

        /// True for one white-space character, as a leading `\\h*` takes.
        var isSpace: Bool {
            switch self {
            case .space: return true
            case .character(let bytes): return bytes == [0x20] || bytes == [0x09]
            default: return false
            }
        }

        var prefixes: PrefixSet? {
            switch self {
            case .character(let bytes): return bytes.map { PrefixSet.characters([$0]) } ?? PrefixSet.caseDependent
            case .choice(let choices): return PrefixSet.characters(choices)
            case .space, .unknown, .reference: return nil
            case .zeroWidth, .start, .end: return .empty
            case .group(let reading): return reading.prefixes
            }
        }

        /// The most characters other than white space one match of the item covers.
        var width: Int? {
            switch self {
            case .character, .choice, .unknown: return isSpace ? 0 : 1
            case .space, .zeroWidth, .start, .end: return 0
            case .reference: return nil
            case .group(let reading): return reading.width
            }
        }
    }

    fileprivate struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        var isAtEnd: Bool { index >= scalars.count }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        /// Branches separated by `|`: any of them may match, so the union of their literals
        /// (nothing when a branch has none) and of their prefixes.
        mutating func alternation(depth: Int) throws -> Reading {
            var union: [[UInt8]] = []
            var allHaveLiterals = true
            var prefixMembers: [PrefixSet.Member]?
            var prefixesAreUnknown = false
            var lineStart: PrefixSet?
            var width: Int?
            var endWidth: Int?
            var restWidth: Int?
            var branches = 0
            while true {
                let branch = try sequence(depth: depth)
                width = branches == 0 ? branch.width : Parser.larger(width, branch.width)
                endWidth = branches == 0 ? branch.endWidth : Parser.larger(endWidth, branch.endWidth)
                restWidth = branches == 0 ? branch.restWidth : Parser.larger(restWidth, branch.restWidth)
                if let literals = branch.literals { union += literals } else { allHaveLiterals = false }
                if let branchPrefixes = branch.prefixes {
                    if branches == 0 { prefixMembers = branchPrefixes.members } else { prefixMembers?.append(contentsOf: branchPrefixes.members) }
                } else {
                    prefixMembers = nil
                    prefixesAreUnknown = true
                }
                // At the top level every branch must start at the line start.
                lineStart = branches == 0 ? branch.lineStart : lineStart?.union(branch.lineStart)
                branches += 1
                guard peek() == "|" else { break }
                index += 1
            }
            let prefixes = prefixesAreUnknown ? nil : prefixMembers.flatMap { PrefixSet(members: []).union(PrefixSet(members: $0)) }
            return Reading(
                literals: allHaveLiterals ? Parser.distinct(union) : nil, prefixes: prefixes,
                lineStart: lineStart, width: width, endWidth: endWidth, restWidth: restWidth)
        }

        /// The larger of two bounds; nil (unbounded) when either is.
        private static func larger(_ first: Int?, _ second: Int?) -> Int? {
            guard let first, let second else { return nil }
            return max(first, second)
        }

        /// The smaller of two bounds, nil being unbounded.
        private static func smaller(_ first: Int?, _ second: Int?) -> Int? {
            guard let first else { return second }
            guard let second else { return first }
            return min(first, second)
        }

        /// Items one after another: every one of them is required, so the most selective
        /// requirement among the literal runs and groups; the prefixes are those of the
        /// items in turn. At the top level (`depth` 0), a sequence that begins with `^` also
        /// gives its prefixes after that and the white space behind it (``Reading/lineStart``).
        private mutating func sequence(depth: Int) throws -> Reading {
            var best: [[UInt8]]?
            var run: [UInt8] = []
            func endRun() {
                if !run.isEmpty { best = Parser.better(best, [run]) }
                run = []
            }
            var prefixes: PrefixSet? = .empty
            var isAnchored = false
            var itemCount = 0
            // The width of the items so far (nil: unbounded), and the bound on the rest of the
            // subject found so far.
            var width: Int? = 0
            var restWidth: Int?
            var endWidth: Int?
            // Plain characters read but not yet added to `prefixes`.
            var pendingCharacters: [UInt8] = []
            while let scalar = peek(), scalar != "|", scalar != ")" {
                let item = try item()
                let (minimum, maximum) = try repetition()
                itemCount += 1
                // A group that bounds the rest from where it starts (a lookahead to the end,
                // `(?=[^\n]{0,200}$)`, say) bounds it from here, when it must match at least once.
                if case .group(let reading) = item, (minimum ?? 1) >= 1, let ahead = reading.restWidth, let sofar = width {
                    restWidth = Parser.smaller(restWidth, sofar + ahead)
                }
                width = Parser.repeatedWidth(item.width, maximum: minimum == nil ? 1 : maximum).flatMap { itemWidth in width.map { $0 + itemWidth } }
                endWidth = nil
                if minimum == nil {
                    if case .end = item { endWidth = width }
                    if case .group(let reading) = item, let groupEnd = reading.endWidth, let sofar = width, let itemWidth = reading.width {
                        endWidth = sofar - itemWidth + groupEnd
                    }
                }
                if depth == 0, itemCount == 1, case .start = item, minimum == nil {
                    isAnchored = true
                } else if prefixes?.members.contains(where: \.isOpen) ?? false {
                    if minimum == nil, case .character(let bytes?) = item, !(isAnchored && item.isSpace) {
                        // A run of plain characters extends the prefixes once, at its end.
                        pendingCharacters += bytes
                    } else {
                        prefixes = Parser.extend(prefixes, with: &pendingCharacters)
                        if let known = prefixes, known.members.contains(where: \.isOpen) {
                            if isAnchored, item.isSpace {
                                // White space (`^\h*`, `^\[?\h*`): the scan for the prefixes
                                // skips all of it at the start of the text, so nothing consumed
                                // yet stays nothing; after something, the prefix ends.
                                prefixes = known.afterSpace
                            } else {
                                prefixes = known.then(Parser.quantified(item.prefixes, minimum: minimum, maximum: maximum))
                            }
                        }
                    }
                }
                switch item {
                case .character(let bytes):
                    guard let bytes, minimum != 0 else {
                        endRun()
                        continue
                    }
                    run += bytes
                    // A repeated character may come more than once: the run cannot go on.
                    if minimum != nil { endRun() }
                case .choice, .space, .unknown, .zeroWidth, .start, .end, .reference:
                    endRun()
                case .group(let reading):
                    endRun()
                    if minimum != 0, let literals = reading.literals { best = Parser.better(best, literals) }
                }
            }
            endRun()
            prefixes = Parser.extend(prefixes, with: &pendingCharacters)
            restWidth = Parser.smaller(restWidth, endWidth)
            // At the top level, only a match that starts at the line start bounds the line.
            if depth == 0, !isAnchored { restWidth = nil }
            return Reading(
                literals: best, prefixes: depth == 0 ? nil : prefixes, lineStart: isAnchored ? prefixes : nil,
                width: width, endWidth: endWidth, restWidth: restWidth)
        }

        /// The width of an item matched at most `maximum` times (nil: unbounded).
        private static func repeatedWidth(_ width: Int?, maximum: Int?) -> Int? {
            guard let width else { return nil }
            guard let maximum else { return width == 0 ? 0 : nil }
            return width * maximum
        }

        /// `prefixes` followed by the characters of `pending`, which it empties.
        private static func extend(_ prefixes: PrefixSet?, with pending: inout [UInt8]) -> PrefixSet? {
            guard !pending.isEmpty else { return prefixes }
            defer { pending = [] }
            return prefixes?.then(.characters([pending]))
        }

        /// The prefixes of an item repeated `minimum`…`maximum` times (a nil `minimum`:
        /// once); nil when unknown.
        private static func quantified(_ prefixes: PrefixSet?, minimum: Int?, maximum: Int?) -> PrefixSet? {
            guard let minimum else { return prefixes }
            guard let prefixes else { return nil }
            if minimum == 0 { return PrefixSet.empty.union(maximum == 1 ? prefixes : prefixes.closed) }
            return minimum == 1 && maximum == 1 ? prefixes : prefixes.closed
        }

        /// The smallest and largest repetition counts of the quantifiers at the current
        /// position (0 and 1 for `?`, 0 and nil for `*`, …; nil largest: unbounded), or
        /// (nil, nil) when there is none.
        private mutating func repetition() throws -> (minimum: Int?, maximum: Int?) {
            var minimum: Int?
            var maximum: Int? = 1
            while let scalar = peek() {
                var count: Int
                var most: Int?
                switch scalar {
                case "?": count = 0; most = 1; index += 1
                case "*": count = 0; most = nil; index += 1
                case "+": count = 1; most = nil; index += 1
                case "{":
                    guard let braced = bracedQuantifier() else { return (minimum, minimum == nil ? nil : maximum) }
                    count = braced.minimum
                    most = braced.maximum
                default:
                    return (minimum, minimum == nil ? nil : maximum)
                }
                // Lazy `?` and possessive `+` after a quantifier change nothing here.
                if let modifier = peek(), modifier == "?" || modifier == "+" { index += 1 }
                if minimum == nil {
                    maximum = most
                } else if let previous = maximum, let most {
                    maximum = previous * most
                } else {
                    maximum = nil
                }
                minimum = minimum.map { $0 * count } ?? count
            }
            return (minimum, minimum == nil ? nil : maximum)
        }

        /// `{n}`, `{n,}`, `{n,m}` (and `{,m}`, spaces allowed, read as newer PCRE2 versions do):
        /// the counts; nil, with nothing consumed, when the brace is a literal one.
        private mutating func bracedQuantifier() -> (minimum: Int, maximum: Int?)? {
            var offset = 1
            var first = ""
            var second = ""
            var sawComma = false
            while let scalar = peek(offset), scalar != "}" {
                if ("0"..."9").contains(scalar) {
                    if sawComma { second.unicodeScalars.append(scalar) } else { first.unicodeScalars.append(scalar) }
                } else if scalar == "," {
                    sawComma = true
                } else if scalar != " " {
                    return nil
                }
                offset += 1
            }
            guard peek(offset) == "}", offset > 1 else { return nil }
            index += offset + 1
            let minimum = Int(first) ?? 0
            if !sawComma { return (minimum, minimum) }
            return (minimum, Int(second))
        }

        private mutating func item() throws -> Item {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\\": return try escape()
            case "[": return try characterClass()
            case "(": return try group()
            case ".": return .unknown
            case "^": return .start
            case "$": return .end
            case "?", "*", "+": throw Unsupported()
            default:
                if Parser.mayMatchASCIICaselessly(scalar) { return .unknown }
                return .character(Parser.literalBytes(scalar))
            }
        }

        private mutating func escape() throws -> Item {
            guard let scalar = peek() else { throw Unsupported() }
            index += 1
            switch scalar {
            case "Q": throw Unsupported()
            case "A": return .start
            case "z", "Z": return .end
            case "E", "b", "B", "G", "K": return .zeroWidth
            case "h", "s": return .space
            case "d":
                // With Unicode properties `\d` is any decimal digit: ASCII, or a character
                // outside ASCII.
                return .choice((0x30...0x39).map { [UInt8($0)] } + [[PrefixSet.nonASCII]])
            case "X":
                // An extended grapheme cluster: one character and any marks after it.
                return .reference
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
                return scalar == "g" || scalar == "k" ? .reference : .unknown
            case "c":
                guard peek() != nil else { throw Unsupported() }
                index += 1
                return .unknown
            default:
                if ("0"..."9").contains(scalar) {
                    // An octal code or a back-reference, however many digits PCRE2 reads.
                    skipDigits()
                    return .reference
                }
                if scalar.properties.isAlphabetic {
                    // Character types (\d \w \v …) and escapes of single characters
                    // (\n \t …): something, not a known literal.
                    return .unknown
                }
                if Parser.mayMatchASCIICaselessly(scalar) { return .unknown }
                return .character(Parser.literalBytes(scalar))
            }
        }

        /// True for a character outside ASCII that a case change can turn into ASCII, as
        /// PCRE2 matches `K` (U+212A) with `k` and `ſ` with `s`: its bytes tell nothing.
        static func mayMatchASCIICaselessly(_ scalar: Unicode.Scalar) -> Bool {
            guard !scalar.isASCII else { return false }
            // Greek, Cyrillic, and the Latin letters with accents but `İ`, `ı` and `ſ`: none
            // has an ASCII partner (known without asking for the case mappings, which are slow).
            let value = scalar.value
            if (0x0370...0x052F).contains(value) { return false }
            if (0x00C0...0x024F).contains(value), value != 0x0130, value != 0x0131, value != 0x017F { return false }
            let properties = scalar.properties
            guard properties.changesWhenCaseMapped || properties.changesWhenCaseFolded else { return false }
            let variants = [properties.lowercaseMapping, properties.uppercaseMapping, properties.titlecaseMapping]
            return variants.contains { $0.unicodeScalars.contains(where: \.isASCII) }
        }

        private mutating func skipDigits() {
            while let next = peek(), ("0"..."9").contains(next) { index += 1 }
        }

        /// A character class, `[` already read: a few characters written out one by one
        /// (`[Bb]`, `[·•|]`) are a ``Item/choice``; `[ \t]` is white space; any other class
        /// (negated, with ranges or character types) consumes something unknown.
        private mutating func characterClass() throws -> Item {
            var members: [Unicode.Scalar] = []
            var isSimple = true
            if peek() == "^" { index += 1; isSimple = false }
            if peek() == "]" { index += 1; isSimple = false }
            while let scalar = peek() {
                index += 1
                switch scalar {
                case "]":
                    guard isSimple else { return .unknown }
                    return Parser.classItem(members)
                case "\\":
                    guard let escaped = peek(), escaped != "Q" else { throw Unsupported() }
                    index += 1
                    if escaped == "t" || escaped == "h" || escaped == "s" {
                        members.append(" ")
                    } else if escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) {
                        members.append(escaped)
                    } else {
                        isSimple = false
                    }
                case "[":
                    isSimple = false
                    if let kind = peek(), kind == ":" || kind == "." || kind == "=" {
                        // A POSIX class such as [:alpha:]: up to its closing `:]`.
                        index += 1
                        while let next = peek(), !(next == kind && peek(1) == "]") { index += 1 }
                        guard peek() != nil else { throw Unsupported() }
                        index += 2
                    }
                case "-":
                    // A hyphen first or last is itself; elsewhere a range, not worth reading.
                    if members.isEmpty || peek() == "]" { members.append(scalar) } else { isSimple = false }
                default:
                    members.append(scalar)
                }
            }
            throw Unsupported()
        }

        /// A class of the characters `members` (a space standing for any white space): one
        /// of them, as their bytes (``PrefixSet/nonASCII`` for a letter outside ASCII).
        private static func classItem(_ members: [Unicode.Scalar]) -> Item {
            if members.allSatisfy({ $0 == " " || $0 == "\t" }) { return .space }
            guard !members.contains(" "), !members.contains("\t") else { return .unknown }
            var choices: [[UInt8]] = []
            for member in members {
                if mayMatchASCIICaselessly(member) { return .unknown }
                let bytes = literalBytes(member) ?? [PrefixSet.nonASCII]
                if !choices.contains(bytes) { choices.append(bytes) }
            }
            guard choices.count <= 12 else { return .unknown }
            if choices.count == 1, choices[0] != [PrefixSet.nonASCII] { return .character(choices[0]) }
            return .choice(choices)
        }

        /// A group, `(` already read.
        private mutating func group() throws -> Item {
            var isNegative = false
            var isLookaround = false
            var isLookbehind = false
            if peek() == "*" { throw Unsupported() }
            if peek() == "?" {
                index += 1
                guard let kind = peek() else { throw Unsupported() }
                switch kind {
                case ":", ">", "|":
                    index += 1
                case "=", "!":
                    isNegative = kind == "!"
                    isLookaround = true
                    index += 1
                case "<":
                    if let next = peek(1), next == "=" || next == "!" {
                        isNegative = next == "!"
                        isLookaround = true
                        isLookbehind = true
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
            let reading = try alternation(depth: 1)
            guard peek() == ")" else { throw Unsupported() }
            index += 1
            // A positive lookaround's text is in the subject too; a negative one's is not.
            // Either consumes nothing, so it adds nothing to the prefixes.
            if isNegative { return .zeroWidth }
            if isLookaround {
                let isAhead = !isLookbehind
                return .group(Reading(literals: reading.literals, prefixes: .empty, width: 0, restWidth: isAhead ? reading.restWidth : nil))
            }
            return .group(reading)
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
        /// `K` (U+212A) and `ſ` (U+017F): the scans pass every line holding those.
        static func literalBytes(_ scalar: Unicode.Scalar) -> [UInt8]? {
            if scalar.isASCII { return asciiBytes[Int(scalar.value)] }
            let properties = scalar.properties
            guard !properties.changesWhenCaseMapped, !properties.changesWhenCaseFolded else { return nil }
            return Array(String(scalar).utf8)
        }

        /// For each ASCII character, its one byte, lower-cased (made once: reading a rule
        /// file asks for thousands).
        private static let asciiBytes: [[UInt8]] = (0..<128).map { byte in
            [(0x41...0x5A).contains(byte) ? UInt8(byte + 32) : UInt8(byte)]
        }

        /// Of two requirements, the more selective: longer shortest literal, then fewer literals.
        static func better(_ first: [[UInt8]]?, _ second: [[UInt8]]) -> [[UInt8]] {
            guard let first else { return second }
            let firstShortest = first.lazy.map(\.count).min() ?? 0
            let secondShortest = second.lazy.map(\.count).min() ?? 0
            if secondShortest != firstShortest { return secondShortest > firstShortest ? second : first }
            return second.count < first.count ? second : first
        }

        static func distinct(_ literals: [[UInt8]]) -> [[UInt8]] {
            guard literals.count > 1 else { return literals }
            var seen = Set<[UInt8]>(minimumCapacity: literals.count)
            return literals.filter { seen.insert($0).inserted }
        }
    }
}
