@testable import SluiceKit
import Testing

/// Pairing looks only at the quote marks and the characters either side of them, decoding
/// the one before a mark backwards; raw bytes must read as they do front to back.
@Suite struct QuotePairingTests {
    /// Bytes that are not valid UTF-8, or valid multi-byte characters, and the text they
    /// decode to (each invalid byte a U+FFFD of its own).
    static let pieces: [(bytes: [UInt8], decoded: String)] = [
        ([0x80], "\u{FFFD}"),
        ([0xC3], "\u{FFFD}"),
        ([0xE2, 0x80], "\u{FFFD}\u{FFFD}"),
        ([0xF0, 0x9F, 0x98], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"),
        ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0x80, 0x80, 0x80, 0x80, 0x80], String(repeating: "\u{FFFD}", count: 5)),
        ([0x41, 0xA9], "A\u{FFFD}"),
        (utf8("é"), "é"),
        (utf8("😀"), "😀"),
        (utf8("\u{00A0}"), "\u{00A0}"),
        (utf8("٣"), "٣"),
        (utf8("東"), "東"),
    ]

    static let templates = ["word P\" more", "P\"quoted", "\"said P\" and", "P’s", "5P'", "P'' x", "«P»", "‘P’"]

    @Test func rawBytesPairAsTheirDecodedText() {
        for piece in Self.pieces {
            for template in Self.templates {
                let parts = template.components(separatedBy: "P")
                let raw = utf8(parts[0]) + piece.bytes + utf8(parts[1])
                let decoded = utf8(parts[0] + piece.decoded + parts[1])
                let found = raw.withUnsafeBytes { QuotePairing.analyze([$0]) }
                let expected = decoded.withUnsafeBytes { QuotePairing.analyze([$0]) }
                let description = "\(piece.bytes) in \(template)"
                #expect(found.unmatchedOpeners.map(\.family) == expected.unmatchedOpeners.map(\.family), "\(description)")
                #expect(found.unmatchedClosers.map(\.family) == expected.unmatchedClosers.map(\.family), "\(description)")
                #expect(found.leadingOpener == expected.leadingOpener, "\(description)")
            }
        }
    }

    /// The eight-bytes-at-a-time scan must find a quote start at every position and length.
    @Test func quoteStartScanFindsEveryCandidateByte() {
        for length in 0..<20 {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(!plain.withUnsafeBytes(QuoteMarks.containsQuoteStart))
            for position in 0..<length {
                for byte: UInt8 in [0x22, 0x27, 0xE2, 0xC2] {
                    var bytes = plain
                    bytes[position] = byte
                    #expect(bytes.withUnsafeBytes(QuoteMarks.containsQuoteStart), "\(byte) at \(position) of \(length)")
                }
                var near = plain
                near[position] = 0x23
                #expect(!near.withUnsafeBytes(QuoteMarks.containsQuoteStart))
            }
        }
    }
}
