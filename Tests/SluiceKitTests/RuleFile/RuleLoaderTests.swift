import Foundation
import SluiceKit
import Testing

@Suite struct RuleLoaderTests {
    func dropSources(_ set: RuleSet) -> [String] {
        set.steps.compactMap { ($0.step as? DropLines)?.pattern.source }
    }

    // MARK: paragraphs setting

    @Test func paragraphsSettingIsReadFromAnyFileAndDefaultsToAuto() throws {
        #expect(try rules("drop /x/").paragraphLayout == .auto)
        let set = try rules("drop /x/\nparagraphs line   # C4 text\ndedupe paragraphs")
        #expect(set.paragraphLayout == .line)
        #expect(set.paragraphLayoutLocation?.description == "t.rules:2:1")
        #expect(set.steps.count == 2)
        let folder = try TemporaryDirectory()
        let main = try folder.write("main.rules", "include layout.rules\nparagraphs blank-line\n")
        try folder.write("layout.rules", "paragraphs blank-line\n")
        #expect(try RuleLoader().load([.file(main)]).paragraphLayout == .blankLine)
    }

    @Test func contradictingOrBadParagraphsSettingsAreErrors() throws {
        let found = diagnostics("paragraphs line\nparagraphs blank-line\nparagraphs\nparagraphs lines\nparagraphs auto as layout")
        #expect(found.map(\.location.description) == ["t.rules:2:1", "t.rules:3:11", "t.rules:4:12", "t.rules:5:1"])
        #expect(found.first?.message == "paragraphs 'blank-line' contradicts paragraphs 'line' at t.rules:1:1")
        #expect(found[1].message == "'paragraphs' needs a layout: auto, blank-line, line")
        #expect(found[2].message == "unknown paragraph layout 'lines'; expected one of: auto, blank-line, line")
    }

    // MARK: include on disk

    @Test func includeResolvesBesideTheIncludingFile() throws {
        let folder = try TemporaryDirectory()
        let main = try folder.write("main.rules", "drop /^1$/\ninclude sub/a.rules\ndrop /^5$/\n")
        try folder.write("sub/a.rules", "drop /^2$/\ninclude deeper/b.rules\n")
        try folder.write("sub/deeper/b.rules", "drop /^3$/\ninclude ../c.rules\n")
        try folder.write("sub/c.rules", "drop /^4$/ as four\n")
        // Decoys where a resolver relative to the working directory or the top file would look.
        try folder.write("deeper/b.rules", "drop /decoy/\n")
        try folder.write("c.rules", "drop /decoy/\n")

        let set = try RuleLoader().load([.file(main)])
        #expect(dropSources(set) == ["^1$", "^2$", "^3$", "^4$", "^5$"], "included steps sit where the include is")
        #expect(set.steps[2].location.file == folder.path + "/sub/deeper/b.rules")
        #expect(set.steps[2].name == folder.path + "/sub/deeper/b.rules:1")
        #expect(set.steps[3].name == "four")
        #expect(string(Pipeline(rules: set).clean(utf8("1\n2\n3\n4\n5\n6\n"))) == "6\n")
    }

    @Test func absoluteIncludeFromRuleText() throws {
        let folder = try TemporaryDirectory()
        let other = try folder.write("other.rules", "drop /x/\n")
        let set = try rules("keep /./\ninclude \(other)\n")
        #expect(set.steps.count == 2)
        #expect(set.steps[1].step is DropLines)
    }

    @Test func sameFileIncludedTwiceOutsideACycleAppliesTwice() throws {
        let folder = try TemporaryDirectory()
        let main = try folder.write("main.rules", "include b.rules\ninclude c.rules\ninclude d.rules\n")
        try folder.write("b.rules", "include d.rules\n")
        try folder.write("c.rules", "include d.rules\n")
        try folder.write("d.rules", "drop /d/\n")
        #expect(dropSources(try RuleLoader().load([.file(main)])) == ["d", "d", "d"])
    }

    @Test func sourcesLoadInOrder() throws {
        let folder = try TemporaryDirectory()
        let first = try folder.write("first.rules", "drop /1/\n")
        let second = try folder.write("second.rules", "drop /2/\n")
        let set = try RuleLoader().load([.file(first), .text("drop /3/\ndrop /4/", name: "-e"), .file(second)])
        #expect(dropSources(set) == ["1", "3", "4", "2"])
        #expect(set.steps[2].name == "-e:2")
    }

    @Test func missingIncludeIsReportedAtTheIncludeLine() throws {
        let folder = try TemporaryDirectory()
        let main = try folder.write("main.rules", "drop /a/\ninclude  nope.rules\ndrop /b/\n")
        let found = diagnostics(loading: [.file(main)])
        try #require(found.count == 1)
        #expect(found[0].location.description == "\(main):2:10")
        #expect(found[0].message.contains(folder.path + "/nope.rules"))
        #expect(found[0].message.contains("No such file or directory"))
        #expect(found[0].sourceLine == "include  nope.rules")
    }

