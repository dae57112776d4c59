/// A value a template reads: text, a flag, a list, or an object of named values.
///
/// The renderer builds these instead of `[String: Any]`, so that rendering never has to ask a value
/// what type it is at run time.
enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateContext)
    /// A list of text lines, such as a doc comment's: a `.list` of `.string`s, kept as the array it
    /// was built as.
    case lines([String])
    /// A list of objects: a `.list` of `.object`s, kept as the array it was built as.
    case objects([TemplateContext])
    /// Text as a ``TextWriter`` wrote it: what `.string` is, without a `String` of its own.
    case text(TextChunk, start: Int32, end: Int32)
    /// Lines as a ``TextWriter`` wrote them, each followed by a newline: what `.lines` is, without a
    /// `String` for each line or an array of them.
    case textLines(TextChunk, start: Int32, end: Int32)
}

/// The named values one template, or one item of a list, is rendered with.
///
/// A list of pairs rather than a dictionary: a context has a dozen or so keys, which compare faster than
/// they hash, and one allocation is cheaper to make and free than a hash table.
///
/// Unchecked `Sendable`: `ManagedBuffer` cannot be, but a context changes its storage only where no other context
/// shares it (``add(_:_:)`` copies it first otherwise).
struct TemplateContext: @unchecked Sendable, ExpressibleByDictionaryLiteral {
    /// Keys and values: a literal's array, or the storage of a context built with ``init(capacity:)``.
    ///
    /// An array's entries are freed by the runtime's generic code, each through `tuple_destroy` and the value
    /// witnesses of a key and a value (about 100 instructions an entry); the storage's by compiled code. A
    /// literal's pairs come as an array, which is kept rather than copied.
    private var storage: Storage

    private enum Storage {
        case literal([(TemplateKey, TemplateValue)])
        case built(ContextEntries)
    }

