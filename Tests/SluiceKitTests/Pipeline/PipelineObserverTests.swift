import SluiceKit
import Testing

@Suite struct PipelineObserverTests {
    final class Recorder: PipelineObserver {
        var events: [String] = []

        func step(_ step: RuleStep, removed content: UnsafeRawBufferPointer, lineNumber: Int) {
            events.append("- \(step.name) \(lineNumber) \(string(Array(content)))")
        }

        func step(_ step: RuleStep, changed old: UnsafeRawBufferPointer, to new: UnsafeRawBufferPointer, lineNumber: Int) {
            events.append("~ \(step.name) \(lineNumber) \(string(Array(old))) → \(string(Array(new)))")
        }
    }

    static let ruleText = """
        drop /^Advertisement$/ as ad
        replace /colou?r/hue/g as hue
        dedupe paragraphs min-length=5 min-run-length=1 as repeated
        quotes strip-stray as stray
        squeeze blank-lines as squeeze
        """

    static let input = "Advertisement\n\nThe colour here.\n\n\n\nThe colour here.\n\n“Open quote\n"

    /// Every kind of step reports through the taps: removals, changes, whole paragraphs,
    /// quote marks and blank lines, each under the step that did it.
    @Test(arguments: ReadPlan.all)
    func reportsWhatEachStepDid(_ plan: ReadPlan) throws {
        let recorder = Recorder()
        let pipeline = Pipeline(rules: try rules(Self.ruleText), observer: recorder)
        let output = try run(pipeline, utf8(Self.input), plan: plan)
        #expect(string(output) == "The hue here.\n\nOpen quote\n")
        #expect(recorder.events == [
            "- ad 1 Advertisement",
            "~ hue 3 The colour here. → The hue here.",
            // The paragraph layout is decided before the first paragraph step, which holds
            // the document's first lines back: the steps after it hear of them later.
            "~ hue 7 The colour here. → The hue here.",
            "- squeeze 2 ",
            "- repeated 7 The hue here.",
            "~ stray 9 “Open quote → Open quote",
            "- squeeze 5 ",
            "- squeeze 6 ",
            "- squeeze 8 ",
        ])
    }

    @Test func observedAndUnobservedPipelinesCleanAlike() throws {
        let plain = Pipeline(rules: try rules(Self.ruleText))
        let observed = Pipeline(rules: try rules(Self.ruleText), observer: Recorder())
        #expect(observed.clean(utf8(Self.input)) == plain.clean(utf8(Self.input)))
    }

    @Test func eachDocumentStartsAfresh() throws {
        let recorder = Recorder()
        let pipeline = Pipeline(rules: try rules("drop /^x$/ as x"), observer: recorder)
        _ = pipeline.clean(utf8("x\na\n"))
        _ = pipeline.clean(utf8("b\nx\n"))
        #expect(recorder.events == ["- x 1 x", "- x 2 x"])
    }
}
