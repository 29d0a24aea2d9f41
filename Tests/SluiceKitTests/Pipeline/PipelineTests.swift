import SluiceKit
import Testing

@Suite struct PipelineTests {
    // MARK: byte preservation

    struct Input: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        var testDescription: String { name }
    }

    static let untouchedInputs: [Input] = [
        Input(name: "empty", bytes: []),
        Input(name: "invalid UTF-8 bytes", bytes: utf8("a") + [0xFF, 0xFE] + utf8("b\n") + [0xFE, 0xFF, 0x0A]),
        Input(name: "truncated UTF-8 sequences", bytes: [0xC3, 0x0A, 0xE2, 0x82, 0x0A, 0xF0, 0x9F, 0x99] + utf8("x\n")),
        Input(name: "CRLF", bytes: utf8("one\r\ntwo\r\n\r\nthree\r\n")),
        Input(name: "NUL bytes", bytes: [0x00, 0x61, 0x00, 0x0A, 0x00, 0x0A, 0x00]),
        Input(name: "UTF-8 BOM", bytes: [0xEF, 0xBB, 0xBF] + utf8("title\nbody\n")),
        Input(name: "no final newline", bytes: utf8("first\nlast")),
        Input(name: "lone CR", bytes: utf8("a\rb\r")),
        Input(name: "blank lines", bytes: utf8("\n\n  \n\t\r\n")),
        Input(name: "everything at once",
              bytes: [0xEF, 0xBB, 0xBF] + utf8("héllo\r\n") + [0xFF, 0x00, 0xC3] + utf8("\n\n") + [0xE2, 0x82]),
        Input(name: "long line", bytes: [UInt8](repeating: UInt8(ascii: "w"), count: 100_000) + utf8("\nend")),
    ]

    /// Rules of every kind but `squeeze` (which changes blank lines by design) that match
    /// nothing in the inputs above.
    static let inertRules = """
        drop /^never matches$/
        keep //
        replace /zzz+q/y/g
        replace /^never$/y/
        """

    @Test(arguments: untouchedInputs, ReadPlan.all)
    func rulesThatMatchNothingLeaveEveryByte(_ input: Input, plan: ReadPlan) throws {
        let pipeline = Pipeline(rules: try rules(Self.inertRules))
        let output = try run(pipeline, input.bytes, plan: plan)
        #expect(output == input.bytes)
        #expect(pipeline.statistics.bytesIn == input.bytes.count)
        #expect(pipeline.statistics.bytesOut == input.bytes.count)
        #expect(pipeline.statistics.documents == 1)
        #expect(pipeline.statistics.steps.allSatisfy { $0.linesRemoved == 0 && $0.replacements == 0 && $0.linesChanged == 0 })
    }

    @Test(arguments: untouchedInputs)
    func noRulesAtAllLeaveEveryByte(_ input: Input) {
        #expect(Pipeline(rules: RuleSet(steps: [])).clean(input.bytes) == input.bytes)
    }

    @Test(arguments: ReadPlan.all)
    func everyStepKindGivesTheSameOutputWhateverTheReadSize(plan: ReadPlan) throws {
        let ruleText = """
            drop /^Advertisement$/i
            keep /^(?!skip)/
            replace /\\h+$//
            replace /o/0/g
            squeeze blank-lines
            """
        let input: [UInt8] = utf8("\n\nfoo  \r\nADVERTISEMENT\r\n\r\n\r\nskip me\n\nboo\t\n") + [0xFF] + utf8("o\n\n")
        let expected: [UInt8] = utf8("f00\r\n\r\nb00\n") + [0xFF] + utf8("0\n")
        #expect(try run(Pipeline(rules: try rules(ruleText)), input, plan: plan) == expected)
    }

    // MARK: statistics

    @Test func statisticsCountTheDocument() throws {
        let pipeline = Pipeline(rules: try rules("drop /^x$/\nreplace /a/bb/"))
        let input = utf8("x\na\nc\nx")
        let output = pipeline.clean(input)
        #expect(string(output) == "bb\nc\n")
        #expect(pipeline.statistics.bytesIn == input.count)
        #expect(pipeline.statistics.bytesOut == output.count)
        #expect(pipeline.statistics.linesIn == 4)
        #expect(pipeline.statistics.documents == 1)
        #expect(pipeline.statistics.steps.map(\.linesRemoved) == [2, 0])
        #expect(pipeline.statistics.steps.map(\.replacements) == [0, 1])
        #expect(pipeline.statistics.steps.map(\.linesChanged) == [0, 1])
    }

    @Test func linesAndBytesInAccumulateOverDocuments() throws {
        let pipeline = Pipeline(rules: try rules("drop /^x$/"))
        _ = pipeline.clean(utf8("x\na\n"))
        _ = pipeline.clean(utf8("b\nx\nc"))
        #expect(pipeline.statistics.documents == 2)
        #expect(pipeline.statistics.linesIn == 5)
        #expect(pipeline.statistics.bytesIn == 9)
    }

    /// `Statistics` promises totals "for the whole run so far"; `bytesIn` adds up every
    /// document, so `bytesOut` must too, or the ratio of the two is meaningless.
    @Test func bytesOutAccumulatesOverDocumentsLikeBytesIn() throws {
        let pipeline = Pipeline(rules: try rules("drop /^x$/"))
        let first = pipeline.clean(utf8("x\na\n"))
        let second = pipeline.clean(utf8("b\nx\nc"))
        #expect(pipeline.statistics.bytesOut == first.count + second.count)
    }

    // MARK: match limits

    static let limitInput: [UInt8] = utf8("before\n") + catastrophicSubject + utf8("\nbaa\nafter\n")

    @Test func limitFailureKeepsTheLineReportsItAndGoesOn() throws {
        let pipeline = Pipeline(rules: try rules("keep //\ndrop /(a+)+$/ as runaway"))
        var events: [LimitFailure] = []
        pipeline.onLimitFailure = { events.append($0) }
        let output = try run(pipeline, Self.limitInput, plan: ReadPlan.all.last!, named: "story.txt")

        // The runaway line is kept unchanged; "baa", after it, is still dropped.
        #expect(output == utf8("before\n") + catastrophicSubject + utf8("\nafter\n"))
        #expect(pipeline.statistics.steps.map(\.limitFailures) == [0, 1])
        #expect(pipeline.statistics.steps.map(\.linesRemoved) == [0, 1])
        try #require(events.count == 1)
        let event = events[0]
        #expect(event.lineNumber == 2)
        #expect(event.stepName == "runaway")
        #expect(event.stepLocation.description == "t.rules:2:1")
        #expect(event.inputName == "story.txt")
        #expect(event.failure.isLimit)
        #expect(event.description.contains("runaway"))
        #expect(event.description.contains("line 2 of 'story.txt'"))
    }

    @Test func limitFailureInReplaceLeavesTheLineUnchanged() throws {
        let pipeline = Pipeline(rules: try rules("replace /(a+)+$/X/"))
        var lines: [Int] = []
        pipeline.onLimitFailure = { lines.append($0.lineNumber) }
        let output = pipeline.clean(Self.limitInput)
        #expect(output == utf8("before\n") + catastrophicSubject + utf8("\nbX\nafter\n"))
        #expect(lines == [2])
        #expect(pipeline.statistics.steps[0].limitFailures == 1)
        #expect(pipeline.statistics.steps[0].replacements == 1)
    }

    @Test func stopsOnLimitFailureThrowsLimitReached() throws {
        let pipeline = Pipeline(rules: try rules("drop /(a+)+$/ as runaway"))
        pipeline.stopsOnLimitFailure = true
        let sink = MemorySink()
        var source = MemorySource(Self.limitInput)
        let error = #expect(throws: PipelineError.self) {
            try pipeline.run(&source, named: "story.txt", into: OutputBuffer(sink: sink))
        }
        guard case .limitReached(let event) = error else {
            Issue.record("expected limitReached, got \(String(describing: error))")
            return
        }
        #expect(event.lineNumber == 2)
        #expect(event.stepName == "runaway")
        // The line was written unchanged before the run stopped; nothing after it was.
        #expect(sink.bytes == utf8("before\n") + catastrophicSubject + utf8("\n"))
        #expect(pipeline.statistics.steps[0].limitFailures == 1)
    }

    /// A pipeline is made once and run over many inputs; a limit stop in one input must not
    /// stop every later one.
    @Test func runAfterALimitStopStartsAfresh() throws {
        let pipeline = Pipeline(rules: try rules("drop /(a+)+$/\nsqueeze blank-lines"))
        pipeline.stopsOnLimitFailure = true
        var first = MemorySource(utf8("text\n\n") + catastrophicSubject + utf8("\n"))
        #expect(throws: PipelineError.self) {
            try pipeline.run(&first, named: "first", into: OutputBuffer(sink: MemorySink()))
        }
        let sink = MemorySink()
        var second = MemorySource(utf8("\none\n\ntwo\n"))
        #expect(throws: Never.self) {
            try pipeline.run(&second, named: "second", into: OutputBuffer(sink: sink))
        }
        #expect(string(sink.bytes) == "one\n\ntwo\n")
    }

    // MARK: input and output failures

    final class FailingSink: ByteSink {
        var writes = 0
        func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
            writes += 1
            throw .brokenPipe
        }
    }

    @Test func writeFailureStopsTheRun() throws {
        let pipeline = Pipeline(rules: try rules("keep //"))
        let sink = FailingSink()
        var source = MemorySource(utf8("a\nb\nc\nd\n"))
        let error = #expect(throws: PipelineError.self) {
            try pipeline.run(&source, named: "-", into: OutputBuffer(sink: sink, capacity: 1))
        }
        guard case .output(.brokenPipe) = error else {
            Issue.record("expected output(.brokenPipe), got \(String(describing: error))")
            return
        }
        #expect(sink.writes == 1, "nothing is written after the first failure")
        #expect(pipeline.statistics.linesIn == 1, "reading stops at the first failed write")
    }

    struct FailingSource: ByteSource {
        var served = false
        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
            if served { throw InputError(inputName: "flaky", errorNumber: 5) }
            served = true
            buffer[0] = UInt8(ascii: "a")
            buffer[1] = UInt8(ascii: "\n")
            return 2
        }
    }

    @Test func readFailureIsAnInputError() throws {
        let pipeline = Pipeline(rules: try rules("keep //"))
        let sink = MemorySink()
        var source = FailingSource()
        let error = #expect(throws: PipelineError.self) {
            try pipeline.run(&source, named: "flaky", into: OutputBuffer(sink: sink))
        }
        guard case .input(let failure) = error else {
            Issue.record("expected input error, got \(String(describing: error))")
            return
        }
        #expect(failure == InputError(inputName: "flaky", errorNumber: 5))
        #expect(pipeline.statistics.linesIn == 1)
    }

    // MARK: the shipped defaults on a real article

    @Test(arguments: ReadPlan.all)
    func defaultRulesCleanTheSeedArticle(plan: ReadPlan) throws {
        let input = try PackagePaths.read(PackagePaths.fixtures + "/seed-article.txt")
        let output = string(try run(Pipeline(rules: try RuleLoader().loadDefault()), input, plan: plan))
        let outputLines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let inputLines = string(input).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        #expect(!outputLines.contains { $0.hasPrefix("Advertisement") })
        #expect(!outputLines.contains { $0.hasPrefix("Read also|") })
        // The lede printed twice keeps its first copy only (dedupe ledes), and the one stray
        // quote mark goes (quotes strip-stray).
        var seen: Set<String> = []
        let stray = "was \"aimed at preventing"
        let expectedText = inputLines.filter {
            !$0.isBlankText && !$0.hasPrefix("Advertisement") && !$0.hasPrefix("Read also|")
        }.filter { seen.insert($0).inserted }.map { $0.replacingOccurrences(of: stray, with: "was aimed at preventing") }
        #expect(inputLines.contains { $0.contains(stray) })
        #expect(expectedText.count == inputLines.filter { !$0.isBlankText }.count - 10, "7 ad labels, 2 teasers and 1 lede copy go, nothing else")
        let text = outputLines.filter { !$0.isBlankText }
        #expect(text == expectedText, "every other non-blank line is kept, in order")
        #expect(!expectedText.isEmpty)

        // One blank line between paragraphs, none at the start or end.
        #expect(!output.hasPrefix("\n"))
        #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"))
        #expect(!output.contains("\n\n\n"))
    }
}

extension String {
    /// Empty or only spaces, tabs and CRs.
    fileprivate var isBlankText: Bool {
        allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}
