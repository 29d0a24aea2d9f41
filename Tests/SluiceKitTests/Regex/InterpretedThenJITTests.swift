import Foundation
@testable import SluiceKit
import Testing

/// A matcher may run its first matches with PCRE2's interpreter and only then have the
/// pattern JIT-compiled (``MatchLimits/interpretedMatchesBeforeJIT``, which the CLI sets so
/// that small inputs pay no JIT compilation). The matches must be the same either way: the
/// JIT from the first match is the reference.
@Suite struct InterpretedThenJITTests {
    private static let tiered = MatchLimits(interpretedMatchesBeforeJIT: 3)

    @Test func theJITTakesOverAfterTheInterpretedMatches() throws {
        let matcher = Matcher(pattern: try Pattern("b+"), limits: Self.tiered)
        for _ in 0..<3 {
            #expect(try matcher.firstMatch(in: "abbc") == 1..<3)
            #expect(!matcher.runsJITCode)
        }
        #expect(try matcher.firstMatch(in: "abbc") == 1..<3)
        #expect(matcher.runsJITCode == Pattern.isJITAvailable)
        #expect(try matcher.firstMatch(in: "xyz") == nil)
    }

    @Test func zeroCompilesAtTheFirstMatch() throws {
        let matcher = Matcher(pattern: try Pattern("b"))
        #expect(try matcher.firstMatch(in: "b") == 0..<1)
        #expect(matcher.runsJITCode == Pattern.isJITAvailable)
    }

    /// Another matcher of the same pattern had it JIT-compiled: this one still interprets
    /// (no JIT stack of its own yet), for matches and for replacements.
    @Test func aPatternCompiledByAnotherMatcherIsStillInterpretedHere() throws {
        let pattern = try Pattern("(a)(b)?")
        let compiling = Matcher(pattern: pattern)
        _ = try compiling.firstMatch(in: "a")
        let interpreting = Matcher(pattern: pattern, limits: Self.tiered)
        #expect(try interpreting.replacing("xa ab a", with: "[$1$2]", global: true).text == "x[a] [ab] [a]")
        #expect(!interpreting.runsJITCode)
    }

    @Test func interpretedMatchesStillStopAtTheMatchLimit() throws {
        let subject = [UInt8](repeating: UInt8(ascii: "a"), count: 25) + [UInt8(ascii: "b")]
        let matcher = Matcher(pattern: try Pattern("(a+)+$"), limits: MatchLimits(matchLimit: 1_000, interpretedMatchesBeforeJIT: 10))
        let failure = #expect(throws: MatchFailure.self) { try matcher.firstMatch(in: subject) }
        #expect(failure?.isLimit == true)
        #expect(!matcher.runsJITCode)
    }

    /// The default rules over the dev corpus and the prose corpus, one pipeline for all
    /// documents so that every rule crosses from the interpreter to the JIT somewhere in
    /// the middle: the same output and statistics as with the JIT from the first match.
    @Test func theDefaultRulesDoTheSameOnEveryCorpus() throws {
        let rules = try RuleLoader().loadDefault()
        for threshold in [1, 7, 64] {
            let tiered = Pipeline(rules: rules, limits: MatchLimits(interpretedMatchesBeforeJIT: threshold))
            let reference = Pipeline(rules: rules)
            let prose = PackagePaths.fixtures + "/prose-corpus"
            let proseNames = try FileManager.default.contentsOfDirectory(atPath: prose).filter { $0.hasSuffix(".txt") }.sorted()
            let documents = try DevCorpusTests.pages.map { ($0.name, Array($0.input.utf8)) }
                + proseNames.map { ($0, try PackagePaths.read(prose + "/" + $0)) }
            for (name, bytes) in documents {
                #expect(tiered.clean(bytes) == reference.clean(bytes), "\(name), threshold \(threshold)")
            }
            #expect(documents.count > 700)
            #expect(tiered.statistics.steps.map(\.linesRemoved) == reference.statistics.steps.map(\.linesRemoved))
        }
    }
}
