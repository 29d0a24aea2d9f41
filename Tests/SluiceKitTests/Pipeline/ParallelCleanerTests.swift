import SluiceKit
import Testing

@Suite struct ParallelCleanerTests {
    /// Documents of varied sizes, so that workers finish out of order.
    static let batch: [Document] = (1...500).map { number in
        let body = (0..<(number % 37)).map { "Line \($0) of \(number).\nAdvertisement\n" }.joined()
        return Document(content: utf8("{\"n\":\(number),\"text\":\"\(body.replacingOccurrences(of: "\n", with: "\\n"))\"}\n"),
                        number: number, inputName: "-")
    }

    @Test(arguments: [2, 3, 8])
    func resultsComeInInputOrderAndMatchOneJob(_ jobs: Int) throws {
        let rules = try rules("drop /^Advertisement$/\nreplace /Line/line/")
        let single = ParallelCleaner(rules: rules, field: "text", jobs: 1).clean(Self.batch)
        let parallel = ParallelCleaner(rules: rules, field: "text", jobs: jobs)
        let results = parallel.clean(Self.batch)
        #expect(results.map(\.output) == single.map(\.output))
        #expect(string(results[1].output) == #"{"n":2,"text":"line 0 of 2.\nline 1 of 2.\n"}"# + "\n")
        let report = StatisticsReport(merging: parallel.statistics)
        #expect(report.documents == 500)
        #expect(report.steps[0].linesRemoved == Self.batch.indices.map { ($0 + 1) % 37 }.reduce(0, +))
    }

    /// Workers share the patterns, so none may JIT-compile one while another matches with
    /// it: with more than one worker every pattern is compiled before its first match.
    @Test func severalWorkersCompileEveryPatternBeforeItsFirstMatch() throws {
        let rules = try rules("drop /^Advertisement$/")
        let tiered = MatchLimits(interpretedMatchesBeforeJIT: 64)
        let one = ParallelCleaner(rules: rules, limits: tiered, jobs: 1)
        #expect(one.cleaners.map(\.pipeline.limits.interpretedMatchesBeforeJIT) == [64])
        let two = ParallelCleaner(rules: rules, limits: tiered, jobs: 2)
        #expect(two.cleaners.map(\.pipeline.limits.interpretedMatchesBeforeJIT) == [0, 0])
        #expect(two.clean(Self.batch).map(\.output) == one.clean(Self.batch).map(\.output))
    }

    @Test func emptyBatch() throws {
        #expect(ParallelCleaner(rules: try rules("keep //"), jobs: 4).clean([]).isEmpty)
    }
}
