import Foundation

/// SplitMix64: a small, fast generator whose whole state is one seed, so a failing case is
/// reproduced from the seed printed with it.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random documents shaped like scraped news pages: real-looking paragraphs, the junk lines
/// the default rules target, quotations (paired and stray), repeated ledes and paragraphs,
/// and the awkward bytes a byte-exact filter must carry: invalid UTF-8, CRLF, NUL, trailing
/// white space, a missing final newline.
struct ScrapedDocumentGenerator {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    static let sentences = [
        "Ukraine has been calling for an overall and unconditional 30-day cessation of hostilities.",
        "Russian President Vladimir Putin on Wednesday seemed to rule out the possibility of a general ceasefire.",
        "The council will vote again next week, officials said on Monday.",
        "Advertisement revenue rose 4% in May, the company reported.",
        "Share prices fell sharply after the announcement.",
        "Read more about the budget in our explainer, the editor wrote.",
        "Die Gespräche wurden am Dienstag in Istanbul fortgesetzt.",
        "Le ministre a déclaré que le « contre-bilan » serait publié jeudi.",
        "Премьер-министр заявил, что переговоры продолжатся.",
        "He stood 5'10\" tall and wore a 12\" beard, the '90s style.",
        "Rock 'n' roll is the students' union's favourite, goin’ home.",
        "Prices climbed 3.2% in the year to June, the fastest pace since 2008.",
        "The bridge sabotage caused a train to derail, killing seven people.",
        "Photography became popular in the 1850s.",
        "By Monday the talks had failed.",
    ]

    static let quotations = [
        "\"Why give them a reward by granting them relief from the fighting,\" Putin declared.",
        "“He called it ‘a good deal’ for both,” she said.",
        "« Bonjour », dit-il, „Hallo“ und »Danke«.",
        "Putin said the attack was \"aimed at preventing the negotiation process.",
        "The minister called it “a disaster” twice.”",
        "He told Cook. \" You guys are late,\" and left.",
        "“The talks went on.",
        "\" The talks ended at noon.",
        "They ended at noon. \"",
        "‘Never again, the mayor said.",
        "The Kyiv government \"does not need peace at all,\" says Putin.",
    ]

    static let junkLines = [
        "Advertisement", "ADVERTISEMENT", "Advertisement - Scroll to continue", "Sponsored",
        "Anzeige", "Реклама", "Story continues below advertisement",
        "Share", "Share this article:", "ShareTweet", "3 Shares", "Facebook Twitter Email",
        "Click to share on Twitter (Opens in new window)",
        "Read more: Trump calls talks with Putin no shortcut to peace",
        "Read also| Trump Dampens Russia-Ukraine Peace Prospects",
        "READ MORE: Markets slide as oil jumps",
        "See also: The ceasefire explained",
        "Related Articles", "Subscribe to our newsletter", "Sign up for our newsletter",
        "Cookie settings", "© 2025 The News Company. All rights reserved.",
        "https://example.com/news/2025/06/story.html",
    ]

    static let shortItems = ["Markets slide as oil jumps", "June 3, 2025", "Photo: Reuters", "Reuters", "—", "Photo:"]

    static let awkwardBytes: [[UInt8]] = [
        [0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF],
        [0x00], [0x0D], [0xEF, 0xBB, 0xBF], [0x09], [0x0C],
    ]

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &random)]
    }

    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    /// A paragraph's text, one line, possibly with awkward bytes spliced in.
    mutating func paragraphLine() -> [UInt8] {
        var text: [UInt8] = []
        for index in 0..<Int.random(in: 1...3, using: &random) {
            if index > 0 { text.append(UInt8(ascii: " ")) }
            text += Array((chance(30) ? pick(Self.quotations) : pick(Self.sentences)).utf8)
        }
        if chance(15) {
            let at = Int.random(in: 0...text.count, using: &random)
            text.insert(contentsOf: pick(Self.awkwardBytes), at: at)
        }
        return text
    }

    /// A lede printed a second time the ways scrapers print it: verbatim, behind a
    /// dateline, cut off with an ellipsis, or in other quote styles.
    mutating func copy(of line: [UInt8]) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return line
        case 1: return Array("KYIV (Reuters) — ".utf8) + line
        case 2: return Array(line.prefix(max(1, line.count * 2 / 3))) + Array("…".utf8)
        default: return Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: "\"", with: "“").utf8)
        }
    }

    /// One document: a list of lines (without terminators) joined with mixed terminators.
    mutating func document() -> [UInt8] {
        var lines: [[UInt8]] = []
        var paragraphs: [[UInt8]] = []
        for _ in 0..<Int.random(in: 0...14, using: &random) {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<45:
                let line = paragraphLine()
                paragraphs.append(line)
                lines.append(line)
                if chance(20) { lines.append(paragraphLine()) }  // a two-line paragraph
            case 45..<70:
                var junk = Array(pick(Self.junkLines).utf8)
                if chance(10) { junk = Array("  ".utf8) + junk }
                if chance(10) { junk += Array(pick(["”", "\"", "»"]).utf8) }  // a stray mark left by the scraper
                if chance(10) { junk = Array(pick(["“", "\"", "„"]).utf8) + junk }
                lines.append(junk)
                if junk == Array("Related Articles".utf8) {
                    for _ in 0..<Int.random(in: 0...3, using: &random) {
                        lines.append([])
                        lines.append(Array(pick(Self.shortItems).utf8))
                    }
                }
            case 70..<80:
                if let earlier = paragraphs.isEmpty ? nil : pick(paragraphs) { lines.append(copy(of: earlier)) }
            case 80..<88:
                lines.append(Array(pick(Self.shortItems).utf8))
            default:
                var awkward: [UInt8] = []
                for _ in 0..<Int.random(in: 1...4, using: &random) { awkward += pick(Self.awkwardBytes) }
                lines.append(awkward)
            }
            // Blank lines between paragraphs: none, one, several, some holding spaces.
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                lines.append(chance(15) ? Array(pick([" ", "\t", "  \t"]).utf8) : [])
            }
        }
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            bytes += line
            if chance(8) { bytes += Array(pick([" ", "\t", "   ", " \t "]).utf8) }
            if index == lines.count - 1, chance(20) { break }  // no final newline
            bytes += chance(15) ? [0x0D, 0x0A] : [0x0A]
        }
        return bytes
    }
}
