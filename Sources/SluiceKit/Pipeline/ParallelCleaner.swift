import Dispatch
import Synchronization

/// Cleans batches of documents on several threads, one ``DocumentCleaner`` (and so one
/// ``Pipeline`` with its own PCRE2 match data) per worker, and returns the results in input
/// order.
///
/// The caller bounds memory by the size of the batches it hands over; with one job the
/// documents are cleaned on the calling thread, in order.
public final class ParallelCleaner: @unchecked Sendable {
    // Sendable by construction: during `clean(_:)` worker `w` alone uses `cleaners[w]`, and
    // each result slot is written by the one worker that took its index.

    /// One cleaner per worker, all from the same rule set.
    public let cleaners: [DocumentCleaner]

    /// `jobs` workers (at least one), each with its own pipeline of `rules`. With an
    /// `observer` there is one worker, so that it hears the documents in order on the
    /// calling thread.
    public init(
        rules: RuleSet, limits: MatchLimits = .standard, field: String? = nil,
        stopsOnLimitFailure: Bool = false, observer: PipelineObserver? = nil, jobs: Int
    ) {
        let workers = observer == nil ? max(1, jobs) : 1
        // Workers share the rule set's patterns: each is JIT-compiled before its first match
        // (see ``MatchLimits/interpretedMatchesBeforeJIT``).
        var limits = limits
        if workers > 1 { limits.interpretedMatchesBeforeJIT = 0 }
        cleaners = (0..<workers).map { _ in
            DocumentCleaner(rules: rules, limits: limits, field: field, stopsOnLimitFailure: stopsOnLimitFailure, observer: observer)
        }
    }

    /// How many workers clean documents.
    public var jobs: Int { cleaners.count }

    /// The statistics of every worker's pipeline (sum them with ``StatisticsReport``).
    public var statistics: [Statistics] { cleaners.map(\.pipeline.statistics) }

    /// Cleans every document of `batch`; result `i` is for document `i`.
    public func clean(_ batch: [Document]) -> [DocumentResult] {
        let workers = min(cleaners.count, batch.count)
        if workers <= 1 {
            guard let cleaner = cleaners.first else { return [] }
            return batch.map(cleaner.clean)
        }
        // Each slot is written by the one worker that took its index (see the class comment).
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<DocumentResult?>.allocate(capacity: batch.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let cleaner = cleaners[worker]
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < batch.count else { return }
                results[index] = cleaner.clean(batch[index])
            }
        }
        // Every index below batch.count was taken by a worker, so every slot is set.
        return results.compactMap { $0 }
    }
}
