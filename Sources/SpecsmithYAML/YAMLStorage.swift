import Foundation
import SpecsmithDiagnostics

/// The nodes of one tree in three flat arrays: one record per node, the children of every
/// collection, and the UTF-8 text of every scalar. A loaded file is one storage, written once by the
/// loader and never changed after, so it costs a handful of allocations to build and to free however
/// many nodes it holds. ``YAMLNode``, ``YAMLSequence`` and ``YAMLMapping`` are handles into it.
///
/// A scalar's `String` is made only when a reader asks for it: most scalars are keys that the loader
/// only compares with its keywords, which it does on the bytes.
///
/// The storage and its records are `@usableFromInline`, so that the nodes' accessors that the loader
/// calls for every key and value are inlined into it, across the module boundary.
@usableFromInline
final class YAMLStorage: Sendable {
    @usableFromInline let records: [NodeRecord]
    /// The items of each sequence, and the keys and values of each mapping in pairs, as positions
    /// in ``records``; each collection's children are contiguous.
    @usableFromInline let children: [Int32]
    /// The UTF-8 text of each scalar, one after the other; a tagged scalar's text is followed by its
    /// tag and a zero byte.
    @usableFromInline let bytes: [UInt8]

    init(records: [NodeRecord], children: [Int32], bytes: [UInt8]) {
        self.records = records
        self.children = children
        self.bytes = bytes
    }

    /// A storage with no nodes, for empty mappings made outside a parse.
    static let empty = YAMLStorage(records: [], children: [], bytes: [])

    /// The text of a scalar's record: a `String` made from its bytes each time it is asked for.
    @inlinable @inline(__always)
    func text(_ record: NodeRecord) -> String {
        withBytes(of: record) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of a scalar's text.
    @inlinable @inline(__always)
    func withBytes<Result>(of record: NodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in
            let first = Int(record.first)
            return body(UnsafeBufferPointer(rebasing: all[first..<first + Int(record.count)]))
        }
    }

    /// Whether a record is a scalar whose text has these code points; `length` is the text's UTF-8
    /// length. Most keys differ in length, which the record tells; the rest compare their bytes.
    @inlinable @inline(__always)
    func isScalar(_ record: NodeRecord, withText text: String, length: Int) -> Bool {
        guard record.kind == .scalar, Int(record.count) == length else { return false }
        guard length > 0 else { return true }
        let same = text.utf8.withContiguousStorageIfAvailable { key in
            bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + Int(record.first), key.baseAddress!, length) == 0 }
        }
        return same ?? withBytes(of: record) { $0.elementsEqual(text.utf8) }
    }

    /// The UTF-8 length of a scalar's text.
    @inlinable @inline(__always)
    func textLength(_ record: NodeRecord) -> Int { Int(record.count) }

    /// The scalar a scalar's record describes.
    @inline(__always)
    func scalar(_ record: NodeRecord) -> YAMLScalar {
        YAMLScalar(text(record), style: record.style, tag: record.hasTag ? tag(record) : nil)
    }

    /// The tag that follows a tagged scalar's text, up to its zero byte.
    private func tag(_ record: NodeRecord) -> String {
        bytes.withUnsafeBufferPointer { all in
            let rest = UnsafeBufferPointer(rebasing: all[(Int(record.first) + Int(record.count))...])
            return String(decoding: rest[..<(rest.firstIndex(of: 0) ?? rest.endIndex)], as: UTF8.self)
        }
    }
}

@usableFromInline
enum NodeKind: UInt8, Sendable {
    case scalar, sequence, mapping
}

/// One node of a ``YAMLStorage``: 24 bytes, with no reference to count.
@usableFromInline
struct NodeRecord: Sendable {
    @usableFromInline var location: SourceLocation
    /// Where a scalar's text starts in ``YAMLStorage/bytes``; a collection's first child in
    /// ``YAMLStorage/children``.
    @usableFromInline var first: Int32
    /// How many items a sequence has, or entries a mapping; for a scalar, the UTF-8 length of its
    /// text, so that keys of other lengths are passed over without reading their bytes.
    @usableFromInline var count: Int32
    @usableFromInline var kind: NodeKind
    /// A scalar's style; `.plain` for a collection.
    @usableFromInline var style: YAMLScalar.Style
    /// A scalar's meaning, resolved once when the node is made; `.string` for a collection.
    @usableFromInline var resolved: ScalarKind
    /// Whether a scalar's tag follows its text in ``YAMLStorage/bytes``.
    @usableFromInline var hasTag: Bool
}

