internal import CPCRE2

/// Matches one ``Pattern`` against byte buffers, reusing its match data, match context and
/// JIT stack for every call.
///
/// A `Matcher` is for one thread at a time: give each worker its own. Subjects are raw bytes
/// (a line without its terminator, say); offsets in results are byte offsets.
public final class Matcher {
    /// The pattern this matcher runs.
    public let pattern: Pattern
    private let matchData: OpaquePointer
    private let matchContext: OpaquePointer
    private var jitStack: OpaquePointer?
    private let jitStackBytes: Int
    /// Whether the pattern's JIT code runs the matches: nil until the first match past
    /// ``MatchLimits/interpretedMatchesBeforeJIT``, which has the pattern JIT-compiled
    /// (``Pattern/prepareForMatching()``).
    private var usesJIT: Bool?
    /// True once matches run the pattern's JIT code (after
    /// ``MatchLimits/interpretedMatchesBeforeJIT`` matches, when the JIT is available).
    public var runsJITCode: Bool { usesJIT == true }
    /// Matches left to run with the interpreter before asking for the JIT.
    private var interpretedMatchesLeft: Int

    /// Makes a matcher for `pattern` that enforces `limits` on every match.
    public init(pattern: Pattern, limits: MatchLimits = .standard) {
        self.pattern = pattern
        // Allocation failures here mean the process is out of memory; there is no recovery.
        guard let data = pcre2_match_data_create_from_pattern_8(pattern.code, nil),
              let context = pcre2_match_context_create_8(nil)
        else { fatalError("PCRE2 could not allocate match data: out of memory") }
        self.matchData = data
        self.matchContext = context
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKibibytes)
        self.jitStackBytes = max(32 * 1024, limits.jitStackBytes)
        self.interpretedMatchesLeft = max(0, limits.interpretedMatchesBeforeJIT)
    }

    /// Whether this match runs the JIT code: asked of the pattern once the interpreter has
    /// had its matches, when the JIT stack is made too.
    @inline(__always)
    private func jitIsReady() -> Bool {
        if let usesJIT { return usesJIT }
        if interpretedMatchesLeft > 0 {
            interpretedMatchesLeft -= 1
            return false
        }
        let compiled = pattern.prepareForMatching()
        if compiled {
            let stack = pcre2_jit_stack_create_8(32 * 1024, jitStackBytes, nil)
            pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(stack))
            jitStack = stack
        }
        usesJIT = compiled
        return compiled
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// The byte range of the first match in `subject` at or after `start`, or nil.
    /// - Throws: ``MatchFailure`` when a limit (or any other PCRE2 error) stops the match.
    public func firstMatch(in subject: UnsafeRawBufferPointer, from start: Int = 0) throws(MatchFailure) -> Range<Int>? {
        // The JIT fast path skips PCRE2's argument checks, so check the offset here.
        guard start >= 0, start <= subject.count else { throw failure(PCRE2_ERROR_BADOFFSET) }
        let jit = jitIsReady()
        let result = withSubject(subject) { base, length in
            if jit {
                return pcre2_jit_match_8(pattern.code, base, length, start, 0, matchData, matchContext)
            }
            // PCRE2_NO_JIT: a pattern another matcher had compiled runs interpreted here too,
            // under the interpreter's limits, until this matcher has made its JIT stack.
            return pcre2_match_8(pattern.code, base, length, start, UInt32(PCRE2_NO_JIT), matchData, matchContext)
        }
        if result == PCRE2_ERROR_NOMATCH { return nil }
        guard result >= 0 else { throw failure(result) }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        return ovector[0]..<max(ovector[0], ovector[1])
    }

    /// True when the pattern matches somewhere in `subject`.
    /// - Throws: ``MatchFailure`` when a limit stops the match.
    public func matches(_ subject: UnsafeRawBufferPointer) throws(MatchFailure) -> Bool {
        try firstMatch(in: subject) != nil
    }

    /// Replaces the first match (or every match when `global`) in `subject` with
    /// `replacement`, written in PCRE2's substitution syntax (`$1`, `${name}`, `$$`).
    /// Unset groups substitute as empty.
    ///
    /// - Returns: the number of replacements made and, when that is above zero, the length of
    ///   the new text, which is `output[0..<length]`. The buffer is reused between calls and
    ///   only grows. When no replacement is made, `subject` stands as it was.
    /// - Throws: ``MatchFailure`` when a limit stops a match or the replacement is invalid.
    public func replace(
        in subject: UnsafeRawBufferPointer,
        with replacement: [UInt8],
        global: Bool,
        into output: inout [UInt8]
    ) throws(MatchFailure) -> (replacements: Int, length: Int) {
        // Most subjects do not match at all: find out with one match before substituting.
        guard try firstMatch(in: subject) != nil else { return (0, 0) }
        var options = UInt32(PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | PCRE2_SUBSTITUTE_UNSET_EMPTY)
        if global { options |= UInt32(PCRE2_SUBSTITUTE_GLOBAL) }
        // As in `firstMatch`: interpreted until this matcher has its JIT stack.
        if usesJIT != true { options |= UInt32(PCRE2_NO_JIT) }
        var useExistingMatch = true
        if output.count < subject.count + replacement.count + 64 {
            output = [UInt8](repeating: 0, count: 2 * subject.count + replacement.count + 64)
        }
        while true {
            var length = output.count
            let flags = useExistingMatch ? options | UInt32(PCRE2_SUBSTITUTE_MATCHED) : options
            let result = withSubject(subject) { base, subjectLength in
                replacement.withUnsafeBytes { rep in
                    withSubject(rep) { repBase, repLength in
                        output.withUnsafeMutableBufferPointer { out in
                            pcre2_substitute_8(
                                pattern.code, base, subjectLength, 0, flags, matchData, matchContext,
                                repBase, repLength, out.baseAddress, &length)
                        }
                    }
                }
            }
            if result == PCRE2_ERROR_NOMEMORY {
                // `length` now holds the size needed; the match data was used up, so match again.
                output = [UInt8](repeating: 0, count: length)
                useExistingMatch = false
                continue
            }
            guard result >= 0 else { throw failure(result) }
            return (Int(result), length)
        }
    }

    /// Calls `body` with a non-null base address, as PCRE2 rejects a null subject even when
    /// its length is zero (an empty buffer may have no address).
    private func withSubject<R>(
        _ subject: UnsafeRawBufferPointer,
        _ body: (UnsafePointer<UInt8>, Int) -> R
    ) -> R {
        guard let base = subject.baseAddress else {
            var empty: UInt8 = 0
            return withUnsafePointer(to: &empty) { body($0, 0) }
        }
        return body(base.assumingMemoryBound(to: UInt8.self), subject.count)
    }

    private func failure(_ code: Int32) -> MatchFailure {
        let limitCodes: Set<Int32> = [
            PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT,
            PCRE2_ERROR_JIT_STACKLIMIT, PCRE2_ERROR_NOMEMORY,
        ]
        return MatchFailure(code: code, message: Pattern.message(for: code), isLimit: limitCodes.contains(code))
    }
}
