import Foundation
@testable import SluiceKit
import Testing

/// The drop prefilter (``DropPrefilter``: line-start index, literal scan, width bound) must
/// never change what the rules do: PCRE2 running every rule on every line is the reference
/// (`Pipeline(usesPrefilter: false)`). Checked on every corpus the tests have, on the shipped
/// rules' examples in many spellings, and on random rules and lines built to match them.
@Suite struct DropPrefilterDifferentialTests {
    /// Output and every step's statistics, with and without the prefilter.
    private static func expectSame(_ rules: RuleSet, _ input: [UInt8], _ label: @autoclosure () -> String) {
        let fast = Pipeline(rules: rules)
        let reference = Pipeline(rules: rules, usesPrefilter: false)
        let fastOutput = fast.clean(input)
        let referenceOutput = reference.clean(input)
        #expect(fastOutput == referenceOutput, "\(label()): output differs with the prefilter")
        #expect(
            fast.statistics.steps.map(\.linesRemoved) == reference.statistics.steps.map(\.linesRemoved),
            "\(label()): lines removed per step differ with the prefilter")
    }

    /// The first of `lines` that comes out differently with the prefilter, each cleaned as
    /// a document of its own (so that no paragraph step ties them together).
    private static func firstLineCleanedDifferently(_ rules: RuleSet, _ lines: [[UInt8]]) -> [UInt8]? {
        let fast = Pipeline(rules: rules)
        let reference = Pipeline(rules: rules, usesPrefilter: false)
        return lines.first { fast.clean($0 + [0x0A]) != reference.clean($0 + [0x0A]) }
    }

    private static func files(in folder: String, suffix: String) -> [String] {
        let path = PackagePaths.fixtures + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { path + "/" + $0 }
    }

    @Test func theDefaultRulesDoTheSameOnTheDevCorpus() throws {
        let rules = try RuleLoader().loadDefault()
        let pages = Self.files(in: "dev-corpus", suffix: ".labels")
        #expect(pages.count == 60)
        for page in pages {
            // The raw lines, without the labels.
            let text = try String(contentsOfFile: page, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", maxSplits: 1).dropFirst().first ?? "" }
            Self.expectSame(rules, Array(lines.joined(separator: "\n").utf8), page)
        }
    }

    @Test func theDefaultRulesDoTheSameOnTheProseCorpusInBothLayouts() throws {
        let rules = try RuleLoader().loadDefault()
        let documents = Self.files(in: "prose-corpus", suffix: ".txt")
        #expect(documents.count > 600)
        for document in documents {
            let bytes = try PackagePaths.read(document)
            Self.expectSame(rules, bytes, document)
            // One paragraph a line, as in JSONL corpora.
            let joined = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
            Self.expectSame(rules, Array(joined.utf8), document + " (no blank lines)")
        }
    }

    @Test func theDefaultRulesDoTheSameOnGeneratedScrapes() throws {
        let rules = try RuleLoader().loadDefault()
        var generator = ScrapedDocumentGenerator(seed: 14)
        for number in 0..<200 {
            Self.expectSame(rules, generator.document(), "generated document \(number) (seed 14)")
        }
    }

    /// Every example line of the shipped rules, in the spellings a prefilter could get wrong:
    /// other cases, `ſ` for `s` and the Kelvin sign for `k` (PCRE2 matches them caselessly),
    /// behind quote marks and Unicode spaces, with trailing space, CRLF, an invalid byte.
    @Test func theShippedExamplesDoTheSameInManySpellings() throws {
        var lines: [[UInt8]] = []
        for name in RuleLoader.builtInFiles.keys.sorted() {
            for step in try RuleLoader().load([.embedded(name)]).steps {
                for example in step.examples {
                    lines += Self.spellings(of: example.input)
                }
            }
        }
        #expect(lines.count > 5000)
        let rules = try RuleLoader().loadDefault()
        // One line a document, then all of them as one document.
        if let line = Self.firstLineCleanedDifferently(rules, lines) {
            Issue.record("differs with the prefilter: \(String(decoding: line, as: UTF8.self).debugDescription)")
        }
        Self.expectSame(rules, Array(lines.joined(separator: [0x0A])), "all example spellings")
    }

    static func spellings(of text: String) -> [[UInt8]] {
        let swapped = text.map { $0.isUppercase ? $0.lowercased() : $0.uppercased() }.joined()
        let variants = [
            text, text.uppercased(), text.lowercased(), swapped,
            text.replacingOccurrences(of: "s", with: "ſ"),
            text.replacingOccurrences(of: "k", with: "\u{212A}"),
            "“" + text + "”", "\u{00A0}" + text, "\u{3000}" + text, "\t " + text + "  ",
            "» " + text, text + "\r",
        ]
        var result = variants.map { Array($0.utf8) }
        result.append(Array(text.utf8) + [0xFF])
        result.append([0xC3] + Array(text.utf8))
        return result
    }

    /// Random rules of the shapes the prefilter reads (anchors, leading space, alternations,
    /// optional groups, classes, `\d`, lookaheads to the end, `$`), and lines made from their
    /// own pieces so that many match: the prefilter must let through every line PCRE2 drops.
    @Test(arguments: 1...6)
    func randomRulesDoTheSame(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for round in 0..<60 {
            var ruleLines: [String] = []
            var samples: [String] = []
            for number in 0..<Int.random(in: 5...12, using: &random) {
                let (pattern, sample) = RandomRule.make(using: &random)
                let flags = ["i", "iq", "", "q"].randomElement(using: &random)!
                ruleLines.append("drop /\(pattern)/\(flags) as r\(number)")
                samples += sample
            }
            let ruleSet: RuleSet
            do {
                ruleSet = try rules(ruleLines.joined(separator: "\n"))
            } catch {
                Issue.record("seed \(seed) round \(round): a generated rule does not compile: \(error)\n\(ruleLines.joined(separator: "\n"))")
                continue
            }
            var lines: [[UInt8]] = []
            for sample in samples {
                lines += Self.spellings(of: sample)
                lines.append(Array(("The council said " + sample).utf8))
                lines.append(Array((sample + " " + String(repeating: "word ", count: Int.random(in: 0...40, using: &random))).utf8))
            }
            if let line = Self.firstLineCleanedDifferently(ruleSet, lines) {
                Issue.record("""
                    seed \(seed) round \(round): the prefilter changed the result for \
                    \(String(decoding: line, as: UTF8.self).debugDescription) with rules:
                    \(ruleLines.joined(separator: "\n"))
                    """)
                return
            }
        }
    }
}

