import SluiceKit
import Testing

/// The examples written under the shipped rules are their specification: each must hold for
/// the rule alone, and every rule must have one.
@Suite struct ShippedRuleExamplesTests {
    /// Each step of a built-in file, once (a step reached through an include is checked in
    /// the file that defines it).
    static let steps: [StepCase] = {
        var seen: Set<String> = []
        var cases: [StepCase] = []
        for name in RuleLoader.builtInFiles.keys.sorted() {
            guard let set = try? RuleLoader().load([.embedded(name)]) else { continue }
            for step in set.steps where seen.insert(step.location.description).inserted {
                cases.append(StepCase(step: step))
            }
        }
        return cases
    }()

    struct StepCase: Sendable, CustomTestStringConvertible {
        let step: RuleStep
        var testDescription: String { "\(step.name) at \(step.location)" }
    }

    @Test func builtInFilesHaveSteps() throws {
        for name in RuleLoader.builtInFiles.keys.sorted() {
            #expect(try !RuleLoader().load([.embedded(name)]).steps.isEmpty, "\(name)")
        }
        #expect(!Self.steps.isEmpty)
    }

    @Test(arguments: steps)
    func everyRuleCarriesAnExample(_ stepCase: StepCase) {
        #expect(!stepCase.step.examples.isEmpty, "\(stepCase.step.location): '\(stepCase.step.name)' has no drops:/keeps:/turns: example")
    }

    @Test(arguments: steps)
    func everyExampleHolds(_ stepCase: StepCase) {
        for example in stepCase.step.examples {
            let pipeline = Pipeline(rules: RuleSet(steps: [stepCase.step]))
            let output = string(pipeline.clean(utf8(example.input + "\n")))
            let expected: String
            switch example.expectation {
            case .drops: expected = ""
            case .keeps: expected = example.input + "\n"
            case .turns(let result): expected = result + "\n"
            }
            #expect(output == expected, "\(example.location): \(example.input.debugDescription) gave \(output.debugDescription)")
        }
    }

    /// A junk line behind a stray quote mark must go in one run (idempotence of the default
    /// rules): every shipped `drop` looks past quote marks at a line's edges.
    @Test(arguments: steps)
    func everyDropLooksPastEdgeQuotes(_ stepCase: StepCase) {
        guard let drop = stepCase.step.step as? DropLines else { return }
        #expect(drop.ignoresEdgeQuotes, "\(stepCase.step.location): '\(stepCase.step.name)' lacks the q flag")
    }
}
