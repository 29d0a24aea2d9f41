/// One line of a rule file after parsing: a step, an include, or an example for the step
/// above it.
enum RuleEntry {
    case step(RuleStepDraft)
    case include(path: String, location: SourceLocation, sourceLine: String)
    /// `paragraphs auto|blank-line|line`: how documents split into paragraphs.
    case paragraphLayout(ParagraphLayout, location: SourceLocation, sourceLine: String)
    case error(RuleDiagnostic)
}

/// A step whose examples are still being collected.
struct RuleStepDraft {
    var step: any Step
    var name: String
    var location: SourceLocation
    var examples: [RuleExample] = []
}

/// Turns the text of one rule file into entries, collecting every error rather than stopping
/// at the first.
///
/// Grammar (one entry per line; see docs/rules.md):
///
/// ```
/// # comment                      blank lines and '#' lines are ignored
/// KEYWORD ARGUMENTS [as NAME]    a step, e.g. drop /^Advertisement$/i as ad-label
/// include PATH                   the steps of another file, resolved beside this one
/// paragraphs auto|blank-line|line how documents split into paragraphs
///     drops: LINE                indented examples for the step above
///     keeps: LINE
///     turns: LINE => RESULT
/// ```
struct RuleParser {
    /// The file's name for diagnostics.
    let file: String
    /// Whether examples are kept (else only checked: ``RuleLoader/keepsExamples``).
    var keepsExamples = true

