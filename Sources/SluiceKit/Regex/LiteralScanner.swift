import Glibc

/// Tells, in one pass over a subject, which sets of literals (``RequiredLiterals``, one set a
/// rule, any number of them) have a member in it, comparing ASCII letters caselessly.
///
/// Used as a prefilter: a pattern whose set has no member in a line cannot match that line,
/// so it need not run. A subject holding `ſ` or `K` (U+212A), which PCRE2 matches
/// caselessly with `s` and `k`, counts as holding every literal.
///
/// A scan costs one bit test per byte, for a pair of bytes that some literal begins with (in
/// any case); where it is set, a bit per hashed triple; only where both are set are literals
/// compared. When every literal has four bytes or more (as in ``DropPrefilter``), the
/// first test is instead one bit per hashed four bytes (``quadHash(_:)``), which far fewer
/// positions of prose pass than a pair; its table grows with the number of literals, so that
/// thousands of rules leave it as sparse as a few.
final class LiteralScanner {
    /// One literal of two bytes or more, stored lower-cased in `bytes`.
    private struct Entry {
        let start: Int
        let count: Int
        let set: Int32
    }

    /// For each byte, the sets that have it as a one-byte literal.
    private let singleBytes: [[Int32]]
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
    /// Every set's index.
    private let allSets: [Int32]
    /// One bit for each ``quadHash(_:)`` of a literal's first four bytes; nil when some
    /// literal is shorter than four bytes.
    private let quads: UnsafeMutablePointer<UInt64>?
    /// How far ``quadHash(_:)`` shifts its product: 32 minus the table's bits.
    private let quadShift: UInt32
    /// When every literal begins with one of at most ``maximumLeadBytes`` bytes (in either
    /// case): those bytes. The scan then jumps from one to the next with `memchr` instead
    /// of looking at every position (`\bclick here…` rules: only `c` and `C`).
    private let leadBytes: [UInt8]?
    /// The most lead bytes worth a `memchr` each.
    static let maximumLeadBytes = 4

    /// A scanner for `sets`; index `i` in a scan's result stands for `sets[i]`.
    /// - Precondition: no empty literal.
    init(sets: [[[UInt8]]]) {
        allSets = (0..<sets.count).map(Int32.init)
        var singleBytes = Array(repeating: [Int32](), count: 256)
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

        var long: [(literal: [UInt8], set: Int32)] = []
        var hasSingleBytes = false
        for (index, set) in sets.enumerated() {
            for literal in Set(set.map { $0.map(LiteralScanner.fold) }) {
                precondition(!literal.isEmpty, "empty literal")
                if literal.count == 1 {
                    singleBytes[Int(literal[0])].append(Int32(index))
                    hasSingleBytes = true
                } else {
                    long.append((literal, Int32(index)))
                }
            }
        }
        self.singleBytes = singleBytes
        self.hasSingleBytes = hasSingleBytes
        // 64 bits of the table a literal at least (2^16 at least, 2^22 at most): a sparse
        // table lets few positions of prose through.
        var quadBits = 16
        while quadBits < 22, 1 << quadBits < long.count * 64 { quadBits += 1 }
        quadShift = UInt32(32 - quadBits)
        if !hasSingleBytes, long.allSatisfy({ $0.literal.count >= 4 }) {
            let words = (1 << quadBits) / 64
            let quads = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
            quads.initialize(repeating: 0, count: words)
            for item in long {
                let word = UInt32(item.literal[0]) | UInt32(item.literal[1]) << 8
                    | UInt32(item.literal[2]) << 16 | UInt32(item.literal[3]) << 24
                LiteralScanner.setBit(LiteralScanner.quadHash(word, shift: quadShift), in: quads)
            }
            self.quads = quads
            var leads = Set<UInt8>()
            for item in long { leads.formUnion(LiteralScanner.caseVariants(item.literal[0])) }
            // `ſ` and `K` are found by their own check: their lead bytes need no jumps.
            self.leadBytes = leads.count <= LiteralScanner.maximumLeadBytes ? leads.sorted() : nil
        } else {
            self.quads = nil
            self.leadBytes = nil
        }
        long.sort { $0.literal.lexicographicallyPrecedes($1.literal) }
        entries = .allocate(capacity: long.count)
        bytes = .allocate(capacity: long.reduce(0) { $0 + $1.literal.count })
        var offset = 0
        for (index, item) in long.enumerated() {
            let literal = item.literal
            _ = UnsafeMutableBufferPointer(rebasing: bytes[offset..<offset + literal.count]).initialize(from: literal)
            entries.baseAddress!.advanced(by: index).initialize(to: Entry(start: offset, count: literal.count, set: item.set))
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
        quads?.deallocate()
        rawPairs.deallocate()
        wholePairs.deallocate()
        triples.deallocate()
        pairRanges.deallocate()
        entries.deallocate()
        bytes.deallocate()
    }

    /// Appends to `found` the index of each set with a member in `subject` (an index may
    /// come more than once, in any order).
    func scan(_ subject: UnsafeRawBufferPointer, into found: inout [Int32]) {
        let count = subject.count
        guard count > 0, let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        if let quads {
            scanByQuads(base, count: count, quads: quads, into: &found)
            return
        }
        if hasSingleBytes {
            for index in 0..<count { found += singleBytes[Int(LiteralScanner.fold(base[index]))] }
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
                if rawPair == 0xC5BF || (index + 2 < count && base[index + 2] == 0xAA) {
                    found += allSets
                    return
                }
                continue
            }
            let pair = Int(LiteralScanner.fold(base[index])) << 8 | Int(LiteralScanner.fold(base[index + 1]))
            let hasTriple = index + 2 < count
                && LiteralScanner.testBit(LiteralScanner.tripleHash(pair, LiteralScanner.fold(base[index + 2])), in: triples)
            if hasTriple || LiteralScanner.testBit(pair, in: wholePairs) {
                matchesAt(base + index, available: count - index, pair: pair, into: &found)
            }
        }
    }

