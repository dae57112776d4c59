/// Line breaks as libyaml counts them, so that the YAML stage, which turns byte offsets into lines,
/// and the diagnostic renderer, which shows the line a diagnostic points at, agree on what line N is:
/// `\n`, `\r\n`, `\r`, NEL (U+0085), LS (U+2028) and PS (U+2029).
package enum LineBreaks {
    /// The number of bytes of the line break at `i`, or 0 when there is none.
    package static func width(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch bytes[i] {
        case 0x0A: return 1
        case 0x0D: return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// The line of UTF-8 text that starts at byte `start`, its break left out, and where the next line
    /// starts: `nil` when this one is the last, ended by the end of the text (a text ending in a break
    /// ends with an empty line). Reads up to the line's break, without decoding characters.
    package static func line(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Range<Int>, next: Int?) {
        var i = start
        while i < bytes.count {
            // Most bytes start no break: none from 0x0E (past `\r`) to 0xC1 (before NEL's first byte).
            if bytes[i] &- 0x0E < 0xC2 - 0x0E {
                i += 1
                continue
            }
            let width = width(in: bytes, at: i)
            if width > 0 { return (start..<i, i + width) }
            i += 1
        }
        return (start..<bytes.count, nil)
    }
}
