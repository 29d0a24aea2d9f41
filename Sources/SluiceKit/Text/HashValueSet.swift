/// A set of 64-bit hash values (of words, shingles, normalized paragraphs): what the dedupe
/// steps remember, without the cost of `Set<UInt64>`, which hashes each value again with
/// SipHash.
///
/// Open addressing with linear probing, at most half full. A value's slot comes from a
/// murmur3-style mix of the value and a per-process random seed, so that every bit of the
/// value counts (FNV-1a hashes have weak low bits) and input crafted to make values share
/// slots cannot know where they land. Membership is exact: two values are the same only when
/// all their 64 bits are, as in `Set<UInt64>`; the seed changes only where values are stored,
/// never what the set answers.
struct HashValueSet {
    /// The slots: a value, or 0 for an empty slot (0 itself is `containsZero`).
    private var slots: [UInt64]
    private var containsZero = false
    /// How many distinct values the set holds.
    private(set) var count = 0

    /// The process's seed, kept in each set so that probing does not look up a global.
    private let seed = HashValueSet.processSeed

    /// The fewest slots a set has.
    private static let minimumSlots = 16
    private static let processSeed = UInt64.random(in: .min ... .max)

    /// An empty set with room for `capacity` values before it grows.
    init(capacity: Int = 0) {
        var slotCount = HashValueSet.minimumSlots
        while slotCount < 2 * capacity { slotCount *= 2 }
        slots = [UInt64](repeating: 0, count: slotCount)
    }

    /// A set of the values of `values`.
    init<Values: Collection<UInt64>>(_ values: Values) {
        self.init(capacity: values.count)
        for value in values { insert(value) }
    }

    /// One more than the largest ``slotIndex(of:)``: the size of an array indexed by it.
    var slotLimit: Int { slots.count + 1 }

    /// True when the set holds `value`.
    @inline(__always)
    func contains(_ value: UInt64) -> Bool {
        slotIndex(of: value) != nil
    }

    /// Where the set holds `value` (a number below ``slotLimit`` that no other value of the
    /// set has, and that stays the same until the set grows), or nil when it does not hold it.
    @inline(__always)
    func slotIndex(of value: UInt64) -> Int? {
        if value == 0 { return containsZero ? slots.count : nil }
        let seed = seed
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = HashValueSet.startSlot(of: value, seed: seed, mask: mask)
            while true {
                let stored = slots[index]
                if stored == value { return index }
                if stored == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    /// Adds `value`; returns false when the set already held it.
    @discardableResult
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            guard !containsZero else { return false }
            containsZero = true
            count += 1
            return true
        }
        if 2 * (count + 1) > slots.count { grow() }
        let seed = seed
        let inserted = slots.withUnsafeMutableBufferPointer { slots in
            HashValueSet.place(value, in: slots, seed: seed)
        }
        if inserted { count += 1 }
        return inserted
    }

    /// Forgets every value. The slots are kept for reuse unless they are many more than the
    /// values held, so that clearing costs about as much as filling did.
    mutating func removeAll() {
        if slots.count > max(HashValueSet.minimumSlots, 8 * count) {
            slots = [UInt64](repeating: 0, count: HashValueSet.minimumSlots)
        } else {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        containsZero = false
        count = 0
    }

    private mutating func grow() {
        let old = slots
        let seed = seed
        slots = [UInt64](repeating: 0, count: old.count * 2)
        slots.withUnsafeMutableBufferPointer { slots in
            for value in old where value != 0 { _ = HashValueSet.place(value, in: slots, seed: seed) }
        }
    }

    /// Stores `value` (not 0) in its slot unless it is there; returns true when it was not.
    @inline(__always)
    private static func place(_ value: UInt64, in slots: UnsafeMutableBufferPointer<UInt64>, seed: UInt64) -> Bool {
        let mask = slots.count - 1
        var index = startSlot(of: value, seed: seed, mask: mask)
        while true {
            let stored = slots[index]
            if stored == value { return false }
            if stored == 0 {
                slots[index] = value
                return true
            }
            index = (index + 1) & mask
        }
    }

    /// The first slot to probe for `value`: murmur3's 64-bit finalizer of the seeded value.
    @inline(__always)
    private static func startSlot(of value: UInt64, seed: UInt64, mask: Int) -> Int {
        var mixed = value ^ seed
        mixed = (mixed ^ (mixed >> 33)) &* 0xff51_afd7_ed55_8ccd
        mixed = (mixed ^ (mixed >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        mixed ^= mixed >> 33
        return Int(truncatingIfNeeded: mixed) & mask
    }
}
