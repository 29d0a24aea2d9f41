@testable import SluiceKit
import Testing

/// One pass finds which literal sets have a member in a subject, ASCII-caselessly.
@Suite struct LiteralScannerTests {
    /// The sets found, as bits (set `i` is bit `i`), for the tests of up to 64 sets.
    private func scan(_ sets: [[String]], _ subject: String) -> UInt64 {
        found(sets, subject).reduce(0) { $0 | UInt64(1) << UInt64($1) }
    }

    private func found(_ sets: [[String]], _ subject: String) -> Set<Int32> {
        let scanner = LiteralScanner(sets: sets.map { $0.map { Array($0.utf8) } })
        var found: [Int32] = []
        Array(subject.utf8).withUnsafeBytes { scanner.scan($0, into: &found) }
        return Set(found)
    }

    @Test func findsEachSetAnywhereInAnyCase() {
        let sets = [["gallery"], ["cookie", "javascript"], ["xq"], [":"]]
        #expect(scan(sets, "See the full GALLERY") == 0b0001)
        #expect(scan(sets, "please enable JavaScript") == 0b0010)
        #expect(scan(sets, "Cookie") == 0b0010)
        #expect(scan(sets, "aXQ") == 0b0100)
        #expect(scan(sets, "Label:") == 0b1000)
        #expect(scan(sets, "galler") == 0)
        #expect(scan(sets, "") == 0)
        #expect(scan(sets, "gallery cookie xq :") == 0b1111)
    }

    @Test func literalsOutsideASCIIAreMatchedByteForByte() {
        #expect(scan([["广告"], ["don’t"]], "— 广告 —") == 0b01)
        #expect(scan([["广告"], ["don’t"]], "DON’T") == 0b10)
        #expect(scan([["don’t"]], "don't") == 0)
    }

    /// PCRE2 matches `s` with `ſ` and `k` with the Kelvin sign caselessly: a subject with
    /// either may hold any literal.
    @Test func longSAndKelvinSignMayBeAnyLiteral() {
        #expect(scan([["gallery"], ["cookie"]], "ſponsored") == 0b11)
        #expect(scan([["gallery"], ["cookie"]], "\u{212A}ontakt") == 0b11)
        // Other characters sharing those lead bytes do not: “ is E2 80 9C.
        #expect(scan([["gallery"], ["cookie"]], "“quoted”") == 0)
    }

    /// With every literal four bytes or longer the scanner filters positions by a hash of
    /// four bytes: the same answers, in any case, at the very end of a subject too, and with
    /// the bytes its lossy case fold confuses (`@` and `` ` ``, `[` and `{`) told apart.
    @Test func fourByteFilterGivesTheSameAnswers() {
        let sets = [["gallery"], ["cookie", "javascript"], ["e@mail"], ["[ad]"]]
        #expect(scan(sets, "See the full GALLERY") == 0b0001)
        #expect(scan(sets, "GaLlErY") == 0b0001)
        #expect(scan(sets, "enable JAVASCRIPT") == 0b0010)
        #expect(scan(sets, "xcookie") == 0b0010)
        #expect(scan(sets, "E@MAIL us") == 0b0100)
        #expect(scan(sets, "e`mail us") == 0)
        #expect(scan(sets, "{ad}") == 0)
        #expect(scan(sets, "[AD]") == 0b1000)
        #expect(scan(sets, "cook") == 0)
        #expect(scan(sets, "abc") == 0)
        #expect(scan(sets, "ſ") == 0b1111)
        #expect(scan(sets, "x\u{212A}") == 0b1111)
        #expect(scan(sets, "“quoted” \u{2122}") == 0)
    }

    @Test func sixtyFourSetsAreToldApart() {
        let sets = (0..<64).map { ["word\($0)x"] }
        #expect(scan(sets, "word63x") == UInt64(1) << 63)
        #expect(scan(sets, "word0x word1x") == 0b11)
    }

    /// No limit on the number of sets: ten thousand rules' literals, told apart, and the
    /// four-byte table grown so that a line of prose passes few positions.
    @Test func tenThousandSetsAreToldApart() {
        let sets = (0..<10_000).map { ["rule\($0)word", "other\($0)term"] }
        #expect(found(sets, "see RULE9999WORD here") == [9999])
        #expect(found(sets, "other17term and rule0word") == [0, 17])
        #expect(found(sets, "rule10000word") == [])
        #expect(found(sets, "a plain line of prose with nothing in it").isEmpty)
        #expect(found(sets, "ſ").count == 10_000)
    }

    /// Literals that all begin with one letter (in either case) are found by jumping from
    /// one such byte to the next: the same answers, at the start and the very end too.
    @Test func fewLeadBytesGiveTheSameAnswers() {
        let sets = [["click here"], ["cookies"], ["Continue reading"]]
        #expect(scan(sets, "CLICK HERE") == 0b001)
        #expect(scan(sets, "please click here") == 0b001)
        #expect(scan(sets, "we use cookies") == 0b010)
        #expect(scan(sets, "cc cookies and continue reading") == 0b110)
        #expect(scan(sets, "click her") == 0)
        #expect(scan(sets, "a plain line with no such words, ccc") == 0)
        #expect(scan(sets, "ſ") == 0b111)
        #expect(scan(sets, "\u{212A}") == 0b111)
    }
}
