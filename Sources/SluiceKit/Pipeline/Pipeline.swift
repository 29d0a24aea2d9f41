/// A line too long for the steps, passed through unchanged.
public struct OverlongLine: Sendable, CustomStringConvertible {
    /// The input's name (`-` for standard input).
    public let inputName: String
    /// 1-based line number in that input.
    public let lineNumber: Int
    /// The length limit it went over, in bytes.
    public let limit: Int

    public var description: String {
        "line \(lineNumber) of \(inputName == "-" ? "standard input" : "'\(inputName)'") is longer than \(limit) bytes: passed through unchanged, no rule applied"
    }
}

/// A paragraph too big for the paragraph steps (``ParagraphStage/maximumParagraphSize``),
/// passed through unchanged by them.
public struct OverlongParagraph: Sendable, CustomStringConvertible {
    /// The input's name (`-` for standard input).
    public let inputName: String
    /// Which document of the input, in document modes; nil when the input is one document.
    public let documentName: String?
    /// 1-based number of the paragraph's first line.
    public let lineNumber: Int
    /// The size limit it went over, in bytes.
    public let limit: Int

    public var description: String {
        let input = inputName == "-" ? "standard input" : "'\(inputName)'"
        let place = documentName.map { "\($0) of \(input)" } ?? input
        return "the paragraph starting on line \(lineNumber) of \(place) is larger than \(limit >> 20) MiB: passed through unchanged by the paragraph steps (dedupe, quotes, drop-list)"
    }
}

/// Why a pipeline run stopped early.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// Reading the input failed.
    case input(InputError)
    /// Writing the output failed (or the reader went away).
    case output(OutputError)
    /// A match limit was reached while ``Pipeline/stopsOnLimitFailure`` was set.
    case limitReached(LimitFailure)

    public var description: String {
        switch self {
        case .input(let error): return error.description
        case .output(let error): return error.description
        case .limitReached(let event): return event.description
        }
    }
}

extension LimitFailure: CustomStringConvertible {
    /// `rule NAME (file:line) stopped on line N of INPUT: PCRE2 message; line left unchanged`.
    public var description: String {
        let rule = stepName == stepLocation.file + ":\(stepLocation.line)" ? stepName : "\(stepName) (\(stepLocation.file):\(stepLocation.line))"
        let input = inputName == "-" ? "standard input" : "'\(inputName)'"
        let place = documentName.map { "\($0) of \(input)" } ?? input
        return "rule \(rule) gave up on line \(lineNumber) of \(place): \(failure.message); line left unchanged"
    }
}

/// Runs a ``RuleSet`` over text: each step sees the output of the one before.
///
/// A pipeline owns its matchers and is for one thread at a time; make one per worker from
/// the same rule set. Each input is one document (the unit `squeeze` and later steps work in).
///
/// ```swift
/// let rules = try RuleLoader().load(text: "drop /^Advertisement$/", name: "inline")
/// let pipeline = Pipeline(rules: rules)
/// let cleaned = pipeline.clean(Array("Advertisement\nNews\n".utf8))  // "News\n"
/// ```
public final class Pipeline {
    /// The rules this pipeline runs.
    public let rules: RuleSet
    /// Counters for every step and for the whole run so far.
    public let statistics: Statistics
    /// Called for every line on which a match limit stopped a step.
    public var onLimitFailure: ((LimitFailure) -> Void)?
    /// When true, the first limit failure stops the run with ``PipelineError/limitReached(_:)``.
    public var stopsOnLimitFailure = false
    /// How the input is read: 1 MiB at a time, lines longer than
    /// ``Pipeline/maximumLineLength`` passed through in parts.
    public var lineReader: LineReader = {
        var reader = LineReader()
        reader.maximumLineLength = Pipeline.maximumLineLength
        return reader
    }()
    /// The longest line the steps see: a longer one passes through unchanged, no rule
    /// applied, and the document-level steps start afresh after it. Keeps memory bounded.
    public static let maximumLineLength = 16 << 20
    /// The most a paragraph may take (bytes plus bookkeeping, ``HeldLines/storageSize``) for
    /// the paragraph steps to see it whole; a bigger one passes through them unchanged.
    public static let maximumParagraphSize = 4 << 20
    /// This pipeline's paragraph size limit.
    public let maximumParagraphSize: Int
    /// Called for every line longer than the reader's `maximumLineLength`.
    public var onOverlongLine: ((OverlongLine) -> Void)?
    /// Called once for every paragraph too big for the paragraph steps.
    public var onOverlongParagraph: ((OverlongParagraph) -> Void)?
    /// The first line of the last paragraph reported too big (each step reports it).
    private var lastOverlongParagraph: (document: Int, line: Int)?

