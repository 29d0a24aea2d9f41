import SluiceKit
import Testing

@Suite struct DocumentCleanerTests {
    static let rules = """
        drop /^Advertisement$/
        replace /\\h+$//
        dedupe paragraphs min-length=5 min-run-length=1
        squeeze blank-lines
        """

    func cleaner(field: String? = "text") throws -> DocumentCleaner {
        DocumentCleaner(rules: try SluiceKitTests.rules(Self.rules), field: field)
    }

    func clean(_ record: String, field: String = "text") throws -> DocumentResult {
        try cleaner(field: field).clean(Document(content: utf8(record), number: 1, inputName: "in"))
    }

    /// The "done when" record: unicode escapes, a surrogate pair, a big integer, nested
    /// objects, the field not first. Only the field's bytes may change.
    @Test func awkwardRecordChangesOnlyInItsField() throws {
        let before = #"{"id": 12345678901234567890, "meta": {"text": "nested", "n": [1, 2.50, -0e-0]}, "#
        let after = #", "z" :true}"# + "\r\n"
        let field = #""Advertisement\nIt\u2019s a \ud83d\ude00 day.   \n\n\"Said\" \\ \/ ok\n\nIt\u2019s a \ud83d\ude00 day.\n""#
        let result = try clean(before + #""text": "# + field + after)
        #expect(result.recordError == nil)
        #expect(string(result.output) == before + #""text": "It’s a 😀 day.\n\n\"Said\" \\ / ok\n""# + after)
    }

    /// A record no rule changes keeps its escapes as they were written.
    @Test func untouchedRecordIsByteIdentical() throws {
        let record = #"{"text":"Quiet \u00e9 \/ \ud83d\ude00 line\n","n":1e400}"# + "\n"
        #expect(string(try clean(record).output) == record)
    }

    @Test func otherFieldNameAndBlankLines() throws {
        #expect(string(try clean(#"{"text":"x","body":"Advertisement\nKept\n"}"#, field: "body").output) == #"{"text":"x","body":"Kept\n"}"#)
        #expect(string(try clean("  \n").output) == "  \n")
    }

    @Test(arguments: [
        ("nope\n", "not valid JSON: expected a JSON value (column 1)"),
        (#"{"text": 12345678901234567890}"#, #"the "text" field is a number, not a string"#),
        (#"{"body": "x"}"#, #"the record has no "text" field"#),
        (#"[1]"#, "the record is not a JSON object"),
        (#"{"a":1, "text": "bad \udc00 low"}"#, #"the "text" field: \udc00 is a low surrogate without its high half (column 22)"#),
    ])
    func recordErrorsSayWhatIsWrong(_ record: String, _ message: String) throws {
        let result = try clean(record)
        #expect(result.recordError == message)
        #expect(result.output.isEmpty)
    }

    /// Per-document steps start afresh with every document, though one pipeline cleans them all.
    @Test func paragraphStepsRunPerDocument() throws {
        let cleaner = try cleaner(field: nil)
        let text = "Same paragraph here.\n\nSame paragraph here.\n"
        let first = cleaner.clean(Document(content: utf8(text), trailer: [0], number: 1, inputName: "-"))
        let second = cleaner.clean(Document(content: utf8(text), trailer: [0], number: 2, inputName: "-"))
        #expect(string(first.output) == "Same paragraph here.\n\u{0}")
        #expect(second.output == first.output)
        #expect(cleaner.pipeline.statistics.documents == 2)
    }

    @Test func limitFailuresAreCollectedAndCanStopTheDocument() throws {
        let rules = try SluiceKitTests.rules("drop /^(a+)+$/")
        let limits = MatchLimits(matchLimit: 100, depthLimit: 100)
        let line = String(repeating: "a", count: 30) + "b\n"
        let lenient = DocumentCleaner(rules: rules, limits: limits)
        let kept = lenient.clean(Document(content: utf8(line), number: 1, inputName: "-"))
        #expect(string(kept.output) == line)
        #expect(kept.limitFailures.count == 1)
        #expect(kept.stoppingFailure == nil)
        let strict = DocumentCleaner(rules: rules, limits: limits, stopsOnLimitFailure: true)
        let stopped = strict.clean(Document(content: utf8(line), number: 1, inputName: "-"))
        #expect(stopped.output.isEmpty)
        #expect(stopped.stoppingFailure != nil)
    }
}
