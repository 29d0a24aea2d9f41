import Foundation
import SluiceKit
import Testing

/// The shipped default rules on 926 raw scrapes of 494 real pages, mostly German
/// (Fixtures/labelled-corpus: `NAME.VARIANT.txt`, the whole page (`body`) or its article
/// element (`container`), and `NAME.VARIANT.labels.json`, 1-based line numbers labelled
/// content, junk or ambiguous, made automatically from an extraction benchmark's snippets,
/// with the reviewed fixes of `label-fixes.tsv`). Scored as the corpus README says: a text
/// labelled on k lines survives on min(k, c) of them, c being the output lines equal to it
/// (both trimmed); a rewritten line is lost. `scripts/measure-labelled` prints the same
/// figures, per variant and per language.
@Suite struct LabelledCorpusTests {
    struct Scrape: Sendable {
        let name: String
        let variant: String
        let text: String
        let content: [Int]
        let junk: [Int]
        let ambiguous: [Int]
    }

    /// Survival counts of one variant's labelled lines, and the content texts lost.
    struct Score {
        var junk = 0
        var junkLeft = 0
        var content = 0
        var contentKept = 0
        var lost: [String] = []
        var junkRemoved: Double { Double(junk - junkLeft) / Double(max(junk, 1)) }
        var contentShare: Double { Double(contentKept) / Double(max(content, 1)) }
    }

    static let folder = PackagePaths.fixtures + "/labelled-corpus"

    static let scrapes: [Scrape] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".labels.json") }.sorted()
        return names.compactMap { name in
            let stem = String(name.dropLast(".labels.json".count))
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                  let labels = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let text = try? String(contentsOfFile: folder + "/" + stem + ".txt", encoding: .utf8)
            else { return nil }
            return Scrape(
                name: stem, variant: labels["variant"] as? String ?? String(stem.split(separator: ".").last ?? ""),
                text: text, content: labels["content"] as? [Int] ?? [], junk: labels["junk"] as? [Int] ?? [],
                ambiguous: labels["ambiguous"] as? [Int] ?? [])
        }
    }()

    static func trimmed(_ line: Substring) -> String {
        String(line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// Cleans every scrape with `rules` and scores each variant.
    static func score(rules: RuleSet) -> [String: Score] {
        var scores: [String: Score] = [:]
        for scrape in scrapes {
            let output = String(decoding: Pipeline(rules: rules).clean(Array(scrape.text.utf8)), as: UTF8.self)
            var have: [String: Int] = [:]
            for line in output.split(separator: "\n", omittingEmptySubsequences: false) { have[trimmed(line), default: 0] += 1 }
            let lines = scrape.text.split(separator: "\n", omittingEmptySubsequences: false)
            var score = scores[scrape.variant] ?? Score()
            for (numbers, isContent) in [(scrape.content, true), (scrape.junk, false)] {
                var wanted: [String: Int] = [:]
                for number in numbers { wanted[trimmed(lines[number - 1]), default: 0] += 1 }
                for (text, count) in wanted {
                    let surviving = min(count, have[text] ?? 0)
                    if isContent {
                        score.content += count
                        score.contentKept += surviving
                        if surviving < count { score.lost.append("\(scrape.name): \(text)") }
                    } else {
                        score.junk += count
                        score.junkLeft += surviving
                    }
                }
            }
            scores[scrape.variant] = score
        }
        return scores
    }

    @Test func corpusIsThere() {
        #expect(Self.scrapes.count == 926)
        #expect(Set(Self.scrapes.map(\.variant)) == ["body", "container"])
        #expect(Self.scrapes.allSatisfy { scrape in
            let count = scrape.text.split(separator: "\n", omittingEmptySubsequences: false).count
            return (scrape.content + scrape.junk + scrape.ambiguous).allSatisfy { (1...count).contains($0) }
        })
    }

    /// Every reviewed fix of `label-fixes.tsv` is in the labels (scripts/make-labelled-fixture
    /// applied it), and no line has two labels.
    @Test func labelFixesAreApplied() throws {
        let fixes = try String(contentsOfFile: Self.folder + "/label-fixes.tsv", encoding: .utf8)
        let byName = Dictionary(uniqueKeysWithValues: Self.scrapes.map { ($0.name, $0) })
        var rows = 0
        for row in fixes.split(separator: "\n") where !row.hasPrefix("#") {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 4, "malformed row: \(row)")
            let scrape = try #require(byName[String(fields[0])], "no scrape \(fields[0])")
            let line = try #require(Int(fields[1]))
            let label = String(fields[2])
            let labelled = ["content": scrape.content, "junk": scrape.junk, "ambiguous": scrape.ambiguous]
            #expect(labelled[label]?.contains(line) == true, "\(row)")
            #expect(labelled.values.filter { $0.contains(line) }.count == 1, "\(row)")
            rows += 1
        }
        #expect(rows >= 18)
        for scrape in Self.scrapes {
            #expect(Set(scrape.content).isDisjoint(with: scrape.junk), "\(scrape.name)")
        }
    }

    /// Issue 15's bars: content kept ≥ 99.5% in both variants (every loss listed); junk
    /// removed at least the floors measured when they were set (raise them when the rules
    /// improve; the issue's goals are 75% of container and 60% of body junk).
    @Test func contentIsKeptAndJunkRemoved() throws {
        let scores = Self.score(rules: try RuleLoader().loadDefault())
        for variant in ["body", "container"] {
            let score = try #require(scores[variant])
            #expect(score.content > 1000 && score.junk > 500)
            #expect(score.contentShare >= 0.995, "\(variant): \(score.contentKept) of \(score.content) content lines kept; lost:\n\(score.lost.joined(separator: "\n"))")
        }
        let floors = ["body": 0.45, "container": 0.50]
        for (variant, floor) in floors {
            let score = try #require(scores[variant])
            #expect(score.junkRemoved >= floor, "\(variant): \(score.junk - score.junkLeft) of \(score.junk) junk lines removed")
        }
    }
}
