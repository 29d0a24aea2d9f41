import SluiceKit
import Testing

@Suite struct StatisticsReportTests {
    static let rules = """
        drop /^Advertisement$/ as ad-label
        replace /colou?r/hue/g as hue
        squeeze blank-lines
        """

    func pipeline() throws -> Pipeline {
        Pipeline(rules: try RuleLoader().load(text: Self.rules, name: "s.rules"))
    }

    /// Pipelines of parallel workers add up: the report is the same however the documents
    /// were shared out.
    @Test func mergingSumsEveryCounter() throws {
        let one = try pipeline(), two = try pipeline()
        _ = one.clean(utf8("Advertisement\ncolour and color\n"))
        _ = two.clean(utf8("\n\nAdvertisement\nno change\n"))
        let report = StatisticsReport(merging: [one.statistics, two.statistics])
        #expect(report.documents == 2)
        #expect(report.lines == 6)
        #expect(report.bytesIn == 57)
        #expect(report.bytesOut == 22)
        #expect(report.steps.map(\.name) == ["ad-label", "hue", "s.rules:3"])
        #expect(report.steps.map(\.linesRemoved) == [2, 0, 2])
        #expect(report.steps[1].replacements == 2)
        #expect(report.steps[1].linesChanged == 1)
    }

    @Test func jsonIsOneObjectInTheDocumentedShape() throws {
        let one = try pipeline()
        _ = one.clean(utf8("Advertisement\ncolour\n"))
        let report = StatisticsReport(merging: [one.statistics])
        #expect(report.json == """
            {"steps":[{"name":"ad-label","keyword":"drop","location":"s.rules:1:1","linesRemoved":1,"paragraphsRemoved":0,"linesChanged":0,"replacements":0,"quotesRemoved":0,"limitFailures":0,"leftAlone":0},\
            {"name":"hue","keyword":"replace","location":"s.rules:2:1","linesRemoved":0,"paragraphsRemoved":0,"linesChanged":1,"replacements":1,"quotesRemoved":0,"limitFailures":0,"leftAlone":0},\
            {"name":"s.rules:3","keyword":"squeeze","location":"s.rules:3:1","linesRemoved":0,"paragraphsRemoved":0,"linesChanged":0,"replacements":0,"quotesRemoved":0,"limitFailures":0,"leftAlone":0}],\
            "bytesIn":21,"bytesOut":4,"lines":2,"documents":1,"paragraphs":{"blankLine":0,"line":0}}
            """)
    }

    @Test func tableHasARowPerStepAndTotals() throws {
        let report = StatisticsReport(merging: [try pipeline().statistics])
        let lines = report.table.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("step "))
        #expect(lines[4] == "total: 0 bytes in, 0 bytes out, 0 lines, 0 documents")
    }
}
