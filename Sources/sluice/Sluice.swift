import ArgumentParser
import Glibc
import SluiceKit

/// `sluice`: a Unix filter that removes scraper junk from text with PCRE2 rule files.
@main
struct Sluice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sluice",
        abstract: "Clean scraped text: drop junk lines, rewrite text, squeeze blank lines, driven by PCRE2 rule files.",
        discussion: """
        Reads each FILE in order (standard input when none is given, or for '-') and writes \
        the cleaned text to standard output. Each file is one document. With no -r or -e, \
        the built-in default rules apply (see --print-default-rules).

        Examples:
          sluice article.txt                         clean with the default rules
          curl -s URL | html2text | sluice           clean a page on its way through
          sluice -r Rules/news.rules a.txt b.txt     clean two files with a rule file
          sluice -e 'drop /^\\s*Advertisement\\s*$/i' -e 'squeeze blank-lines' < in > out
          sluice --print-default-rules > my.rules    start your own rules from the defaults

        Exit status: 0 success, 1 read or write error, 2 usage or rule error (or, with \
        --strict, a match limit reached). A closed output pipe ends sluice quietly with 0.
        """,
        version: "sluice \(SluiceVersion.number) (PCRE2 \(SluiceKit.Pattern.libraryVersion), JIT \(SluiceKit.Pattern.isJITAvailable ? "on" : "off"))"
    )

    @Option(name: [.customShort("r"), .customLong("rules")], help: ArgumentHelp("A rule file to apply; repeat for more, applied in order.", valueName: "FILE"))
    var ruleFiles: [String] = []

    @Option(name: [.customShort("e"), .customLong("rule")], help: ArgumentHelp("One rule, written as a rule-file line; repeat for more. Applied after all -r files.", valueName: "RULE"))
    var inlineRules: [String] = []

    @Flag(name: .customLong("print-default-rules"), help: "Print the built-in default rules (includes expanded) and exit.")
    var printDefaultRules = false

    @Flag(help: "Stop with exit status 2 at the first line on which a match limit is reached (default: warn, keep the line, go on).")
    var strict = false

    @Option(help: ArgumentHelp("Most backtracking steps one match may take.", valueName: "N"))
    var matchLimit: UInt32 = MatchLimits.standard.matchLimit

    @Option(help: ArgumentHelp("Most nested backtracking one interpreted match may use.", valueName: "N"))
    var depthLimit: UInt32 = MatchLimits.standard.depthLimit

    @Argument(help: ArgumentHelp("Input files; '-' or none reads standard input.", valueName: "FILE"))
    var files: [String] = []

    mutating func run() throws {
        if printDefaultRules {
            let text = RuleLoader().expandedEmbeddedText(RuleLoader.defaultFileName)
            Diagnostics.writeOut(text.hasSuffix("\n") ? text : text + "\n")
            return
        }
        let rules = try loadRules()
        let inputs = files.isEmpty ? ["-"] : files
        try checkInputs(inputs)

        let pipeline = Pipeline(rules: rules, limits: MatchLimits(matchLimit: matchLimit, depthLimit: depthLimit))
        pipeline.stopsOnLimitFailure = strict
        var warnings = LimitWarnings()
        if !strict { pipeline.onLimitFailure = { warnings.report($0) } }
        let output = OutputBuffer(sink: FileDescriptorSink(descriptor: STDOUT_FILENO))
        var readFailed = false
        for input in inputs {
            let descriptor = input == "-" ? STDIN_FILENO : open(input, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                Diagnostics.error(InputError(inputName: input, errorNumber: errno).description)
                readFailed = true
                continue
            }
            defer { if descriptor != STDIN_FILENO { close(descriptor) } }
            var source = FileDescriptorSource(descriptor: descriptor, name: input)
            do {
                try pipeline.run(&source, named: input, into: output)
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

    /// Loads the rules named on the command line, or the defaults; on any error prints every
    /// diagnostic and exits 2 before input is read.
    private func loadRules() throws -> RuleSet {
        var sources = ruleFiles.map { RuleSource.file($0) }
        if !inlineRules.isEmpty {
            sources.append(.text(inlineRules.joined(separator: "\n"), name: "-e"))
        }
        if sources.isEmpty { sources = [.embedded(RuleLoader.defaultFileName)] }
        do {
            return try RuleLoader().load(sources)
        } catch {
            for diagnostic in error.diagnostics { Diagnostics.writeError(diagnostic.description + "\n") }
            throw ExitCode(2)
        }
    }

    /// Refuses, before anything is read or written, inputs that cannot be read: a missing
    /// file, an unreadable one, or a directory.
    private func checkInputs(_ inputs: [String]) throws {
        var failed = false
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

    /// Runs the command with sluice's exit codes: usage errors exit 2 (not 64), and a broken
    /// pipe is not reported.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                Diagnostics.writeOut(fullMessage(for: error) + "\n")
                Glibc.exit(0)
            }
            Diagnostics.writeError(fullMessage(for: error) + "\n")
            Glibc.exit(2)
        }
    }
}

/// Warns about lines on which a match limit was reached: the first few per rule, then a
/// note that more were not shown (statistics count them all).
struct LimitWarnings {
    static let shownPerRule = 5
    private var counts: [String: Int] = [:]

    mutating func report(_ event: LimitFailure) {
        let count = counts[event.stepName, default: 0] + 1
        counts[event.stepName] = count
        if count <= LimitWarnings.shownPerRule {
            Diagnostics.warning(event.description)
        } else if count == LimitWarnings.shownPerRule + 1 {
            Diagnostics.warning("rule \(event.stepName) reached a match limit on more lines; not showing them")
        }
    }
}
