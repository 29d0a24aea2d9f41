@testable import SluiceKit
import Testing

/// The set the dedupe steps remember hashes in must answer exactly as `Set<UInt64>` does:
/// a wrong answer would drop a paragraph that is no copy, or keep one that is.
@Suite struct HashValueSetTests {
    /// Values a set of hashes meets: 0 (stored apart), values that differ only in their low
    /// or high bits (FNV hashes share low bits), and pseudo-random ones.
    static func values(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        var values: [UInt64] = [0, 1, .max, 1 << 63]
        for index in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(state)
            values.append(UInt64(index) << 40)
            values.append(UInt64(index))
        }
        return values
    }

    @Test func answersAsSetDoes() {
        var reference: Set<UInt64> = []
        var set = HashValueSet()
        for value in Self.values(5_000, seed: 1) {
            #expect(set.insert(value) == reference.insert(value).inserted)
            #expect(set.count == reference.count)
        }
        for value in Self.values(5_000, seed: 2) + Self.values(5_000, seed: 1) {
            #expect(set.contains(value) == reference.contains(value))
        }
    }

    @Test func slotIndexesAreDistinctAndBelowTheLimit() {
        let values = Set(Self.values(1_000, seed: 3))
        let set = HashValueSet(values)
        var slots: Set<Int> = []
        for value in values {
            guard let slot = set.slotIndex(of: value) else {
                Issue.record("\(value) not found")
                continue
            }
            #expect(slot < set.slotLimit)
            slots.insert(slot)
        }
        #expect(slots.count == values.count)
        #expect(set.slotIndex(of: 12_345_678_901) == nil || values.contains(12_345_678_901))
    }

    /// Cleared between documents, the set must forget everything, 0 included, whether it
    /// keeps its slots or gives back a large table.
    @Test(arguments: [10, 100_000])
    func removeAllForgetsEverything(count: Int) {
        var set = HashValueSet()
        let values = Self.values(count, seed: 4)
        for value in values { set.insert(value) }
        set.removeAll()
        #expect(set.count == 0)
        #expect(!values.contains { set.contains($0) })
        set.insert(0)
        set.insert(42)
        #expect(set.count == 2 && set.contains(0) && set.contains(42) && !set.contains(7))
    }
}
