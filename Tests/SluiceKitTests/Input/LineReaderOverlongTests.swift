import SluiceKit
import Testing

/// Lines longer than the reader's limit come out in parts, so memory stays bounded.
@Suite struct LineReaderOverlongTests {
    static func pieces(_ input: String, limit: Int, chunk: Int, read: Int) throws -> [String] {
        var reader = LineReader(chunkSize: chunk)
        reader.maximumLineLength = limit
        var source = MemorySource(utf8(input), maximumRead: read)
        var found: [String] = []
        try reader.forEachPiece(in: &source) { piece in
            switch piece {
            case .line(let bytes): found.append("L:" + string(Array(bytes)))
            case .overlongPart(let bytes, let first, let last):
                found.append((first ? "F" : "") + (last ? "E" : "") + "P:" + string(Array(bytes)))
            }
            return true
        }
        return found
    }

    @Test(arguments: [(1, 1), (4, 3), (8, 100)])
    func longLineComesOutInPartsThatAddUpToIt(chunk: Int, read: Int) throws {
        let long = String(repeating: "x", count: 40)
        let found = try Self.pieces("short\n" + long + "\nafter\n", limit: 16, chunk: chunk, read: read)
        #expect(found.first == "L:short\n")
        #expect(found.last == "L:after\n")
        let parts = found.dropFirst().dropLast()
        #expect(parts.first?.hasPrefix("FP:") == true)
        #expect(parts.last?.hasPrefix("EP:") == true)
        #expect(parts.map { String($0.drop { $0 != ":" }.dropFirst()) }.joined() == long + "\n")
    }

    @Test func longLastLineWithoutNewlineEndsAtTheEndOfInput() throws {
        let long = String(repeating: "y", count: 40)
        let found = try Self.pieces(long, limit: 16, chunk: 4, read: 5)
        #expect(found.last?.hasPrefix("EP:") == true)
        #expect(found.map { String($0.drop { $0 != ":" }.dropFirst()) }.joined() == long)
    }

    @Test func forEachLineNeverCutsLines() throws {
        var reader = LineReader(chunkSize: 2)
        reader.maximumLineLength = 4
        var source = MemorySource(utf8(String(repeating: "z", count: 50) + "\n"))
        var lines: [Int] = []
        try reader.forEachLine(in: &source) { lines.append($0.count); return true }
        #expect(lines == [51])
    }

    @Test func pipelinePassesAnOverlongLineThroughUnchangedAndInOrder() throws {
        let pipeline = Pipeline(rules: try rules("drop /^x+$/\nsqueeze blank-lines"))
        var reader = LineReader(chunkSize: 4)
        reader.maximumLineLength = 16
        pipeline.lineReader = reader
        var reported: [Int] = []
        pipeline.onOverlongLine = { reported.append($0.lineNumber) }
        let long = String(repeating: "x", count: 100)
        let input = "first\n\n\n" + long + "\nxxx\nlast\n"
        // "xxx" is dropped, the long line (which the rule would drop) passes whole.
        #expect(string(pipeline.clean(utf8(input))) == "first\n" + long + "\nlast\n")
        #expect(reported == [4])
        #expect(pipeline.statistics.overlongLines == 1)
    }
}
