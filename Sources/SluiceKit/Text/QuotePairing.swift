/// How sure pairing is that an unmatched mark is a scraper's leftover, from how it sits in
/// its sentence (``QuotePairing`` decides it; `quotes strip-stray` acts on it).
public enum StrayEvidence: Sendable, Equatable {
    /// Unmatched, it is stray: an opener in the middle of a sentence (`was "aimed at`), a
    /// closer glued to a word in the middle of one (`aimed” at`), or a mark alone at a line's
    /// edge (`" The talks`, `noon. "`).
    case stray
    /// An opener that begins a full sentence, leading the paragraph or after a colon or a
    /// sentence end (`said: "Jose is`): the news convention for a quotation that goes on past
    /// the paragraph, or one the page cut off. Kept when the paragraph ends like a sentence.
    case opensSentence
    /// A closer right after a sentence end (`twice.”`): the end of a quotation that may have
    /// opened paragraphs before, so stray only in a document's first paragraph.
    case endsSentence
    /// Anything else (a mark against punctuation or a space, an arrow, a TeX opener): never
    /// removed.
    case unsure
}

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
    /// How sure it is that the mark, left unmatched, is stray.
    public var evidence: StrayEvidence = .unsure
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
    /// The guillemet families whose direction this paragraph leaves unsure: marks point
    /// both ways (some as in `»…«`, some as in `«…»`), or only one mark tells (an arrow,
    /// maybe). None of their marks is stray.
    public var unsureDirections: Set<QuoteFamily> = []
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
///   (`'90s`); a prime after a digit (`5'10"`, `12"`, `18‘‘`) when no quote of its family is
///   open; a double mark between two word characters with none open; a mark cited as itself
///   between brackets (`(")`).
/// - Guillemets point inward in German and Danish (`»Danke«`) and outward elsewhere
///   (`«Да»`, `« Bonjour »`): the text decides, never the glyph alone. `»` (or `›`) with a
///   word after it and none before opens; with a word before it, or space or punctuation on
///   both sides, it closes. `«` (or `‹`) with a word after it opens; with space or a line
///   edge before it and no word after, it opens too (French spacing); otherwise it closes.
/// - Next to Chinese, Japanese or Korean text, where no spaces stand around marks
///   (`他说：“这是…不同。”他`, `‘리벤지’의`), a curly mark's glyph decides, and a straight
///   mark closes when one of its family is open.
/// - A closer typed against the next word (`“enemies,”with`, `"gothic"ish`) or after a space
///   (`delays ”.`) closes when one of its family is open.
/// - A mark alone between spaces opens, or closes when one of its family is open; left open
///   in the middle of a line (a ditto mark?) it is not reported.
/// - `’’`, `‘‘`, `''` and TeX's `` `` `` count as one double mark.
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
        // Per guillemet family: how many marks pointed inward (`»…«`) and outward (`«…»`).
        var pointsInward = [0, 0, 0, 0]
        var pointsOutward = [0, 0, 0, 0]
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
                // Two single marks typed for one double mark: '' ‘‘ ’’ ``.
                var end = found + valueLength
                var isDoubled = false
                if family == .single, end < line.count {
                    let (next, nextLength) = UTF8Scalar.scalar(line, at: end)
                    if next == value {
                        family = .double
                        end += nextLength
                        isDoubled = true
                    }
                }
                offset = end
                let isBacktick = value == "`"
                if isBacktick, !isDoubled { continue }  // a lone backtick is an apostrophe or code
                let familyIndex = index(of: family)
                let isFirst = !sawNonSpace
                sawNonSpace = true
                // A line break counts as a space; the paragraph's edges as nothing.
                let before: Unicode.Scalar? = found > 0 ? scalar(in: line, before: found) : lineIndex > 0 ? " " : nil
                let after: Unicode.Scalar? = end < line.count ? UTF8Scalar.scalar(line, at: end).0 : isLastLine ? nil : " "
                let previous = kind(before)
                let next = kind(after)

                let isOpenInFamily = openCount[familyIndex] > 0
                if let before, let after, before.properties.generalCategory == .openPunctuation,
                   after.properties.generalCategory == .closePunctuation {
                    continue  // a mark cited as itself: double quotes (")
                }
                var canOpen: Bool
                var canClose: Bool
                var isUnreportable = false
                // After a space and before no word the mark says little: an arrow, a bullet,
                // French spacing, a closer typed after a space.
                let isLoose = previous == .space && next != .word
                if glyph == .angle {
                    let pointsLeft = value == "«" || value == "‹"
                    if pointsLeft {
                        canOpen = next == .word || previous == .space
                    } else {
                        if previous == .word, next == .word { continue }  // a»b: not a quote
                        canOpen = next == .word && previous != .word
                    }
                    canClose = !canOpen
                    // An opening « or a closing » points outward, the others inward. A loose one
                    // (« Bonjour », or an arrow: » Zum Angebot, Opinión ›) tells nothing.
                    if !isLoose {
                        if canOpen == pointsLeft { pointsOutward[familyIndex] += 1 } else { pointsInward[familyIndex] += 1 }
                    }
                } else if isCJK(before) || isCJK(after) {
                    // No spaces in CJK text: the glyph decides, a straight mark alternates.
                    if glyph == .neutral {
                        canOpen = !isOpenInFamily
                        canClose = isOpenInFamily
                    } else {
                        canOpen = glyph == .opening
                        canClose = glyph == .closing
                    }
                } else {
                    if previous == .word, next == .word {
                        // An apostrophe, or a mark inside a word; a double mark glued to the
                        // next word may end an open quotation ("gothic"ish).
                        guard family == .double, isOpenInFamily else { continue }
                    }
                    if family == .single || glyph == .neutral || isDoubled {
                        if let before, isDigit(before), !isOpenInFamily {
                            // A prime: 5'10", 12", 18‘‘. A double one may yet end a quotation
                            // opened paragraphs before (`"Sharing --` ⏎ `29 January 2013",`), so
                            // it is reported, never to be removed.
                            if family == .double {
                                analysis.unmatchedClosers.append(QuoteMark(line: lineIndex, offset: found, length: end - found, family: family))
                            }
                            continue
                        }
                    }
                    if family == .single, let after, isDigit(after), previous != .word { continue }  // '90s

                    canOpen = next != .space && (next != .punctuation || previous != .word)
                    canClose = previous != .space && (previous != .punctuation || next != .word)
                    if previous == .word, next == .word {
                        canOpen = false
                        canClose = true
                    } else if previous == .space, next == .space {
                        // A mark alone between spaces (`he said " You …"`): it opens unless one is open.
                        canOpen = !isOpenInFamily
                        canClose = isOpenInFamily
                        // Left open in the middle of a line it could be a ditto mark or an inch sign:
                        // only one at a line's edge may be reported.
                        isUnreportable = found > 0 && end < line.count
                    } else if isOpenInFamily, glyph != .opening,
                              previous == .space && (next == .punctuation || glyph == .closing)
                                || previous == .punctuation && next == .word && (glyph == .closing || isClauseEnd(before)) {
                        // A closer after a space (`delays ”.`) or glued to the next word
                        // (`“enemies,”with`).
                        canOpen = false
                        canClose = true
                    }
                }
                if canOpen, canClose {
                    // Before a comma or a full stop a mark closes (`(V5)",`), even one that pairs
                    // with nothing here: it may end a quotation opened paragraphs before.
                    canOpen = !isOpenInFamily && !(isClauseEnd(after) || after == ":")
                    canClose = !canOpen
                }
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
                } else if canOpen || canClose {
                    var evidence = StrayEvidence.unsure
                    if family == .single || isBacktick {
                        evidence = .unsure  // an apostrophe or ʿayn, maybe (isn ‘t, Siti ‘Aisyah)
                    } else if isLoose {
                        // Alone at a line's edge (`" The talks`, `noon. "`) it pairs with nothing;
                        // a paragraph of nothing but the mark is decoration, an arrow an arrow.
                        let atEdge = !hasNonSpace(line, 0..<found) || !hasNonSpace(line, end..<line.count)
                        let isWholeParagraph = isFirst && isLastLine && !hasNonSpace(line, end..<line.count)
                        if previous == .space, next == .space, atEdge, glyph != .angle, !isWholeParagraph { evidence = .stray }
                    } else if canOpen {
                        evidence = openerEvidence(lines, line: lineIndex, at: found, end: end, isFirst: isFirst)
                    } else if let before {
                        evidence = closerEvidence(line, before: before, after: end)
                    }
                    let mark = QuoteMark(line: lineIndex, offset: found, length: end - found, family: family, evidence: evidence)
                    if canOpen {
                        stack.append(OpenMark(mark: mark, isUnreportable: isUnreportable))
                        openCount[familyIndex] += 1
                        if isFirst { analysis.leadingOpener = family }
                    } else {
                        analysis.unmatchedClosers.append(mark)
                    }
                }
            }
        }
        // A guillemet's direction shows in how its pair sits: one alone (`›ATP`, `»Kreisau`)
        // may be an arrow, and marks pointing both ways leave it open which is the opener.
        for family in [QuoteFamily.guillemet, .singleGuillemet] {
            let inward = pointsInward[index(of: family)]
            let outward = pointsOutward[index(of: family)]
            if (inward > 0 && outward > 0) || inward + outward == 1 { analysis.unsureDirections.insert(family) }
        }
        analysis.unmatchedOpeners.append(contentsOf: stack.lazy.filter { !$0.sharesCloser && !$0.isUnreportable }.map(\.mark))
        analysis.unmatchedOpeners.sort { ($0.line, $0.offset) < ($1.line, $1.offset) }
        return analysis
    }

    /// How an opener that nothing closes sits in its sentence: it leads the paragraph, or
    /// follows a colon or a sentence end and a space, before a capital (`said: "Jose`); or it
    /// follows a word or a comma and a space (`was "aimed`). Anything else is unsure.
    private static func openerEvidence(
        _ lines: [UnsafeRawBufferPointer], line lineIndex: Int, at found: Int, end: Int, isFirst: Bool
    ) -> StrayEvidence {
        let line = lines[lineIndex]
        // The first letter or digit of the quotation, past opening punctuation (`“[…]Wenn`).
        var offset = end
        var first: Unicode.Scalar?
        for _ in 0..<4 where offset < line.count {
            let (value, length) = UTF8Scalar.scalar(line, at: offset)
            if value.properties.isWhitespace { break }
            if kind(value) == .word { first = value; break }
            offset += length
        }
        guard let first else { return .unsure }
        let opensSentence = !first.properties.isLowercase
        if isFirst { return opensSentence ? .opensSentence : .stray }
        guard found == 0 || kind(scalar(in: line, before: found)) == .space else { return .unsure }
        guard let last = lastNonSpace(lines, line: lineIndex, before: found) else { return .unsure }
        if last == ":" || last == "：" || isSentenceEnd(last) { return opensSentence ? .opensSentence : .stray }
        if kind(last) == .word || last == "," || last == ";" { return .stray }
        return .unsure
    }

    /// How a closer that closes nothing sits in its sentence: glued to a word, with the
    /// sentence going on in lower case after it (`aimed” at`); or right after a sentence end.
    private static func closerEvidence(_ line: UnsafeRawBufferPointer, before: Unicode.Scalar, after end: Int) -> StrayEvidence {
        let next: Unicode.Scalar? = end < line.count ? UTF8Scalar.scalar(line, at: end).0 : nil
        if isSentenceEnd(before), next.map({ $0.properties.isWhitespace }) ?? true { return .endsSentence }
        guard kind(before) == .word, let next, next.properties.isWhitespace else { return .unsure }
        var offset = end
        while offset < line.count, line[offset] == 0x20 || line[offset] == 0x09 { offset += 1 }
        guard offset < line.count, offset > end else { return .unsure }
        let word = UTF8Scalar.scalar(line, at: offset).0
        return word.properties.isLowercase ? .stray : .unsure
    }

    /// The last character before `offset` in `lines[lineIndex]`, or in the lines before it,
    /// that is not white space.
    private static func lastNonSpace(_ lines: [UnsafeRawBufferPointer], line lineIndex: Int, before offset: Int) -> Unicode.Scalar? {
        var lineIndex = lineIndex
        var offset = offset
        while true {
            let line = lines[lineIndex]
            while offset > 0 {
                // Back to the start of the character before `offset`.
                var start = offset - 1
                while start > 0, start > offset - 4, line[start] & 0xC0 == 0x80 { start -= 1 }
                let value = UTF8Scalar.scalar(line, at: start).0
                if !value.properties.isWhitespace { return value }
                offset = start
            }
            guard lineIndex > 0 else { return nil }
            lineIndex -= 1
            offset = lines[lineIndex].count
        }
    }

    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "…", "。", "！", "？": return true
        default: return false
        }
    }

    /// Punctuation that ends a clause, after which a mark glued to the next word closes.
    private static func isClauseEnd(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return isSentenceEnd(scalar) || scalar == "," || scalar == ";"
    }

    /// True for Chinese, Japanese and Korean characters and their punctuation: text written
    /// without spaces around quote marks.
    private static func isCJK(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        switch value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F,
             0x3130...0x318F, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
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