    /// Parses `bytes` into entries in line order; each error found is an entry of its own,
    /// so that errors in included files are reported in the order they are met.
    func parse(_ bytes: [UInt8]) -> [RuleEntry] {
        var entries: [RuleEntry] = []
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var lastStepHadError = false
        var examples: [Int: [RuleExample]] = [:]
        for (index, rawLine) in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var lineBytes = rawLine
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
            guard let text = String(validating: lineBytes, as: UTF8.self) else {
                entries.append(.error(RuleDiagnostic(
                    "the line is not valid UTF-8",
                    at: SourceLocation(file: file, line: lineNumber, column: 1), sourceLine: "")))
                continue
            }
            var scanner = RuleLineScanner(file: file, lineNumber: lineNumber, text: text)
            if scanner.isAtEnd() { continue }
            let indented = text.first == " " || text.first == "\t"
            guard let keyword = scanner.readWord() else { continue }

            if indented, let expectation = RuleParser.exampleKinds[keyword.text] {
                if lastStepHadError { continue }
                do throws(RuleDiagnostic) {
                    let example = keepsExamples ? try parseExample(expectation, scanner: &scanner, column: keyword.column) : nil
                    if !keepsExamples, expectation == "turns", !text.contains(" => ") {
                        throw scanner.error("a 'turns:' example needs ' => ' between the line and its result", at: keyword.column)
                    }
                    // Errors on example lines leave the step as the last real entry.
                    guard let stepIndex = entries.lastIndex(where: { if case .error = $0 { return false }; return true }),
                          case .step = entries[stepIndex]
                    else {
                        throw scanner.error("an example must follow the rule it is for", at: keyword.column)
                    }
                    // Collected apart and attached at the end: appending to the step inside
                    // `entries` would copy its examples each time.
                    if let example { examples[stepIndex, default: []].append(example) }
                } catch {
                    entries.append(.error(error))
                }
                continue
            }

            if keyword.text == "include" {
                let path = scanner.readRest()
                if path.text.isEmpty {
                    entries.append(.error(scanner.error("expected a file name after 'include'")))
                } else {
                    entries.append(.include(path: path.text, location: scanner.location(at: path.column), sourceLine: text))
                }
                lastStepHadError = false
                continue
            }

            if keyword.text == "paragraphs" {
                entries.append(parseParagraphLayout(&scanner, keyword: keyword, sourceLine: text))
                lastStepHadError = false
                continue
            }

            guard let stepType = readStepType(keyword, scanner: &scanner, entries: &entries) else {
                lastStepHadError = true
                continue
            }
            do throws(RuleDiagnostic) {
                let step = try stepType.parse(&scanner)
                let name = try scanner.finishRule() ?? "\(file):\(lineNumber)"
                entries.append(.step(RuleStepDraft(step: step, name: name, location: scanner.location(at: keyword.column))))
                lastStepHadError = false
            } catch {
                entries.append(.error(error))
                lastStepHadError = true
            }
        }
        for (stepIndex, stepExamples) in examples {
            if case .step(var draft) = entries[stepIndex] {
                draft.examples += stepExamples
                entries[stepIndex] = .step(draft)
            }
        }
        return entries
    }

    /// Finds the step for `keyword`; a step whose keyword is two words (`dedupe ledes`)
    /// takes the next word too. Reports an unknown keyword as an error entry.
    private func readStepType(
        _ keyword: (text: String, column: Int),
        scanner: inout RuleLineScanner,
        entries: inout [RuleEntry]
    ) -> (any Step.Type)? {
        if let single = StepRegistry.step(named: keyword.text) { return single }
        let phrased = StepRegistry.all.filter { $0.keyword.hasPrefix(keyword.text + " ") }
        guard !phrased.isEmpty else {
            var known: [String] = []
            for step in StepRegistry.all {
                let first = String(step.keyword.prefix { $0 != " " })
                if !known.contains(first) { known.append(first) }
            }
            known.append(contentsOf: ["include", "paragraphs"])
            entries.append(.error(scanner.error(
                "unknown action '\(keyword.text)'; expected one of: \(known.joined(separator: ", "))", at: keyword.column)))
            return nil
        }
        let choices = phrased.map { "'\($0.keyword)'" }.joined(separator: " or ")
        guard let second = scanner.readWord() else {
            entries.append(.error(scanner.error("'\(keyword.text)' needs to say what: \(choices)")))
            return nil
        }
        guard let step = StepRegistry.step(named: keyword.text + " " + second.text) else {
            entries.append(.error(scanner.error(
                "unknown '\(keyword.text)' step '\(second.text)'; expected \(choices)", at: second.column)))
            return nil
        }
        return step
    }

    /// In example text `\n` stands for a line break (so paragraph steps can have examples),
    /// `\t` for a tab, `\r` for a carriage return and `\\` for a backslash; any other
    /// backslash is itself.
    static func unescapeExample(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "\\": result.append("\\")
                default: result.append("\\"); result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    /// `paragraphs VALUE`: one of the ``ParagraphLayout`` names, then nothing but a comment.
    private func parseParagraphLayout(
        _ scanner: inout RuleLineScanner, keyword: (text: String, column: Int), sourceLine: String
    ) -> RuleEntry {
        let choices = ParagraphLayout.allCases.map(\.rawValue).joined(separator: ", ")
        guard let value = scanner.readWord() else {
            return .error(scanner.error("'paragraphs' needs a layout: \(choices)"))
        }
        guard let layout = ParagraphLayout(rawValue: value.text) else {
            return .error(scanner.error("unknown paragraph layout '\(value.text)'; expected one of: \(choices)", at: value.column))
        }
        do throws(RuleDiagnostic) {
            if try scanner.finishRule() != nil {
                return .error(scanner.error("'paragraphs' is a setting, not a step: it takes no name", at: keyword.column))
            }
        } catch {
            return .error(error)
        }
        return .paragraphLayout(layout, location: scanner.location(at: keyword.column), sourceLine: sourceLine)
    }

    private static let exampleKinds: [String: String] = ["drops:": "drops", "keeps:": "keeps", "turns:": "turns"]

    private func parseExample(_ kind: String, scanner: inout RuleLineScanner, column: Int) throws(RuleDiagnostic) -> RuleExample {
        // The example text is everything after the keyword and one space, kept as written.
        var text = scanner.text.unicodeScalars.dropFirst(column + kind.count + 1)
        if text.first == " " { text = text.dropFirst() }
        let input = RuleParser.unescapeExample(String(text))
        let location = scanner.location(at: column)
        switch kind {
        case "drops": return RuleExample(input: input, expectation: .drops, location: location)
        case "keeps": return RuleExample(input: input, expectation: .keeps, location: location)
        default:
            guard let arrow = input.firstRange(of: " => ") else {
                throw scanner.error("a 'turns:' example needs ' => ' between the line and its result", at: column)
            }
            return RuleExample(
                input: String(input[..<arrow.lowerBound]),
                expectation: .turns(into: String(input[arrow.upperBound...])),
                location: location)
        }
    }
}
