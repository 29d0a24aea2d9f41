/// Replaces the first match of a pattern in each line (every match with `g`).
///
/// Syntax: `replace /PATTERN/REPLACEMENT/FLAGS [as NAME]`
///
/// ```
/// replace /\h+$// as trailing-space
/// replace |https?://\S+|<url>|g
/// ```
///
/// The replacement uses PCRE2's syntax: `$1` or `${1}` for a group, `${name}` for a named
/// group, `$$` for a dollar sign; `\` before the delimiter stands for the delimiter. The
/// line's terminator is not part of the match and is kept. A line on which a match limit
/// stops the pattern is kept unchanged.
public struct ReplaceText: Step {
    public static let keyword = "replace"
    public static let synopsis = "replace /PATTERN/REPLACEMENT/FLAGS"

    /// What to replace.
    public let pattern: Pattern
    /// What to put in its place.
    public let replacement: ReplacementTemplate
    /// True to replace every match, not only the first.
    public let global: Bool

    public static func parse(_ scanner: inout RuleLineScanner) throws(RuleDiagnostic) -> ReplaceText {
        let sections = try scanner.readDelimited(sections: 2)
        let (flags, global, _) = try scanner.readFlags(allowGlobal: true)
        let pattern = try scanner.compile(sections[0], flags: flags)
        let replacement = try scanner.replacement(sections[1], for: pattern)
        return ReplaceText(pattern: pattern, replacement: replacement, global: global)
    }

    public func makeStage(_ context: StageContext, next: LineStage) -> LineStage {
        Stage(step: self, context: context, next: next)
    }

    private final class Stage: LineStage {
        private let matcher: Matcher
        private let replacement: [UInt8]
        private let global: Bool
        private let context: StageContext
        private let statistics: StepStatistics
        private var output: [UInt8] = []
        /// True for `\s+$` and the like: a line not ending in white space is passed on unmatched.
        private let onlyMatchesTrailingWhiteSpace: Bool

        init(step: ReplaceText, context: StageContext, next: LineStage) {
            self.matcher = Matcher(pattern: step.pattern, limits: context.limits)
            self.replacement = step.replacement.bytes
            self.global = step.global
            self.onlyMatchesTrailingWhiteSpace = step.pattern.onlyMatchesTrailingWhiteSpace
            self.context = context
            self.statistics = context.statistics
            super.init(next: next)
        }

        override func push(_ line: Line) {
            if onlyMatchesTrailingWhiteSpace, !Pattern.mayEndInWhiteSpace(line.content) {
                next?.push(line)
                return
            }
            let result: (replacements: Int, length: Int)
            do {
                result = try matcher.replace(in: line.content, with: replacement, global: global, into: &output)
            } catch {
                context.reportLimitFailure(error, on: line)
                next?.push(line)
                return
            }
            guard result.replacements > 0 else {
                next?.push(line)
                return
            }
            statistics.replacements += result.replacements
            statistics.linesChanged += 1
            let terminator = line.terminator
            let total = result.length + terminator.count
            if output.count < total { output.append(contentsOf: repeatElement(0, count: total - output.count)) }
            output.withUnsafeMutableBytes { buffer in
                if terminator.count > 0 {
                    UnsafeMutableRawBufferPointer(rebasing: buffer[result.length..<total]).copyMemory(from: terminator)
                }
                next?.push(Line(
                    bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<total]),
                    contentCount: result.length, number: line.number))
            }
        }
    }
}
