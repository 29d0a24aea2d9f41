import SluiceRules

/// The rule files shipped in `Rules/` and built into the binary, addressable by name
/// (`news` for `news.rules`), each with the one-line description its header comment opens with.
public enum ShippedRuleSets {
    /// One shipped rule file.
    public struct Entry: Sendable, Equatable {
        /// The name it is addressed by: the file name without `.rules`.
        public let name: String
        /// Its embedded file name (`news.rules`).
        public let fileName: String
        /// The first sentence of its header comment.
        public let summary: String
    }

    /// Every shipped rule file, sorted by name.
    public static let all: [Entry] = EmbeddedRuleFiles.files.keys.sorted().map { fileName in
        Entry(
            name: String(fileName.dropLast(suffix.count)),
            fileName: fileName,
            summary: summary(ofRuleText: String(decoding: EmbeddedRuleFiles.files[fileName] ?? [], as: UTF8.self))
        )
    }

    /// The shipped rule file called `name` (`news`), if there is one.
    public static func named(_ name: String) -> Entry? {
        all.first { $0.name == name }
    }

    /// The first sentence of a rule file's header comment: its leading `#` lines up to the
    /// first empty comment line, joined with spaces and cut after the first full stop that
    /// ends a sentence.
    public static func summary(ofRuleText text: String) -> String {
        var words: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("#") else { break }
            let body = line.dropFirst().drop { $0 == " " || $0 == "\t" }
            if body.isEmpty { break }
            words += body.split(separator: " ")
        }
        var sentence: [Substring] = []
        for word in words {
            sentence.append(word)
            if word.hasSuffix(".") { break }
        }
        return sentence.joined(separator: " ")
    }

    private static let suffix = ".rules"
}
