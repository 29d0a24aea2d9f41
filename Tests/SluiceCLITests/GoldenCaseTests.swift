import Foundation
import Testing

/// Runs every folder under Fixtures/ as one end-to-end case:
///
/// - `args`: the command-line arguments, one per line (may be absent: no arguments);
/// - `input`: standard input (may be absent: empty); other files are there for `args` to
///   name, as sluice runs inside the case folder;
/// - `expected.stdout`, and `expected.stderr` / `expected.status` when not empty / 0.
///
/// `SLUICE_RECORD=1 swift test` rewrites the expected files from what sluice does now and
/// fails every case it rewrote, so a recording run can never pass by accident. Review the
/// rewritten files by reading them before committing.
@Suite struct GoldenCaseTests {
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: SluiceProcess.fixtures.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func fixturesExist() {
        #expect(GoldenCaseTests.cases.count >= 10)
    }

    @Test(arguments: GoldenCaseTests.cases)
    func golden(_ name: String) throws {
        let folder = SluiceProcess.fixtures.appendingPathComponent(name)
        func read(_ file: String) -> Data? { FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) }
        let arguments = read("args").map { String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
        let trimmed = arguments.last == "" ? Array(arguments.dropLast()) : arguments
        let result = try SluiceProcess.run(trimmed, stdin: read("input").map { [UInt8]($0) } ?? [], in: folder)

        if ProcessInfo.processInfo.environment["SLUICE_RECORD"] == "1" {
            try Data(result.stdout).write(to: folder.appendingPathComponent("expected.stdout"))
            let stderrFile = folder.appendingPathComponent("expected.stderr")
            let statusFile = folder.appendingPathComponent("expected.status")
            if result.stderr.isEmpty { try? FileManager.default.removeItem(at: stderrFile) } else { try Data(result.stderr).write(to: stderrFile) }
            if result.status == 0 { try? FileManager.default.removeItem(at: statusFile) } else { try Data("\(result.status)\n".utf8).write(to: statusFile) }
            Issue.record("recorded \(name): review the expected files, then run again without SLUICE_RECORD")
            return
        }

        let expectedStatus = read("expected.status").flatMap { Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        #expect(result.status == expectedStatus, "exit status of \(name); stderr: \(result.stderrText)")
        #expect(result.stdoutText == String(decoding: read("expected.stdout") ?? Data(), as: UTF8.self), "stdout of \(name)")
        #expect(result.stdout == [UInt8](read("expected.stdout") ?? Data()), "stdout bytes of \(name)")
        #expect(result.stderrText == String(decoding: read("expected.stderr") ?? Data(), as: UTF8.self), "stderr of \(name)")
    }
}
