import Foundation
import SluiceKit
import Testing

/// Do no harm: the default rules on 677 documents of clean published article text in 26
/// languages (Fixtures/prose-corpus, a copy of the shared prose corpus; its README says where
/// each file comes from). Whatever the chain removes or changes there is damage unless it is
/// on the reviewed list (Fixtures/prose-corpus/reviewed-changes.tsv): page furniture the
/// extractor kept, or a stray the publisher left, each with its reason.
///
/// Every document is cleaned twice: as published (blank lines between paragraphs) and with
/// its blank lines removed (one paragraph per line, as C4 and most JSON Lines corpora hold
/// text), so both paragraph layouts are held to the same list.
@Suite struct ProseCorpusTests {
    static let folder = PackagePaths.fixtures + "/prose-corpus"

    struct Document: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var testDescription: String { name }
        /// The same text with no blank lines: every paragraph on one line of its own.
        var withoutBlankLines: String {
            text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map { $0 + "\n" }.joined()
        }
    }

    /// A reviewed change: this step may remove or change this line of this file, or (with
    /// `count`) up to that many lines of it.
    struct ReviewedChange: Sendable {
        let file: String
        let step: String
        let line: String?
        let count: Int?
        let reason: String
    }

    static let documents: [Document] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        return names.compactMap { name in
            (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)).map { Document(name: name, text: $0) }
        }
    }()

    static let reviewed: [ReviewedChange] = {
        let text = (try? String(contentsOfFile: folder + "/reviewed-changes.tsv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { row in
            guard !row.hasPrefix("#") else { return nil }
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { return nil }
            let counted = fields[2].hasPrefix("(") && fields[2].hasSuffix(" lines)")
            return ReviewedChange(
                file: fields[0], step: fields[1],
                line: counted ? nil : fields[2],
                count: counted ? Int(fields[2].dropFirst().prefix { $0.isNumber }) : nil,
                reason: fields[3])
        }
    }()

    /// Collects every non-blank line a step removes or changes.
    final class ChangeCollector: PipelineObserver {
        var changes: [(step: String, line: String)] = []

        func step(_ step: RuleStep, removed content: UnsafeRawBufferPointer, lineNumber: Int) {
            record(step, content)
        }

        func step(_ step: RuleStep, changed old: UnsafeRawBufferPointer, to new: UnsafeRawBufferPointer, lineNumber: Int) {
            record(step, old)
        }

        private func record(_ step: RuleStep, _ content: UnsafeRawBufferPointer) {
            let line = String(decoding: content, as: UTF8.self)
            if !line.allSatisfy(\.isWhitespace) { changes.append((step.name, line)) }
        }
    }

    static func changes(in text: String, rules: RuleSet) -> [(step: String, line: String)] {
        let collector = ChangeCollector()
        _ = Pipeline(rules: rules, observer: collector).clean(Array(text.utf8))
        return collector.changes
    }

    /// The changes of `document` that no reviewed entry covers; marks the entries used.
    static func unreviewed(_ changes: [(step: String, line: String)], in document: Document, used: inout Set<Int>) -> [String] {
        var counts: [Int: Int] = [:]
        var problems: [String] = []
        for change in changes {
            let entry = reviewed.indices.first { index in
                let item = reviewed[index]
                return item.file == document.name && item.step == change.step && (item.line == nil || item.line == change.line)
            }
            guard let entry else {
                problems.append("[\(change.step)] \(change.line)")
                continue
            }
            used.insert(entry)
            counts[entry, default: 0] += 1
            if let limit = reviewed[entry].count, counts[entry, default: 0] == limit + 1 {
                problems.append("[\(change.step)] more than the \(limit) lines reviewed, now: \(change.line)")
            }
        }
        return problems
    }

    @Test func corpusIsThere() throws {
        #expect(Self.documents.count == 677)
        // Every row of the list is read: a malformed one would be skipped silently.
        let text = try String(contentsOfFile: Self.folder + "/reviewed-changes.tsv", encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(Self.reviewed.count == rows.count)
        #expect(Self.reviewed.allSatisfy { !$0.reason.isEmpty && ($0.line != nil || $0.count != nil) })
        #expect(Set(Self.reviewed.map(\.file)).isSubset(of: Set(Self.documents.map(\.name))))
    }

    @Test func theDefaultChainChangesNothingButTheReviewedLines() throws {
        let rules = try RuleLoader().loadDefault()
        var used = Set<Int>()
        var total = 0
        for document in Self.documents {
            for (layout, text) in [("as published", document.text), ("one paragraph per line", document.withoutBlankLines)] {
                let problems = Self.unreviewed(Self.changes(in: text, rules: rules), in: document, used: &used)
                total += problems.count
                for problem in problems.prefix(5) {
                    Issue.record("\(document.name) (\(layout)): not reviewed: \(problem)")
                }
            }
        }
        #expect(total == 0, "\(total) changes to clean prose that are not on the reviewed list")
        for index in Self.reviewed.indices where !used.contains(index) {
            let item = Self.reviewed[index]
            Issue.record("reviewed-changes.tsv lists a change that no longer happens: \(item.file) [\(item.step)] \(item.line ?? "(\(item.count ?? 0) lines)")")
        }
    }
}
