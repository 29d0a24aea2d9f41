import Foundation
import Testing

/// What sluice does only when a stream is a terminal, run under `script(1)` so that stdout
/// and stderr are a pseudo-terminal.
@Suite struct TerminalTests {
    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    @Test(.enabled(if: hasScript)) func explainIsColouredOnATerminal() throws {
        let output = try SluiceProcess.shell(#"""
            f=$(mktemp); printf 'Advertisement\nKeep colour.\n' > "$f"
            script -qec "env -u NO_COLOR '$SLUICE' --explain -e 'drop /^Advertisement\$/' -e 'replace /colour/color/' '$f'" /dev/null < /dev/null
            echo ---
            script -qec "NO_COLOR=1 '$SLUICE' --explain -e 'drop /^Advertisement\$/' '$f'" /dev/null < /dev/null
            rm "$f"
            """#).stdoutText
        #expect(output.contains("\u{1B}[31m- [-e:1 drop] Advertisement\u{1B}[0m\r\n"))
        #expect(output.contains("\u{1B}[33m~ [-e:2 replace] Keep colour. → Keep color.\u{1B}[0m\r\n"))
        let plain = try #require(output.components(separatedBy: "---").last)
        #expect(plain.contains("- [-e:1 drop] Advertisement\r\n"))
        #expect(!plain.contains("\u{1B}["))
    }

    @Test func explainIsPlainIntoAPipe() throws {
        let result = try SluiceProcess.shell(#"printf 'Advertisement\n' | env -u NO_COLOR "$SLUICE" --explain -e 'drop /^Advertisement$/'"#)
        #expect(result.stdoutText == "- [-e:1 drop] Advertisement\n")
    }

    @Test(.enabled(if: hasScript), arguments: [[], ["-z"]])
    func progressIsDrawnOnATerminalAndClearedAtTheEnd(_ mode: [String]) throws {
        let arguments = (mode + ["--progress"]).joined(separator: " ")
        let output = try SluiceProcess.shell(#"""
            f=$(mktemp); printf 'Advertisement\nKeep.\n' > "$f"
            script -qec "'$SLUICE' \#(arguments) '$f' > /dev/null" /dev/null < /dev/null
            rm "$f"
            """#).stdoutText
        #expect(output.hasPrefix("\r\u{1B}[Ksluice: "))
        #expect(output.contains("sluice: 20 B of 20 B (100%), 1 document, "))
        #expect(output.hasSuffix("\r\u{1B}[K"))
    }

    @Test func noProgressWhenStandardErrorIsNotATerminal() throws {
        let result = try SluiceProcess.run(["--progress"], stdin: Array("Keep.\n".utf8))
        #expect(result.stdoutText == "Keep.\n")
        #expect(result.stderrText == "")
    }
}
