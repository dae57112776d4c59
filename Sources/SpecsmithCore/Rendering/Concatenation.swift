extension Array {
    /// Appends `other`, taken whole when this array is empty: the lines a context is built from come in
    /// arrays of a line or two, most added to an empty array, which `append(contentsOf:)` would copy into
    /// storage of its own (an allocation, a copy and a free, some 400 instructions).
    mutating func append(taking other: consuming [Element]) {
        if isEmpty {
            self = other
        } else if !other.isEmpty {
            append(contentsOf: other)
        }
    }
}

extension String {
    /// The pieces one after the other, in one allocation.
    ///
    /// The renderer builds thousands of short lines of Swift from a few pieces each. Interpolation and
    /// `+` append piece by piece, each append checking and growing the storage, and reserve too little
    /// for long pieces; this adds up the lengths first and copies each piece once into storage of the
    /// final size, for less than half the cost of the same string interpolated.
    ///
    /// Up to ten pieces, as parameters rather than a variadic list: a variadic list is an array,
    /// allocated, filled (retaining each piece) and destroyed at every call, which cost about as much
    /// as the concatenation itself. (A parameter pack would say it better, but its generic code is not
    /// specialized, and is slower still.) Pieces left out are empty, and cost a check each.
    init(
        concatenating p0: String, _ p1: String, _ p2: String = "", _ p3: String = "", _ p4: String = "",
        _ p5: String = "", _ p6: String = "", _ p7: String = "", _ p8: String = "", _ p9: String = ""
    ) {
        let count =
            p0.utf8.count + p1.utf8.count + p2.utf8.count + p3.utf8.count + p4.utf8.count + p5.utf8.count
            + p6.utf8.count + p7.utf8.count + p8.utf8.count + p9.utf8.count
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            Self.copy(p0, into: buffer, at: &offset)
            Self.copy(p1, into: buffer, at: &offset)
            if !p2.isEmpty { Self.copy(p2, into: buffer, at: &offset) }
            if !p3.isEmpty { Self.copy(p3, into: buffer, at: &offset) }
            if !p4.isEmpty { Self.copy(p4, into: buffer, at: &offset) }
            if !p5.isEmpty { Self.copy(p5, into: buffer, at: &offset) }
            if !p6.isEmpty { Self.copy(p6, into: buffer, at: &offset) }
            if !p7.isEmpty { Self.copy(p7, into: buffer, at: &offset) }
            if !p8.isEmpty { Self.copy(p8, into: buffer, at: &offset) }
            if !p9.isEmpty { Self.copy(p9, into: buffer, at: &offset) }
            return offset
        }
    }

    /// Copies the UTF-8 of `piece` into `buffer` at `offset`, and moves `offset` past it.
    ///
    /// Inlined: most pieces are a few bytes, and a call of its own (saving and restoring six registers)
    /// was about a third of the instructions of copying one.
    @inline(__always)
    static func copy(_ piece: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: inout Int) {
        let copied = piece.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            (buffer.baseAddress! + offset).copyBytes(from: bytes.baseAddress!, count: bytes.count)
            offset += bytes.count
            return true
        }
        if copied == nil {  // not stored contiguously (a bridged string): byte by byte
            for byte in piece.utf8 {
                buffer[offset] = byte
                offset += 1
            }
        }
    }
}

extension UnsafeMutablePointer<UInt8> {
    /// Copies `count` bytes from `source`, which they do not overlap: up to 16 as two words (or halves, or
    /// quarters) loaded and stored whatever their alignment, the second ending where the bytes end; more with
    /// `memcpy`. Most texts the renderer copies are a few bytes, which a call of `memcpy` copied for some 30
    /// instructions.
    @inline(__always)
    func copyBytes(from source: UnsafePointer<UInt8>, count: Int) {
        let to = UnsafeMutableRawPointer(self)
        let from = UnsafeRawPointer(source)
        if count >= 8 {
            guard count <= 16 else { return to.copyMemory(from: from, byteCount: count) }
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
        } else if count >= 4 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
        } else if count > 0 {
            let head = source.pointee
            if count > 1 {
                let tail = from.loadUnaligned(fromByteOffset: count &- 2, as: UInt16.self)
                to.storeBytes(of: tail, toByteOffset: count &- 2, as: UInt16.self)
            }
            pointee = head
        }
    }
}

extension String {
    /// `items` with `separator` between them, in one allocation, and none for a single item, which is the
    /// result as it is. The renderer joins the arguments of nearly every call it writes, most often one or
    /// two: `joined(separator:)` runs generic code there, about a thousand instructions a call.
    init(joining items: [String], separator: String) {
        guard items.count > 1 else {
            self = items.first ?? ""
            return
        }
        var count = separator.utf8.count * (items.count - 1)
        for item in items { count += item.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for (index, item) in items.enumerated() {
                if index > 0 { Self.copy(separator, into: buffer, at: &offset) }
                Self.copy(item, into: buffer, at: &offset)
            }
            return offset
        }
    }
}

extension SwiftLiteral {
    /// Whether `text` is printable ASCII without quotes or backslashes, which a string literal holds as it
    /// is between its quotes: what ``SwiftLiteral/string(_:)`` quotes without escaping anything. The
    /// renderer then writes the quotes and the text as pieces of the line, not as a literal made first.
    static func isPlain(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        } ?? false
    }
}
