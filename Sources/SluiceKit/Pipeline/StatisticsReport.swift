/// What a whole run did, summed over every pipeline that took part, ready to print as a
/// table or as one JSON object (`sluice --stats[=json]`).
///
/// The JSON shape:
///
/// ```json
/// {"steps":[{"name":"ad-label","keyword":"drop","location":"default.rules:9:1",
///   "linesRemoved":3,"paragraphsRemoved":0,"linesChanged":0,"replacements":0,
///   "quotesRemoved":0,"limitFailures":0,"leftAlone":0}],
///  "bytesIn":5120,"bytesOut":4870,"lines":96,"documents":1,
///  "paragraphs":{"blankLine":1,"line":0}}
/// ```
public struct StatisticsReport: Sendable, Equatable {
    /// One step's counters; see ``StepStatistics`` for what each counts.
    public struct Step: Sendable, Equatable {
        /// The step's name (`as NAME`, or `file:line`).
        public var name: String
        /// The step's keyword.
        public var keyword: String
        /// Where the step is written, `file:line:column`.
        public var location: String
        /// Lines removed.
        public var linesRemoved = 0
        /// Paragraphs removed.
        public var paragraphsRemoved = 0
        /// Lines changed.
        public var linesChanged = 0
        /// Replacements made.
        public var replacements = 0
        /// Quote marks removed.
        public var quotesRemoved = 0
        /// Lines on which a match limit stopped the step.
        public var limitFailures = 0
        /// Changes the step was unsure of and did not make.
        public var leftAlone = 0
    }

    /// One entry per step, in rule order.
    public var steps: [Step]
    /// Bytes read from the inputs.
    public var bytesIn = 0
    /// Bytes written.
    public var bytesOut = 0
    /// Lines the rules saw.
    public var lines = 0
    /// Documents cleaned.
    public var documents = 0
    /// Documents whose paragraph steps used blank-line paragraphs.
    public var blankLineParagraphDocuments = 0
    /// Documents whose paragraph steps used one paragraph per line.
    public var lineParagraphDocuments = 0

    /// The sum of pipelines made from the same rule set (one per worker).
    public init(merging statistics: [Statistics]) {
        steps = statistics.first?.steps.map {
            Step(name: $0.name, keyword: $0.keyword, location: $0.location.description)
        } ?? []
        for pipeline in statistics {
            bytesIn += pipeline.bytesIn
            bytesOut += pipeline.bytesOut
            lines += pipeline.linesIn
            documents += pipeline.documents
            blankLineParagraphDocuments += pipeline.documentsByParagraphLayout[.blankLine] ?? 0
            lineParagraphDocuments += pipeline.documentsByParagraphLayout[.line] ?? 0
            for (index, step) in pipeline.steps.enumerated() where index < steps.count {
                steps[index].linesRemoved += step.linesRemoved
                steps[index].paragraphsRemoved += step.paragraphsRemoved
                steps[index].linesChanged += step.linesChanged
                steps[index].replacements += step.replacements
                steps[index].quotesRemoved += step.quotesRemoved
                steps[index].limitFailures += step.limitFailures
                steps[index].leftAlone += step.leftAlone
            }
        }
    }

    /// The report as one line of JSON (no trailing newline), in the shape shown above.
    public var json: String {
        let stepObjects = steps.map { step in
            "{\"name\":\(JSONString.quoted(step.name)),\"keyword\":\(JSONString.quoted(step.keyword)),"
                + "\"location\":\(JSONString.quoted(step.location)),"
                + "\"linesRemoved\":\(step.linesRemoved),\"paragraphsRemoved\":\(step.paragraphsRemoved),"
                + "\"linesChanged\":\(step.linesChanged),\"replacements\":\(step.replacements),"
                + "\"quotesRemoved\":\(step.quotesRemoved),\"limitFailures\":\(step.limitFailures),\"leftAlone\":\(step.leftAlone)}"
        }
        return "{\"steps\":[\(stepObjects.joined(separator: ","))],"
            + "\"bytesIn\":\(bytesIn),\"bytesOut\":\(bytesOut),\"lines\":\(lines),\"documents\":\(documents),"
            + "\"paragraphs\":{\"blankLine\":\(blankLineParagraphDocuments),\"line\":\(lineParagraphDocuments)}}"
    }

    /// The report as an aligned table, one row per step and a line of totals, each line
    /// ending in a newline.
    public var table: String {
        let headings = ["step", "keyword", "lines-removed", "paragraphs-removed", "lines-changed", "replacements", "quotes-removed", "limit-failures", "left-alone"]
        var rows = [headings]
        for step in steps {
            rows.append([step.name, step.keyword] + [
                step.linesRemoved, step.paragraphsRemoved, step.linesChanged,
                step.replacements, step.quotesRemoved, step.limitFailures, step.leftAlone,
            ].map(String.init))
        }
        var widths = [Int](repeating: 0, count: headings.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        var text = ""
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < 2 ? cell + padding : padding + cell
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        text += "total: \(bytesIn) bytes in, \(bytesOut) bytes out, \(lines) \(lines == 1 ? "line" : "lines"), "
            + "\(documents) \(documents == 1 ? "document" : "documents")\n"
        if blankLineParagraphDocuments + lineParagraphDocuments > 0 {
            text += "paragraphs: \(blankLineParagraphDocuments) blank-line, \(lineParagraphDocuments) one per line\n"
        }
        return text
    }
}
