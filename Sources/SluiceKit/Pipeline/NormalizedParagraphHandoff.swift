/// Hands what `dedupe ledes` worked out of each paragraph (``NormalizedParagraph``) to a
/// `dedupe paragraphs` later in the chain, so that the paragraph is normalized once, not
/// once per step.
///
/// The later step (the receiver) owns the handoff; the earlier one finds it by walking its
/// `next` stages (``downstream(of:)``). For each paragraph it normalizes, the earlier step
/// offers the result and gets a serial number, and marks the paragraph's lines as it sends
/// them on (``Line/paragraphMark``, one mark per line: the serial and the line's place).
/// Marks travel only with lines passed on unchanged: a step that changes a line makes a new
/// one, without a mark. So the receiver uses an offer only for a paragraph it gathered from
/// exactly the marked lines of that offer, all of them and in order
/// (``HeldLines/paragraphMark``); for any other it normalizes the paragraph itself. Offers
/// come in the order the lines go out, so the receiver passes over those it never gets (the
/// paragraph was removed, or changed on the way).
final class NormalizedParagraphHandoff {
    /// What was offered, oldest first from `head`, serials increasing.
    private var offers: [(serial: UInt64, lineCount: Int32, summary: NormalizedParagraph)] = []
    private var head = 0
    private var nextSerial: UInt64 = 1

    /// The most offers waiting at once (24 bytes each): past that, more are refused and
    /// those paragraphs are normalized again, so memory stays bounded whatever comes between.
    static let offerLimit = 1 << 17
    /// Bits of a mark that hold the line's place in its paragraph; the rest hold the serial.
    static let lineBits = 24

    /// The handoff of the first stage from `stage` on that receives normalized paragraphs.
    static func downstream(of stage: LineStage?) -> NormalizedParagraphHandoff? {
        var stage = stage
        while let current = stage {
            if let receiver = current as? NormalizedParagraphReceiver { return receiver.normalizedParagraphs }
            stage = current.next
        }
        return nil
    }

    /// Offers `summary` for a paragraph of `lineCount` lines; returns the serial to mark its
    /// lines with (``mark(serial:line:)``), or 0 when the offer is refused (then they go
    /// unmarked).
    func offer(_ summary: NormalizedParagraph, lineCount: Int) -> UInt64 {
        guard offers.count - head < NormalizedParagraphHandoff.offerLimit, lineCount < 1 << NormalizedParagraphHandoff.lineBits,
              nextSerial < 1 << (64 - NormalizedParagraphHandoff.lineBits) else { return 0 }
        if head > 1024, head * 2 > offers.count {
            offers.removeFirst(head)
            head = 0
        }
        let serial = nextSerial
        nextSerial += 1
        offers.append((serial, Int32(lineCount), summary))
        return serial
    }

    /// The mark of line `line` (0-based) of the paragraph offered as `serial`; 0 (no mark)
    /// when `serial` is 0.
    @inline(__always)
    static func mark(serial: UInt64, line: Int) -> UInt64 {
        serial == 0 || line >= 1 << lineBits ? 0 : serial << lineBits | UInt64(line)
    }

    /// What was offered for `paragraph`, when its lines are all the marked lines of one offer
    /// in order; nil otherwise. Offers older than the paragraph's are dropped.
    func take(for paragraph: HeldLines) -> NormalizedParagraph? {
        let mark = paragraph.paragraphMark
        guard mark != 0 else { return nil }
        let serial = mark >> NormalizedParagraphHandoff.lineBits
        while head < offers.count, offers[head].serial < serial { head += 1 }
        guard head < offers.count, offers[head].serial == serial else { return nil }
        let offer = offers[head]
        head += 1
        return Int(offer.lineCount) == paragraph.lineCount ? offer.summary : nil
    }

    /// Forgets every offer (the document ended).
    func removeAll() {
        offers.removeAll(keepingCapacity: offers.count <= 4096)
        head = 0
    }
}

/// A stage that can use paragraphs normalized by an earlier one (``NormalizedParagraphHandoff``).
protocol NormalizedParagraphReceiver: AnyObject {
    /// Where earlier stages offer what they normalized.
    var normalizedParagraphs: NormalizedParagraphHandoff { get }
}
