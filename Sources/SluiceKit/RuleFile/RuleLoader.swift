import Glibc
import SluiceRules

/// Every error found while loading rules, in file order.
public struct RuleErrors: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, each rendered with its source line and caret.
    public let diagnostics: [RuleDiagnostic]

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Where rules come from.
public enum RuleSource: Sendable {
    /// A rule file on disk; its includes resolve beside it.
    case file(String)
    /// A file embedded in the binary (`default.rules`); its includes resolve among the
    /// embedded files.
    case embedded(String)
    /// Rule text given directly (each `-e` rule is one line of it); includes resolve against
    /// the working directory.
    case text(String, name: String)
}

/// Reads rule sources into a ``RuleSet``: parses each file, follows `include`s (relative to
/// the including file, cycles refused), compiles every pattern, and reports every error.
public struct RuleLoader {
    /// The rule files built into the binary, by file name.
    public let embeddedFiles: [String: [UInt8]]
    /// How deep includes may nest before the loader refuses.
    public let maximumIncludeDepth: Int

    /// The name of the built-in file used when no rules are given.
    public static let defaultFileName = EmbeddedRuleFiles.defaultName
    /// The rule files built into the binary (the shipped `Rules/*.rules`), by file name.
    public static let builtInFiles = EmbeddedRuleFiles.files

    /// Whether the steps keep their `drops:`/`keeps:`/`turns:` examples. Cleaning needs
    /// none: without them, example lines are still checked (each must follow a rule; a
    /// `turns:` needs its ` => `) but not kept, which makes start-up cheaper.
    public let keepsExamples: Bool

    public init(embeddedFiles: [String: [UInt8]] = EmbeddedRuleFiles.files, maximumIncludeDepth: Int = 200, keepsExamples: Bool = true) {
        self.embeddedFiles = embeddedFiles
        self.maximumIncludeDepth = maximumIncludeDepth
        self.keepsExamples = keepsExamples
    }

    /// The embedded `default.rules`, with its includes.
    public func loadDefault() throws(RuleErrors) -> RuleSet {
        try load([.embedded(EmbeddedRuleFiles.defaultName)])
    }

    /// Rule text given directly, named `name` in diagnostics.
    public func load(text: String, name: String) throws(RuleErrors) -> RuleSet {
        try load([.text(text, name: name)])
    }

    /// All `sources`, in order, as one rule set.
    /// - Throws: ``RuleErrors`` holding every diagnostic, if there is any.
    public func load(_ sources: [RuleSource]) throws(RuleErrors) -> RuleSet {
        var state = LoadState()
        for source in sources {
            switch source {
            case .file(let path):
                loadFile(path, origin: .disk(path), from: nil, state: &state)
            case .embedded(let name):
                loadFile(name, origin: .embedded(name), from: nil, state: &state)
            case .text(let text, let name):
                parse(Array(text.utf8), name: name, directory: .disk(""), state: &state)
            }
        }
        guard state.diagnostics.isEmpty else { throw RuleErrors(diagnostics: state.diagnostics) }
        return RuleSet(
            steps: state.steps, paragraphLayout: state.paragraphLayout?.layout ?? .auto,
            paragraphLayoutLocation: state.paragraphLayout?.location)
    }

    /// Where a file was found, which decides where its includes are looked for.
    private enum Origin {
        case disk(String)
        case embedded(String)

        /// The path of `name` included from a file of this origin.
        func resolving(_ name: String) -> Origin {
            switch self {
            case .embedded:
                return .embedded(name)
            case .disk(let path):
                if name.hasPrefix("/") { return .disk(name) }
                guard let slash = path.lastIndex(of: "/") else { return .disk(name) }
                return .disk(String(path[...slash]) + name)
            }
        }
    }

    private struct LoadState {
        var steps: [RuleStep] = []
        var diagnostics: [RuleDiagnostic] = []
        /// Identities of the files being read, outermost first, to detect cycles.
        var stack: [String] = []
        var names: [String] = []
        /// The first `paragraphs` setting met.
        var paragraphLayout: (layout: ParagraphLayout, location: SourceLocation)?
    }

