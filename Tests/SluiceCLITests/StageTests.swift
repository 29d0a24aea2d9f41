import Foundation
import Testing

/// sluice as one stage of a sharded job (GNU parallel, xargs, Hadoop streaming, Spark's
/// `rdd.pipe`): a shard may be empty, and shards cleaned apart must give the records one
/// run gives. The other stage guarantees have their own tests: `--on-error keep` writes
/// one line per record (golden case `jsonl-field-on-error-keep`), diagnostics name the
/// record (`jsonl-on-error-fail`, `jsonl-match-limit-warning`), and `--stats=json` counts
/// one run's bytes and documents so that a driver can sum them
/// (`DocumentModeTests.statisticsCountInputBytesAndEveryWorkersDocuments`).
@Suite struct StageTests {
    /// About 3 MB of records, each with an ad label the default rules drop.
    static let records: String = (0..<20000).map { number in
        #"{"id":"doc-\#(number)","text":"Advertisement\nRecord \#(number) of the corpus, long enough to be a paragraph of its own.\n\nIts second paragraph.\n"}"# + "\n"
    }.joined()

    /// An empty shard is not an error: a job with more workers than records has them.
    @Test(arguments: [["--jsonl"], ["--jsonl", "--stats=json"], ["-z"], []])
    func emptyInputEndsWithStatusZero(_ arguments: [String]) throws {
        let result = try SluiceProcess.run(arguments, stdin: [])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        if !arguments.contains("--stats=json") { #expect(result.stderrText == "") }
    }

    /// GNU parallel cuts the input at record boundaries (`--pipe` splits at newlines) and
    /// runs one sluice per block: with `-k` the output is byte for byte that of one run,
    /// without it the same records in another order.
    @Test func gnuParallelShardsGiveTheRecordsOfOneRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-stage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.records.utf8).write(to: directory.appendingPathComponent("corpus.jsonl"))
        let result = try SluiceProcess.shell(#"""
            set -euo pipefail
            parallel --version | grep 'GNU parallel' >/dev/null || { echo 'GNU parallel is not installed' >&2; exit 3; }
            "$SLUICE" --jsonl < corpus.jsonl > one.jsonl
            ! grep -q Advertisement one.jsonl
            parallel --pipe --block 256k -k "$SLUICE" --jsonl -j 1 < corpus.jsonl > ordered.jsonl
            parallel --pipe --block 256k -j 4 "$SLUICE" --jsonl -j 1 < corpus.jsonl > unordered.jsonl
            cmp one.jsonl ordered.jsonl
            cmp <(sort one.jsonl) <(sort unordered.jsonl)
            wc -l < one.jsonl
            """#, in: directory)
        #expect(result.stderrText == "")
        #expect(result.status == 0)
        #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "20000")
    }
}
