import Foundation
import Testing

/// `sluice -e 'drop /P/'` against `pcre2grep -v -e P`, and `keep` against `pcre2grep -e P`,
/// byte for byte on generated corpora: both run the same PCRE2, so any difference is sluice
/// splitting, matching or writing lines wrongly.
///
/// How the two are made to agree (each is a documented difference, not a bug):
/// - sluice compiles every pattern with `PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF`;
///   pcre2grep gets `-U` (UTF, invalid UTF allowed) and `(*UCP)` in front of the pattern;
/// - pcre2grep would call a corpus with NUL bytes binary: `-a` makes it text;
/// - sluice matches a line without its terminator; pcre2grep (newline LF) would see the CR
///   of a CRLF line, so the CRLF corpus runs pcre2grep with `-N CRLF` and the LF corpora have
///   no CR before a LF;
/// - pcre2grep adds a newline to an unterminated last line, sluice keeps it as it was, so
///   every corpus ends with a newline.
/// Skipped, with a note, when `pcre2grep` is not installed (`scripts/install-deps` installs
/// `pcre2-utils`).
@Suite(.enabled(if: pcre2grepPath != nil, "pcre2grep is not installed: scripts/install-deps installs pcre2-utils"))
struct DifferentialTests {
    /// A pattern as a sluice rule writes it (with its flags) and as pcre2grep takes it.
    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let flags: String
        var testDescription: String { "/\(pattern)/\(flags)" }
        init(_ pattern: String, _ flags: String = "") {
            self.pattern = pattern
            self.flags = flags
        }
    }

    static let cases: [Case] = [
        Case(#"^Advertisement$"#),                       // anchored, whole line
        Case(#"^\s*read (more|also)\s*[:|]"#, "i"),      // anchored alternation, case-insensitive
        Case(#"ceasefire"#),                             // unanchored literal
        Case(#"putin|kremlin|moscow"#, "i"),             // unanchored alternation, case-insensitive
        Case(#"\p{Cyrillic}{3,}"#),                      // Unicode script class
        Case(#"\bnoon\b"#),                              // word boundaries (Unicode \w)
        Case(#"^\w+$"#),                                 // a line of one word, Unicode \w
        Case(#"\d{4}"#),                                 // Unicode digits
        Case(#"[“”„«»]"#),                               // non-ASCII character class
        Case(#"\s$"#),                                   // trailing white space (no-break space too)
        Case(#"^$"#),                                    // empty lines
        Case(#"STRASSE|élan|ОБЩЕСТВО"#, "i"),             // Unicode case folding
        Case(#"\x00|\x{FFFD}"#),                         // NUL and a real U+FFFD
        Case(#"^.{60,}$"#),                              // long lines; . over invalid UTF-8
    ]

    static let fragments = [
        "Advertisement", "ADVERTISEMENT", "Read more: the ceasefire explained", "read also | Putin in Moscow",
        "The ceasefire ended at noon.", "Putin met the Kremlin staff.", "Премьер-министр заявил", "ОБЩЕСТВО",
        "общество", "Straße", "STRASSE", "ÉLAN", "élan", "June 7, 2025", "٢٠٢٥", "“Quoted”", "„Zitat“", "« cité »",
        "afternoon", "noon", "word", "two words", "\u{00A0}", "\t", " ", "\u{FFFD}", "Ceasefire",
    ]

    static let awkward: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0x00], [0xC0, 0xAF], [0x0D, 0x20]]

    /// A corpus of `lines` lines ending in `terminator`, from fragments and awkward bytes.
    static func corpus(seed: UInt64, lines: Int, terminator: [UInt8]) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var bytes: [UInt8] = []
        for _ in 0..<lines {
            for index in 0..<Int.random(in: 0...6, using: &random) {
                if index > 0, Bool.random(using: &random) { bytes.append(0x20) }
                if Int.random(in: 0..<10, using: &random) == 0 {
                    bytes += awkward[Int.random(in: 0..<awkward.count, using: &random)]
                } else {
                    bytes += Array(fragments[Int.random(in: 0..<fragments.count, using: &random)].utf8)
                }
            }
            // A CR may appear inside a line, never right before its LF (see above).
            while bytes.last == 0x0D { bytes.removeLast() }
            bytes += terminator
        }
        return bytes
    }

    static let corpora: [(name: String, bytes: [UInt8], crlf: Bool)] = [
        ("LF", corpus(seed: 1, lines: 4000, terminator: [0x0A]), false),
        ("LF, another seed", corpus(seed: 2, lines: 4000, terminator: [0x0A]), false),
        ("CRLF", corpus(seed: 3, lines: 4000, terminator: [0x0D, 0x0A]), true),
    ]

    @Test(arguments: cases)
    func dropIsGrepInverted(_ testCase: Case) throws {
        try compare(testCase, keyword: "drop", grepArguments: ["-v"])
    }

    @Test(arguments: cases)
    func keepIsGrep(_ testCase: Case) throws {
        try compare(testCase, keyword: "keep", grepArguments: [])
    }

    @Test func corporaExerciseEveryPattern() throws {
        // A pattern that matched no line, or every line, would compare nothing.
        for testCase in Self.cases {
            let kept = try grep(testCase, [], Self.corpora[0].bytes, crlf: false)
            #expect(!kept.isEmpty, "\(testCase.testDescription) matches no line")
            #expect(kept != Self.corpora[0].bytes, "\(testCase.testDescription) matches every line")
        }
    }

    func compare(_ testCase: Case, keyword: String, grepArguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rule = "\(keyword) \(Self.delimited(testCase.pattern))\(testCase.flags)"
        for corpus in Self.corpora {
            let expected = try grep(testCase, grepArguments, corpus.bytes, crlf: corpus.crlf)
            let result = try SluiceProcess.run(["-e", rule], stdin: corpus.bytes)
            #expect(result.status == 0, "\(rule) on \(corpus.name): \(result.stderrText)", sourceLocation: sourceLocation)
            if result.stdout != expected {
                let sluiceLines = result.stdout.split(separator: 0x0A, omittingEmptySubsequences: false)
                let grepLines = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
                let first = zip(sluiceLines, grepLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(sluiceLines.count, grepLines.count)
                let show: ([ArraySlice<UInt8>], Int) -> String = { lines, index in
                    index < lines.count ? String(decoding: lines[index], as: UTF8.self).debugDescription : "(end)"
                }
                Issue.record(
                    "\(rule) on \(corpus.name): sluice wrote \(result.stdout.count) bytes, pcre2grep \(expected.count); first difference at output line \(first + 1): sluice \(show(sluiceLines, first)), pcre2grep \(show(grepLines, first))",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// pcre2grep's output for the case on `input`.
    func grep(_ testCase: Case, _ arguments: [String], _ input: [UInt8], crlf: Bool) throws -> [UInt8] {
        var all = ["-a", "-U"] + arguments
        if testCase.flags.contains("i") { all.append("-i") }
        if crlf { all += ["-N", "CRLF"] }
        all += ["-e", "(*UCP)" + testCase.pattern]
        let result = try Self.runTool(try #require(pcre2grepPath), all, stdin: input)
        // 0: lines selected, 1: none; 2 is an error.
        #expect(result.status == 0 || result.status == 1, "pcre2grep \(all): \(String(decoding: result.stderr, as: UTF8.self))")
        return result.stdout
    }

    /// The pattern between the first delimiter it does not contain.
    static func delimited(_ pattern: String) -> String {
        let delimiter = ["/", "#", "~", "!", "%", ","].first { !pattern.contains($0) } ?? "/"
        return delimiter + pattern + delimiter
    }

    static func runTool(_ path: String, _ arguments: [String], stdin: [UInt8]) throws -> (status: Int32, stdout: [UInt8], stderr: [UInt8]) {
        let directory = FileManager.default.temporaryDirectory
        let inputFile = directory.appendingPathComponent("sluice-differential-\(UUID().uuidString)")
        try Data(stdin).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        nonisolated(unsafe) var errorBytes = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errorBytes = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return (process.terminationStatus, [UInt8](outputBytes), [UInt8](errorBytes))
    }
}

/// `pcre2grep` on the PATH, if installed.
let pcre2grepPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/pcre2grep" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// SplitMix64, so that a corpus is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
