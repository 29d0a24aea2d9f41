/// Compile-time options of a ``Pattern``, written as one-letter flags after the closing
/// delimiter in a rule file (`/advert/i`).
///
/// Every pattern is always compiled for UTF-8 with Unicode properties (`\s`, `\w` and `\d`
/// see non-ASCII text) and with invalid UTF-8 allowed in the subject, so these flags only
/// add to that base.
public struct PatternFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `i`: letters match in either case (Unicode case folding).
    public static let caseless = PatternFlags(rawValue: 1 << 0)
    /// `x`: white space in the pattern is ignored and `#` starts a comment.
    public static let extended = PatternFlags(rawValue: 1 << 1)
    /// `m`: `^` and `$` also match at embedded newlines.
    public static let multiline = PatternFlags(rawValue: 1 << 2)
    /// `s`: `.` also matches a newline.
    public static let dotAll = PatternFlags(rawValue: 1 << 3)
    /// `n`: plain `( )` groups do not capture; only named groups do.
    public static let noAutoCapture = PatternFlags(rawValue: 1 << 4)
    /// `U`: quantifiers are lazy by default and `?` makes them greedy.
    public static let ungreedy = PatternFlags(rawValue: 1 << 5)

    /// The flag letters and what they mean, in the order they are documented.
    public static let letters: [(letter: Character, flag: PatternFlags)] = [
        ("i", .caseless), ("x", .extended), ("m", .multiline),
        ("s", .dotAll), ("n", .noAutoCapture), ("U", .ungreedy),
    ]
}
