import Foundation
import Testing

/// Inputs that fail or behave unlike a plain file: unreadable files, read errors after
/// output has started, FIFOs, closed standard streams. (A full disk, a closed output pipe
/// and bad rules are in ``ExitStatusTests``; a missing file and a directory are golden cases,
/// `missing-input-file` and `directory-input`.) The choices are in docs/reliability.md.
@Suite struct IOFaultTests {
    /// A temporary folder holding `a.txt` (`Advertisement`, `keep me`), removed afterwards.
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-io-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("Advertisement\nkeep me\n".utf8).write(to: url.appendingPathComponent("a.txt"))
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let isRoot = getuid() == 0

    @Test(.enabled(if: !isRoot, "root reads a file whatever its mode: see fileThatFailsAtReadTimeIsReportedAndTheRestIsCleaned"))
    func unreadableFileIsRefusedBeforeAnythingIsRead() throws {
        let folder = try Folder()
        let locked = folder.url.appendingPathComponent("locked.txt")
        try Data("secret\n".utf8).write(to: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        let result = try SluiceProcess.run(["a.txt", "locked.txt"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrText == "sluice: error: cannot read 'locked.txt': Permission denied\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem"), "no /proc"))
    func fileThatFailsAtReadTimeIsReportedAndTheRestIsCleaned() throws {
        // /proc/self/mem passes every check (it exists, is no directory, and may be opened for
        // reading) but its first read fails with EIO: the one way to make a read fail as root.
        // The inputs before and after it are cleaned and written; the status says one failed.
        let folder = try Folder()
        let result = try SluiceProcess.run(["a.txt", "/proc/self/mem", "a.txt"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdoutText == "keep me\nkeep me\n")
        #expect(result.stderrText == "sluice: error: cannot read '/proc/self/mem': Input/output error\n")
    }

    @Test func fifoInputIsStreamedAsItArrives() throws {
        // The writer pauses between lines: sluice must wait for the rest, not take a short
        // read for the end, and must clean a FIFO named as a file like any file.
        let folder = try Folder()
        let command = #"""
            mkfifo f g
            { printf 'Advertisement\nfirst\n'; sleep 0.3; printf 'second'; sleep 0.3; printf ' half\nAdvertisement\n'; } > f &
            { printf 'from stdin\n'; sleep 0.3; printf 'Advertisement\n'; } > g &
            timeout 20 "$SLUICE" a.txt f - < g; echo "status=$?"
            """#
        let result = try SluiceProcess.shell(command, in: folder.url)
        #expect(result.stdoutText == "keep me\nfirst\nsecond half\nfrom stdin\nstatus=0\n")
        #expect(result.stderrText == "")
    }

    @Test func closedStandardInputIsRefusedBeforeAnythingIsRead() throws {
        let result = try SluiceProcess.shell(#""$SLUICE" <&-; echo "status=$?""#)
        #expect(result.stdoutText == "status=2\n")
        #expect(result.stderrText == "sluice: error: cannot read '-': Bad file descriptor\n")
    }

    /// With descriptor 0 closed, the first file opened would get it: `a.txt` would then be
    /// read again as `-` (found by scripts/limits' review). Now `-` is refused up front and
    /// a file is never taken for standard input.
    @Test func fileOpenedWhileStandardInputIsClosedIsNotReadAsStandardInput() throws {
        let folder = try Folder()
        let both = try SluiceProcess.shell(#""$SLUICE" a.txt - <&-; echo "status=$?""#, in: folder.url)
        #expect(both.stdoutText == "status=2\n")
        #expect(both.stderrText == "sluice: error: cannot read '-': Bad file descriptor\n")
        let twice = try SluiceProcess.shell(#""$SLUICE" a.txt a.txt <&-; echo "status=$?""#, in: folder.url)
        #expect(twice.stdoutText == "keep me\nkeep me\nstatus=0\n")
        #expect(twice.stderrText == "")
    }

    @Test func closedStandardOutputIsAWriteError() throws {
        let folder = try Folder()
        let result = try SluiceProcess.shell(#""$SLUICE" a.txt >&-; echo "status=$?" >&2"#, in: folder.url)
        #expect(result.stderrText == "sluice: error: cannot write output: Bad file descriptor\nstatus=1\n")
    }
}
