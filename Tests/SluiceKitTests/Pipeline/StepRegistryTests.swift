import Foundation
import SluiceKit
import Testing

@Suite struct StepRegistryTests {
    static func filterFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: PackagePaths.filterSources)
            .filter { $0.hasSuffix(".swift") }
            .sorted()
    }

    /// Guards the one-step-per-file rule: a step written but not registered would be
    /// unusable from rule files, and a registered type must live in a file of its name.
    @Test func everyFilterFileIsARegisteredStepAndViceVersa() throws {
        let files = try Self.filterFiles().map { String($0.dropLast(".swift".count)) }
        let registered = StepRegistry.all.map { String(describing: $0) }.sorted()
        #expect(!files.isEmpty)
        #expect(files == registered)
    }

    @Test func keywordsAreUniqueAndFindTheirStep() {
        let keywords = StepRegistry.all.map { $0.keyword }
        #expect(Set(keywords).count == keywords.count)
        for type in StepRegistry.all {
            let found = StepRegistry.step(named: type.keyword)
            #expect(found.map { String(describing: $0) } == String(describing: type))
        }
        #expect(StepRegistry.step(named: "include") == nil, "include is a directive, not a step")
        #expect(StepRegistry.step(named: "nope") == nil)
    }

    /// Every step documents its rule-file syntax in its doc comment, as its synopsis says.
    @Test func everyStepDocumentsItsSyntax() throws {
        for type in StepRegistry.all {
            let name = String(describing: type)
            #expect(type.synopsis == type.keyword || type.synopsis.hasPrefix(type.keyword + " "), "\(name)")
            let source = string(try PackagePaths.read(PackagePaths.filterSources + "/\(name).swift"))
            #expect(source.contains("/// Syntax: `\(type.synopsis)"), "\(name) has no '/// Syntax:' line for its synopsis")
            #expect(source.contains("public struct \(name): Step"), "\(name).swift defines \(name)")
        }
    }
}