    @Test func includedFolderIsAnError() throws {
        let folder = try TemporaryDirectory()
        let main = try folder.write("main.rules", "include sub\n")
        _ = try folder.makeFolder("sub")
        let found = diagnostics(loading: [.file(main)])
        #expect(found.map(\.location.description) == ["\(main):1:9"])
        #expect(found.first?.message.contains("Is a directory") == true)
    }

    @Test func unreadableRuleFileIsReportedAgainstTheFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/missing.rules"
        let found = diagnostics(loading: [.file(path)])
        #expect(found.map(\.description) == ["\(path): error: cannot read rule file: No such file or directory"])
    }

    @Test func errorsInIncludedFilesComeInTheOrderTheyAreMet() throws {
        let folder = try TemporaryDirectory()
        let main = try folder.write("main.rules", "frob\ninclude b.rules\nfrob\n")
        let b = try folder.write("b.rules", "drop /ok/\nfrob\n")
        let found = diagnostics(loading: [.file(main)])
        #expect(found.map(\.location.description) == ["\(main):1:1", "\(b):2:1", "\(main):3:1"])
    }

    // MARK: cycles and depth

    @Test func includeCycleIsRefused() throws {
        let folder = try TemporaryDirectory()
        let a = try folder.write("a.rules", "drop /a/\ninclude b.rules\n")
        let b = try folder.write("b.rules", "drop /b/\ninclude a.rules\n")
        let found = diagnostics(loading: [.file(a)])
        #expect(found.map(\.location.description) == ["\(b):2:9"])
        #expect(found.map(\.message) == ["include cycle: \(a) -> \(b) -> \(a)"])
    }

    @Test func selfIncludeIsACycle() throws {
        let folder = try TemporaryDirectory()
        let a = try folder.write("a.rules", "drop /a/\ninclude a.rules\n")
        let found = diagnostics(loading: [.file(a)])
        #expect(found.map(\.location.description) == ["\(a):2:9"])
        #expect(found.map(\.message) == ["include cycle: \(a) -> \(a)"])
    }

    @Test func cycleThroughAnotherSpellingOfThePathIsStillACycle() throws {
        let folder = try TemporaryDirectory()
        let a = try folder.write("a.rules", "include ./sub/../a.rules\n")
        _ = try folder.makeFolder("sub")
        let found = diagnostics(loading: [.file(a)])
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("include cycle: ") == true)
    }

    /// Writes `f0.rules` … `f(count-1).rules`, each including the next, and returns `f0`.
    func writeChain(_ count: Int, in folder: TemporaryDirectory) throws -> String {
        for index in 0..<count {
            let include = index + 1 < count ? "include f\(index + 1).rules\n" : ""
            try folder.write("f\(index).rules", "drop /^\(index)$/\n" + include)
        }
        return folder.path + "/f0.rules"
    }

    @Test func includesNestingDeeperThanTheLimitAreRefused() throws {
        let folder = try TemporaryDirectory()
        let top = try writeChain(10, in: folder)
        let found = diagnostics(loading: [.file(top)], with: RuleLoader(maximumIncludeDepth: 5))
        #expect(found.map(\.message) == ["includes nest more than 5 deep"])
        // Five files are open when the sixth is refused, at the fifth's include line.
        #expect(found.map(\.location.description) == ["\(folder.path)/f4.rules:2:9"])
    }

    @Test func includesUpToTheLimitLoad() throws {
        let folder = try TemporaryDirectory()
        let top = try writeChain(5, in: folder)
        let set = try RuleLoader(maximumIncludeDepth: 5).load([.file(top)])
        #expect(set.steps.count == 5)
    }

    @Test func defaultDepthLimitIsTwoHundred() {
        #expect(RuleLoader().maximumIncludeDepth == 200)
    }

    // MARK: embedded files

    @Test func embeddedFilesIncludeEachOther() throws {
        let loader = RuleLoader(embeddedFiles: [
            "x.rules": utf8("drop /x/\ninclude y.rules\n"),
            "y.rules": utf8("drop /y/ as why\n"),
        ])
        let set = try loader.load([.embedded("x.rules")])
        #expect(dropSources(set) == ["x", "y"])
        #expect(set.steps.map(\.name) == ["x.rules:1", "why"])
    }

    @Test func missingEmbeddedIncludeNamesTheBuiltInFiles() {
        let loader = RuleLoader(embeddedFiles: ["x.rules": utf8("include z.rules\n"), "y.rules": []])
        let found = diagnostics(loading: [.embedded("x.rules")], with: loader)
        #expect(found.map(\.location.description) == ["x.rules:1:9"])
        #expect(found.map(\.message) == ["no built-in rule file named 'z.rules' (built in: x.rules, y.rules)"])
    }

    @Test func embeddedIncludeCycleIsRefused() {
        let loader = RuleLoader(embeddedFiles: ["x.rules": utf8("include y.rules\n"), "y.rules": utf8("include x.rules\n")])
        let found = diagnostics(loading: [.embedded("x.rules")], with: loader)
        #expect(found.map(\.message) == ["include cycle: x.rules -> y.rules -> x.rules"])
    }

    @Test func defaultRulesLoad() throws {
        let set = try RuleLoader().loadDefault()
        #expect(!set.steps.isEmpty)
        #expect(RuleLoader.defaultFileName == "default.rules")
        // Steps come from default.rules and the built-in files it includes, in include order.
        #expect(set.steps.allSatisfy { RuleLoader.builtInFiles[$0.location.file] != nil })
        #expect(set.steps.first?.location.file == "ads.rules")
        #expect(set.steps.last?.location.file == "default.rules")
    }

    @Test func everyBuiltInFileLoads() throws {
        for name in RuleLoader.builtInFiles.keys.sorted() {
            let set = try RuleLoader().load([.embedded(name)])
            #expect(!set.steps.isEmpty, "\(name)")
        }
    }

    /// Guards against `Rules/` and the embedded table drifting apart: a file added to the
    /// folder but not to the table (or to the table but not to `Package.swift`) would ship
    /// without its rules.
    @Test func everyShippedRuleFileIsBuiltInWithIdenticalBytes() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.shippedRules)
            .filter { $0.hasSuffix(".rules") }.sorted()
        #expect(!onDisk.isEmpty)
        #expect(onDisk == RuleLoader.builtInFiles.keys.sorted())
        for name in onDisk {
            let bytes = try PackagePaths.read(PackagePaths.shippedRules + "/" + name)
            #expect(RuleLoader.builtInFiles[name] == bytes, "\(name) differs from its embedded copy")
        }
    }

    // MARK: expanded text

    @Test(arguments: RuleLoader.builtInFiles.keys.sorted())
    func expandedTextInlinesIncludesAndLoadsToTheSameSteps(_ name: String) throws {
        let loader = RuleLoader()
        let expanded = loader.expandedEmbeddedText(name)
        let lines = expanded.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("include ") }, "no include is left")
        let direct = try loader.load([.embedded(name)])
        let viaText = try loader.load(text: expanded, name: name)
        #expect(viaText.steps.count == direct.steps.count)
        #expect(viaText.steps.map { type(of: $0.step).keyword } == direct.steps.map { type(of: $0.step).keyword })
        #expect(viaText.steps.map(\.examples.count) == direct.steps.map(\.examples.count))
    }

    @Test func expandedTextMarksWhereIncludedTextBeginsAndEnds() throws {
        let loader = RuleLoader(embeddedFiles: [
            "x.rules": utf8("drop /x/\ninclude y.rules\ndrop /z/\n"),
            "y.rules": utf8("drop /y/\ninclude w.rules\n"),
            "w.rules": utf8("drop /w/\n"),
        ])
        let expanded = loader.expandedEmbeddedText("x.rules")
        #expect(expanded.contains("# >>> begin y.rules (included by x.rules)"))
        #expect(expanded.contains("# >>> begin w.rules (included by y.rules)"))
        #expect(expanded.contains("# <<< end y.rules"))
        #expect(dropSources(try loader.load(text: expanded, name: "x.rules")) == ["x", "y", "w", "z"])
    }

    // MARK: examples

    /// Cleaning loads rules without their examples (a cheaper start-up); the example lines
    /// are still checked, with the same errors at the same places.
    @Test func withoutExamplesTheExampleLinesAreStillChecked() throws {
        let text = "drop /^ad$/ as ad\n    drops: ad\n    keeps: adx\nreplace /a/b/ as ab\n    turns: a => b\n"
        let kept = try RuleLoader().load(text: text, name: "t.rules")
        let unkept = try RuleLoader(keepsExamples: false).load(text: text, name: "t.rules")
        #expect(kept.steps.map(\.examples.count) == [2, 1])
        #expect(unkept.steps.map(\.examples.count) == [0, 0])
        #expect(unkept.steps.map(\.name) == kept.steps.map(\.name))
        for bad in ["drop /x/\n    turns: a b", "    drops: x"] {
            let message = { (loader: RuleLoader) -> String in
                do throws(RuleErrors) {
                    _ = try loader.load(text: bad, name: "t.rules")
                    return "no error"
                } catch {
                    return error.diagnostics.map(\.description).joined(separator: "\n")
                }
            }
            #expect(message(RuleLoader(keepsExamples: false)) == message(RuleLoader()))
            #expect(message(RuleLoader()) != "no error")
        }
    }
}
