/// One quote mark found in a paragraph.
public struct QuoteMark: Sendable, Equatable {
    /// Which line of the paragraph it is on (0-based).
    public let line: Int
    /// Its byte offset in that line's content.
    public let offset: Int
    /// Its length in bytes (two marks typed as one, `’’`, count as one mark).
    public let length: Int
    /// Its family.
    public let family: QuoteFamily
}

/// What pairing found in one paragraph.
public struct QuoteAnalysis: Sendable, Equatable {
    /// Openers that no closer of their family followed.
    public var unmatchedOpeners: [QuoteMark] = []
    /// Closers that came with no opener of their family open.
    public var unmatchedClosers: [QuoteMark] = []
    /// The family of the opener the paragraph starts with, if it starts with one (the sign
    /// of a quotation continued from the paragraph before).
    public var leadingOpener: QuoteFamily?
}

/// Pairs the quote marks of a paragraph, the way CommonMark decides whether a delimiter run
/// can open or close: from what stands before and after it (white space or a line edge,
/// punctuation, or a word character).
///
/// - A mark *can open* when a non-space follows it, and either no punctuation follows or
///   space or punctuation precedes it; it *can close* in the mirror case.
/// - Openers go on a stack; a closer pairs with the nearest open mark of its family
///   (openers of other families above it are left unmatched, openers of its own family
///   below it share the closer, as in Russian `«…«…»`).
/// - Marks that are not quotes are never reported: an apostrophe inside a word
///   (`Russia’s`, `don't`), after a word (`students' union`, `goin’`), before a digit
///   (`'90s`); a prime after a digit (`5'10"`, `12"`) when no quote of its family is open;
///   a double mark between two word characters.
/// - A guillemet with a space beside it and no word against it is French spacing
///   (`« Bonjour »`): `«` opens and `»` closes; elsewhere guillemets pair by their
///   neighbours like any mark, so German `»Danke«` and Russian `«Да»` work too.
/// - A mark alone between spaces opens, or closes when one of its family is open; left open
///   in the middle of a line (a ditto mark?) it is not reported.
/// - `’’`, `‘‘` and `''` count as one double mark.
public enum QuotePairing {
    private enum Neighbour { case space, punctuation, word }

    /// An opener on the stack, with what decides whether it may be reported when nothing
    /// closes it.
    private struct OpenMark {
        let mark: QuoteMark
        /// Alone between spaces in the middle of a line: a ditto mark or an inch sign, maybe.
        let isUnreportable: Bool
        /// An opener of the same family inside it was closed, and may have closed it too.
        var sharesCloser = false
    }

