import ArgumentParser
import Glibc
import SluiceKit

/// `sluice [clean]`: cleans the inputs with the rules and writes the result to standard output.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean text with rule files (the default subcommand).",
        discussion: """
        Reads each FILE in order (standard input when none is given, or for '-') and writes \
        the cleaned text to standard output. Each file is one document, unless -z, \
        --doc-separator or --jsonl split the input into many, which are then cleaned on \
        every core (-j) and written in input order. With no -r or -e, the built-in default \
        rules apply (see --print-default-rules).

        Examples:
          sluice article.txt                         clean with the default rules
          curl -s URL | html2text | sluice           clean a page on its way through
          sluice -r Rules/news.rules a.txt b.txt     clean two files with a rule file
          sluice -e 'drop /^\\s*Advertisement\\s*$/i' -e 'squeeze blank-lines' < in > out
          sluice --print-default-rules > my.rules    start from the defaults
          sluice --jsonl -j 4 < in.jsonl > out.jsonl clean each record's "text"
          sluice --jsonl=body --on-error=skip < in   clean "body"; skip bad records
          sluice -z < docs.nul                       NUL-separated documents
          sluice --explain -r my.rules page.txt      show what each rule did
          sluice --stats=json page.txt 2>stats.json  per-rule counts as JSON on stderr
          sluice check my.rules                      report every error in a rule file
          sluice test Rules/                         run the examples in rule files

        Exit status: 0 success, 1 read or write error (or, with --jsonl, a record that \
        cannot be cleaned, unless --on-error says otherwise), 2 usage or rule error (or, \
        with --strict, a match limit reached). A closed output pipe ends sluice quietly \
        with 0.
        """
    )

    @Option(
        name: [.customShort("r"), .customLong("rules")],
        help: ArgumentHelp("A rule file, or the name of a shipped one (see --list-rules), to apply; repeat for more, applied in order. A file of that name wins over a shipped name.", valueName: "FILE|NAME"),
        completion: .file(extensions: ["rules"])
    )
    var ruleFiles: [String] = []

    @Option(name: [.customShort("e"), .customLong("rule")], help: ArgumentHelp("One rule, written as a rule-file line; repeat for more. Applied after all -r files.", valueName: "RULE"))
    var inlineRules: [String] = []

    @Flag(name: .customLong("print-default-rules"), help: "Print the built-in default rules (includes expanded) and exit.")
    var printDefaultRules = false

    @Flag(name: .customLong("list-rules"), help: "List the shipped rule files that -r NAME accepts, each with its description, and exit.")
    var listRules = false

    @Flag(help: "Stop with exit status 2 at the first line on which a match limit is reached (default: warn, keep the line, go on).")
    var strict = false

    @Option(help: ArgumentHelp("Most backtracking steps one match may take.", valueName: "N"))
    var matchLimit: UInt32 = MatchLimits.standard.matchLimit

    @Option(help: ArgumentHelp("Most nested backtracking one interpreted match may use.", valueName: "N"))
    var depthLimit: UInt32 = MatchLimits.standard.depthLimit

    @Flag(name: [.customShort("z"), .customLong("null-data")], help: "Documents are separated by NUL bytes (kept), as with grep -z.")
    var nullData = false

    @Option(name: .customLong("doc-separator"), help: ArgumentHelp("A line matching this PCRE2 pattern ends a document; it is kept, unchanged.", valueName: "REGEX"))
    var documentSeparator: String?

    @Option(name: .customLong("jsonl"), help: ArgumentHelp("Input is JSON Lines: clean the string FIELD of each record (--jsonl alone: 'text'); every other byte of the record is kept.", valueName: "FIELD"))
    var jsonField: String?

    @Option(name: .customLong("on-error"), help: ArgumentHelp("With --jsonl, what to do with a record that is not JSON or lacks a string field: skip it, keep it unchanged, or fail (exit 1, the default).", valueName: "skip|keep|fail"))
    var onError: RecordErrorAction?

    @Option(name: .customLong("paragraphs"), help: ArgumentHelp("How documents split into paragraphs for the paragraph steps: blank-line, line (each line one paragraph) or auto (decided per document, the default; overrides a rule file's 'paragraphs' line).", valueName: "auto|blank-line|line"))
    var paragraphLayout: ParagraphLayout?

    @Option(name: [.customShort("j"), .customLong("jobs")], help: ArgumentHelp("Clean documents on N threads, output in input order (default: every core). Only with -z, --doc-separator or --jsonl.", valueName: "N"))
    var jobs: Int?

    @Flag(help: "Instead of the cleaned text, print each line a rule removed ('- [rule] line') or changed ('~ [rule] old → new').")
    var explain = false

    @Flag(help: "Show bytes and documents done, the rate, and when the input size is known the percentage and time left, on standard error when it is a terminal.")
    var progress = false

    @Option(name: .customLong("stats"), help: ArgumentHelp("At exit, print what each rule did and totals to standard error: --stats for a table, --stats=json for one JSON object.", valueName: "text|json"))
    var statisticsFormat: StatisticsFormat?

    @Argument(help: ArgumentHelp("Input files; '-' or none reads standard input.", valueName: "FILE"))
    var files: [String] = []

    func validate() throws {
        let modes = [nullData, documentSeparator != nil, jsonField != nil].filter { $0 }.count
        if modes > 1 { throw ValidationError("use only one of -z/--null-data, --doc-separator and --jsonl") }
        if onError != nil, jsonField == nil { throw ValidationError("--on-error applies to --jsonl only") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if jsonField == "" { throw ValidationError("--jsonl needs a field name (--jsonl alone means 'text')") }
    }

    mutating func run() throws {
        if printDefaultRules {
            let text = RuleLoader().expandedEmbeddedText(RuleLoader.defaultFileName)
            Diagnostics.writeOut(text.hasSuffix("\n") ? text : text + "\n")
            return
        }
        if listRules {
            let width = ShippedRuleSets.all.map(\.name.count).max() ?? 0
            let lines = ShippedRuleSets.all.map { $0.name + String(repeating: " ", count: width - $0.name.count + 2) + $0.summary + "\n" }
            Diagnostics.writeOut(lines.joined())
            return
        }
        var rules = try loadRules()
        if let paragraphLayout { rules.paragraphLayout = paragraphLayout }
        let mode = try documentMode()
        let inputs = files.isEmpty ? ["-"] : files
        try checkInputs(inputs)
        if let mode {
            try DocumentRun(command: self, rules: rules, mode: mode).run(inputs)
            return
        }

        let stdout = OutputBuffer(sink: FileDescriptorSink(descriptor: STDOUT_FILENO))
        let explainer = explain ? ExplainPrinter(output: stdout, namesDocuments: inputs.count > 1) : nil
        let pipeline = Pipeline(rules: rules, limits: limits, observer: explainer)
        pipeline.stopsOnLimitFailure = strict
        var warnings = LimitWarnings()
        if !strict { pipeline.onLimitFailure = { warnings.report($0) } }
        pipeline.onOverlongLine = { Diagnostics.warning($0.description) }
        pipeline.onOverlongParagraph = { Diagnostics.warning($0.description) }
        let output = explain ? OutputBuffer(sink: DiscardingSink()) : stdout
        let progressMeter = ProgressMeter.make(requested: progress, inputs: inputs)
        defer {
            progressMeter?.finish()
            stdout.flush()
            printStatistics(StatisticsReport(merging: [pipeline.statistics]))
        }
        var readFailed = false
        for input in inputs {
            guard let descriptor = Diagnostics.openInput(input) else {
                readFailed = true
                continue
            }
            defer { if descriptor != STDIN_FILENO { close(descriptor) } }
            var source = CountingSource(base: FileDescriptorSource(descriptor: descriptor, name: input), progress: progressMeter)
            defer { progressMeter?.finished(documents: 1) }
            do throws(PipelineError) {
                try pipeline.run(&source, named: input, into: output)
                // With --explain the report goes to standard output, the text nowhere.
                stdout.flush()
                if let failure = stdout.failure { throw .output(failure) }
            } catch {
                switch error {
                case .input(let failure):
                    Diagnostics.error(failure.description)
                    readFailed = true
                case .output(.brokenPipe):
                    throw ExitCode.success
                case .output(let failure):
                    Diagnostics.error(failure.description)
                    throw ExitCode.failure
                case .limitReached(let event):
                    Diagnostics.error("\(event.description) (--strict)")
                    throw ExitCode(2)
                }
            }
        }
        if readFailed { throw ExitCode.failure }
    }

    /// The document mode the options ask for (nil: plain text, each input one document);
    /// a separator that does not compile is reported, with exit status 2.
    private func documentMode() throws -> DocumentMode? {
        if nullData { return .nullSeparated }
        if let jsonField { return .jsonLines(field: jsonField) }
        guard let documentSeparator else { return nil }
        do {
            return .separatorLines(try SluiceKit.Pattern(documentSeparator))
        } catch {
            Diagnostics.error("--doc-separator: \(error.message) at offset \(error.offset) in '\(documentSeparator)'")
            throw ExitCode(2)
        }
    }

    /// The limits the match options set. One run cleans on one thread unless ``ParallelCleaner``
    /// runs several (which then compiles every pattern first): each rule is interpreted for
    /// its first ``interpretedMatchesBeforeJIT`` matches, so small inputs need no JIT compilation.
    var limits: MatchLimits {
        MatchLimits(matchLimit: matchLimit, depthLimit: depthLimit, interpretedMatchesBeforeJIT: Clean.interpretedMatchesBeforeJIT)
    }

    /// Matches a rule is interpreted for before it is JIT-compiled. Measured (instructions,
    /// default rules): a 4 KB file 213 M → 167 M, 2 MB of text +0.7%; 256 cost 2 MB +6%.
    static let interpretedMatchesBeforeJIT = 64

    /// How many workers clean documents: `--jobs`, else one per core.
    var jobCount: Int { jobs ?? max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Prints the statistics to standard error when `--stats` asks for them.
    func printStatistics(_ report: StatisticsReport) {
        switch statisticsFormat {
        case .text: Diagnostics.writeError(report.table)
        case .json: Diagnostics.writeError(report.json + "\n")
        case nil: break
        }
    }

    /// Loads the rules named on the command line, or the defaults; on any error prints every
    /// diagnostic and exits 2 before input is read.
    private func loadRules() throws -> RuleSet {
        var sources = try ruleFiles.map(ruleSource)
        if !inlineRules.isEmpty {
            sources.append(.text(inlineRules.joined(separator: "\n"), name: "-e"))
        }
        if sources.isEmpty { sources = [.embedded(RuleLoader.defaultFileName)] }
        do {
            return try RuleLoader(keepsExamples: false).load(sources)
        } catch {
            for diagnostic in error.diagnostics { Diagnostics.writeError(diagnostic.description + "\n") }
            throw ExitCode(2)
        }
    }

    /// Where `-r ARGUMENT` reads its rules: a file of that name if one exists (so a path
    /// always wins), else the shipped rule file of that name, else the file (whose loading
    /// reports it missing). A bare word that is neither is refused with the shipped names.
    private func ruleSource(_ argument: String) throws -> RuleSource {
        var info = stat()
        if stat(argument, &info) == 0 { return .file(argument) }
        if let shipped = ShippedRuleSets.named(argument) { return .embedded(shipped.fileName) }
        if argument.contains("/") || argument.hasSuffix(".rules") { return .file(argument) }
        let names = ShippedRuleSets.all.map(\.name).joined(separator: ", ")
        Diagnostics.error("-r \(argument): no such file, and no shipped rule file of that name (shipped: \(names); see --list-rules)")
        throw ExitCode(2)
    }

    /// Refuses, before anything is read or written, inputs that cannot be read: a missing
    /// file, an unreadable one, or a directory.
    private func checkInputs(_ inputs: [String]) throws {
        var failed = false
        if inputs.contains("-"), StandardDescriptors.standardInputWasClosed {
            Diagnostics.error(InputError(inputName: "-", errorNumber: EBADF).description)
            failed = true
        }
        for input in inputs where input != "-" {
            var info = stat()
            if stat(input, &info) != 0 || access(input, R_OK) != 0 {
                Diagnostics.error(InputError(inputName: input, errorNumber: errno).description)
                failed = true
            } else if (info.st_mode & S_IFMT) == S_IFDIR {
                Diagnostics.error(InputError(inputName: input, errorNumber: EISDIR).description)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}

/// How `--stats` prints: `--stats` alone gives the table.
enum StatisticsFormat: String, ExpressibleByArgument {
    case text
    case json
}

/// What `--on-error` does with a JSON Lines record that cannot be cleaned.
enum RecordErrorAction: String, ExpressibleByArgument {
    case skip
    case keep
    case fail
}

extension ParagraphLayout: ExpressibleByArgument {}
