import Foundation
import Testing

/// Document modes across workers: what golden files cannot show (parallel runs, endless
/// input, output pipes that close).
@Suite struct DocumentModeTests {
    /// Documents of varied size, so that workers finish out of order.
    static let texts: [String] = (0..<3000).map { number in
        let paragraphs = (0..<(number % 11)).map { "Paragraph \($0) of document \(number): it’s 😀." }
        return (["Advertisement"] + paragraphs + paragraphs.prefix(1)).joined(separator: "\n\n") + "\n"
    }

    /// The documents as JSON Lines records, with escapes, big numbers and the text not first.
    static let records: [UInt8] = Array(texts.enumerated().map { number, text in
        let escaped = text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "’", with: "\\u2019")
        return #"{"n": \#(number), "text": "\#(escaped)", "big": 12345678901234567890}"# + "\n"
    }.joined().utf8)

    static let inputs: [String: [UInt8]] = [
        "--jsonl": records,
        "-z": Array(texts.joined(separator: "\0").utf8),
        "--doc-separator=^\\f$": Array(texts.joined(separator: "\u{C}\n").utf8),
    ]

    @Test(arguments: ["--jsonl", "-z", "--doc-separator=^\\f$"])
    func everyJobCountGivesTheOutputOfOne(_ mode: String) throws {
        let input = try #require(Self.inputs[mode])
        let single = try SluiceProcess.run([mode, "-j", "1"], stdin: input)
        #expect(single.status == 0)
        #expect(single.stderrText == "")
        #expect(single.stdout.count < input.count - 3000 * 10, "the rules removed every ad label")
        for jobs in ["2", "5"] {
            let parallel = try SluiceProcess.run([mode, "-j", jobs], stdin: input)
            #expect(parallel.status == 0)
            #expect(parallel.stdout == single.stdout ? true : false, "-j \(jobs) with \(mode) differs from -j 1")
        }
    }

    /// Documents are read in a bounded window and written as they are done: endless input
    /// still gives output, and a reader that goes away ends sluice quietly.
    @Test func endlessInputStreamsAndAClosedPipeEndsQuietly() throws {
        let result = try SluiceProcess.shell(#"yes '{"text":"Advertisement\nKeep me."}' | timeout 20 "$SLUICE" --jsonl -j 2 | head -n 3; echo "status=${PIPESTATUS[1]}""#)
        #expect(result.stdoutText == String(repeating: #"{"text":"Keep me."}"# + "\n", count: 3) + "status=0\n")
        #expect(result.stderrText == "")
    }

    @Test func statisticsCountInputBytesAndEveryWorkersDocuments() throws {
        let result = try SluiceProcess.run(["--jsonl", "-j", "3", "--stats=json", "-e", "drop /^Advertisement$/"], stdin: Self.records)
        #expect(result.status == 0)
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr)) as? [String: Any])
        #expect(stats["bytesIn"] as? Int == Self.records.count)
        #expect(stats["bytesOut"] as? Int == result.stdout.count)
        #expect(stats["documents"] as? Int == 3000)
        let steps = try #require(stats["steps"] as? [[String: Any]])
        #expect(steps.first?["linesRemoved"] as? Int == 3000)
    }

    /// A bad record far into the input, past several batches: every record before it is
    /// written, in order, then sluice stops with status 1 naming its line.
    @Test(arguments: ["1", "3"])
    func badRecordStopsAfterWritingEverythingBefore(_ jobs: String) throws {
        var lines = (1...1000).map { #"{"n":\#($0),"text":"Advertisement\nRecord \#($0).\n"}"# }
        lines[699] = #"{"n":700,"text":null}"#
        let result = try SluiceProcess.run(["--jsonl", "-j", jobs], stdin: Array(lines.map { $0 + "\n" }.joined().utf8))
        #expect(result.status == 1)
        #expect(result.stderrText == #"sluice: error: standard input line 700: the "text" field is null, not a string"# + "\n")
        let expected = (1...699).map { #"{"n":\#($0),"text":"Record \#($0).\n"}"# + "\n" }.joined()
        #expect(result.stdoutText == expected)
    }

    @Test func jobsMustBePositive() throws {
        let result = try SluiceProcess.run(["--jsonl", "-j", "0"])
        #expect(result.status == 2)
        #expect(result.stderrText.hasPrefix("Error: --jobs must be at least 1\n"))
    }
}
