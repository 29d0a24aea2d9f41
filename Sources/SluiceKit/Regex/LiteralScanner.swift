import Glibc

/// Tells, in one pass over a subject, which of up to 64 sets of literals (``RequiredLiterals``)
/// have a member in it, comparing ASCII letters caselessly.
///
/// Used as a prefilter: a pattern whose set has no member in a line cannot match that line,
/// so it need not run. A subject holding `ſ` or `K` (U+212A), which PCRE2 matches
/// caselessly with `s` and `k`, counts as holding every literal.
///
/// A scan costs one bit test per byte, for a pair of bytes that some literal begins with (in
/// any case); where it is set, a bit per hashed triple; only where both are set are literals
/// compared. When every literal has four bytes or more (as in ``SharedLiteralScan``), the
/// first test is instead one bit per hashed four bytes (``quadHash(_:)``), which far fewer
/// positions of prose pass than a pair.
final class LiteralScanner {
    /// The most sets a scanner tells apart (one bit each of the result).
    static let maximumSets = 64

    /// One literal of two bytes or more, stored lower-cased in `bytes`.
    private struct Entry {
        let start: Int
        let count: Int
        let sets: UInt64
    }

    /// For each byte, the sets that have it as a one-byte literal.
    private let singleBytes: UnsafeMutablePointer<UInt64>
    /// One bit for each pair of bytes, in any ASCII case, that begins a longer literal, and
    /// for the pairs that begin `ſ` and `K`.
    private let rawPairs: UnsafeMutablePointer<UInt64>
    /// True when some literal is one byte long.
    private let hasSingleBytes: Bool
    /// One bit for each pair that is a whole two-byte literal.
    private let wholePairs: UnsafeMutablePointer<UInt64>
    /// One bit for each hash of three bytes (``tripleHash(_:_:)``) that begins a literal.
    private let triples: UnsafeMutablePointer<UInt64>
    /// For each pair of first bytes, the range of `entries` of the literals that begin with it.
    private let pairRanges: UnsafeMutablePointer<(start: Int32, end: Int32)>
    private let entries: UnsafeMutableBufferPointer<Entry>
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Every set's bit.
    private let allSets: UInt64
    /// One bit for each ``quadHash(_:)`` of a literal's first four bytes; nil when some
    /// literal is shorter than four bytes.
    private let quads: UnsafeMutablePointer<UInt64>?

