/// What cleaning one ``Document`` gave.
public struct DocumentResult: Sendable {
    /// The bytes to write: the cleaned document and its trailer, or for JSON Lines the record
    /// with its field cleaned (empty when ``recordError`` is set).
    public var output: [UInt8]
    /// Why a JSON Lines record could not be cleaned: it is not JSON, not an object, or its
    /// field is missing, not a string, or holds an escape that does not decode.
    public var recordError: String?
    /// Lines on which a match limit stopped a rule, in order.
    public var limitFailures: [LimitFailure]
    /// Set when a limit failure stopped the document (``Pipeline/stopsOnLimitFailure``);
    /// ``output`` is then empty.
    public var stoppingFailure: LimitFailure?
}

/// Cleans documents one at a time with its own ``Pipeline``; for one thread at a time.
///
/// For JSON Lines, the record is parsed only to find the field: the field's text is decoded,
/// cleaned, encoded again with minimal escaping and spliced back between the bytes before and
/// after it, so everything else in the record (key order, spacing, number spelling, other
/// fields) stays byte for byte. A record whose text no rule changes comes out unchanged,
/// escapes included.
public final class DocumentCleaner {
    /// The pipeline, whose statistics count every document cleaned.
    public let pipeline: Pipeline
    /// The key of the field JSON Lines records are cleaned in; nil for plain documents.
    public let field: String?
    private let fieldBytes: [UInt8]
    private var limitFailures: [LimitFailure] = []

    /// A cleaner running `rules`; `field` is the JSON Lines field, or nil for plain text.
    /// An `observer` hears what each step does (see ``PipelineObserver``).
    public init(
        rules: RuleSet, limits: MatchLimits = .standard, field: String? = nil,
        stopsOnLimitFailure: Bool = false, observer: PipelineObserver? = nil
    ) {
        self.pipeline = Pipeline(rules: rules, limits: limits, observer: observer)
        self.field = field
        self.fieldBytes = Array((field ?? "").utf8)
        pipeline.stopsOnLimitFailure = stopsOnLimitFailure
        pipeline.onLimitFailure = { [unowned self] in limitFailures.append($0) }
    }

    /// Cleans `document` as one document.
    public func clean(_ document: Document) -> DocumentResult {
        limitFailures.removeAll(keepingCapacity: true)
        let name = field == nil ? "document \(document.number)" : "the record on line \(document.number)"
        guard let field else {
            return finish(run(document.content, input: document.inputName, named: name).map { $0 + document.trailer }, recordError: nil)
        }
        let content = document.content[...]
        var end = content.endIndex
        if end > content.startIndex, content[end - 1] == 0x0A {
            end -= 1
            if end > content.startIndex, content[end - 1] == 0x0D { end -= 1 }
        }
        let record = content[..<end]
        if record.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            // A blank line carries no record; it passes through as it is.
            return finish(document.content, recordError: nil)
        }
        let body: Range<Int>
        do {
            body = try JSONRecord.stringField(fieldBytes, in: record)
        } catch {
            return finish(nil, recordError: Self.describe(error, field: field))
        }
        let text: [UInt8]
        do {
            text = try JSONString.decode(record[body])
        } catch {
            let column = body.lowerBound - record.startIndex + error.offset + 1
            return finish(nil, recordError: "the \(JSONString.quoted(field)) field: \(error.message) (column \(column))")
        }
        guard let cleaned = run(text, input: document.inputName, named: name) else { return finish(nil, recordError: nil) }
        if cleaned == text { return finish(document.content, recordError: nil) }
        var output: [UInt8] = []
        output.reserveCapacity(document.content.count)
        output.append(contentsOf: content[..<body.lowerBound])
        JSONString.encode(cleaned, into: &output)
        output.append(contentsOf: content[body.upperBound...])
        return finish(output, recordError: nil)
    }

    /// Runs the pipeline over `bytes` as the document `name` of `input`; nil when a limit
    /// stopped it.
    private func run(_ bytes: [UInt8], input: String, named name: String) -> [UInt8]? {
        let collected = MemorySink()
        let output = OutputBuffer(sink: collected, capacity: max(4096, bytes.count + bytes.count / 8))
        var source = MemorySource(bytes)
        do {
            try pipeline.run(&source, named: input, document: name, into: output)
        } catch {
            // Memory sources and sinks cannot fail: only a limit stops the run.
            return nil
        }
        return collected.bytes
    }

    private func finish(_ output: [UInt8]?, recordError: String?) -> DocumentResult {
        let stopping = output == nil && recordError == nil ? limitFailures.last : nil
        return DocumentResult(output: output ?? [], recordError: recordError, limitFailures: limitFailures, stoppingFailure: stopping)
    }

    private static func describe(_ failure: JSONRecord.Failure, field: String) -> String {
        switch failure {
        case .invalid(let message, let column): return "not valid JSON: \(message) (column \(column))"
        case .notAnObject: return "the record is not a JSON object"
        case .missingField: return "the record has no \(JSONString.quoted(field)) field"
        case .notAString(let kind):
            let value = ["array": "an array", "object": "an object", "number": "a number"][kind] ?? kind
            return "the \(JSONString.quoted(field)) field is \(value), not a string"
        }
    }
}
