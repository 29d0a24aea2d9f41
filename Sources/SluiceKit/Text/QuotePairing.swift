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

    var offsetKey: [Int] { [line, offset] }
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

    private struct Scalar {
        let value: Unicode.Scalar
        let line: Int
        let offset: Int
        let length: Int
    }

    /// Pairs the marks in the lines of one paragraph (line breaks count as spaces).
    public static func analyze(_ lines: [UnsafeRawBufferPointer]) -> QuoteAnalysis {
        var scalars: [Scalar] = []
        for (lineIndex, line) in lines.enumerated() {
            if lineIndex > 0 { scalars.append(Scalar(value: " ", line: lineIndex, offset: 0, length: 0)) }
            var offset = 0
            while offset < line.count {
                let (value, length) = UTF8Scalar.scalar(line, at: offset)
                scalars.append(Scalar(value: value, line: lineIndex, offset: offset, length: length))
                offset += length
            }
        }
        return analyze(scalars)
    }

    private static func analyze(_ scalars: [Scalar]) -> QuoteAnalysis {
        var analysis = QuoteAnalysis()
        var stack: [QuoteMark] = []
        // Per family: how many of its openers are on the stack, and how far up the stack its
        // openers are already in `sharingCloser` — so that no mark scans the whole stack,
        // which made a long paragraph of quotes quadratic.
        var openCount: [QuoteFamily: Int] = [:]
        var sharedBelow: [QuoteFamily: Int] = [:]
        var sharingCloser: Set<[Int]> = []
        var unreportable: Set<[Int]> = []
        var sawNonSpace = false
        var index = 0
        while index < scalars.count {
            let current = scalars[index]
            guard case (var family, let glyph)? = QuoteMarks.classify(current.value) else {
                if !current.value.properties.isWhitespace { sawNonSpace = true }
                index += 1
                continue
            }
            // Two single marks typed for one double mark: '' ‘‘ ’’.
            var end = index + 1
            if family == .single, end < scalars.count, scalars[end].value == current.value, scalars[end].line == current.line {
                family = .double
                end += 1
            }
            let mark = QuoteMark(
                line: current.line, offset: current.offset,
                length: scalars[index..<end].reduce(0) { $0 + $1.length }, family: family)
            let start = index
            let isFirst = !sawNonSpace
            sawNonSpace = true
            let before = index > 0 ? scalars[index - 1].value : nil
            let after = end < scalars.count ? scalars[end].value : nil
            let previous = kind(before)
            let next = kind(after)
            index = end

            let isOpenInFamily = openCount[family, default: 0] > 0
            if previous == .word, next == .word { continue }  // apostrophe, or a mark inside a word
            if family == .single || (family == .double && glyph == .neutral) {
                if let before, isDigit(before), !isOpenInFamily { continue }  // a prime: 5'10", 12"
            }
            if family == .single, let after, isDigit(after), previous != .word { continue }  // '90s

            var canOpen = next != .space && (next != .punctuation || previous != .word)
            var canClose = previous != .space && (previous != .punctuation || next != .word)
            if glyph == .angle, previous == .space || next == .space, previous != .word, next != .word {
                // French spacing, « Bonjour », with no word against the mark: the glyph decides.
                canOpen = current.value == "«" || current.value == "‹"
                canClose = !canOpen
            } else if previous == .space, next == .space {
                // A mark alone between spaces (`he said " You …"`): it opens unless one is open.
                canOpen = !isOpenInFamily
                canClose = isOpenInFamily
                // Left open in the middle of a line it could be a ditto mark or an inch sign:
                // only one at a line's edge may be reported.
                let atEdge = start == 0 || scalars[start - 1].length == 0
                    || end >= scalars.count || scalars[end].length == 0
                if !atEdge { unreportable.insert(mark.offsetKey) }
            }
            if canOpen, canClose { canOpen = !isOpenInFamily; canClose = isOpenInFamily }
            if canClose, family == .single, previous == .word, !isOpenInFamily {
                continue  // students' union, goin’: an apostrophe, not a stray closer
            }
            if canClose, isOpenInFamily, let top = stack.lastIndex(where: { $0.family == family }) {
                analysis.unmatchedOpeners.append(contentsOf: stack[(top + 1)...])
                for popped in stack[top...] { openCount[popped.family, default: 0] -= 1 }
                stack.removeSubrange(top...)
                for key in sharedBelow.keys { sharedBelow[key] = min(sharedBelow[key, default: 0], stack.count) }
                // An opener of the same family still open around this pair may share its
                // closer, as Russian «…«…» does: if nothing else closes it, it is not stray.
                for open in stack[sharedBelow[family, default: 0]...] where open.family == family {
                    sharingCloser.insert(open.offsetKey)
                }
                sharedBelow[family] = stack.count
            } else if canOpen {
                stack.append(mark)
                openCount[family, default: 0] += 1
                if isFirst { analysis.leadingOpener = family }
            } else if canClose {
                analysis.unmatchedClosers.append(mark)
            }
        }
        analysis.unmatchedOpeners.append(contentsOf: stack.filter {
            !sharingCloser.contains($0.offsetKey) && !unreportable.contains($0.offsetKey)
        })
        analysis.unmatchedOpeners.sort { ($0.line, $0.offset) < ($1.line, $1.offset) }
        return analysis
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
