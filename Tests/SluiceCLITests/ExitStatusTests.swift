import Foundation
import Testing

/// Exit statuses and stream behaviour that golden files cannot express: pipes, full disks,
/// inputs that must not be read.
@Suite struct ExitStatusTests {
    @Test func closedOutputPipeEndsQuietlyWithSuccess() throws {
        // `head -1` closes the pipe after one line; sluice must stop without a message.
        let result = try SluiceProcess.shell(#"yes $'A line of text.\n' | head -n 2000000 | "$SLUICE"  | head -n 1; echo "status=${PIPESTATUS[2]}""#)
        #expect(result.stdoutText == "A line of text.\nstatus=0\n")
        #expect(result.stderrText == "")
    }

    @Test func fullDiskIsAnErrorWithStatusOne() throws {
        let result = try SluiceProcess.shell(#"printf 'one\ntwo\n' | "$SLUICE" > /dev/full; echo "status=$?""#)
        #expect(result.stdoutText == "status=1\n")
        #expect(result.stderrText == "sluice: error: cannot write output: No space left on device\n")
    }

    @Test func badRulesFailBeforeAnyInputIsRead() throws {
        // stdin is a FIFO nobody writes to: if sluice read it, it would block until `timeout`
        // killed it (status 124) instead of failing at once with status 2.
        let command = #"""
            dir=$(mktemp -d) && mkfifo "$dir/fifo" && exec 3<>"$dir/fifo"
            timeout 10 "$SLUICE" -e 'drop /(/' < "$dir/fifo"; echo "status=$?"; rm -r "$dir"
            """#
        let result = try SluiceProcess.shell(command)
        #expect(result.stdoutText == "status=2\n")
        #expect(result.stderrText == "-e:1:8: error: missing closing parenthesis\ndrop /(/\n       ^\n")
    }

    @Test func versionAndHelpSucceedOnStandardOutput() throws {
        let version = try SluiceProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdoutText.hasPrefix("sluice "))
        #expect(version.stdoutText.contains("PCRE2 10."))
        let help = try SluiceProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdoutText.contains("--rules"))
        #expect(help.stdoutText.contains("Exit status"))
    }

    @Test func printedDefaultRulesWorkAsARuleFile() throws {
        let printed = try SluiceProcess.run(["--print-default-rules"])
        #expect(printed.status == 0)
        #expect(printed.stdoutText.contains("drop /"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("printed-\(getpid()).rules")
        try Data(printed.stdout).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let sample = try String(contentsOf: SluiceProcess.fixtures.appendingPathComponent("seed-default/input"), encoding: .utf8)
        let withDefaults = try SluiceProcess.run([], stdin: Array(sample.utf8))
        let withPrinted = try SluiceProcess.run(["-r", file.path], stdin: Array(sample.utf8))
        #expect(withPrinted.status == 0)
        #expect(withPrinted.stdout == withDefaults.stdout)
    }

    @Test func rulesThatMatchNothingPassArbitraryBytesThroughUnchanged() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            let bytes = (0..<100_000).map { _ -> UInt8 in
                // Plenty of newlines, CRs and NULs among random bytes.
                let roll = UInt8.random(in: 0...255, using: &generator)
                return roll < 20 ? 0x0A : roll < 25 ? 0x0D : roll < 28 ? 0 : roll
            }
            let result = try SluiceProcess.run(["-e", "drop /^\\QNothing matches this\\E$/"], stdin: bytes)
            #expect(result.status == 0)
            #expect(result.stdout == bytes)
        }
    }

    @Test func largeInputStreamsWithFlatOutput() throws {
        // 50 MB through a pipe: output is exactly the input less the dropped lines.
        let result = try SluiceProcess.shell(#"yes $'Keep me.\nAdvertisement' | head -n 5000000 | "$SLUICE" -e 'drop /^Advertisement$/' | wc -l"#)
        #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "2500000")
    }
}