    /// A scanner for `sets`; bit `i` of a scan's result stands for `sets[i]`.
    /// - Precondition: at most ``maximumSets`` sets, and no empty literal.
    init(sets: [[[UInt8]]]) {
        precondition(sets.count <= LiteralScanner.maximumSets, "too many literal sets")
        allSets = sets.count == 64 ? ~0 : (UInt64(1) << UInt64(sets.count)) - 1
        singleBytes = .allocate(capacity: 256)
        singleBytes.initialize(repeating: 0, count: 256)
        rawPairs = .allocate(capacity: 1024)
        rawPairs.initialize(repeating: 0, count: 1024)
        LiteralScanner.setBit(0xC5BF, in: rawPairs)
        LiteralScanner.setBit(0xE284, in: rawPairs)
        wholePairs = .allocate(capacity: 1024)
        wholePairs.initialize(repeating: 0, count: 1024)
        triples = .allocate(capacity: 1024)
        triples.initialize(repeating: 0, count: 1024)
        pairRanges = .allocate(capacity: 1 << 16)
        pairRanges.initialize(repeating: (0, 0), count: 1 << 16)

        var long: [(literal: [UInt8], sets: UInt64)] = []
        var hasSingleBytes = false
        for (index, set) in sets.enumerated() {
            let bit = UInt64(1) << UInt64(index)
            for literal in set {
                precondition(!literal.isEmpty, "empty literal")
                let folded = literal.map(LiteralScanner.fold)
                if folded.count == 1 {
                    singleBytes[Int(folded[0])] |= bit
                    hasSingleBytes = true
                } else {
                    long.append((folded, bit))
                }
            }
        }
        self.hasSingleBytes = hasSingleBytes
        if !hasSingleBytes, long.allSatisfy({ $0.literal.count >= 4 }) {
            let quads = UnsafeMutablePointer<UInt64>.allocate(capacity: LiteralScanner.quadTableWords)
            quads.initialize(repeating: 0, count: LiteralScanner.quadTableWords)
            for item in long {
                let word = UInt32(item.literal[0]) | UInt32(item.literal[1]) << 8
                    | UInt32(item.literal[2]) << 16 | UInt32(item.literal[3]) << 24
                LiteralScanner.setBit(LiteralScanner.quadHash(word), in: quads)
            }
            self.quads = quads
        } else {
            self.quads = nil
        }
        long.sort { $0.literal.lexicographicallyPrecedes($1.literal) }
        entries = .allocate(capacity: long.count)
        bytes = .allocate(capacity: long.reduce(0) { $0 + $1.literal.count })
        var offset = 0
        for (index, item) in long.enumerated() {
            let literal = item.literal
            _ = UnsafeMutableBufferPointer(rebasing: bytes[offset..<offset + literal.count]).initialize(from: literal)
            entries.baseAddress!.advanced(by: index).initialize(to: Entry(start: offset, count: literal.count, sets: item.sets))
            offset += literal.count
            let pair = Int(literal[0]) << 8 | Int(literal[1])
            if pairRanges[pair].end == 0 { pairRanges[pair].start = Int32(index) }
            pairRanges[pair].end = Int32(index + 1)
            for first in LiteralScanner.caseVariants(literal[0]) {
                for second in LiteralScanner.caseVariants(literal[1]) {
                    LiteralScanner.setBit(Int(first) << 8 | Int(second), in: rawPairs)
                }
            }
            if literal.count == 2 {
                LiteralScanner.setBit(pair, in: wholePairs)
            } else {
                LiteralScanner.setBit(LiteralScanner.tripleHash(pair, literal[2]), in: triples)
            }
        }
    }

    deinit {
        singleBytes.deallocate()
        quads?.deallocate()
        rawPairs.deallocate()
        wholePairs.deallocate()
        triples.deallocate()
        pairRanges.deallocate()
        entries.deallocate()
        bytes.deallocate()
    }

    /// The sets with a member in `subject`: bit `i` set when some literal of set `i` occurs.
    func scan(_ subject: UnsafeRawBufferPointer) -> UInt64 {
        let count = subject.count
        guard count > 0, let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        if let quads { return scanByQuads(base, count: count, quads: quads) }
        var found: UInt64 = 0
        if hasSingleBytes {
            for index in 0..<count { found |= singleBytes[Int(LiteralScanner.fold(base[index]))] }
        }
        let rawPairs = self.rawPairs
        let end = base + count - 1
        var position = base
        while position < end {
            let rawPair = Int(position[0]) << 8 | Int(position[1])
            if rawPairs[rawPair >> 6] & (UInt64(1) << UInt64(rawPair & 63)) == 0 {
                position += 1
                continue
            }
            let index = position - base
            position += 1
            if rawPair == 0xC5BF || rawPair == 0xE284 {
                // `ſ` or `K` (Kelvin) match `s` and `k` caselessly: any literal may be there.
                if rawPair == 0xC5BF || (index + 2 < count && base[index + 2] == 0xAA) { return allSets }
                continue
            }
            let pair = Int(LiteralScanner.fold(base[index])) << 8 | Int(LiteralScanner.fold(base[index + 1]))
            let hasTriple = index + 2 < count
                && LiteralScanner.testBit(LiteralScanner.tripleHash(pair, LiteralScanner.fold(base[index + 2])), in: triples)
            if hasTriple || LiteralScanner.testBit(pair, in: wholePairs) {
                found |= matchesAt(base + index, available: count - index, pair: pair)
            }
        }
        return found
    }

