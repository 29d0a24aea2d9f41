/// Bounds on the work one match may do, so that no pattern can hang the tool.
///
/// PCRE2 counts backtracking steps (`matchLimit`), the depth of nested backtracking in the
/// interpreter (`depthLimit`) and the heap the interpreter may use (`heapLimitKibibytes`);
/// the JIT runs on its own stack of at most `jitStackBytes`. A match that reaches any of
/// them stops with a limit failure instead of running on.
public struct MatchLimits: Sendable, Hashable {
    /// Most backtracking steps one match may take.
    public var matchLimit: UInt32
    /// Most nested backtracking frames one interpreted match may hold.
    public var depthLimit: UInt32
    /// Most heap memory, in KiB, one interpreted match may use.
    public var heapLimitKibibytes: UInt32
    /// Largest JIT stack, in bytes, one matcher may grow.
    public var jitStackBytes: Int
    /// Matches a ``Matcher`` runs with the interpreter before it has its pattern
    /// JIT-compiled; 0 compiles at the first match. JIT-compiling a rule costs about as
    /// much as some hundreds of interpreted matches of a line, so on a small input the
    /// interpreter is faster, and the rules a prefilter keeps from most lines may never need
    /// the JIT; past the first few dozen matches the JIT pays. Both give the same matches;
    /// the limits that apply are the interpreter's (`depthLimit`, `heapLimitKibibytes`),
    /// then the JIT's.
    ///
    /// Only for patterns that one thread at a time matches with: JIT compilation changes a
    /// pattern, so it must not happen while another thread matches with it.
    /// ``ParallelCleaner`` sets this to 0 when it runs more than one worker.
    public var interpretedMatchesBeforeJIT: Int

    public init(
        matchLimit: UInt32 = 1_000_000,
        depthLimit: UInt32 = 10_000,
        heapLimitKibibytes: UInt32 = 65_536,
        jitStackBytes: Int = 1 << 20,
        interpretedMatchesBeforeJIT: Int = 0
    ) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKibibytes = heapLimitKibibytes
        self.jitStackBytes = jitStackBytes
        self.interpretedMatchesBeforeJIT = interpretedMatchesBeforeJIT
    }

    /// The limits used when none are given: about a second of work at worst per match.
    public static let standard = MatchLimits()
}
