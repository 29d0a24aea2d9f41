import SluiceKit
import Testing

/// The rule-file grammar, parsed through `RuleLoader().load(text:name:)`.
@Suite struct RuleParserTests {
    // MARK: steps

    @Test func eachActionParsesToItsStep() throws {
        let set = try rules("""
            drop /a/
            keep /b/i
            replace /c/d/g
            squeeze blank-lines
            """)
        try #require(set.steps.count == 4)
        let drop = try #require(set.steps[0].step as? DropLines)
        #expect(drop.pattern.source == "a")
        #expect(drop.pattern.flags == [])
        let keep = try #require(set.steps[1].step as? KeepLines)
        #expect(keep.pattern.source == "b")
        #expect(keep.pattern.flags == .caseless)
        let replace = try #require(set.steps[2].step as? ReplaceText)
        #expect(replace.pattern.source == "c")
        #expect(replace.replacement.bytes == utf8("d"))
        #expect(replace.global)
        #expect(set.steps[3].step is SqueezeBlankLines)
    }

    @Test func replaceWithoutGIsNotGlobal() throws {
        let replace = try #require(try rules("replace /a/b/").steps.first?.step as? ReplaceText)
        #expect(!replace.global)
    }

    @Test func emptyPatternAndEmptyReplacement() throws {
        let set = try rules("replace /x//\ndrop //")
        #expect((set.steps[0].step as? ReplaceText)?.replacement.bytes == [])
        #expect((set.steps[1].step as? DropLines)?.pattern.source == "")
    }

    // MARK: delimiters

    @Test(arguments: ["/", "|", "#", ",", "!", "~"])
    func punctuationDelimits(_ delimiter: String) throws {
        let d = delimiter
        let set = try rules("replace \(d)a.c\(d)X\(d)g\ndrop \(d)^gone\(d)\nkeep \(d)\\S\(d)")
        let replace = try #require(set.steps[0].step as? ReplaceText)
        #expect(replace.pattern.source == "a.c")
        #expect(replace.replacement.bytes == utf8("X"))
        #expect(replace.global)
        #expect((set.steps[1].step as? DropLines)?.pattern.source == "^gone")
        #expect((set.steps[2].step as? KeepLines)?.pattern.source == #"\S"#)
        #expect(string(Pipeline(rules: set).clean(utf8("abc a/c\ngone\n\nkept\n"))) == "X X\nkept\n")
    }

    @Test(arguments: ["a", "Z", "7", "\\", "é"])
    func lettersDigitsBackslashAndNonASCIICannotDelimit(_ delimiter: String) {
        let found = diagnostics("drop \(delimiter)x\(delimiter)")
        #expect(found.map(\.message) == ["'\(delimiter)' cannot delimit a pattern; use punctuation such as / | # ! or ,"])
        #expect(found.map(\.location.description) == ["t.rules:1:6"])
    }

