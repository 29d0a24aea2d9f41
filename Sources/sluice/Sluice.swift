import ArgumentParser
import Glibc
import SluiceKit

/// `sluice`: a Unix filter that removes scraper junk from text with PCRE2 rule files.
///
/// Cleaning is the default subcommand, so `sluice FILE` and `sluice -e RULE < in` clean;
/// `sluice check` and `sluice test` are for rule authors.
@main
struct Sluice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sluice",
        abstract: "Clean scraped text: drop junk lines, rewrite text, squeeze blank lines, driven by PCRE2 rule files.",
        discussion: """
        With no subcommand, sluice cleans: it reads each FILE in order (standard input when \
        none is given, or for '-') and writes the cleaned text to standard output, with the \
        rules of -r/--rules FILE and -e/--rule RULE, or the built-in defaults. Run \
        'sluice clean --help' for every cleaning option.

        Examples:
          sluice article.txt                         clean with the default rules
          sluice -r Rules/news.rules a.txt b.txt     clean two files with a rule file
          sluice --jsonl=text -j 4 < in.jsonl        clean each record's "text"
          sluice check my.rules                      report every error in a rule file
          sluice test Rules/                         run the examples in rule files

        Exit status: 0 success, 1 read or write error (or a failing rule example), 2 usage \
        or rule error (or, with --strict, a match limit reached). A closed output pipe ends \
        sluice quietly with 0.
        """,
        version: "sluice \(SluiceVersion.number) (PCRE2 \(SluiceKit.Pattern.libraryVersion), JIT \(SluiceKit.Pattern.isJITAvailable ? "on" : "off"))",
        subcommands: [Clean.self, Check.self, TestRules.self],
        defaultSubcommand: Clean.self
    )

    /// Options that take an optional value (`--stats[=json]`, `--jsonl[=FIELD]`), which
    /// ArgumentParser cannot express: given bare, they get their default value here.
    static let optionalValueDefaults = ["--stats": "--stats=text", "--jsonl": "--jsonl=text"]

    /// The arguments with bare optional-value options given their default (up to `--`).
    static func expandingOptionalValues(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var literal = false
        for argument in arguments {
            if literal {
                result.append(argument)
                continue
            }
            if argument == "--" { literal = true }
            result.append(optionalValueDefaults[argument] ?? argument)
        }
        return result
    }

    /// Runs the command with sluice's exit codes: usage errors exit 2 (not 64), and a broken
    /// pipe is not reported.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        _ = StandardDescriptors.standardInputWasClosed
        do {
            var command = try parseAsRoot(expandingOptionalValues(Array(CommandLine.arguments.dropFirst())))
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
