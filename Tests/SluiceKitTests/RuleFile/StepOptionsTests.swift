import SluiceKit
import Testing

/// `key=value` options after a step, read through `RuleLoader` as a rule file would be, and
/// through `StepOptions` itself.
@Suite struct StepOptionsTests {
    // MARK: accepted

    @Test func defaultsWhenNoOptionIsGiven() throws {
        let set = try rules("dedupe ledes\ndedupe paragraphs")
        let ledes = try #require(set.steps[0].step as? DedupeLedes)
        #expect(ledes.window == 5)
        #expect(ledes.threshold == 0.9)
        #expect(ledes.minimumWords == 8)
        #expect(ledes.shingleSize == 3)
        let paragraphs = try #require(set.steps[1].step as? DedupeParagraphs)
        #expect(paragraphs.minimumLength == 20)
    }

    @Test func givenOptionsInAnyOrder() throws {
        let set = try rules("dedupe ledes shingle=4 threshold=0.75 min-words=12 window=2\ndedupe paragraphs min-length=5")
        let ledes = try #require(set.steps[0].step as? DedupeLedes)
        #expect(ledes.window == 2)
        #expect(ledes.threshold == 0.75)
        #expect(ledes.minimumWords == 12)
        #expect(ledes.shingleSize == 4)
        #expect((set.steps[1].step as? DedupeParagraphs)?.minimumLength == 5)
    }

    @Test func rangeEndsAreAccepted() throws {
        let set = try rules("""
            dedupe ledes window=1 threshold=0.5 min-words=2 shingle=1
            dedupe ledes window=100 threshold=1 min-words=10000 shingle=10
            dedupe paragraphs min-length=1
            dedupe paragraphs min-length=100000
            """)
        let low = try #require(set.steps[0].step as? DedupeLedes)
        #expect([low.window, low.minimumWords, low.shingleSize] == [1, 2, 1])
        #expect(low.threshold == 0.5)
        let high = try #require(set.steps[1].step as? DedupeLedes)
        #expect([high.window, high.minimumWords, high.shingleSize] == [100, 10_000, 10])
        #expect(high.threshold == 1.0)
        #expect((set.steps[2].step as? DedupeParagraphs)?.minimumLength == 1)
        #expect((set.steps[3].step as? DedupeParagraphs)?.minimumLength == 100_000)
    }

    @Test func nameAfterOptionsAndComment() throws {
        let set = try rules("""
            dedupe ledes window=3 threshold=0.8 as duplicate-lede   # keep the fuller copy
            dedupe paragraphs min-length=30 as repeated
            dedupe ledes as plain
            dedupe paragraphs
            """)
        #expect(set.steps.map(\.name) == ["duplicate-lede", "repeated", "plain", "t.rules:4"])
        let ledes = try #require(set.steps[0].step as? DedupeLedes)
        #expect(ledes.window == 3)
        #expect(ledes.threshold == 0.8)
        #expect((set.steps[1].step as? DedupeParagraphs)?.minimumLength == 30)
        #expect(set.steps.map(\.location.column) == [1, 1, 1, 1])
    }

    @Test func optionsReadDirectly() throws {
        var scanner = RuleLineScanner(file: "x.rules", lineNumber: 4, text: "step a=1 b=0.25 as name")
        _ = scanner.readWord()
        let options = try StepOptions(&scanner, allowed: ["a", "b", "c"])
        #expect(try options.integer("a", default: 9, in: 0...5) == 1)
        #expect(try options.decimal("b", default: 9, in: 0...1) == 0.25)
        #expect(try options.integer("c", default: 9, in: 0...5) == 9, "an option not given has its default, even out of range")
        // The scanner is left before `as NAME`.
        #expect(try scanner.finishRule() == "name")
    }

    @Test func stepWithoutOptionsSaysItTakesNone() {
        var scanner = RuleLineScanner(file: "x.rules", lineNumber: 2, text: "step fast=1")
        _ = scanner.readWord()
        let error = #expect(throws: RuleDiagnostic.self) { _ = try StepOptions(&scanner, allowed: []) }
        #expect(error?.message == "unknown option 'fast'; it takes none")
        #expect(error?.location.description == "x.rules:2:6")
    }

