import SluiceKit
import Testing

/// How a paragraph ends, as the paragraph steps read it.
@Suite struct SentenceEndTests {
    static func end(_ text: String) -> SentenceEnd {
        var paragraph = HeldLines()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            Array(line.utf8).withUnsafeBytes { content in
                paragraph.append(content: content, terminator: UnsafeRawBufferPointer(start: nil, count: 0), number: 1)
            }
        }
        return SentenceEnd.of(paragraph)
    }

    @Test(arguments: [
        ("The talks ended at noon.", SentenceEnd.Mark.fullStop),
        ("He said: “We will stay.”", .fullStop),
        ("It rose (by 4.5 per cent.)", .fullStop),
        ("noon. “", .fullStop),
        ("他进一步说明。", .fullStop),
        ("Why Do We Get Allergies?", .question),
        ("是吗？」", .question),
        ("\"We got her!\"", .exclamation),
        ("Loading...", .ellipsis),
        ("Wait..", .ellipsis),
        ("The plan…", .ellipsis),
        ("Related Articles:", .colon),
        ("first; ", .semicolon),
        ("Oil prices fall", .other),
        ("„Hallo“", .other),
        ("”", .nothing),
        ("", .nothing),
    ])
    func lastMark(_ text: String, _ mark: SentenceEnd.Mark) {
        #expect(Self.end(text).mark == mark)
    }

    @Test func quotesAndBracketsAfterTheMarkAreNoted() {
        #expect(Self.end("noon.”").isClosed)
        #expect(Self.end("noon.”").endsInQuote)
        #expect(Self.end("noon.)").isClosed)
        #expect(!Self.end("noon.)").endsInQuote)
        #expect(!Self.end("noon.").isClosed)
    }

    /// The last line decides; a line of nothing but closers leaves it to the line before.
    @Test func theLastLineDecides() {
        #expect(Self.end("A headline\nThe text goes on.").mark == .fullStop)
        #expect(Self.end("The text goes on.\nA caption").mark == .other)
        #expect(Self.end("The text goes on.\n”").mark == .fullStop)
        #expect(Self.end("The text goes on.\n   ").mark == .fullStop)
    }
}
