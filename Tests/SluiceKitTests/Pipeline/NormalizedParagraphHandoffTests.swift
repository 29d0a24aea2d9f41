@testable import SluiceKit
import Testing

/// `dedupe ledes` hands what it normalized to a `dedupe paragraphs` after it; a paragraph
/// that a step between them changes must be compared by its new text, never by the one
/// handed over.
@Suite struct NormalizedParagraphHandoffTests {
    static let sunday = "The talks on Sunday went on for hours in Istanbul, and ended without a date for the next round."
    static let monday = "The talks on Monday went on for hours in Istanbul, and ended without a date for the next round."
    static let other = "Russian officials presented sweeping requirements for the ceasefire deal, the delegates said later."
    static let ledes = "dedupe ledes window=5 threshold=0.9"
    static let repeats = "dedupe paragraphs min-length=20 min-run-length=1"

    /// Without a step between, the steps see what they would see alone.
    @Test func bothStepsTogetherRemoveWhatEachRemovesAlone() throws {
        let input = document(Self.sunday, Self.other, Self.monday, Self.other)
        let together = try cleaned("\(Self.ledes)\n\(Self.repeats)", input)
        let apart = try cleaned(Self.repeats, try cleaned(Self.ledes, input))
        #expect(together == apart)
        #expect(together == document(Self.sunday, Self.other, Self.monday, nil))
    }

    /// A replacement between the steps makes the third paragraph a copy of the first.
    @Test func aParagraphChangedBetweenTheStepsIsComparedByItsNewText() throws {
        let input = document(Self.sunday, Self.other, Self.monday)
        let output = try cleaned("\(Self.ledes)\nreplace /Monday/Sunday/\n\(Self.repeats)", input)
        #expect(output == document(Self.sunday, Self.other, nil))
    }

    /// A line dropped between the steps leaves the paragraph shorter than the one handed over.
    @Test func aParagraphThatLostALineBetweenTheStepsIsNormalizedAgain() throws {
        let input = document(Self.sunday, Self.other, "\(Self.sunday)\nsecret")
        let output = try cleaned("\(Self.ledes)\ndrop /^secret$/\n\(Self.repeats)", input)
        #expect(output == document(Self.sunday, Self.other, nil))
    }

    /// In line layout every line is a paragraph, handed over on its own.
    @Test func lineLayoutHandsOverEachLine() throws {
        let input = "\(Self.sunday)\n\(Self.other)\n\(Self.monday)\n\(Self.other)\n"
        let rules = "paragraphs line\n\(Self.ledes)\n\(Self.repeats)"
        let apart = try cleaned("paragraphs line\n\(Self.repeats)", try cleaned("paragraphs line\n\(Self.ledes)", input))
        #expect(try cleaned(rules, input) == apart)
    }

    /// Offers are matched to paragraphs by serial and line count only when every line carries
    /// its mark, in order.
    @Test func marksMustCoverTheWholeParagraphInOrder() {
        let handoff = NormalizedParagraphHandoff()
        let summary = NormalizedParagraph(characterCount: 30, wordCount: 5, textHash: 42)
        let serial = handoff.offer(summary, lineCount: 2)
        #expect(handoff.take(for: paragraph(marks: [serial, serial].enumerated().map { NormalizedParagraphHandoff.mark(serial: $1, line: $0) })) == summary)
        let next = handoff.offer(summary, lineCount: 2)
        // Out of order, a line short, or unmarked: not the paragraph offered.
        #expect(handoff.take(for: paragraph(marks: [NormalizedParagraphHandoff.mark(serial: next, line: 1), NormalizedParagraphHandoff.mark(serial: next, line: 0)])) == nil)
        #expect(handoff.take(for: paragraph(marks: [NormalizedParagraphHandoff.mark(serial: next, line: 0)])) == nil)
        #expect(handoff.take(for: paragraph(marks: [0, 0])) == nil)
    }

    private func paragraph(marks: [UInt64]) -> HeldLines {
        var paragraph = HeldLines()
        for (index, mark) in marks.enumerated() {
            Array("line \(index)\n".utf8).withUnsafeBytes { bytes in
                var line = Line(bytes: bytes, number: index + 1)
                line.paragraphMark = mark
                paragraph.append(line)
            }
        }
        return paragraph
    }
}
