import SluiceKit
import Testing

@Suite struct ReplacementTemplateTests {
    struct Accepted: Sendable, CustomTestStringConvertible {
        let pattern: String
        let replacement: String
        let subject: String
        /// What PCRE2 makes of it, as a check that the template agrees with PCRE2's syntax.
        let result: String
        var testDescription: String { "/\(pattern)/\(replacement)/" }
    }

    static let twelveGroups = "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)"

    static let accepted: [Accepted] = [
        Accepted(pattern: "(a)", replacement: "<$0>", subject: "a", result: "<a>"),
        Accepted(pattern: "b", replacement: "<$0>", subject: "abc", result: "a<b>c"),
        Accepted(pattern: "(a)", replacement: "$1$1", subject: "a", result: "aa"),
        Accepted(pattern: "(a)", replacement: "${1}", subject: "a", result: "a"),
        Accepted(pattern: "(?<name>a)", replacement: "${name}!", subject: "a", result: "a!"),
        Accepted(pattern: "(?<name>a)", replacement: "$name!", subject: "a", result: "a!"),
        Accepted(pattern: "a", replacement: "$$", subject: "a", result: "$"),
        Accepted(pattern: "a", replacement: "é$$é", subject: "a", result: "é$é"),
        // PCRE2 reads a group number as digits only: group 12, then "abc".
        Accepted(pattern: twelveGroups, replacement: "$12abc", subject: "abcdefghijkl", result: "labc"),
        Accepted(pattern: "a", replacement: "no references", subject: "a", result: "no references"),
        Accepted(pattern: "a", replacement: "", subject: "xay", result: "xy"),
        Accepted(pattern: "(*MARK:here)a", replacement: "$*MARK", subject: "a", result: "here"),
        Accepted(pattern: "a", replacement: #"\n"#, subject: "a", result: #"\n"#),
    ]

    @Test(arguments: accepted)
    func acceptsValidReferences(_ accepted: Accepted) throws {
        let pattern = try Pattern(accepted.pattern)
        let template = try ReplacementTemplate(utf8(accepted.replacement), for: pattern)
        #expect(template.bytes == utf8(accepted.replacement))
        let result = try Matcher(pattern: pattern).replacing(accepted.subject, with: accepted.replacement, global: false)
        #expect(result.text == accepted.result)
    }

    struct Rejected: Sendable, CustomTestStringConvertible {
        let pattern: String
        let replacement: String
        let offset: Int
        let message: String
        var testDescription: String { "/\(pattern)/\(replacement)/" }
    }

    static let rejected: [Rejected] = [
        Rejected(pattern: "(a)", replacement: "$2", offset: 0, message: "the pattern has no group 2 (it has 1)"),
        Rejected(pattern: "(a)", replacement: "x$2", offset: 1, message: "the pattern has no group 2 (it has 1)"),
        Rejected(pattern: "a", replacement: "$1", offset: 0, message: "the pattern has no group 1 (it has 0)"),
        Rejected(pattern: "(a)", replacement: "$$$2", offset: 2, message: "the pattern has no group 2 (it has 1)"),
        Rejected(pattern: "(a)", replacement: "${2}", offset: 0, message: "the pattern has no group 2 (it has 1)"),
        Rejected(pattern: "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", replacement: "$12abc", offset: 0, message: "the pattern has no group 12 (it has 11)"),
        Rejected(pattern: "(?<name>a)", replacement: "${nope}", offset: 0, message: "the pattern has no group named 'nope'"),
        Rejected(pattern: "(?<name>a)", replacement: "ab $nope", offset: 3, message: "the pattern has no group named 'nope'"),
        Rejected(pattern: "a", replacement: "$", offset: 0, message: "'$' at the end of the replacement; write '$$' for a dollar sign"),
        Rejected(pattern: "a", replacement: "ab$", offset: 2, message: "'$' at the end of the replacement; write '$$' for a dollar sign"),
        Rejected(pattern: "(a)", replacement: "${1", offset: 0, message: "'${' without a closing '}' in the replacement"),
        Rejected(pattern: "(?<name>a)", replacement: "x${name", offset: 1, message: "'${' without a closing '}' in the replacement"),
        Rejected(pattern: "a", replacement: "$-", offset: 0, message: "'$' must be followed by a group number, a group name or '$'"),
        Rejected(pattern: "a", replacement: "${}", offset: 0, message: "'$' must be followed by a group number, a group name or '$'"),
        // Offsets are bytes: é is two.
        Rejected(pattern: "a", replacement: "é$-", offset: 2, message: "'$' must be followed by a group number, a group name or '$'"),
    ]

    @Test(arguments: rejected)
    func rejectsBadReferencesAtTheDollar(_ rejected: Rejected) throws {
        let pattern = try Pattern(rejected.pattern)
        let error = #expect(throws: PatternError.self) {
            try ReplacementTemplate(utf8(rejected.replacement), for: pattern)
        }
        #expect(error?.offset == rejected.offset)
        #expect(error?.message == rejected.message)
        #expect(error?.code == 0)
    }
}
