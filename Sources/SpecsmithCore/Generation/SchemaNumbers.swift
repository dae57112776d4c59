import SpecsmithYAML

/// The number of each schema of a document, its position in `document.schemas`, by canonical id: what
/// ``SchemaTranslator/number(of:)`` asks for every reference it reads, several times per property that is one.
///
/// `document.schemas` finds a key by hashing it with the standard library's `Hasher` (SipHash), some 500
/// instructions for an id of 60 bytes (`/path/to/api.yaml#/components/schemas/Pet`). Ids are hashed here eight
/// bytes at a time with a multiply, in a table of open addressing made once per translation and only read
/// afterwards, so the workers share it. A key is compared by code points, as `document.schemas` compares it, so
/// a number found here is the one `position(of:)` finds.
struct SchemaNumbers: Sendable {
    /// The document's schemas, whose keys the ids are compared with.
    private let entries: [OrderedMap<Schema>.Entry]
    /// A schema number per slot, or -1 for an empty slot; a power of two in count, at least twice the schemas.
    private let slots: [Int32]
    /// `slots.count - 1`.
    private let mask: Int

    init(_ schemas: OrderedMap<Schema>) {
        entries = schemas.entries
        var count = 16
        while count < entries.count * 2 { count *= 2 }
        var slots = [Int32](repeating: -1, count: count)
        mask = count - 1
        for number in entries.indices {
            var slot = Self.hash(entries[number].key) & mask
            // Keys are unique in `document.schemas`; the first of equal ones wins, as in its own index.
            while slots[slot] >= 0, !entries[Int(slots[slot])].key.hasSameCodePoints(as: entries[number].key) {
                slot = (slot + 1) & mask
            }
            if slots[slot] < 0 { slots[slot] = Int32(number) }
        }
        self.slots = slots
    }

    /// The number of the schema with this canonical id, if the document has one.
    func number(of id: String) -> Int? {
        var slot = Self.hash(id) & mask
        while true {
            let number = Int(slots[slot])
            if number < 0 { return nil }
            if entries[number].key.hasSameCodePoints(as: id) { return number }
            slot = (slot + 1) & mask
        }
    }

    /// A hash of the text's UTF-8.
    private static func hash(_ text: String) -> Int {
        // A string without contiguous UTF-8 (none that the loader makes) is copied first.
        text.utf8.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0)) }
            ?? Array(text.utf8).withUnsafeBytes(hash)
    }

    /// A hash of bytes: each eight mixed in with a multiply, the last (partial) eight read where they end, and
    /// the length.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        if bytes.count < 8 {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* multiplier }
        } else {
            var offset = 0
            while offset < bytes.count {
                // The last word ends with the last byte, overlapping the one before when the count is no multiple of 8.
                let start = min(offset, bytes.count - 8)
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self)) &* multiplier
                hash ^= hash >> 29
                offset += 8
            }
        }
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }
}
