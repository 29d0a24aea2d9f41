import SluiceKit

/// libFuzzer target: arbitrary bytes as a rule file. Loading must report errors, never
/// crash; rules that load must run, examples included, on a small document. Includes resolve
/// among the built-in files only (the input is the embedded file `fuzz.rules`), so the fuzzer
/// never reads the disk. Built only with `SLUICE_FUZZ=1`: see scripts/fuzz.
let builtInFiles = RuleLoader.builtInFiles
let sample = Array("Advertisement\nThe council met on Monday.  \n\n“A stray quote.\n\nRead more: more\r\nThe council met on Monday.\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var files = builtInFiles
    files["fuzz.rules"] = bytes
    let loader = RuleLoader(embeddedFiles: files, maximumIncludeDepth: 20)
    do {
        let rules = try loader.load([.embedded("fuzz.rules")])
        // Keep each run short: the fuzzer may write many steps.
        guard rules.steps.count <= 64 else { return 0 }
        for step in rules.steps where !step.examples.isEmpty {
            _ = RuleExampleRunner.run(step)
        }
        _ = Pipeline(rules: rules, limits: MatchLimits(matchLimit: 10_000, depthLimit: 1_000)).clean(sample)
    } catch {
        _ = error.description
    }
    return 0
}
