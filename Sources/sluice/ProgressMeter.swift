import Glibc
import SluiceKit

/// `--progress`: a status line on standard error, redrawn at most five times a second —
/// bytes and documents done, the rate, and when the input size is known a percentage and
/// an estimate of the time left. Only drawn when standard error is a terminal; cleared at
/// the end.
final class ProgressMeter {
    /// The input's size in bytes, when every input is a regular file.
    let totalBytes: Int?
    private(set) var bytes = 0
    private(set) var documents = 0
    private let start: Double
    private var lastDrawn: Double = -1
    private static let interval = 0.2

    /// A meter when `--progress` asks for one and standard error is a terminal, else nil.
    static func make(requested: Bool, inputs: [String]) -> ProgressMeter? {
        guard requested, isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressMeter(totalBytes: inputSize(inputs))
    }

    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
        self.start = ProgressMeter.now()
    }

    /// Adds bytes read.
    func read(_ count: Int) {
        bytes += count
        drawIfDue()
    }

    /// Adds documents done.
    func finished(documents count: Int) {
        documents += count
        drawIfDue()
    }

    /// Draws the final state, then clears the line.
    func finish() {
        draw(at: ProgressMeter.now())
        Diagnostics.writeError("\r\u{1B}[K")
    }

    private func drawIfDue() {
        let now = ProgressMeter.now()
        if lastDrawn < 0 || now - lastDrawn >= ProgressMeter.interval { draw(at: now) }
    }

    private func draw(at now: Double) {
        lastDrawn = now
        let elapsed = max(now - start, 1e-3)
        let rate = Double(bytes) / elapsed
        var line = "sluice: \(ProgressMeter.size(bytes))"
        if let totalBytes, totalBytes > 0 {
            let percent = min(100, bytes * 100 / totalBytes)
            line += " of \(ProgressMeter.size(totalBytes)) (\(percent)%)"
        }
        line += ", \(documents) \(documents == 1 ? "document" : "documents"), \(ProgressMeter.size(Int(rate)))/s"
        if let totalBytes, rate > 0, bytes < totalBytes {
            line += ", ETA \(ProgressMeter.duration(Double(totalBytes - bytes) / rate))"
        }
        Diagnostics.writeError("\r\u{1B}[K" + line)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The total size of the inputs when all are regular files (`-` counts when standard
    /// input is redirected from one), else nil.
    private static func inputSize(_ inputs: [String]) -> Int? {
        var total = 0
        for input in inputs {
            var info = stat()
            let found = input == "-" ? fstat(STDIN_FILENO, &info) : stat(input, &info)
            guard found == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            total += Int(info.st_size)
        }
        return total
    }

    private static func size(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    private static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }
}

/// A source that counts the bytes read through it, for `--stats`, and reports them to a
/// progress meter if there is one.
struct CountingSource<Base: ByteSource>: ByteSource {
    var base: Base
    let progress: ProgressMeter?
    private(set) var count = 0

    init(base: Base, progress: ProgressMeter?) {
        self.base = base
        self.progress = progress
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let read = try base.read(into: buffer)
        count += read
        progress?.read(read)
        return read
    }
}