/// Random patterns for ``DropPrefilterDifferentialTests``, each with lines that follow it.
enum RandomRule {
    private static let words = [
        "advertisement", "Sponsored", "read", "also", "SKIP", "Werbung", "publicité", "Anzeige",
        "newsletter", "share", "kommentar", "ſign", "\u{212A}ontakt", "广告", "реклама", "Ελλάδα",
        "e-mail", "©", "·", "ads", "by", "the", "Story", "continues", "ok",
    ]

    /// A pattern and lines that match it (or nearly: some pieces are optional or vary).
    static func make(using random: inout SeededGenerator) -> (String, [String]) {
        let anchors = ["^", "^\\h*", "^\\s*", "^[ \\t]*", "", "^\\[?\\h*", "^\\h*[·•|]?\\h*", "^(?=[^\\n]{0,40}$)", "\\b"]
        let tails = ["", "\\h*$", "$", "\\b", "\\h*[.:!]?\\h*$", "[^\\n]*"]
        var pattern = anchors.randomElement(using: &random)!
        var samples = [""]
        let branchCount = Int.random(in: 1...3, using: &random)
        var branches: [String] = []
        var branchSamples: [String] = []
        for _ in 0..<branchCount {
            var branch = ""
            var sample = ""
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let (piece, text) = self.piece(using: &random)
                branch += piece
                sample += text
            }
            branches.append(branch)
            branchSamples.append(sample)
        }
        pattern += branchCount == 1 ? branches[0] : "(?:" + branches.joined(separator: "|") + ")"
        pattern += tails.randomElement(using: &random)!
        samples = branchSamples
        return (pattern, samples)
    }

    private static func piece(using random: inout SeededGenerator) -> (String, String) {
        let word = words.randomElement(using: &random)!
        switch Int.random(in: 0..<14, using: &random) {
        case 0: return ("\\h+", [" ", "\u{00A0}", "\t", "  "].randomElement(using: &random)!)
        case 1: return ("\\h*", ["", " "].randomElement(using: &random)!)
        case 2: return ("\\d{1,3}", String(Int.random(in: 0...999, using: &random)))
        case 3: return ("[Bb]y\\h+", "by ")
        case 4: return ("(?:the\\h+)?", ["", "The "].randomElement(using: &random)!)
        case 5: return ("(?:" + word + ")?", ["", word].randomElement(using: &random)!)
        case 6: return ("\\w+", "abc")
        case 7: return ("[^\\n]{0,10}", "x y z")
        case 8: return ("(?=[^\\n]{0,25}$)", "")
        case 9: return ("\\.", ".")
        case 10: return (word + "s?", word + ["", "s"].randomElement(using: &random)!)
        case 11: return ("[-–—]?", ["", "-", "—"].randomElement(using: &random)!)
        default: return (NSRegularExpression.escapedPattern(for: word).replacingOccurrences(of: "/", with: "\\/"), word)
        }
    }
}
