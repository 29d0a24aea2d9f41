/// A pattern that PCRE2 refused to compile, or a replacement that cannot be applied.
public struct PatternError: Error, Sendable, Equatable {
    /// PCRE2's error code (negative for match-time errors, positive for compile errors);
    /// zero for errors Sluice finds itself in a replacement.
    public let code: Int32
    /// PCRE2's message, as `pcre2_get_error_message` gives it.
    public let message: String
    /// Byte offset of the error in the pattern (or replacement) text.
    public let offset: Int

    public init(code: Int32, message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }
}

/// Why a match stopped without an answer.
public struct MatchFailure: Error, Sendable, Equatable {
    /// PCRE2's (negative) error code.
    public let code: Int32
    /// PCRE2's message for the code.
    public let message: String
    /// True when a match, depth, heap or JIT stack limit stopped the match.
    public let isLimit: Bool
}
