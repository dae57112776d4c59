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
            // Sixteen bytes at a time while none of them may start a break: minified JSON is one line of
            // hundreds of kilobytes.
            if let base = bytes.baseAddress {
                while i + 16 <= bytes.count {
                    let first = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let second = UnsafeRawPointer(base + i + 8).loadUnaligned(as: UInt64.self)
                    guard !mayStartBreak(first, second) else { break }
                    i += 16
                }
            }
            for _ in 0..<min(8, bytes.count - i) {
                // Most bytes start no break: none from 0x0E (past `\r`) to 0xC1 (before NEL's first byte).
                if bytes[i] &- 0x0E < 0xC2 - 0x0E {
                    i += 1
                    continue
                }
                let width = width(in: bytes, at: i)
                if width > 0 { return (start..<i, i + width) }
                i += 1
            }
        }
        return (start..<bytes.count, nil)
    }

    /// Whether a byte of two words is below 0x0E or from 0xC0 up: `false` when none of them starts a
    /// break. (A byte below `n` borrows in `byte - n` and had its high bit clear: exact for `n` up to 0x80.
    /// A byte from 0xC0 up has its two high bits set.)
    private static func mayStartBreak(_ first: UInt64, _ second: UInt64) -> Bool {
        let below = (first &- 0x0E0E_0E0E_0E0E_0E0E) & ~first | (second &- 0x0E0E_0E0E_0E0E_0E0E) & ~second
        let above = first & (first << 1) | second & (second << 1)
        return (below | above) & 0x8080_8080_8080_8080 != 0
    }
}