/// Writes the arrays of a ``YAMLStorage`` node by node: used by the loader's ``TreeBuilder`` and by
/// ``YAMLNode``'s initializers for nodes made outside a parse. A collection is written after its
/// children, so that their positions are known.
///
/// The nodes are written into ``GrowingBuffer``s rather than arrays: an array checks that its buffer is not
/// shared on every write, three times a scalar. Whoever holds a writer frees its buffers: ``finish()``,
/// ``takeArrays()`` (which hands them to ``Arrays``) or ``deallocate()``.
struct StorageWriter {
    private var records: GrowingBuffer<NodeRecord>
    /// The collections' children.
    private var children: GrowingBuffer<Int32>
    /// The scalars' texts.
    private var bytes: GrowingBuffer<UInt8>
    var textBytes: Int { bytes.count }

    init() {
        self.init(expectedNodes: 0, textBytes: 0)
    }

    /// A writer with room for about `nodes` nodes and `textBytes` bytes of scalars' text before its
    /// buffers grow. Room reserved and never written costs no memory.
    init(expectedNodes nodes: Int, textBytes expectedBytes: Int) {
        records = GrowingBuffer(capacity: nodes)
        children = GrowingBuffer(capacity: nodes)
        bytes = GrowingBuffer(capacity: expectedBytes)
    }

    /// Appends a scalar, resolving its meaning; returns its position.
    mutating func appendScalar(_ text: String, style: YAMLScalar.Style, tag: String?, at location: SourceLocation)
        -> Int32
    {
        var text = text
        return text.withUTF8 {
            appendScalar(
                utf8: $0,
                style: style,
                tag: tag,
                resolved: ScalarKind(utf8: $0, style: style, tag: tag),
                at: location
            )
        }
    }

    /// Appends a scalar whose text is these UTF-8 bytes and whose meaning is resolved already;
    /// returns its position. The bytes are copied, and a tag after them.
    @inline(__always)
    mutating func appendScalar(
        utf8 text: UnsafeBufferPointer<UInt8>,
        style: YAMLScalar.Style,
        tag: String?,
        resolved: ScalarKind,
        at location: SourceLocation
    ) -> Int32 {
        let record = NodeRecord(
            location: location,
            first: Int32(bytes.count),
            count: Int32(text.count),
            kind: .scalar,
            style: style,
            resolved: resolved,
            hasTag: tag != nil
        )
        bytes.append(contentsOf: text)
        if let tag {
            var ended = tag + "\0"
            ended.withUTF8 { bytes.append(contentsOf: $0) }
        }
        return append(record)
    }

    /// Appends a sequence of the items at `children`, or a mapping of the keys and values at
    /// `children` in pairs; returns its position.
    @inline(__always)
    mutating func appendCollection(_ kind: NodeKind, children slice: ArraySlice<Int32>, at location: SourceLocation)
        -> Int32
    {
        slice.withUnsafeBufferPointer { appendCollection(kind, children: $0, at: location) }
    }

    /// Appends a sequence of the items at `children`, or a mapping of the keys and values there in pairs;
    /// returns its position.
    @inline(__always)
    mutating func appendCollection(
        _ kind: NodeKind,
        children slice: UnsafeBufferPointer<Int32>,
        at location: SourceLocation
    ) -> Int32 {
        let record = NodeRecord(
            location: location,
            first: Int32(children.count),
            count: Int32(kind == .mapping ? slice.count / 2 : slice.count),
            kind: kind,
            style: .plain,
            resolved: .string,
            hasTag: false
        )
        children.append(contentsOf: slice)
        return append(record)
    }

    /// Appends a node located at `location` that shares the content (text, or children) of the
    /// node at `original`; returns its position.
    @inline(__always)
    mutating func appendAlias(of original: Int32, at location: SourceLocation) -> Int32 {
        var record = records[Int(original)]
        record.location = location
        return append(record)
    }

    /// Appends a copy of a node of any tree, its subtree included; returns its position.
    mutating func copy(_ node: YAMLNode) -> Int32 {
        let record = node.record
        switch record.kind {
        case .scalar:
            let scalar = node.storage.scalar(record)
            return appendScalar(scalar.text, style: scalar.style, tag: scalar.tag, at: record.location)
        case .sequence, .mapping:
            let start = Int(record.first)
            let slots = Int(record.count) * (record.kind == .mapping ? 2 : 1)
            let copied = node.storage.children[start..<start + slots].map { copy(YAMLNode(node.storage, $0)) }
            return appendCollection(record.kind, children: copied[...], at: record.location)
        }
    }

    /// The record at `index`, written before.
    @inline(__always)
    subscript(index: Int32) -> NodeRecord { records[Int(index)] }

