import SluiceKit
import Testing

@Suite struct LineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let bytes: [UInt8]
        let contentCount: Int
        let isBlank: Bool
        var testDescription: String { string(bytes).debugDescription }
    }

    static let cases: [Case] = [
        Case(bytes: utf8("abc\n"), contentCount: 3, isBlank: false),
        Case(bytes: utf8("abc\r\n"), contentCount: 3, isBlank: false),
        Case(bytes: utf8("abc"), contentCount: 3, isBlank: false),
        Case(bytes: utf8("\n"), contentCount: 0, isBlank: true),
        Case(bytes: utf8("\r\n"), contentCount: 0, isBlank: true),
        Case(bytes: [], contentCount: 0, isBlank: true),
        // A CR not followed by LF is content.
        Case(bytes: utf8("abc\r"), contentCount: 4, isBlank: false),
        Case(bytes: utf8("a\rb\n"), contentCount: 3, isBlank: false),
        Case(bytes: utf8("\r\r\n"), contentCount: 1, isBlank: true),
        Case(bytes: utf8("\r"), contentCount: 1, isBlank: true),
        Case(bytes: utf8("  \t \n"), contentCount: 4, isBlank: true),
        Case(bytes: utf8("\u{0C}\u{0B} \r\n"), contentCount: 3, isBlank: true),
        Case(bytes: utf8(" . \n"), contentCount: 3, isBlank: false),
        // Only ASCII white space counts: a no-break space is text.
        Case(bytes: utf8("\u{00A0}\n"), contentCount: 2, isBlank: false),
        Case(bytes: [0x00, 0x0A], contentCount: 1, isBlank: false),
    ]

    @Test(arguments: cases)
    func splitsContentFromTerminator(_ testCase: Case) {
        testCase.bytes.withUnsafeBytes { buffer in
            let line = Line(bytes: buffer, number: 7)
            #expect(line.contentCount == testCase.contentCount)
            #expect(Array(line.content) == Array(testCase.bytes[0..<testCase.contentCount]))
            #expect(Array(line.terminator) == Array(testCase.bytes[testCase.contentCount...]))
            #expect(line.isBlank == testCase.isBlank)
            #expect(line.number == 7)
        }
    }
}
