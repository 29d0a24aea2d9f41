/// One line as it passes between steps: its bytes with the terminator, valid only for the
/// duration of the call that receives it (a step that holds a line must copy it).
public struct Line {
    /// The whole line: content, then `\n` or `\r\n` (nothing for a last line without one).
    public let bytes: UnsafeRawBufferPointer
    /// How many of `bytes` are content; the rest is the terminator.
    public let contentCount: Int
    /// 1-based line number in the current input, for diagnostics.
    public let number: Int
    /// Which answer of the pipeline's prefilter (``DropPrefilter``) holds the drop steps
    /// that may match the content, once a drop run asked; 0 before. It travels with the line
    /// while stages pass it on unchanged; a line made anew (changed, or re-emitted from held
    /// lines) starts without one.
    var prefilterAnswer: UInt64 = 0
    /// Which paragraph an earlier paragraph step normalized this line as a part of, and the
    /// line's place in it (``NormalizedParagraphHandoff/mark(serial:line:)``); 0 for none.
    /// Like ``prefilterAnswer`` it travels only while stages pass the line on unchanged.
    var paragraphMark: UInt64 = 0

    /// Splits off the terminator: `\n`, or `\r\n`, or none for an unterminated last line.
    public init(bytes: UnsafeRawBufferPointer, number: Int) {
        var content = bytes.count
        if content > 0, bytes[content - 1] == UInt8(ascii: "\n") {
            content -= 1
            if content > 0, bytes[content - 1] == UInt8(ascii: "\r") { content -= 1 }
        }
        self.init(bytes: bytes, contentCount: content, number: number)
    }

    /// A line whose content length is already known.
    public init(bytes: UnsafeRawBufferPointer, contentCount: Int, number: Int) {
        self.bytes = bytes
        self.contentCount = contentCount
        self.number = number
    }

    /// The text rules match against: the line without its terminator.
    @inline(__always)
    public var content: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[0..<contentCount])
    }

    /// The terminator bytes (`\n`, `\r\n` or empty).
    public var terminator: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[contentCount...])
    }

    /// True when the content is empty or only ASCII white space (space, tab, CR, FF, VT).
    public var isBlank: Bool {
        for byte in content {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0C, 0x0B: continue
            default: return false
            }
        }
        return true
    }
}
