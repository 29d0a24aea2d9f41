@testable import SluiceKit
import Testing

@Suite struct JSONStringTests {
    func decode(_ body: String) throws -> String {
        String(decoding: try JSONString.decode(Array(body.utf8)[...]), as: UTF8.self)
    }

    func encode(_ text: String) -> String {
        var output: [UInt8] = []
        JSONString.encode(Array(text.utf8), into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test(arguments: [
        (#"plain"#, "plain"),
        (#"a\nb\tc\rd\be\ff"#, "a\nb\tc\rd\u{8}e\u{C}f"),
        (#"\"quoted\" \\ back\/slash"#, "\"quoted\" \\ back/slash"),
        (#"it\u2019s \u00e9t\u00C9"#, "it’s étÉ"),
        (#"\ud83d\ude00 smile"#, "😀 smile"),
        (#"\u0000nul"#, "\u{0}nul"),
        ("raw ünïcödé 😀", "raw ünïcödé 😀"),
    ])
    func decodesEveryEscape(_ body: String, _ expected: String) throws {
        #expect(try decode(body) == expected)
    }

    @Test(arguments: [
        (#"bad \x escape"#, #"'\x' is not a JSON escape"#, 4),
        (#"lone \ud83d high"#, #"\ud83d is a high surrogate without its low half"#, 5),
        (#"lone \ude00 low"#, #"\ude00 is a low surrogate without its high half"#, 5),
        (#"short \u12"#, #"\u needs four hex digits"#, 6),
        ("ends \\", "the string ends in the middle of an escape", 5),
        ("tab\there", "control character 0x09 must be escaped", 3),
    ])
    func refusesWhatJSONDoesNotAllow(_ body: String, _ message: String, _ offset: Int) {
        #expect(throws: JSONString.DecodingError(message: message, offset: offset)) { try decode(body) }
    }

    /// Encoding escapes only what JSON requires, so a cleaned field grows no more than it must.
    @Test func encodingIsMinimal() {
        #expect(encode("it’s 😀 / fine") == "it’s 😀 / fine")
        #expect(encode("say \"hi\"\\\n\t\r\u{8}\u{C}\u{1}\u{1F}") == #"say \"hi\"\\\n\t\r\b\f\u0001\u001f"#)
    }

    @Test(arguments: ["", "a\nb", "\"\\/", "it’s 😀", "\u{0}\u{1F}\u{7F}", "\u{2028}\u{2029}"])
    func encodedTextDecodesToItself(_ text: String) throws {
        #expect(try decode(encode(text)) == text)
    }
}