    /// A literal's keys are distinct, as a dictionary literal's must be: its pairs are taken as they are.
    init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) {
        storage = .literal(elements)
        assert(Set(elements.map(\.0)).count == elements.count, "a key appears twice in a context literal")
    }

    /// The value of `key`; setting one replaces the value of the same key.
    subscript(key: TemplateKey) -> TemplateValue? {
        get { withEntries { entries in Self.index(of: key, in: entries).map { entries[$0].1 } } }
        set {
            // Rare (a few times a document): the entries are copied to an array, which is changed.
            var entries = withEntries { Array($0) }
            if let index = entries.firstIndex(where: { $0.0 == key }) {
                if let newValue { entries[index].1 = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
            storage = .literal(entries)
        }
    }
}

/// The entries of a context built with ``TemplateContext/init(capacity:)``, which its header counts.
final class ContextEntries: ManagedBuffer<(count: Int, capacity: Int), (TemplateKey, TemplateValue)> {
    /// Storage with room for `capacity` entries (at least one), none of them there yet.
    static func make(capacity: Int) -> ContextEntries {
        let capacity = max(capacity, 1)
        return unsafeDowncast(create(minimumCapacity: capacity) { _ in (0, capacity) }, to: ContextEntries.self)
    }

    /// Each entry's value destroyed alone (its key is a plain byte): a key and value together, or several entries
    /// at once, would be handed to the runtime's generic code, as an array's entries are.
    deinit {
        withUnsafeMutablePointers { header, entries in
            for index in 0..<header.pointee.count {
                UnsafeMutableRawPointer(entries + index).advanced(by: TemplateContext.valueOffset)
                    .assumingMemoryBound(to: TemplateValue.self).deinitialize(count: 1)
            }
        }
    }
}

extension TemplateContext {
    /// An empty context with room for `capacity` entries, which ``add(_:_:)`` then adds without moving the ones
    /// added before to larger storage.
    init(capacity: Int) {
        storage = .built(.make(capacity: capacity))
    }

    /// Adds `value` under `key`, which the context does not have (checked in debug builds only): what the
    /// subscript's setter does then, without first looking for a value to replace.
    ///
    /// The value is consumed: a value made for the context (a text, lines) moves into it, where a borrowed
    /// one was copied in, its chunk or array retained, and the caller's released after the call. Inlined, as
    /// appending to an array was: a call cost about 40 instructions of its own, a dozen times a property.
    @inline(__always)
    mutating func add(_ key: TemplateKey, _ value: consuming TemplateValue) {
        assert(self[key] == nil, "the context has \(key) already")
        guard case .built(var entries) = storage else { return addToLiteral(key, value) }
        storage = .literal([])
        // The header and entries are reached through pointers, which stay put while the storage lives: a
        // `ManagedBuffer`'s `header` property is checked for exclusive access at every use.
        var (header, elements) = entries.withUnsafeMutablePointers { ($0, $1) }
        if header.pointee.count == header.pointee.capacity || !isKnownUniquelyReferenced(&entries) {
            entries = Self.copy(entries, capacity: 2 * header.pointee.capacity)
            (header, elements) = entries.withUnsafeMutablePointers { ($0, $1) }
        }
        (elements + header.pointee.count).initialize(to: (key, consume value))
        header.pointee.count += 1
        storage = .built(entries)
    }

    /// ``add(_:_:)`` for a literal's context: its array grows.
    private mutating func addToLiteral(_ key: TemplateKey, _ value: consuming TemplateValue) {
        guard case .literal(var entries) = storage else { preconditionFailure("a built context's entries") }
        storage = .literal([])
        entries.append((key, consume value))
        storage = .literal(entries)
    }

    /// A copy of `entries` with room for `capacity`: for an entry more than a built context has room for, or
    /// one added to a copy of the context. Rare, and kept out of the inlined ``add(_:_:)``.
    @inline(never)
    private static func copy(_ entries: ContextEntries, capacity: Int) -> ContextEntries {
        let copy = ContextEntries.make(capacity: capacity)
        entries.withUnsafeMutablePointers { header, entries in
            copy.withUnsafeMutablePointers { copyHeader, copyEntries in
                copyEntries.initialize(from: entries, count: header.pointee.count)
                copyHeader.pointee.count = header.pointee.count
            }
        }
        return copy
    }

    /// Calls `body` with the keys and values where they are stored, which stay put while the context lives (and
    /// it does through the call). Found first and passed to one call of `body`, so that inlined code holds
    /// `body` once.
    func withEntries<R, E>(_ body: (UnsafeBufferPointer<(TemplateKey, TemplateValue)>) throws(E) -> R) throws(E) -> R {
        let entries: UnsafeBufferPointer<(TemplateKey, TemplateValue)> =
            switch storage {
            case .literal(let entries): entries.withUnsafeBufferPointer { $0 }
            case .built(let entries):
                entries.withUnsafeMutablePointers { UnsafeBufferPointer(start: $1, count: $0.pointee.count) }
            }
        return try body(entries)
    }

    /// Where the value of `key` is among `entries`, or `nil` when there is none.
    static func value(of key: TemplateKey, in entries: UnsafeBufferPointer<(TemplateKey, TemplateValue)>)
        -> UnsafePointer<TemplateValue>?
    {
        guard let index = index(of: key, in: entries) else { return nil }
        return value(at: index, in: entries)
    }

    /// Where the value of `key` is among `entries`, or `nil` when there is none, looked for first at `hint`,
    /// which is then where it was found. The items of a list are alike, each a context built by the same
    /// code with its keys in the same order: where a name was found in one item, it nearly always is in
    /// the next, and one comparison finds it there. A byte, so that a rendering sets its hints to zero
    /// cheaply (one per name of every template). A context holds each key once, and there are fewer than 256
    /// keys, so that where a key is found fits; were it not so, a hint is only where to look first.
    static func value(
        of key: TemplateKey, in entries: UnsafeBufferPointer<(TemplateKey, TemplateValue)>, hint: inout UInt8
    ) -> UnsafePointer<TemplateValue>? {
        let hinted = Int(hint)
        if hinted < entries.count, entries[hinted].0 == key { return value(at: hinted, in: entries) }
        guard let index = index(of: key, in: entries) else { return nil }
        hint = UInt8(truncatingIfNeeded: index)
        return value(at: index, in: entries)
    }

    /// Where the value of entry `index` is.
    private static func value(
        at index: Int, in entries: UnsafeBufferPointer<(TemplateKey, TemplateValue)>
    ) -> UnsafePointer<TemplateValue> {
        UnsafeRawPointer(entries.baseAddress! + index).advanced(by: valueOffset)
            .assumingMemoryBound(to: TemplateValue.self)
    }

    /// The index of `key` among `entries`, or `nil` when there is none.
    ///
    /// Each key is read as the byte it is, where it is stored (first in its entry): a name that the innermost
    /// contexts do not hold is looked for through each of their entries (about 7 instructions an entry through
    /// the indices, 5 so).
    private static func index(of key: TemplateKey, in entries: UnsafeBufferPointer<(TemplateKey, TemplateValue)>)
        -> Int?
    {
        guard let base = entries.baseAddress else { return nil }
        let start = UnsafeRawPointer(base)
        let end = start + entries.count &* stride
        var entry = start
        while entry != end {
            if entry.load(as: TemplateKey.self) == key { return (entry - start) / stride }
            entry += stride
        }
        return nil
    }

    /// The distance between entries.
    private static var stride: Int { MemoryLayout<(TemplateKey, TemplateValue)>.stride }

    /// Where an entry's value is in it. Computed rather than stored: the optimizer folds it to a constant,
    /// where a `static let` is a call that checks it is initialized at every lookup.
    static var valueOffset: Int {
        MemoryLayout<(TemplateKey, TemplateValue)>.offset(of: \(TemplateKey, TemplateValue).1)!
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) {
        var context: TemplateContext = [:]
        for (key, value) in elements { context[key] = value }
        self = .object(context)
    }
}
