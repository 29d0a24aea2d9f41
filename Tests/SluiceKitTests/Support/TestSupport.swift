import Foundation
import SluiceKit
import Testing

/// The UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// `bytes` decoded as UTF-8 (invalid bytes become U+FFFD), for readable failure messages.
func string(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

/// Paths inside the package, found from this file's location so the tests do not depend on
/// the working directory.
enum PackagePaths {
    /// `Tests/SluiceKitTests`.
    static let testsRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)  // Support/TestSupport.swift
        return parts.joined(separator: "/")
    }()

    /// The package root.
    static let root: String = {
        var parts = testsRoot.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)  // Tests/SluiceKitTests
        return parts.joined(separator: "/")
    }()

    static let fixtures = testsRoot + "/Fixtures"
    static let shippedRules = root + "/Rules"
    static let filterSources = root + "/Sources/SluiceKit/Filters"

    /// The bytes of a file, or a recorded issue and nil.
    static func read(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// A directory under the system temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sluicekit-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `relativePath` (creating folders) and returns the full path.
    @discardableResult
    func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + relativePath
        let folder = URL(fileURLWithPath: full).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, bytes: utf8(text))
    }

    func makeFolder(_ relativePath: String) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }
}

/// One way of cutting the input into reads, and the output into writes. Pipelines and the
/// line reader must give the same result whichever is used (ripgrep's testutil idea).
struct ReadPlan: Sendable, CustomTestStringConvertible {
    let maximumRead: Int
    let chunkSize: Int
    let outputCapacity: Int

    var testDescription: String {
        let reads = maximumRead == .max ? "whole-buffer reads" : "\(maximumRead)-byte reads"
        return "\(reads), chunk \(chunkSize), output buffer \(outputCapacity)"
    }

    static let all: [ReadPlan] = [
        ReadPlan(maximumRead: 1, chunkSize: 1, outputCapacity: 1),
        ReadPlan(maximumRead: 1, chunkSize: 1 << 20, outputCapacity: 256 * 1024),
        ReadPlan(maximumRead: 7, chunkSize: 3, outputCapacity: 5),
        ReadPlan(maximumRead: 7, chunkSize: 1 << 20, outputCapacity: 256 * 1024),
        ReadPlan(maximumRead: .max, chunkSize: 1, outputCapacity: 7),
        ReadPlan(maximumRead: .max, chunkSize: 3, outputCapacity: 256 * 1024),
        ReadPlan(maximumRead: .max, chunkSize: 1 << 20, outputCapacity: 256 * 1024),
    ]
}

/// Every line `LineReader` gives for `input` read as `plan` says.
func readLines(_ input: [UInt8], plan: ReadPlan) throws -> [[UInt8]] {
    var source = MemorySource(input, maximumRead: plan.maximumRead)
    var lines: [[UInt8]] = []
    try LineReader(chunkSize: plan.chunkSize).forEachLine(in: &source) { line in
        lines.append(Array(line))
        return true
    }
    return lines
}

/// Runs `input` through `pipeline` as one document, read and written as `plan` says.
func run(_ pipeline: Pipeline, _ input: [UInt8], plan: ReadPlan, named name: String = "-") throws -> [UInt8] {
    pipeline.lineReader = LineReader(chunkSize: plan.chunkSize)
    var source = MemorySource(input, maximumRead: plan.maximumRead)
    let sink = MemorySink()
    try pipeline.run(&source, named: name, into: OutputBuffer(sink: sink, capacity: plan.outputCapacity))
    return sink.bytes
}

/// Loads rule text named `t.rules`.
func rules(_ text: String, name: String = "t.rules") throws -> RuleSet {
    try RuleLoader().load(text: text, name: name)
}

