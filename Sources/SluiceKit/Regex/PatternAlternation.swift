extension Pattern {
    /// One pattern that matches a subject exactly when at least one of `patterns` does:
    /// `(?:(?flags)P1)|(?:(?flags)P2)|…`, each branch with its own flags inline.
    ///
    /// Returns nil when the patterns cannot be joined safely — one of them numbers or names
    /// groups it refers back to (`\1`, `\k<name>`, `(?1)`, conditions), uses a control verb
    /// such as `(*UTF)` or `(*COMMIT)` that means something else inside a branch, quotes with
    /// `\Q` (which could swallow the closing parenthesis), or has a comment in extended mode —
    /// or when the joined pattern does not compile.
    public static func alternation(of patterns: [Pattern]) -> Pattern? {
        guard patterns.count > 1 else { return nil }
        var branches: [String] = []
        for pattern in patterns {
            guard isJoinable(pattern) else { return nil }
            branches.append("(?:" + inlineFlags(pattern.flags) + pattern.source + ")")
        }
        return try? Pattern(branches.joined(separator: "|"))
    }

    private static func inlineFlags(_ flags: PatternFlags) -> String {
        let letters = PatternFlags.letters.filter { flags.contains($0.flag) }.map { String($0.letter) }.joined()
        return letters.isEmpty ? "" : "(?" + letters + ")"
    }

    private static func isJoinable(_ pattern: Pattern) -> Bool {
        let source = pattern.source
        if pattern.flags.contains(.extended), source.contains("#") { return false }
        let scalars = Array(source.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\\", let next {
                // Back-references and quoting: \1-\9, \g, \k, \Q.
                if ("1"..."9").contains(next) || next == "g" || next == "k" || next == "Q" { return false }
                index += 2
                continue
            }
            if scalar == "(", let next {
                if next == "*" { return false }
                if next == "?", index + 2 < scalars.count {
                    let after = scalars[index + 2]
                    // Recursion and subroutine calls (?1) (?-1) (?+1) (?R) (?&name) (?P=name)
                    // (?P>name), and conditions (?(…).
                    if ("0"..."9").contains(after) || "R&(".unicodeScalars.contains(after) { return false }
                    // (?-1) and (?+1) are calls; (?-i) and (?-i:…) only unset options.
                    if after == "-" || after == "+", index + 3 < scalars.count, ("0"..."9").contains(scalars[index + 3]) { return false }
                    if after == "P", index + 3 < scalars.count, "=>".unicodeScalars.contains(scalars[index + 3]) { return false }
                }
            }
            index += 1
        }
        return true
    }
}
