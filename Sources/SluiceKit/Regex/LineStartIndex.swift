/// Tells, with one walk from the start of a line's text, which rules anchored at the line
/// start (``PatternSourceReading/lineStartPrefixes``) may match it: a rule none of whose prefixes begins the text
/// after the leading white space (``LineStart``) cannot.
///
/// The prefixes of all rules form one trie of ASCII-lower-cased bytes; the walk follows the
/// line's bytes, folded the same way, and collects the rules of each node it passes. It
/// costs a few steps a line however many rules there are. ``PrefixSet/nonASCII`` in a
/// prefix stands for any byte of 0x80 or above. A line whose text holds `ſ` or `K`
/// (U+212A) where a prefix has `s` or `k` may match through PCRE2's caseless matching of
/// them: it gets every rule.
final class LineStartIndex {
    /// For each node, its range in `nodeRules`.
    private var ruleRanges: [(start: Int32, end: Int32)] = [(0, 0)]
    private var nodeRules: [Int32] = []
    /// Child links: key `node << 8 | byte`, open addressing; an empty slot has key `.max`.
    private var keys: [UInt32] = []
    private var children: [Int32] = []
    private var mask = 0
    /// Every rule of the index, in order.
    let allRules: [Int32]

    /// An index of `rules`: each one's number and the prefixes its matches begin with.
    init(rules: [(number: Int32, prefixes: PrefixSet)]) {
        var edges: [UInt32: Int32] = [:]
        var ruleOfNode: [(node: Int32, rule: Int32)] = []
        var nodeCount: Int32 = 1
        for (number, prefixes) in rules {
            for member in prefixes.members {
                var node: Int32 = 0
                for byte in member.bytes {
                    let key = UInt32(node) << 8 | UInt32(byte)
                    if let child = edges[key] {
                        node = child
                    } else {
                        edges[key] = nodeCount
                        node = nodeCount
                        nodeCount += 1
                    }
                }
                ruleOfNode.append((node, number))
            }
        }
        allRules = Array(Set(rules.map(\.number))).sorted()
        ruleOfNode.sort { $0.node != $1.node ? $0.node < $1.node : $0.rule < $1.rule }
        ruleRanges = Array(repeating: (0, 0), count: Int(nodeCount))
        for (node, rule) in ruleOfNode {
            let range = ruleRanges[Int(node)]
            if range.end > range.start, nodeRules[Int(range.end) - 1] == rule { continue }
            if range.end == range.start { ruleRanges[Int(node)].start = Int32(nodeRules.count) }
            nodeRules.append(rule)
            ruleRanges[Int(node)].end = Int32(nodeRules.count)
        }
        var capacity = 16
        while capacity < edges.count * 2 { capacity *= 2 }
        mask = capacity - 1
        keys = Array(repeating: .max, count: capacity)
        children = Array(repeating: 0, count: capacity)
        for (key, child) in edges {
            var slot = LineStartIndex.slot(of: key, mask: mask)
            while keys[slot] != .max { slot = (slot + 1) & mask }
            keys[slot] = key
            children[slot] = child
        }
    }

    @inline(__always)
    private static func slot(of key: UInt32, mask: Int) -> Int {
        Int((key &* 0x9E37_79B1) >> 7) & mask
    }

    @inline(__always)
    private func child(of node: Int32, _ byte: UInt8) -> Int32? {
        let key = UInt32(node) << 8 | UInt32(byte)
        var slot = LineStartIndex.slot(of: key, mask: mask)
        while true {
            let found = keys[slot]
            if found == key { return children[slot] }
            if found == .max { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Appends to `found` the rules that may match `content` (in trie order, a rule at most
    /// once per prefix that begins the text).
    func candidates(_ content: UnsafeRawBufferPointer, into found: inout [Int32]) {
        var offset = LineStart.textOffset(content)
        let count = content.count
        var node: Int32 = 0
        while offset < count {
            let byte = content[offset]
            var next: Int32?
            if byte >= 0x80 {
                if let any = child(of: node, PrefixSet.nonASCII) { append(any, to: &found) }
                if LineStartIndex.isCaselessPartner(content, at: offset),
                   child(of: node, UInt8(ascii: "s")) != nil || child(of: node, UInt8(ascii: "k")) != nil {
                    found += allRules
                    return
                }
                next = child(of: node, byte)
            } else {
                next = child(of: node, LiteralScanner.fold(byte))
            }
            guard let next else { return }
            node = next
            append(node, to: &found)
            offset += 1
        }
    }

    @inline(__always)
    private func append(_ node: Int32, to found: inout [Int32]) {
        let range = ruleRanges[Int(node)]
        guard range.end > range.start else { return }
        found += nodeRules[Int(range.start)..<Int(range.end)]
    }

    /// True when `ſ` (C5 BF) or `K` (E2 84 AA) is at `offset`.
    private static func isCaselessPartner(_ content: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        let count = content.count - offset
        switch content[offset] {
        case 0xC5: return count >= 2 && content[offset + 1] == 0xBF
        case 0xE2: return count >= 3 && content[offset + 1] == 0x84 && content[offset + 2] == 0xAA
        default: return false
        }
    }
}
