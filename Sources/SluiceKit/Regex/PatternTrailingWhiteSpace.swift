extension Pattern {
    /// True when the pattern is one that only matches white space at the end of the subject
    /// (`\s+$`, `\h+$`, `[ \t]+$`, or with `\z`): it cannot match a subject that is empty
    /// or whose last byte is an ASCII character other than white space, which a caller can
    /// test before running it. (`$` also matches before a final `\n`, itself white space.)
    /// Not with the `m` flag, under which `$` also matches before any newline in the subject.
    public var onlyMatchesTrailingWhiteSpace: Bool {
        !flags.contains(.multiline)
            && ["\\s+$", "\\h+$", "[ \\t]+$", "\\s+\\z", "\\h+\\z", "[ \\t]+\\z"].contains(source)
    }

    /// False when a pattern that ``onlyMatchesTrailingWhiteSpace`` cannot match `subject`.
    @inline(__always)
    static func mayEndInWhiteSpace(_ subject: UnsafeRawBufferPointer) -> Bool {
        guard let last = subject.last else { return false }
        return last >= 0x80 || last == 0x20 || (0x09...0x0D).contains(last)
    }
}
