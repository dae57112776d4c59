/// The scalar keys of one long mapping, to find a duplicate in constant time: an open-addressing
/// table hashed with FNV-1a over the key's UTF-8, cheaper than `Dictionary<String, Int>`'s seeded
/// SipHash for the short keys of a typical document. Short mappings are searched linearly instead.
///
/// A key is its scalar's record; its text is read from the bytes of the tree being built, which every
/// call passes (they may have moved since the last one, as the tree grew).
struct KeyIndex {
    private struct Slot {
        var hash: UInt64
        /// The key's text in the tree's bytes.
        var first: Int32
        var count: Int32
        var line: Int
    }

    private var slots: [Slot?]
    private var count = 0

    init(minimumCapacity: Int) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        slots = Array(repeating: nil, count: capacity)
    }

    /// The line of an earlier key with the same code points as the scalar `key`, whose text is in
    /// `bytes`; else records this key at its line and returns `nil`.
    mutating func firstLine(of key: NodeRecord, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let text = UnsafeBufferPointer(rebasing: bytes[Int(key.first)..<Int(key.first) + Int(key.count)])
        let hash = Self.hash(text)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while let slot = slots[i] {
            if slot.hash == hash, slot.count == key.count,
                text.elementsEqual(bytes[Int(slot.first)..<Int(slot.first) + Int(slot.count)])
            {
                return slot.line
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(hash: hash, first: key.first, count: key.count, line: key.location.line)
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        let mask = slots.count - 1
        for case let slot? in old {
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[i] != nil { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        // Mix the high bits down, since the table uses the low ones.
        return hash ^ (hash >> 29)
    }
}