    /// Calls `body` with all the bytes written so far.
    @inline(__always)
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(bytes.elements)
    }

    /// Whether two scalars' records have the same text, byte for byte.
    func haveSameText(_ first: NodeRecord, _ second: NodeRecord) -> Bool {
        guard first.count == second.count else { return false }
        return first.count == 0
            || withBytes {
                memcmp($0.baseAddress! + Int(first.first), $0.baseAddress! + Int(second.first), Int(first.count)) == 0
            }
    }

    /// The text of a scalar's record.
    func text(_ record: NodeRecord) -> String {
        withBytes {
            let first = Int(record.first)
            return String(decoding: UnsafeBufferPointer(rebasing: $0[first..<first + Int(record.count)]), as: UTF8.self)
        }
    }

    /// The buffers of a storage, before it is made; freed with this object.
    final class Arrays {
        private let recordBuffer: GrowingBuffer<NodeRecord>
        private let childBuffer: GrowingBuffer<Int32>
        private let byteBuffer: GrowingBuffer<UInt8>

        fileprivate init(
            records: GrowingBuffer<NodeRecord>,
            children: GrowingBuffer<Int32>,
            bytes: GrowingBuffer<UInt8>
        ) {
            recordBuffer = records
            childBuffer = children
            byteBuffer = bytes
        }

        deinit {
            recordBuffer.deallocate()
            childBuffer.deallocate()
            byteBuffer.deallocate()
        }

        var records: UnsafeBufferPointer<NodeRecord> { recordBuffer.elements }
        var children: UnsafeBufferPointer<Int32> { childBuffer.elements }
        var bytes: UnsafeBufferPointer<UInt8> { byteBuffer.elements }
    }

    /// Copies the nodes written into a new storage and frees the writer's buffers, leaving it empty (and
    /// holding no memory).
    mutating func finish() -> YAMLStorage {
        let storage = YAMLStorage(
            records: Array(records.elements),
            children: Array(children.elements),
            bytes: Array(bytes.elements)
        )
        deallocate()
        self = StorageWriter()
        return storage
    }

    /// Hands the buffers written over, leaving the writer empty (and holding no memory).
    mutating func takeArrays() -> Arrays {
        let arrays = Arrays(records: records, children: children, bytes: bytes)
        self = StorageWriter()
        return arrays
    }

    /// Frees the buffers; the writer is not to be used after.
    func deallocate() {
        records.deallocate()
        children.deallocate()
        bytes.deallocate()
    }

    @inline(__always)
    private mutating func append(_ record: NodeRecord) -> Int32 {
        records.append(record)
        return Int32(records.count - 1)
    }
}

/// A run of plain values in memory allocated and freed by its owner (``deallocate()``), which grows as
/// an array does. Unlike an array's, its writes check only the room left: an array checks that its
/// buffer is not shared on every write (a call of about fifteen instructions). The elements are never
/// deinitialized, so they must hold no references (`NodeRecord` is not `BitwiseCopyable` to the compiler
/// only because its `SourceLocation` is a public type of another module).
struct GrowingBuffer<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    /// A buffer with room for `capacity` elements; with none, it allocates nothing until written to.
    init(capacity: Int) {
        assert(_isPOD(Element.self), "a growing buffer's elements must hold no references")
        self.capacity = capacity
        base = capacity > 0 ? .allocate(capacity: capacity) : Self.nothingAllocated
    }

    /// The address of a buffer with no room: never read nor freed.
    private static var nothingAllocated: UnsafeMutablePointer<Element> {
        UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }

    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "index out of range")
            base[index] = newValue
        }
    }

    @inline(__always)
    mutating func removeLast() -> Element {
        precondition(count > 0, "no element to remove")
        count -= 1
        return base[count]
    }

    /// Drops the elements from position `newCount` on.
    @inline(__always)
    mutating func removeAll(from newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "a buffer's elements can only be dropped")
        count = newCount
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(toHold: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf source: UnsafeBufferPointer<Element>) {
        guard let start = source.baseAddress else { return }
        if capacity - count < source.count { grow(toHold: count + source.count) }
        (base + count).initialize(from: start, count: source.count)
        count += source.count
    }

    /// Moves the elements to room for at least `minimum`, twice as much as there was at least.
    @inline(never)
    private mutating func grow(toHold minimum: Int) {
        let grown = max(minimum, capacity * 2, 16)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: grown)
        moved.initialize(from: base, count: count)
        deallocate()
        base = moved
        capacity = grown
    }

    func deallocate() {
        if capacity > 0 { base.deallocate() }
    }
}