/// The diagnostics loading `text` gives; records an issue when it loads without error.
func diagnostics(
    _ text: String, name: String = "t.rules", sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [RuleDiagnostic] {
    do {
        _ = try RuleLoader().load(text: text, name: name)
        Issue.record("expected rule errors, but the rules loaded", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

/// The diagnostics loading `sources` gives; records an issue when they load without error.
func diagnostics(
    loading sources: [RuleSource], with loader: RuleLoader = RuleLoader(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [RuleDiagnostic] {
    do {
        _ = try loader.load(sources)
        Issue.record("expected rule errors, but the rules loaded", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

/// Cleans `input` with `ruleText` through `Pipeline.clean` and through every ``ReadPlan``
/// (each with a fresh pipeline), checks that all give the same bytes, and returns them.
func cleaned(
    _ ruleText: String, _ input: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [UInt8] {
    let ruleSet = try rules(ruleText)
    let expected = Pipeline(rules: ruleSet).clean(input)
    for plan in ReadPlan.all {
        let output = try run(Pipeline(rules: ruleSet), input, plan: plan)
        #expect(output == expected, "\(plan.testDescription): \(string(output).debugDescription) != \(string(expected).debugDescription)", sourceLocation: sourceLocation)
    }
    return expected
}

func cleaned(
    _ ruleText: String, _ input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> String {
    string(try cleaned(ruleText, utf8(input), sourceLocation: sourceLocation))
}

extension Matcher {
    /// `firstMatch` over an array.
    func firstMatch(in subject: [UInt8], from start: Int = 0) throws -> Range<Int>? {
        try subject.withUnsafeBytes { buffer in try firstMatch(in: buffer, from: start) }
    }

    func firstMatch(in subject: String) throws -> Range<Int>? {
        try firstMatch(in: utf8(subject))
    }

    /// The subject after `replace`, and the number of replacements.
    func replacing(_ subject: [UInt8], with replacement: [UInt8], global: Bool) throws -> (bytes: [UInt8], count: Int) {
        var output: [UInt8] = []
        return try replacing(subject, with: replacement, global: global, reusing: &output)
    }

    func replacing(
        _ subject: [UInt8], with replacement: [UInt8], global: Bool, reusing output: inout [UInt8]
    ) throws -> (bytes: [UInt8], count: Int) {
        let result = try subject.withUnsafeBytes { buffer in
            try replace(in: buffer, with: replacement, global: global, into: &output)
        }
        guard result.replacements > 0 else { return (subject, 0) }
        return (Array(output[0..<result.length]), result.replacements)
    }

    func replacing(_ subject: String, with replacement: String, global: Bool) throws -> (text: String, count: Int) {
        let result = try replacing(utf8(subject), with: utf8(replacement), global: global)
        return (string(result.bytes), result.count)
    }
}

/// A line of 30,000 `a`s and a `b`: `(a+)+$` backtracks on it for longer than anyone waits.
let catastrophicSubject = [UInt8](repeating: UInt8(ascii: "a"), count: 30_000) + [UInt8(ascii: "b")]

/// Paragraphs as one document: a blank line between each, a newline after the last. A nil
/// paragraph stands for one a step removed: its line is gone, the blank lines around stay.
func document(_ paragraphs: String?...) -> String {
    paragraphs.map { $0.map { $0 + "\n" } ?? "" }.joined(separator: "\n")
}

/// Cleans `documents` one after another with one pipeline built from `ruleText` — through
/// `Pipeline.clean` and, with a fresh pipeline per plan, through every ``ReadPlan`` — checks
/// that all give the same outputs, and returns them (one per document).
func cleanedDocuments(
    _ ruleText: String, _ documents: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [String] {
    let ruleSet = try rules(ruleText)
    let cleaning = Pipeline(rules: ruleSet)
    let expected = documents.map { string(cleaning.clean(utf8($0))) }
    for plan in ReadPlan.all {
        let pipeline = Pipeline(rules: ruleSet)
        let outputs = try documents.map { string(try run(pipeline, utf8($0), plan: plan)) }
        #expect(outputs == expected, "\(plan.testDescription)", sourceLocation: sourceLocation)
    }
    return expected
}
