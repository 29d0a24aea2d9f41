import ArgumentParser
import Glibc
import SluiceKit

/// `sluice test FILE...|DIR...`: runs the examples written under the rules of rule files.
struct TestRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the drops:/keeps:/turns: examples written under rules.",
        discussion: """
        Each example is checked with its rule alone. A directory stands for the *.rules \
        files in it. A rule reached through an include is tested once, in the file that \
        defines it. Exit status: 0 when every example holds, 1 when one fails, 2 when a \
        rule file has an error.
        """
    )

    @Argument(help: ArgumentHelp("Rule files, or directories of them.", valueName: "FILE|DIR"), completion: .file(extensions: ["rules"]))
    var paths: [String]

    func run() throws {
        var hasRuleErrors = false
        var printed: Set<String> = []
        // Every step once, grouped by the file that defines it, files in the order met.
        var seen: Set<String> = []
        var definingFiles: [String] = []
        var stepsByFile: [String: [RuleStep]] = [:]
        for file in ruleFiles(&hasRuleErrors) {
            do {
                for step in try RuleLoader().load([.file(file)]).steps where seen.insert(step.location.description).inserted {
                    if stepsByFile[step.location.file] == nil { definingFiles.append(step.location.file) }
                    stepsByFile[step.location.file, default: []].append(step)
                }
            } catch {
                Diagnostics.ruleErrors(error, skipping: &printed)
                hasRuleErrors = true
            }
        }
        var examples = 0, failures = 0
        var untested: [RuleStep] = []
        for file in definingFiles {
            var fileExamples = 0, fileFailures = 0
            for step in stepsByFile[file] ?? [] {
                if step.examples.isEmpty { untested.append(step) }
                for result in RuleExampleRunner.run(step) {
                    fileExamples += 1
                    if !result.passed {
                        fileFailures += 1
                        Diagnostics.writeOut(result.failureDescription + "\n")
                    }
                }
            }
            examples += fileExamples
            failures += fileFailures
            let verdict = fileFailures == 0 ? "PASS" : "FAIL"
            let failed = fileFailures == 0 ? "" : ", \(fileFailures) failed"
            Diagnostics.writeOut("\(verdict) \(file): \(Self.count(fileExamples, "example"))\(failed)\n")
        }
        for step in untested {
            Diagnostics.writeOut("note: \(step.location): rule '\(step.name)' has no example\n")
        }
        let files = Self.count(definingFiles.count, "file")
        Diagnostics.writeOut("\(Self.count(examples, "example")) in \(files): \(examples - failures) passed, \(failures) failed\n")
        if hasRuleErrors { throw ExitCode(2) }
        if failures > 0 { throw ExitCode.failure }
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// The rule files named: each file as given, each directory's `*.rules` files sorted by
    /// name. A directory without any is an error.
    private func ruleFiles(_ hasErrors: inout Bool) -> [String] {
        var result: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                result.append(path)
                continue
            }
            let found = Self.ruleFiles(in: path)
            if found.isEmpty {
                Diagnostics.error("no .rules files in '\(path)'")
                hasErrors = true
            }
            result += found
        }
        return result
    }

    /// The `*.rules` files directly in `directory`, sorted, as `directory/name`.
    private static func ruleFiles(in directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".rules"), !name.hasPrefix(".") { names.append(name) }
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return names.sorted().map { prefix + $0 }
    }
}
