import SluiceKit

/// libFuzzer target: arbitrary bytes as one document through the default rules, read whole
/// and in 7-byte reads. Checks what must hold for any input: no crash, the same output
/// however the input is read, and an output never longer than the input (the default rules
/// only remove). Built only with `SLUICE_FUZZ=1`: see scripts/fuzz.
let rules: RuleSet = {
    do {
        return try RuleLoader().loadDefault()
    } catch {
        fatalError("default rules: \(error)")
    }
}()
// libFuzzer calls the target from one thread only.
nonisolated(unsafe) let pipeline = Pipeline(rules: rules)
nonisolated(unsafe) let chunkedPipeline: Pipeline = {
    let pipeline = Pipeline(rules: rules)
    pipeline.lineReader = LineReader(chunkSize: 3)
    return pipeline
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let whole = pipeline.clean(bytes)
    if whole.count > bytes.count {
        fatalError("output longer than input: \(whole.count) > \(bytes.count)")
    }
    var source = MemorySource(bytes, maximumRead: 7)
    let sink = MemorySink()
    do {
        try chunkedPipeline.run(&source, named: "-", into: OutputBuffer(sink: sink, capacity: 5))
    } catch {
        fatalError("memory run failed: \(error)")
    }
    if sink.bytes != whole {
        fatalError("7-byte reads give other output than one read")
    }
    return 0
}