    // MARK: errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let rules: String
        let location: String
        let message: String
        var testDescription: String { rules.debugDescription }
    }

    static let ledeOptions = "it takes: window, threshold, min-words, shingle"

    static let errorCases: [ErrorCase] = [
        ErrorCase(rules: "dedupe ledes windw=3", location: "t.rules:1:14", message: "unknown option 'windw'; \(ledeOptions)"),
        ErrorCase(rules: "dedupe ledes window=3 Window=4", location: "t.rules:1:23", message: "unknown option 'Window'; \(ledeOptions)"),
        ErrorCase(rules: "dedupe ledes =3", location: "t.rules:1:14", message: "unknown option ''; \(ledeOptions)"),
        ErrorCase(rules: "dedupe paragraphs window=3", location: "t.rules:1:19", message: "unknown option 'window'; it takes: min-length, min-run-length"),
        ErrorCase(rules: "dedupe ledes window=3 window=4", location: "t.rules:1:23", message: "option 'window' is given twice"),
        ErrorCase(rules: "dedupe paragraphs min-length=5 min-length=5", location: "t.rules:1:32", message: "option 'min-length' is given twice"),
        ErrorCase(rules: "dedupe ledes window=0", location: "t.rules:1:14", message: "window must be a whole number from 1 to 100, not '0'"),
        ErrorCase(rules: "dedupe ledes window=101", location: "t.rules:1:14", message: "window must be a whole number from 1 to 100, not '101'"),
        ErrorCase(rules: "dedupe ledes window=2.5", location: "t.rules:1:14", message: "window must be a whole number from 1 to 100, not '2.5'"),
        ErrorCase(rules: "dedupe ledes window=", location: "t.rules:1:14", message: "window must be a whole number from 1 to 100, not ''"),
        ErrorCase(rules: "dedupe ledes threshold=1.5", location: "t.rules:1:14", message: "threshold must be a number from 0.5 to 1.0, not '1.5'"),
        ErrorCase(rules: "dedupe ledes threshold=0.49", location: "t.rules:1:14", message: "threshold must be a number from 0.5 to 1.0, not '0.49'"),
        ErrorCase(rules: "dedupe ledes threshold=abc", location: "t.rules:1:14", message: "threshold must be a number from 0.5 to 1.0, not 'abc'"),
        ErrorCase(rules: "dedupe ledes threshold=0,9", location: "t.rules:1:14", message: "threshold must be a number from 0.5 to 1.0, not '0,9'"),
        ErrorCase(rules: "dedupe ledes threshold=nan", location: "t.rules:1:14", message: "threshold must be a number from 0.5 to 1.0, not 'nan'"),
        ErrorCase(rules: "dedupe ledes min-words=1", location: "t.rules:1:14", message: "min-words must be a whole number from 2 to 10000, not '1'"),
        ErrorCase(rules: "dedupe ledes shingle=11", location: "t.rules:1:14", message: "shingle must be a whole number from 1 to 10, not '11'"),
        ErrorCase(rules: "dedupe paragraphs min-length=-1", location: "t.rules:1:19", message: "min-length must be a whole number from 1 to 100000, not '-1'"),
        ErrorCase(rules: "dedupe paragraphs min-length=0", location: "t.rules:1:19", message: "min-length must be a whole number from 1 to 100000, not '0'"),
        // The column is the option's, also after a tab and further options.
        ErrorCase(rules: "\tdedupe ledes window=2\tthreshold=2", location: "t.rules:1:24", message: "threshold must be a number from 0.5 to 1.0, not '2'"),
        ErrorCase(rules: "dedupe ledes fast", location: "t.rules:1:14", message: "expected an option such as key=value, or 'as NAME'"),
        ErrorCase(rules: "dedupe ledes window=3 fast", location: "t.rules:1:23", message: "expected an option such as key=value, or 'as NAME'"),
        ErrorCase(rules: "dedupe paragraphs 20", location: "t.rules:1:19", message: "expected an option such as key=value, or 'as NAME'"),
        ErrorCase(rules: "dedupe", location: "t.rules:1:7", message: "'dedupe' needs to say what: 'dedupe paragraphs' or 'dedupe ledes'"),
        ErrorCase(rules: "dedupe lines", location: "t.rules:1:8", message: "unknown 'dedupe' step 'lines'; expected 'dedupe paragraphs' or 'dedupe ledes'"),
        ErrorCase(rules: "dedupe ledes as lede window=3", location: "t.rules:1:22", message: "unexpected text after the rule name"),
        ErrorCase(rules: "dedupe ledes window=3 as", location: "t.rules:1:25", message: "expected a rule name after 'as'"),
    ]

    @Test(arguments: errorCases)
    func errorIsReportedAtTheOption(_ errorCase: ErrorCase) {
        let found = diagnostics(errorCase.rules)
        #expect(found.map(\.location.description) == [errorCase.location])
        #expect(found.map(\.message) == [errorCase.message])
        #expect(found.map(\.sourceLine) == [errorCase.rules])
    }

    @Test func diagnosticPointsAtTheOption() {
        #expect(diagnostics("drop /a/\ndedupe ledes window=3 windw=4", name: "news.rules").map(\.description) == [
            """
            news.rules:2:23: error: unknown option 'windw'; it takes: window, threshold, min-words, shingle
            dedupe ledes window=3 windw=4
                                  ^
            """,
        ])
    }

    @Test func everyBadLineIsReported() {
        let found = diagnostics("dedupe ledes window=0\ndedupe paragraphs\ndedupe\ndedupe paragraphs min-length=x")
        #expect(found.map(\.location.line) == [1, 3, 4])
    }
}
