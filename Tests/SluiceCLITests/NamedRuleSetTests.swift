import Foundation
import Testing

/// `-r NAME` for a shipped rule file, `--list-rules`, and a path that always wins over a name.
@Suite struct NamedRuleSetTests {
    static let shippedNames = ["ads", "appeals", "default", "navigation", "news", "publisher", "read-more", "social"]

    @Test func shippedNameCleansAsTheFileInRulesDoes() throws {
        let sample = Array("Advertisement\nBy Jane Doe\nThe council met on Monday.\n".utf8)
        let rulesFolder = SluiceProcess.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules")
        for name in ["news", "ads"] {
            let byName = try SluiceProcess.run(["-r", name], stdin: sample)
            let byPath = try SluiceProcess.run(["-r", rulesFolder.appendingPathComponent("\(name).rules").path], stdin: sample)
            #expect(byName.status == 0)
            #expect(byName.stderrText == "")
            #expect(byName.stdout == byPath.stdout, "-r \(name)")
        }
        #expect(try SluiceProcess.run(["-r", "ads"], stdin: sample).stdoutText == "By Jane Doe\nThe council met on Monday.\n")
    }

    @Test func fileInTheWorkingDirectoryWinsOverAShippedName() throws {
        let folder = try ScratchFolder()
        try folder.write("news", "drop /^keep/\n")
        let result = try SluiceProcess.run(["-r", "news"], stdin: Array("Advertisement\nkeep me\n".utf8), in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdoutText == "Advertisement\n")
    }

    @Test func unknownNameThatIsNoFileListsTheNamesAndExitsTwo() throws {
        let folder = try ScratchFolder()
        let result = try SluiceProcess.run(["-r", "newz", "input.txt"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrText == "sluice: error: -r newz: no such file, and no shipped rule file of that name (shipped: \(Self.shippedNames.joined(separator: ", ")); see --list-rules)\n")
    }

    @Test func listRulesNamesEachShippedFileWithItsHeaderSentence() throws {
        let result = try SluiceProcess.run(["--list-rules"])
        #expect(result.status == 0)
        let lines = result.stdoutText.split(separator: "\n")
        #expect(lines.map { String($0.prefix { $0 != " " }) } == Self.shippedNames)
        // Names in a column two spaces wider than the longest name (navigation).
        #expect(lines.contains("ads         Ad labels: a line that is only an ad placeholder, in any of the languages news is scraped in, with an optional \"scroll to continue\" tail."))
        #expect(lines.contains("default     Sluice default rules: the junk a naive scraper leaves in news articles."))
    }
}