    private struct Including {
        let location: SourceLocation
        let sourceLine: String
    }

    private func loadFile(_ displayName: String, origin: Origin, from including: Including?, state: inout LoadState) {
        func fail(_ message: String) {
            if let including {
                state.diagnostics.append(RuleDiagnostic(message, at: including.location, sourceLine: including.sourceLine))
            } else {
                state.diagnostics.append(RuleDiagnostic(message, at: SourceLocation(file: displayName, line: 0, column: 0), sourceLine: ""))
            }
        }
        let bytes: [UInt8]
        let identity: String
        switch origin {
        case .embedded(let name):
            guard let embedded = embeddedFiles[name] else {
                fail("no built-in rule file named '\(name)' (built in: \(embeddedFiles.keys.sorted().joined(separator: ", ")))")
                return
            }
            bytes = embedded
            identity = "embedded:" + name
        case .disk(let path):
            do {
                bytes = try FileBytes.read(path)
            } catch {
                let reason = String(cString: strerror(error.errorNumber))
                fail(including == nil ? "cannot read rule file: \(reason)" : "cannot read included file '\(path)': \(reason)")
                return
            }
            identity = FileBytes.canonicalPath(path) ?? path
        }
        if let cycleStart = state.stack.firstIndex(of: identity) {
            let chain = (state.names[cycleStart...] + [displayName]).joined(separator: " -> ")
            fail("include cycle: \(chain)")
            return
        }
        if state.stack.count >= maximumIncludeDepth {
            fail("includes nest more than \(maximumIncludeDepth) deep")
            return
        }
        state.stack.append(identity)
        state.names.append(displayName)
        parse(bytes, name: displayName, directory: origin, state: &state)
        state.stack.removeLast()
        state.names.removeLast()
    }

    private func parse(_ bytes: [UInt8], name: String, directory origin: Origin, state: inout LoadState) {
        for entry in RuleParser(file: name, keepsExamples: keepsExamples).parse(bytes) {
            switch entry {
            case .error(let diagnostic):
                state.diagnostics.append(diagnostic)
            case .step(let draft):
                state.steps.append(RuleStep(step: draft.step, name: draft.name, location: draft.location, examples: draft.examples))
            case .paragraphLayout(let layout, let location, let sourceLine):
                if let earlier = state.paragraphLayout {
                    if earlier.layout != layout {
                        state.diagnostics.append(RuleDiagnostic(
                            "paragraphs '\(layout.rawValue)' contradicts paragraphs '\(earlier.layout.rawValue)' at \(earlier.location)",
                            at: location, sourceLine: sourceLine))
                    }
                } else {
                    state.paragraphLayout = (layout, location)
                }
            case .include(let path, let location, let sourceLine):
                let target = origin.resolving(path)
                let display: String
                switch target {
                case .disk(let resolved): display = resolved
                case .embedded(let embeddedName): display = embeddedName
                }
                loadFile(display, origin: target, from: Including(location: location, sourceLine: sourceLine), state: &state)
            }
        }
    }
}

extension RuleLoader {
    /// The text of the embedded file `name` with every `include` line replaced by the
    /// included file's text between marker comments, so the result is one self-contained
    /// rule file.
    public func expandedEmbeddedText(_ name: String, depth: Int = 0) -> String {
        guard let bytes = embeddedFiles[name], depth < maximumIncludeDepth else { return "" }
        var lines: [String] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            var scanner = RuleLineScanner(file: name, lineNumber: 0, text: String(line))
            if scanner.readWord()?.text == "include" {
                let included = scanner.readRest().text
                lines.append("# >>> begin \(included) (included by \(name))")
                var body = expandedEmbeddedText(included, depth: depth + 1)
                if body.hasSuffix("\n") { body.removeLast() }
                lines.append(body)
                lines.append("# <<< end \(included)")
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }
}
