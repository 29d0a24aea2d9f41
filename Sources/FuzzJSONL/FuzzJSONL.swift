import SluiceKit

/// libFuzzer target: arbitrary bytes as one JSON Lines record (`--jsonl`): the record is
/// decoded, its `text` field cleaned with the default rules, re-encoded and spliced back, or
/// reported as an error. Must never crash; a record no rule changes must come out as it came
/// in. Built only with `SLUICE_FUZZ=1`: see scripts/fuzz.
// libFuzzer calls the target from one thread only.
nonisolated(unsafe) let cleaner: DocumentCleaner = {
    do {
        return DocumentCleaner(rules: try RuleLoader().loadDefault(), field: "text")
    } catch {
        fatalError("default rules: \(error)")
    }
}()
nonisolated(unsafe) let inertCleaner: DocumentCleaner = {
    do {
        return DocumentCleaner(rules: try RuleLoader().load(text: "drop /(*FAIL)/", name: "inert"), field: "text")
    } catch {
        fatalError("inert rules: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = cleaner.clean(Document(content: bytes, number: 1, inputName: "-"))
    let inert = inertCleaner.clean(Document(content: bytes, number: 1, inputName: "-"))
    if inert.recordError == nil, inert.output != bytes {
        fatalError("a record no rule changes came out changed")
    }
    return 0
}