    /// How the current document's lines make up paragraphs: set when the rules fix the
    /// layout, else decided for each document as it starts (``ParagraphLayoutStage``).
    public private(set) var paragraphLayout: ParagraphLayoutDecision
    /// True when a step works on paragraphs, so each document's layout is counted.
    private let hasParagraphSteps: Bool

    /// The limits every match of the pipeline's matchers runs under.
    public let limits: MatchLimits
    var inputName = "-"
    var documentName: String?
    private let observer: PipelineObserver?
    private var head: LineStage
    private let sink: SinkStage
    private var stoppingFailure: LimitFailure?

    /// Builds the stages of every step in `rules`, each with its own matchers. With an
    /// `observer`, taps around every stage report each line a step removes or changes
    /// (see ``PipelineObserver``).
    /// `maximumParagraphSize` is for tests, and so is `usesPrefilter`: false runs every drop
    /// rule on every line, the reference the prefilter (``DropPrefilter``) is tested against.
    public init(
        rules: RuleSet, limits: MatchLimits = .standard, observer: PipelineObserver? = nil,
        maximumParagraphSize: Int = Pipeline.maximumParagraphSize, usesPrefilter: Bool = true
    ) {
        self.rules = rules
        self.limits = limits
        self.maximumParagraphSize = maximumParagraphSize
        self.observer = observer
        let fixedLayout = rules.paragraphLayout == .auto ? ParagraphLayout.blankLine : rules.paragraphLayout
        self.paragraphLayout = ParagraphLayoutDecision(layout: fixedLayout, isAutomatic: false, evidence: .init())
        self.hasParagraphSteps = rules.hasParagraphSteps
        let stepStatistics = rules.steps.map { StepStatistics(name: $0.name, keyword: type(of: $0.step).keyword, location: $0.location) }
        self.statistics = Statistics(steps: stepStatistics)
        self.sink = SinkStage()
        self.head = sink
        let traces = observer == nil ? [] : rules.steps.map(LineTrace.init)
        // Without an observer, a run of consecutive drop steps becomes one stage with a
        // joined pattern (an observer needs one stage per step to see each one's work); the
        // runs share one prefilter, which works out once a line which rules may match it.
        var runs: [ClosedRange<Int>] = []
        if observer == nil {
            var start = 0
            while start < rules.steps.count {
                var end = start
                while rules.steps[end].step is DropLines, end + 1 < rules.steps.count, rules.steps[end + 1].step is DropLines { end += 1 }
                if end > start { runs.append(start...end) }
                start = end + 1
            }
        }
        // `drop-list` headings are gated too (not under an observer: that path runs every
        // pattern on every line, the reference).
        let headings = observer == nil ? rules.steps.indices.filter { rules.steps[$0].step is DropListBlocks } : []
        let prefilter = usesPrefilter ? DropPrefilter(steps: rules.steps, gating: runs.flatMap { Array($0) } + headings) : nil
        // `auto` decides each document's layout on the lines as they reach the first
        // paragraph step, after the line rules before it: what they remove does not count,
        // so cleaning the output again decides the same.
        let layoutStep = rules.paragraphLayout == .auto ? rules.steps.firstIndex { type(of: $0.step).worksOnParagraphs } : nil
        var next: LineStage = sink
        var index = rules.steps.count - 1
        while index >= 0 {
            let first = runs.first { $0.contains(index) }?.lowerBound ?? index
            let contexts = (first...index).map {
                StageContext(
                    limits: limits, maximumParagraphSize: maximumParagraphSize, statistics: stepStatistics[$0], step: rules.steps[$0],
                    pipeline: self, prefilter: prefilter, stepIndex: $0)
            }
            let drops = rules.steps[first...index].compactMap { $0.step as? DropLines }
            if first < index, let run = DropRunStage(drops: drops, firstStep: first, contexts: contexts, prefilter: prefilter, next: next) {
                next = run
            } else {
                for step in (first...index).reversed() {
                    if let observer {
                        next = ObservingStage(
                            leaving: traces[step], entering: step + 1 < traces.count ? traces[step + 1] : nil,
                            observer: observer, next: next)
                    }
                    next = rules.steps[step].step.makeStage(contexts[step - first], next: next)
                    if step == layoutStep { next = ParagraphLayoutStage(pipeline: self, next: next) }
                }
            }
            index = first - 1
        }
        if let observer, let first = traces.first {
            next = ObservingStage(leaving: nil, entering: first, observer: observer, next: next)
        }
        self.head = next
    }

