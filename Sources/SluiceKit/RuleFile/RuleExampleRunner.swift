/// The outcome of one example written under a rule: what the rule alone made of the line.
public struct RuleExampleResult: Sendable {
    /// The rule the example is for.
    public let step: RuleStep
    /// The example.
    public let example: RuleExample
    /// What the rule wrote for the example's line and its newline (empty when it dropped it).
    public let output: String

    /// What the example says the rule must write: nothing, the line, or the result, each with
    /// the newline the line was given.
    public var expected: String {
        switch example.expectation {
        case .drops: return ""
        case .keeps: return example.input + "\n"
        case .turns(let result): return result + "\n"
        }
    }

    /// True when the rule did what the example says.
    public var passed: Bool { output == expected }

    /// One line for a failure:
    /// `file:line:col: FAIL [name] drops: "Advertisement" but the rule gave "Advertisement"`.
    public var failureDescription: String {
        let claim: String
        switch example.expectation {
        case .drops: claim = "drops: \(example.input.debugDescription)"
        case .keeps: claim = "keeps: \(example.input.debugDescription)"
        case .turns(let result): claim = "turns: \(example.input.debugDescription) => \(result.debugDescription)"
        }
        // The newline every example line is given is left out, as in the example.
        let shown = output.hasSuffix("\n") ? String(output.dropLast()) : output
        let actual = output.isEmpty ? "dropped it" : "gave \(shown.debugDescription)"
        return "\(example.location): FAIL [\(step.name)] \(claim) but the rule \(actual)"
    }
}

/// Checks the examples written under rules (`drops:`, `keeps:`, `turns: A => B`): each with
/// its rule alone, on the example's line followed by a newline, as one document.
public enum RuleExampleRunner {
    /// The result of every example of `step`, in the order they are written.
    public static func run(_ step: RuleStep) -> [RuleExampleResult] {
        guard !step.examples.isEmpty else { return [] }
        let pipeline = Pipeline(rules: RuleSet(steps: [step]))
        return step.examples.map { example in
            let output = pipeline.clean(Array((example.input + "\n").utf8))
            return RuleExampleResult(step: step, example: example, output: String(decoding: output, as: UTF8.self))
        }
    }
}