    /// Pairs the marks in the lines of one paragraph (line breaks count as spaces).
    ///
    /// Only the quote marks are looked at, each with the characters either side of it: the
    /// bytes between are skipped (a quote mark starts with one of a few bytes that never
    /// continue another character).
    public static func analyze(_ lines: [UnsafeRawBufferPointer]) -> QuoteAnalysis {
        var analysis = QuoteAnalysis()
        var stack: [OpenMark] = []
        // Per family: how many of its openers are on the stack, and how far up the stack its
        // openers already share a closer — so that no mark scans the whole stack, which made
        // a long paragraph of quotes quadratic.
        var openCount = [0, 0, 0, 0]
        var sharedBelow = [0, 0, 0, 0]
        var sawNonSpace = false
        for (lineIndex, line) in lines.enumerated() {
            let isLastLine = lineIndex == lines.count - 1
            var offset = 0
            while offset < line.count {
                let found = nextQuoteStart(in: line, from: offset)
                if !sawNonSpace { sawNonSpace = hasNonSpace(line, offset..<found) }
                guard found < line.count else { break }
                let (value, valueLength) = UTF8Scalar.scalar(line, at: found)
                guard case (var family, let glyph)? = QuoteMarks.classify(value) else {
                    if !value.properties.isWhitespace { sawNonSpace = true }
                    offset = found + valueLength
                    continue
                }
                // Two single marks typed for one double mark: '' ‘‘ ’’.
                var end = found + valueLength
                if family == .single, end < line.count {
                    let (next, nextLength) = UTF8Scalar.scalar(line, at: end)
                    if next == value {
                        family = .double
                        end += nextLength
                    }
                }
                offset = end
                let mark = QuoteMark(line: lineIndex, offset: found, length: end - found, family: family)
                let familyIndex = index(of: family)
                let isFirst = !sawNonSpace
                sawNonSpace = true
                // A line break counts as a space; the paragraph's edges as nothing.
                let before: Unicode.Scalar? = found > 0 ? scalar(in: line, before: found) : lineIndex > 0 ? " " : nil
                let after: Unicode.Scalar? = end < line.count ? UTF8Scalar.scalar(line, at: end).0 : isLastLine ? nil : " "
                let previous = kind(before)
                let next = kind(after)

                let isOpenInFamily = openCount[familyIndex] > 0
                if previous == .word, next == .word { continue }  // apostrophe, or a mark inside a word
                if family == .single || (family == .double && glyph == .neutral) {
                    if let before, isDigit(before), !isOpenInFamily { continue }  // a prime: 5'10", 12"
                }
                if family == .single, let after, isDigit(after), previous != .word { continue }  // '90s

                var canOpen = next != .space && (next != .punctuation || previous != .word)
                var canClose = previous != .space && (previous != .punctuation || next != .word)
                var isUnreportable = false
                if glyph == .angle, previous == .space || next == .space, previous != .word, next != .word {
                    // French spacing, « Bonjour », with no word against the mark: the glyph decides.
                    canOpen = value == "«" || value == "‹"
                    canClose = !canOpen
                } else if previous == .space, next == .space {
                    // A mark alone between spaces (`he said " You …"`): it opens unless one is open.
                    canOpen = !isOpenInFamily
                    canClose = isOpenInFamily
                    // Left open in the middle of a line it could be a ditto mark or an inch sign:
                    // only one at a line's edge may be reported.
                    isUnreportable = found > 0 && end < line.count
                }
                if canOpen, canClose { canOpen = !isOpenInFamily; canClose = isOpenInFamily }
                if canClose, family == .single, previous == .word, !isOpenInFamily {
                    continue  // students' union, goin’: an apostrophe, not a stray closer
                }
                if canClose, isOpenInFamily, let top = stack.lastIndex(where: { $0.mark.family == family }) {
                    analysis.unmatchedOpeners.append(contentsOf: stack[(top + 1)...].lazy.map(\.mark))
                    for popped in stack[top...] { openCount[index(of: popped.mark.family)] -= 1 }
                    stack.removeSubrange(top...)
                    for other in sharedBelow.indices { sharedBelow[other] = min(sharedBelow[other], stack.count) }
                    // An opener of the same family still open around this pair may share its
                    // closer, as Russian «…«…» does: if nothing else closes it, it is not stray.
                    for below in sharedBelow[familyIndex]..<stack.count where stack[below].mark.family == family {
                        stack[below].sharesCloser = true
                    }
                    sharedBelow[familyIndex] = stack.count
                } else if canOpen {
                    stack.append(OpenMark(mark: mark, isUnreportable: isUnreportable))
                    openCount[familyIndex] += 1
                    if isFirst { analysis.leadingOpener = family }
                } else if canClose {
                    analysis.unmatchedClosers.append(mark)
                }
            }
        }
        analysis.unmatchedOpeners.append(contentsOf: stack.lazy.filter { !$0.sharesCloser && !$0.isUnreportable }.map(\.mark))
        analysis.unmatchedOpeners.sort { ($0.line, $0.offset) < ($1.line, $1.offset) }
        return analysis
    }

    /// The offset of the first byte from `start` on that may begin a quote mark (see
    /// ``QuoteMarks/mayStartQuote(_:)``), or the line's length when there is none.
    private static func nextQuoteStart(in line: UnsafeRawBufferPointer, from start: Int) -> Int {
        var offset = start
        while offset < line.count, !QuoteMarks.mayStartQuote(line[offset]) { offset += 1 }
        return offset
    }

    /// True when a character of `line` in `range` (which starts and ends between
    /// characters) is not white space.
    private static func hasNonSpace(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let (value, length) = UTF8Scalar.scalar(line, at: offset)
            if !value.properties.isWhitespace { return true }
            offset += length
        }
        return false
    }

    /// The character that ends just before `offset` (which is not 0, and where a character
    /// starts: a byte that never continues another), as reading the line from its start
    /// decodes it: an invalid byte is U+FFFD on its own.
    private static func scalar(in line: UnsafeRawBufferPointer, before offset: Int) -> Unicode.Scalar {
        let last = line[offset - 1]
        if last < 0x80 { return Unicode.Scalar(last) }
        guard last & 0xC0 == 0x80 else { return "\u{FFFD}" }  // a lead byte cut short
        // A continuation byte: it belongs to the character of the lead byte before it if that
        // decodes to a character ending exactly here.
        var start = offset - 2
        while start >= 0, start > offset - 4, line[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, line[start] >= 0xC0 else { return "\u{FFFD}" }
        let (value, length) = UTF8Scalar.decode(line, at: start)
        return start + length == offset ? value : "\u{FFFD}"
    }

    private static func index(of family: QuoteFamily) -> Int {
        switch family {
        case .double: return 0
        case .single: return 1
        case .guillemet: return 2
        case .singleGuillemet: return 3
        }
    }

    private static func kind(_ scalar: Unicode.Scalar?) -> Neighbour {
        guard let scalar else { return .space }
        if scalar.properties.isWhitespace { return .space }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return .punctuation
        default:
            return .word
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }
}