    /// ``scan(_:)`` when every literal has four bytes or more: a position is looked at only
    /// when the hash of its four bytes, folded as the literals were, has its bit set.
    private func scanByQuads(_ base: UnsafePointer<UInt8>, count: Int, quads: UnsafeMutablePointer<UInt64>) -> UInt64 {
        if LiteralScanner.holdsCaselessPartner(base, count: count) { return allSets }
        guard count >= 4 else { return 0 }
        var found: UInt64 = 0
        let raw = UnsafeRawPointer(base)
        var index = 0
        let last = count - 4
        while index <= last {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt32.self)
            if LiteralScanner.testBit(LiteralScanner.quadHash(UInt32(littleEndian: word)), in: quads) {
                let pair = Int(LiteralScanner.fold(base[index])) << 8 | Int(LiteralScanner.fold(base[index + 1]))
                found |= matchesAt(base + index, available: count - index, pair: pair)
            }
            index += 1
        }
        return found
    }

    /// True when `ſ` (C5 BF) or `K` (E2 84 AA) is in the subject: PCRE2 matches them
    /// caselessly with `s` and `k`, so any literal may be there in another spelling.
    private static func holdsCaselessPartner(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        var start = 0
        while start < count, let hit = memchr(base + start, 0xC5, count - start) {
            let index = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if index + 1 < count, base[index + 1] == 0xBF { return true }
            start = index + 1
        }
        start = 0
        while start < count, let hit = memchr(base + start, 0xE2, count - start) {
            let index = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if index + 2 < count, base[index + 1] == 0x84, base[index + 2] == 0xAA { return true }
            start = index + 1
        }
        return false
    }

    /// Words in the four-byte filter: 2^16 bits, 8 KiB.
    private static let quadTableWords = 1 << 10

    /// A 16-bit hash of four bytes after a lossy case fold (every byte OR 0x20: upper-case
    /// ASCII letters become lower case; other bytes may change too, the same way for the
    /// literals and the subject, so a literal's position is never missed).
    @inline(__always)
    private static func quadHash(_ word: UInt32) -> Int {
        Int(((word | 0x2020_2020) &* 0x9E37_79B1) >> 16)
    }

    /// The sets of the literals starting with the bytes of `pair` that occur at `position`.
    private func matchesAt(_ position: UnsafePointer<UInt8>, available: Int, pair: Int) -> UInt64 {
        var found: UInt64 = 0
        let range = pairRanges[pair]
        var index = Int(range.start)
        while index < Int(range.end) {
            let entry = entries[index]
            index += 1
            guard entry.count <= available else { continue }
            var offset = 2
            while offset < entry.count, LiteralScanner.fold(position[offset]) == bytes[entry.start + offset] { offset += 1 }
            if offset == entry.count { found |= entry.sets }
        }
        return found
    }

    /// A 16-bit hash of a pair and the byte after it.
    @inline(__always)
    private static func tripleHash(_ pair: Int, _ third: UInt8) -> Int {
        (pair &* 31 ^ Int(third) &* 0x9E5) & 0xFFFF
    }

    @inline(__always)
    private static func testBit(_ bit: Int, in table: UnsafeMutablePointer<UInt64>) -> Bool {
        table[bit >> 6] & (UInt64(1) << UInt64(bit & 63)) != 0
    }

    private static func setBit(_ bit: Int, in table: UnsafeMutablePointer<UInt64>) {
        table[bit >> 6] |= UInt64(1) << UInt64(bit & 63)
    }

    /// `byte`, and its upper-case form when it is a lower-case ASCII letter.
    private static func caseVariants(_ byte: UInt8) -> [UInt8] {
        (0x61...0x7A).contains(byte) ? [byte, byte - 32] : [byte]
    }

    /// ASCII upper-case letters to lower case; every other byte as it is.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
