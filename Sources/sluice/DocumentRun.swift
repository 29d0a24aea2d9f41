import ArgumentParser
import Glibc
import SluiceKit

/// The document modes (`-z`, `--doc-separator`, `--jsonl`): reads documents into bounded
/// batches, cleans each batch on every worker, and writes the results in input order.
struct DocumentRun {
    let command: Clean
    let rules: RuleSet
    let mode: DocumentMode

    /// Most documents in flight per worker, and most bytes in flight in all, before the
    /// batch is cleaned and written: this bounds memory whatever the input size.
    static let documentsPerJob = 64
    static let batchBytes = 8 << 20

    /// Why the run stopped before the end of the input.
    private enum Stop {
        case recordError
        case limitReached
        case outputFailed(OutputError)
    }

    func run(_ inputs: [String]) throws {
        let progress = ProgressMeter.make(requested: command.progress, inputs: inputs)
        let field: String?
        if case .jsonLines(let name) = mode { field = name } else { field = nil }
        let output = OutputBuffer(sink: FileDescriptorSink(descriptor: STDOUT_FILENO))
        // With --explain the report goes to standard output instead of the text, from one
        // worker so that it comes in document order.
        let explainer = command.explain ? ExplainPrinter(output: output, namesDocuments: true) : nil
        let cleaner = ParallelCleaner(
            rules: rules, limits: command.limits, field: field,
            stopsOnLimitFailure: command.strict, observer: explainer, jobs: command.jobCount)
        let reader = DocumentReader(mode: mode)
        var warnings = LimitWarnings()
        var bytesIn = 0
        var bytesOut = 0
        defer {
            progress?.finish()
            output.flush()
            var report = StatisticsReport(merging: cleaner.statistics)
            report.bytesIn = bytesIn
            report.bytesOut = bytesOut
            command.printStatistics(report)
        }

        var batch: [Document] = []
        var batchBytes = 0
        var stop: Stop?
        let batchLimit = cleaner.jobs * DocumentRun.documentsPerJob

        func write(_ bytes: [UInt8]) {
            bytesOut += bytes.count
            if explainer == nil { bytes.withUnsafeBytes(output.append) }
        }

        /// Cleans and writes the batch; false when the run must stop.
        func cleanBatch() -> Bool {
            defer {
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
            let results = cleaner.clean(batch)
            progress?.finished(documents: results.count)
            for (document, result) in zip(batch, results) {
                if !command.strict {
                    for failure in result.limitFailures { warnings.report(failure) }
                }
                if let failure = result.stoppingFailure {
                    Diagnostics.error("\(failure.description) (--strict)")
                    stop = .limitReached
                    return false
                }
                if let message = result.recordError {
                    let place = "\(document.inputName == "-" ? "standard input" : "'\(document.inputName)'") line \(document.number)"
                    switch command.onError ?? .fail {
                    case .fail:
                        Diagnostics.error("\(place): \(message)")
                        stop = .recordError
                        return false
                    case .skip:
                        Diagnostics.warning("\(place): \(message); record skipped")
                    case .keep:
                        Diagnostics.warning("\(place): \(message); record kept as it was")
                        write(document.content)
                    }
                    continue
                }
                write(result.output)
                if let failure = output.failure {
                    stop = .outputFailed(failure)
                    return false
                }
            }
            return true
        }

        var readFailed = false
        inputLoop: for input in inputs {
            guard let descriptor = Diagnostics.openInput(input) else {
                readFailed = true
                continue
            }
            defer { if descriptor != STDIN_FILENO { close(descriptor) } }
            var source = CountingSource(base: FileDescriptorSource(descriptor: descriptor, name: input), progress: progress)
            do {
                try reader.forEachDocument(in: &source, named: input) { document in
                    batchBytes += document.content.count
                    batch.append(document)
                    if batch.count >= batchLimit || batchBytes >= DocumentRun.batchBytes { return cleanBatch() }
                    return true
                }
            } catch {
                Diagnostics.error(error.description)
                readFailed = true
            }
            bytesIn += source.count
            if stop != nil { break inputLoop }
        }
        if stop == nil, !batch.isEmpty { _ = cleanBatch() }
        output.flush()
        if stop == nil, let failure = output.failure { stop = .outputFailed(failure) }
        switch stop {
        case .recordError: throw ExitCode.failure
        case .limitReached: throw ExitCode(2)
        case .outputFailed(.brokenPipe): throw ExitCode.success
        case .outputFailed(let failure):
            Diagnostics.error(failure.description)
            throw ExitCode.failure
        case nil: break
        }
        if readFailed { throw ExitCode.failure }
    }
}
