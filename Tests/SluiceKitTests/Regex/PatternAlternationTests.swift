import SluiceKit
import Testing

@Suite struct PatternAlternationTests {
    @Test func joinedPatternMatchesWhenAnyBranchDoes() throws {
        let joined = try #require(Pattern.alternation(of: [
            try Pattern(#"^\h*advertisement\h*$"#, flags: .caseless),
            try Pattern(#"^Read also\|"#),
            try Pattern(#"x   y"#, flags: .extended),
        ]))
        let matcher = Matcher(pattern: joined)
        #expect(try matcher.firstMatch(in: "  ADVERTISEMENT ") != nil)
        #expect(try matcher.firstMatch(in: "Read also| more") != nil)
        #expect(try matcher.firstMatch(in: "a xy b") != nil)
        // Flags stay with their branch: the second pattern is case-sensitive.
        #expect(try matcher.firstMatch(in: "READ ALSO| more") == nil)
        #expect(try matcher.firstMatch(in: "Advertisement revenue rose.") == nil)
    }

    @Test(arguments: [
        #"(a)\1"#, #"(?<n>a)\k<n>"#, #"(a)(?1)"#, #"(a)?(?(1)a|b)"#, #"(*UTF)a"#, #"\Qa)"#, #"(?R)?a"#, #"(?&x)(?<x>a)"#, #"(?P<n>a)(?P=n)"#,
    ])
    func patternsThatReferToThemselvesAreNotJoined(_ source: String) throws {
        let other = try Pattern("b")
        let pattern = try Pattern(source)
        #expect(Pattern.alternation(of: [other, pattern]) == nil)
    }

    @Test func optionUnsettingIsJoinedButRelativeCallsAreNot() throws {
        #expect(Pattern.alternation(of: [try Pattern("(?-i:The) end", flags: .caseless), try Pattern("b")]) != nil)
        #expect(Pattern.alternation(of: [try Pattern("(a)(?-1)"), try Pattern("b")]) == nil)
    }

    @Test func extendedPatternWithACommentIsNotJoined() throws {
        #expect(Pattern.alternation(of: [try Pattern("a # note", flags: .extended), try Pattern("b")]) == nil)
    }

    @Test func oneOrNoPatternIsNothingToJoin() throws {
        #expect(Pattern.alternation(of: []) == nil)
        #expect(Pattern.alternation(of: [try Pattern("a")]) == nil)
    }
}