    /// ``scan(_:)`` when every literal has four bytes or more: a position is looked at only
    /// when the hash of its four bytes, folded as the literals were, has its bit set.
    private func scanByQuads(_ base: UnsafePointer<UInt8>, count: Int, quads: UnsafeMutablePointer<UInt64>, into found: inout [Int32]) {
        if LiteralScanner.holdsCaselessPartner(base, count: count) {
            found += allSets
            return
        }
        guard count >= 4 else { return }
        let raw = UnsafeRawPointer(base)
        let shift = quadShift
        if let leadBytes {
            // From each lead byte to the next: the nearest of each byte's next place.
            var next = leadBytes.map { LiteralScanner.find($0, in: base, from: 0, count: count) }
            while true {
                var index = count
                for place in next where place < index { index = place }
                guard index <= count - 4 else { return }
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt32.self)
                if LiteralScanner.testBit(LiteralScanner.quadHash(UInt32(littleEndian: word), shift: shift), in: quads) {
                    let pair = Int(LiteralScanner.fold(base[index])) << 8 | Int(LiteralScanner.fold(base[index + 1]))
                    matchesAt(base + index, available: count - index, pair: pair, into: &found)
                }
                for (which, place) in next.enumerated() where place == index {
                    next[which] = LiteralScanner.find(leadBytes[which], in: base, from: index + 1, count: count)
                }
            }
        }
        var index = 0
        let last = count - 4
        while index <= last {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt32.self)
            if LiteralScanner.testBit(LiteralScanner.quadHash(UInt32(littleEndian: word), shift: shift), in: quads) {
                let pair = Int(LiteralScanner.fold(base[index])) << 8 | Int(LiteralScanner.fold(base[index + 1]))
                matchesAt(base + index, available: count - index, pair: pair, into: &found)
            }
            index += 1
        }
    }

    /// The offset of the first `byte` at or after `start`, or `count` when there is none.
    @inline(__always)
    private static func find(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        guard start < count, let hit = memchr(base + start, Int32(byte), count - start) else { return count }
        return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
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

    /// A hash of `32 - shift` bits of four bytes after a lossy case fold (every byte OR
    /// 0x20: upper-case ASCII letters become lower case; other bytes may change too, the
    /// same way for the literals and the subject, so a literal's position is never missed).
    @inline(__always)
    private static func quadHash(_ word: UInt32, shift: UInt32) -> Int {
        Int(((word | 0x2020_2020) &* 0x9E37_79B1) >> shift)
    }

    /// Appends the sets of the literals starting with the bytes of `pair` that occur at
    /// `position`.
    private func matchesAt(_ position: UnsafePointer<UInt8>, available: Int, pair: Int, into found: inout [Int32]) {
        let range = pairRanges[pair]
        var index = Int(range.start)
        while index < Int(range.end) {
            let entry = entries[index]
            index += 1
            guard entry.count <= available else { continue }
            var offset = 2
            while offset < entry.count, LiteralScanner.fold(position[offset]) == bytes[entry.start + offset] { offset += 1 }
            if offset == entry.count { found.append(entry.set) }
        }
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
