@testable import SluiceKit
import Testing

@Suite struct JSONRecordTests {
    func field(_ name: String, in record: String) throws(JSONRecord.Failure) -> String {
        let bytes = Array(record.utf8)
        let range = try JSONRecord.stringField(Array(name.utf8), in: bytes[...])
        return String(decoding: bytes[range], as: UTF8.self)
    }

    @Test func findsTheTopLevelFieldWhereverItIs() throws {
        let record = #"{"id": 12345678901234567890, "meta": {"text": "nested", "a": [1, -2.5e+10, true, null, {}]}, "text" : "it\u2019s \"here\"", "z": false}"#
        #expect(try field("text", in: record) == #"it\u2019s \"here\""#)
        #expect(try field("text", in: #"  {"text":""}  "#) == "")
    }

    /// jq and Python keep the last of duplicated keys; so does sluice.
    @Test func lastDuplicateKeyCounts() throws {
        #expect(try field("text", in: #"{"text":"first","text":"second"}"#) == "second")
    }

    @Test func keysWithEscapesAreCompareDecoded() throws {
        #expect(try field("text", in: #"{"t\u0065xt":"found"}"#) == "found")
    }

    @Test(arguments: [
        (#"{"text": 5}"#, JSONRecord.Failure.notAString(kind: "number")),
        (#"{"text": {"a": 1}}"#, .notAString(kind: "object")),
        (#"{"text": null}"#, .notAString(kind: "null")),
        (#"{"body": "x"}"#, .missingField),
        (#"{}"#, .missingField),
        (#"["text", "x"]"#, .notAnObject),
        ("not json", .invalid(message: "expected a JSON value", column: 1)),
        (#"{"text": "x""#, .invalid(message: "expected ',' or '}' after a value, found the end of the line", column: 13)),
        (#"{"text": "x"} trailing"#, .invalid(message: "unexpected text after the JSON value", column: 15)),
        (#"{"text" "x"}"#, .invalid(message: "expected ':' after the key", column: 9)),
        (#"{text: "x"}"#, .invalid(message: "expected a key in double quotes", column: 2)),
        (#"{"a": 01, "text": "x"}"#, .invalid(message: "expected ',' or '}' after a value", column: 8)),
        (#"{"a": 1., "text": "x"}"#, .invalid(message: "expected a digit after '.'", column: 9)),
        (#"{"a": "\q", "text": "x"}"#, .invalid(message: "not a JSON escape", column: 9)),
        ("{\"text\": \"tab\there\"}", .invalid(message: "a control character in a string must be escaped", column: 14)),
        (#"{"text": "open"#, .invalid(message: "unterminated string, found the end of the line", column: 15)),
    ])
    func reportsWhatIsWrong(_ record: String, _ failure: JSONRecord.Failure) {
        #expect(throws: failure) { try field("text", in: record) }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = #"{"a": "# + String(repeating: "[", count: 100_000) + "}"
        #expect(throws: JSONRecord.Failure.invalid(message: "values nest more than 512 deep", column: 518)) {
            try field("text", in: deep)
        }
    }
}