    /// Cleans one document held in memory and returns the result.
    public func clean(_ document: [UInt8]) -> [UInt8] {
        let collected = MemorySink()
        let output = OutputBuffer(sink: collected)
        var source = MemorySource(document)
        // Memory sources and sinks cannot fail; a limit stop leaves what was done so far.
        try? run(&source, named: "-", into: output)
        return collected.bytes
    }

    /// Reads `source` to its end as one document and writes what the steps keep to `output`
    /// (flushed at the end). `name` is the input's (`-` for standard input); `document`
    /// says which document of it this is, when there are several (`the record on line 5`).
    /// - Throws: ``PipelineError`` when reading or writing fails, or a limit stops the run.
    public func run<Source: ByteSource>(
        _ source: inout Source, named name: String, document: String? = nil, into output: OutputBuffer
    ) throws(PipelineError) {
        inputName = name
        documentName = document
        observer?.documentStarted(named: name, document: document)
        stoppingFailure = nil
        sink.output = output
        let bytesOutBefore = output.bytesWritten
        let head = self.head
        var number = 0
        var bytesIn = 0
        var inputFailure: InputError?
        do {
            try lineReader.forEachPiece(in: &source) { piece in
                switch piece {
                case .line(let bytes):
                    number += 1
                    bytesIn += bytes.count
                    head.push(Line(bytes: bytes, number: number))
                case .overlongPart(let bytes, let isFirst, _):
                    if isFirst {
                        // Too long to hold: the steps finish with what came before it (in
                        // order), and the line goes out as it came, no rule applied.
                        number += 1
                        statistics.overlongLines += 1
                        onOverlongLine?(OverlongLine(inputName: name, lineNumber: number, limit: lineReader.maximumLineLength))
                        head.endDocument()
                    }
                    bytesIn += bytes.count
                    output.append(bytes)
                }
                return output.failure == nil && stoppingFailure == nil
            }
        } catch {
            inputFailure = error
        }
        if output.failure != nil || stoppingFailure != nil {
            // End the document with the output detached, so stages drop what they hold and
            // the next run starts afresh without writing after the stop. After a read error
            // the document ends normally: what was read is written.
            sink.output = nil
        }
        head.endDocument()
        sink.output = output
        record(lines: number, bytes: bytesIn)
        if hasParagraphSteps { statistics.documentsByParagraphLayout[paragraphLayout.layout, default: 0] += 1 }
        output.flush()
        statistics.bytesOut += output.bytesWritten - bytesOutBefore
        if let inputFailure { throw .input(inputFailure) }
        if let failure = output.failure { throw .output(failure) }
        if let stoppingFailure { throw .limitReached(stoppingFailure) }
    }

    private func record(lines: Int, bytes: Int) {
        statistics.linesIn += lines
        statistics.bytesIn += bytes
        statistics.documents += 1
    }

    func overlongParagraph(startingAt lineNumber: Int, step: RuleStep) {
        guard lastOverlongParagraph.map({ $0 != (statistics.documents, lineNumber) }) ?? true else { return }
        lastOverlongParagraph = (statistics.documents, lineNumber)
        statistics.overlongParagraphs += 1
        onOverlongParagraph?(OverlongParagraph(
            inputName: inputName, documentName: documentName, lineNumber: lineNumber, limit: maximumParagraphSize))
    }

    /// Called by ``ParagraphLayoutStage`` before the document's first line reaches a step.
    func paragraphLayoutDecided(_ decision: ParagraphLayoutDecision) {
        paragraphLayout = decision
        observer?.paragraphLayoutDecided(decision)
    }

    func limitFailed(_ event: LimitFailure) {
        onLimitFailure?(event)
        if stopsOnLimitFailure, stoppingFailure == nil { stoppingFailure = event }
    }
}

/// The last stage: appends every line it receives to the current output.
final class SinkStage: LineStage {
    var output: OutputBuffer?

    init() {
        super.init(next: nil)
    }

    override func push(_ line: Line) {
        output?.append(line.bytes)
    }

    override func endDocument() {}
}
