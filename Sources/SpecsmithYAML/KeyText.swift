import Foundation

extension String {
    /// Whether two texts are the same code points, the way YAML and JSON compare keys. `==` compares
    /// characters by canonical equivalence, so that `"é"` (U+00E9) equals `"e\u{301}"`: two different
    /// keys. Comparing the UTF-8 bytes tells them apart, with `memcmp`.
    @inlinable @inline(__always)
    package func hasSameCodePoints(as other: String) -> Bool {
        let count = utf8.count
        guard other.utf8.count == count else { return false }
        guard count > 0 else { return true }
        let same = utf8.withContiguousStorageIfAvailable { bytes in
            other.utf8.withContiguousStorageIfAvailable { otherBytes in
                memcmp(bytes.baseAddress!, otherBytes.baseAddress!, count) == 0
            }
        }
        return (same ?? nil) ?? utf8.elementsEqual(other.utf8)
    }
}

/// A text that a dictionary or set compares and hashes by code points (see
/// ``Swift/String/hasSameCodePoints(as:)``), for keys of a document and the ids made of them.
package struct CodePointKey: Hashable, Sendable {
    package let text: String

    @inlinable @inline(__always)
    package init(_ text: String) {
        self.text = text
    }

    @inlinable @inline(__always)
    package static func == (lhs: CodePointKey, rhs: CodePointKey) -> Bool {
        lhs.text.hasSameCodePoints(as: rhs.text)
    }

    package func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(0xFF as UInt8)  // never a byte of UTF-8: ends the text
    }
}
