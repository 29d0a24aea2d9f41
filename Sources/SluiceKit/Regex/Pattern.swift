internal import CPCRE2
import Synchronization

/// A compiled PCRE2 pattern: UTF-8, Unicode properties, invalid UTF-8 tolerated in subjects,
/// JIT-compiled where the machine supports it — on its first match, not when it is made, so
/// that a rule file of a thousand rules starts at once and a rule that never gets to run (the
/// prefilter keeps most from most lines) never costs a JIT compilation.
///
/// A `Pattern` is immutable once made and may be shared between threads; matching needs a
/// ``Matcher``, which owns the per-thread match state.
///
/// ```swift
/// let ad = try Pattern(#"^\s*Advertisement\s*$"#, flags: .caseless)
/// let matcher = Matcher(pattern: ad)
/// ```
public final class Pattern: @unchecked Sendable {
    // Safety of @unchecked Sendable: PCRE2 documents compiled code (and its JIT code) as
    // read-only during matching, so sharing it between threads is safe.
    let code: OpaquePointer

    /// The pattern's source text, as written.
    public let source: String
    /// The flags it was compiled with.
    public let flags: PatternFlags
    /// True when the JIT compiled the pattern (compiling it now, if it was not yet);
    /// otherwise the interpreter matches it.
    public var isJITCompiled: Bool { prepareForMatching() }
    /// Whether the JIT compiled the pattern; nil until the first match asks.
    private let jitResult = Mutex<Bool?>(nil)
    /// The number of capture groups (`$1` … `$n` in a replacement).
    public let captureCount: Int
    /// The names of the named capture groups.
    public let groupNames: Set<String>

    /// Compiles `source` with `flags`.
    /// - Throws: ``PatternError`` with PCRE2's message and the byte offset of the error.
    public init(_ source: String, flags: PatternFlags = []) throws(PatternError) {
        var options = UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF)
        if flags.contains(.caseless) { options |= UInt32(PCRE2_CASELESS) }
        if flags.contains(.extended) { options |= UInt32(PCRE2_EXTENDED) }
        if flags.contains(.multiline) { options |= UInt32(PCRE2_MULTILINE) }
        if flags.contains(.dotAll) { options |= UInt32(PCRE2_DOTALL) }
        if flags.contains(.noAutoCapture) { options |= UInt32(PCRE2_NO_AUTO_CAPTURE) }
        if flags.contains(.ungreedy) { options |= UInt32(PCRE2_UNGREEDY) }

        var errorCode: Int32 = 0
        var errorOffset = 0
        let utf8 = Array(source.utf8)
        let compiled = utf8.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternError(code: errorCode, message: Pattern.message(for: errorCode), offset: errorOffset)
        }
        self.code = compiled
        self.source = source
        self.flags = flags

        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        self.captureCount = Int(captures)
        self.groupNames = Pattern.readGroupNames(compiled)
    }

    deinit {
        pcre2_code_free_8(code)
    }

    /// JIT-compiles the pattern once, the first time any thread asks; true when the JIT
    /// compiled it. Every ``Matcher`` calls this before its first match: JIT compilation
    /// changes the compiled code, so it must be done, under the lock, before anything
    /// matches with it.
    func prepareForMatching() -> Bool {
        jitResult.withLock { result in
            if let result { return result }
            let compiled = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
            result = compiled
            return compiled
        }
    }

    /// PCRE2's text for an error code.
    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { out in
            pcre2_get_error_message_8(code, out.baseAddress, out.count)
        }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }

    /// Reads the name table: entries of a 2-byte group number then a NUL-terminated name.
    private static func readGroupNames(_ code: OpaquePointer) -> Set<String> {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard count > 0, let table else { return [] }
        var names = Set<String>()
        for entry in 0..<Int(count) {
            let start = table + entry * Int(entrySize) + 2
            names.insert(String(cString: start))
        }
        return names
    }
}

extension Pattern {
    /// The PCRE2 library's version, as `10.42 2022-12-11`.
    public static var libraryVersion: String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let length = buffer.withUnsafeMutableBytes { pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), $0.baseAddress) }
        guard length > 1 else { return "unknown" }
        return String(decoding: buffer[0..<Int(length) - 1], as: UTF8.self)
    }

    /// True when this PCRE2 build has a JIT for this machine.
    public static var isJITAvailable: Bool {
        var available: UInt32 = 0
        pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &available)
        return available == 1
    }
}
