import ArgumentParser
import SluiceKit

/// `sluice check FILE...`: parses and compiles rule files and reports every error.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and compile rule files; report every error as file:line:column.",
        discussion: """
        Prints 'FILE: ok (N rules)' for a good file. Exit status: 0 when every file is \
        good, 2 when any has an error.
        """
    )

    @Argument(help: ArgumentHelp("Rule files to check.", valueName: "FILE"), completion: .file(extensions: ["rules"]))
    var files: [String]

    func run() throws {
        var failed = false
        var printed: Set<String> = []
        for file in files {
            do {
                let rules = try RuleLoader().load([.file(file)])
                Diagnostics.writeOut("\(file): ok (\(rules.steps.count) \(rules.steps.count == 1 ? "rule" : "rules"))\n")
            } catch {
                Diagnostics.ruleErrors(error, skipping: &printed)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