    @Test func escapedDelimiterInPatternMatchesTheDelimiter() throws {
        let set = try rules(#"drop /a\/b/"#)
        #expect((set.steps[0].step as? DropLines)?.pattern.source == #"a\/b"#, "passed to PCRE2 as written")
        #expect(string(Pipeline(rules: set).clean(utf8("a/b\nab\nxa/by\na\\b\n"))) == "ab\na\\b\n")
    }

    @Test func escapedPipeWithPipeDelimiterIsALiteralPipe() throws {
        let set = try rules(#"replace |a\|b|<\|>|"#)
        #expect(string(Pipeline(rules: set).clean(utf8("a|b ab\n"))) == "<|> ab\n")
    }

    @Test func escapedDelimiterInReplacementIsTheDelimiter() throws {
        let set = try rules(#"replace /x/a\/b/"#)
        #expect((set.steps[0].step as? ReplaceText)?.replacement.bytes == utf8("a/b"))
        #expect(string(Pipeline(rules: set).clean(utf8("x\n"))) == "a/b\n")
    }

    @Test func escapedBackslashBeforeTheClosingDelimiter() throws {
        let set = try rules(#"drop /a\\/"#)
        #expect((set.steps[0].step as? DropLines)?.pattern.source == #"a\\"#)
        #expect(string(Pipeline(rules: set).clean(utf8("a\\\na\n"))) == "a\n")
    }

    // MARK: flags

    @Test func allPatternFlags() throws {
        let set = try rules("drop /a/ixmsnU\nreplace /a/b/gi\nreplace /a/b/ig")
        #expect((set.steps[0].step as? DropLines)?.pattern.flags == [.caseless, .extended, .multiline, .dotAll, .noAutoCapture, .ungreedy])
        for index in 1...2 {
            let replace = try #require(set.steps[index].step as? ReplaceText)
            #expect(replace.global)
            #expect(replace.pattern.flags == .caseless)
        }
    }

    // MARK: names

    @Test func asNameSetsTheStepName() throws {
        let set = try rules("""
            drop /a/ as ad-label
            keep /b/ as v1.2_x-é
            squeeze blank-lines as tidy
            """)
        #expect(set.steps.map(\.name) == ["ad-label", "v1.2_x-é", "tidy"])
    }

    @Test func defaultNameIsFileAndLine() throws {
        let set = try rules("# comment\n\ndrop /a/\n  replace /b/c/", name: "site.rules")
        #expect(set.steps.map(\.name) == ["site.rules:3", "site.rules:4"])
        #expect(set.steps.map(\.location.description) == ["site.rules:3:1", "site.rules:4:3"])
    }

    // MARK: comments, blank lines, encodings

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let set = try rules("""
            # a comment
            
               # an indented comment
            \t
            drop /a/ # a trailing comment
            drop #b# # '#' delimits, then a comment
            drop /c/i as named # a comment after the name
            replace /d/e/g\t# a comment after a tab
            """)
        #expect(set.steps.count == 4)
        #expect((set.steps[1].step as? DropLines)?.pattern.source == "b")
        #expect((set.steps[2].step as? DropLines)?.pattern.flags == .caseless)
        #expect(set.steps[2].name == "named")
        #expect((set.steps[3].step as? ReplaceText)?.global == true)
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let set = try rules("\u{FEFF}drop /a/\r\ndrop /b/ as named\r\n    drops: b\r\n")
        #expect(set.steps.count == 2)
        #expect(set.steps[0].location.description == "t.rules:1:1")
        #expect(set.steps[1].name == "named")
        #expect(set.steps[1].examples.map(\.input) == ["b"])
    }

    // MARK: examples

    @Test func examplesAttachToTheStepAbove() throws {
        let set = try rules("""
            drop /^ad$/ as ad
                drops: ad
                keeps: add
              # a comment between examples
            
            keep /x/
            \tturns: x => y
                keeps:   spaced  
                drops:
            squeeze blank-lines
            """)
        try #require(set.steps.count == 3)
        let first = set.steps[0].examples
        #expect(first.map(\.input) == ["ad", "add"])
        #expect(first.map(\.expectation) == [.drops, .keeps])
        #expect(first.map(\.location.description) == ["t.rules:2:5", "t.rules:3:5"])
        let second = set.steps[1].examples
        // The text starts after one space and keeps the rest, trailing spaces included.
        #expect(second.map(\.input) == ["x", "  spaced  ", ""])
        #expect(second.map(\.expectation) == [.turns(into: "y"), .keeps, .drops])
        #expect(second.first?.location.description == "t.rules:7:2")
        #expect(set.steps[2].examples.isEmpty)
    }

    @Test func turnsSplitsAtTheFirstArrow() throws {
        let example = try #require(try rules("replace /a/b/\n    turns: a => b => c").steps.first?.examples.first)
        #expect(example.input == "a")
        #expect(example.expectation == .turns(into: "b => c"))
    }

    @Test func examplesUnderABrokenRuleAreNotReportedAgain() {
        let found = diagnostics("drop /(/\n    drops: x\n    keeps: y")
        #expect(found.map(\.location.line) == [1])
    }

    // MARK: errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let rules: String
        let location: String
        let message: String
        var testDescription: String { rules.debugDescription }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(rules: "frobnicate /a/", location: "t.rules:1:1",
                  message: "unknown action 'frobnicate'; expected one of: drop, keep, drop-list, replace, squeeze, dedupe, quotes, include, paragraphs"),
        ErrorCase(rules: "  frobnicate /a/", location: "t.rules:1:3",
                  message: "unknown action 'frobnicate'; expected one of: drop, keep, drop-list, replace, squeeze, dedupe, quotes, include, paragraphs"),
        ErrorCase(rules: "drops: x", location: "t.rules:1:1",
                  message: "unknown action 'drops:'; expected one of: drop, keep, drop-list, replace, squeeze, dedupe, quotes, include, paragraphs"),
        ErrorCase(rules: "drop", location: "t.rules:1:5", message: "expected a pattern such as /text/ here"),
        ErrorCase(rules: "drop /abc", location: "t.rules:1:6", message: "unterminated pattern: no closing '/' for the '/' here"),
        ErrorCase(rules: "replace |abc", location: "t.rules:1:9", message: "unterminated pattern: no closing '|' for the '|' here"),
        ErrorCase(rules: "replace /a/bc", location: "t.rules:1:11", message: "unterminated replacement: no closing '/' for the '/' here"),
        ErrorCase(rules: "drop abc", location: "t.rules:1:6", message: "'a' cannot delimit a pattern; use punctuation such as / | # ! or ,"),
        ErrorCase(rules: "keep /a/z", location: "t.rules:1:9", message: "unknown flag 'z' (flags are: ixmsnU)"),
        ErrorCase(rules: "drop /a/g", location: "t.rules:1:9", message: "unknown flag 'g' (flags are: ixmsnUq); 'g' applies to replace only"),
        ErrorCase(rules: "keep /a/ig", location: "t.rules:1:10", message: "unknown flag 'g' (flags are: ixmsnU); 'g' applies to replace only"),
        ErrorCase(rules: "replace /a/b/gq", location: "t.rules:1:15", message: "unknown flag 'q' (flags are: ixmsnUg); 'q' applies to drop only"),
        // PCRE2 reports the end of the pattern: the caret sits on the closing delimiter.
        ErrorCase(rules: "drop /(ab/", location: "t.rules:1:10", message: "missing closing parenthesis"),
        // PCRE2's byte offset becomes a column in characters.
        ErrorCase(rules: "drop /é(ab/", location: "t.rules:1:11", message: "missing closing parenthesis"),
        ErrorCase(rules: "drop /ab)/", location: "t.rules:1:9", message: "unmatched closing parenthesis"),
        ErrorCase(rules: "replace /(a)/$2/", location: "t.rules:1:14", message: "the pattern has no group 2 (it has 1)"),
        ErrorCase(rules: "replace /(?<word>a)/x${nope}/", location: "t.rules:1:22", message: "the pattern has no group named 'nope'"),
        ErrorCase(rules: "replace /a/$/", location: "t.rules:1:12", message: "'$' at the end of the replacement; write '$$' for a dollar sign"),
        ErrorCase(rules: "drop /a/ extra", location: "t.rules:1:10",
                  message: "unexpected text after the rule; a rule may end with 'as NAME' or a # comment"),
        ErrorCase(rules: "replace /a/b/g extra", location: "t.rules:1:16",
                  message: "unexpected text after the rule; a rule may end with 'as NAME' or a # comment"),
        ErrorCase(rules: "drop /a/ as", location: "t.rules:1:12", message: "expected a rule name after 'as'"),
        ErrorCase(rules: "drop /a/ as bad/name", location: "t.rules:1:13",
                  message: "a rule name may hold letters, digits, '.', '_' and '-' only"),
        ErrorCase(rules: "drop /a/ as good extra", location: "t.rules:1:18", message: "unexpected text after the rule name"),
        ErrorCase(rules: "squeeze lines", location: "t.rules:1:9", message: "cannot squeeze 'lines'; only 'squeeze blank-lines' exists"),
        ErrorCase(rules: "squeeze", location: "t.rules:1:8", message: "expected what to squeeze: 'squeeze blank-lines'"),
        ErrorCase(rules: "squeeze blank-lines now", location: "t.rules:1:21",
                  message: "unexpected text after the rule; a rule may end with 'as NAME' or a # comment"),
        ErrorCase(rules: "    drops: x", location: "t.rules:1:5", message: "an example must follow the rule it is for"),
        ErrorCase(rules: "# only a comment\n    keeps: x", location: "t.rules:2:5", message: "an example must follow the rule it is for"),
        ErrorCase(rules: "drop /a/\n    turns: a -> b", location: "t.rules:2:5",
                  message: "a 'turns:' example needs ' => ' between the line and its result"),
        ErrorCase(rules: "drop /a/\n    turns: a=>b", location: "t.rules:2:5",
                  message: "a 'turns:' example needs ' => ' between the line and its result"),
        ErrorCase(rules: "drop /a/\ninclude", location: "t.rules:2:8", message: "expected a file name after 'include'"),
    ]

    @Test(arguments: errorCases)
    func errorIsReportedAtItsLineAndColumn(_ errorCase: ErrorCase) {
        let found = diagnostics(errorCase.rules)
        #expect(found.map(\.location.description) == [errorCase.location])
        #expect(found.map(\.message) == [errorCase.message])
        let lastLine = errorCase.rules.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init)
        #expect(found.map(\.sourceLine) == [lastLine ?? ""], "the diagnostic carries the line it is about")
    }

    @Test func diagnosticRendersWithCaretUnderTheColumn() {
        let found = diagnostics("drop /a/\ndrop /(ab/", name: "bad.rules")
        #expect(found.map(\.description) == [
            """
            bad.rules:2:10: error: missing closing parenthesis
            drop /(ab/
                     ^
            """,
        ])
    }

    @Test func caretCountsCharactersNotBytes() {
        #expect(diagnostics("drop /é(ab/").map(\.description) == [
            "t.rules:1:11: error: missing closing parenthesis\ndrop /é(ab/\n          ^",
        ])
    }

    @Test func caretKeepsTabsSoItLinesUp() {
        #expect(diagnostics("\tdrop /a/ oops").map(\.description) == [
            "t.rules:1:11: error: unexpected text after the rule; a rule may end with 'as NAME' or a # comment\n"
                + "\tdrop /a/ oops\n\t         ^",
        ])
    }

    @Test func invalidUTF8LineIsAnErrorWithoutACaret() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("broken.rules", bytes: utf8("drop /a/\ndrop /") + [0xFF] + utf8("/\ndrop /c/\n"))
        let found = diagnostics(loading: [.file(path)])
        #expect(found.map(\.location.description) == ["\(path):2:1"])
        #expect(found.map(\.message) == ["the line is not valid UTF-8"])
        #expect(found.map(\.description) == ["\(path):2:1: error: the line is not valid UTF-8"])
    }

    @Test func everyErrorIsReportedInLineOrder() {
        let text = """
            frob /a/
            drop /ok/
            drop /(/
                drops: skipped, the rule above is broken
            squeeze lines
                turns: skipped too
            keep /b/
                turns: no arrow
            replace /a/$9/
            """
        let errors = #expect(throws: RuleErrors.self) { try rules(text) }
        let found = errors?.diagnostics ?? []
        #expect(found.map(\.location.line) == [1, 3, 5, 8, 9])
        #expect(errors?.description == found.map(\.description).joined(separator: "\n"))
    }
}
