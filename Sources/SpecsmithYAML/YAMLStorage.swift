import SpecsmithDiagnostics

/// The nodes of one tree in three flat arrays: one record per node, the children of every
/// collection, and the text of every scalar. A loaded file is one storage, written once by the
/// loader and never changed after, so it costs a handful of allocations to build and to free however
/// many nodes it holds. ``YAMLNode``, ``YAMLSequence`` and ``YAMLMapping`` are handles into it.
///
/// The storage and its records are `@usableFromInline`, so that the nodes' accessors that the loader
/// calls for every key and value are inlined into it, across the module boundary.
@usableFromInline
final class YAMLStorage: Sendable {
    @usableFromInline let records: [NodeRecord]
    /// The items of each sequence, and the keys and values of each mapping in pairs, as positions
    /// in ``records``; each collection's children are contiguous.
    @usableFromInline let children: [Int32]
    /// The text of each scalar, followed by its tag when it has one.
    @usableFromInline let texts: [String]

    init(records: [NodeRecord], children: [Int32], texts: [String]) {
        self.records = records
        self.children = children
        self.texts = texts
    }

    /// A storage with no nodes, for empty mappings made outside a parse.
    static let empty = YAMLStorage(records: [], children: [], texts: [])

    /// The text of a scalar's record.
    @inlinable @inline(__always)
    func text(_ record: NodeRecord) -> String { texts[Int(record.first)] }

    /// Whether a record is a scalar whose text has these code points; `length` is the text's UTF-8
    /// length. Most keys differ in length, which the record tells without reading the `String`.
    @inlinable @inline(__always)
    func isScalar(_ record: NodeRecord, withText text: String, length: Int) -> Bool {
        record.kind == .scalar && Int(record.count) == min(length, Int(Int32.max))
            && texts[Int(record.first)].hasSameCodePoints(as: text)
    }

    /// The UTF-8 length of a scalar's text.
    @inlinable @inline(__always)
    func textLength(_ record: NodeRecord) -> Int {
        record.count < Int32.max ? Int(record.count) : texts[Int(record.first)].utf8.count
    }

    /// The scalar a scalar's record describes.
    @inline(__always)
    func scalar(_ record: NodeRecord) -> YAMLScalar {
        YAMLScalar(
            texts[Int(record.first)],
            style: record.style,
            tag: record.hasTag ? texts[Int(record.first) + 1] : nil
        )
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
    /// A scalar's text in ``YAMLStorage/texts``; a collection's first child in ``YAMLStorage/children``.
    @usableFromInline var first: Int32
    /// How many items a sequence has, or entries a mapping; for a scalar, the UTF-8 length of its
    /// text (at most `Int32.max`), so that keys of other lengths are passed over without reading
    /// their `String`.
    @usableFromInline var count: Int32
    @usableFromInline var kind: NodeKind
    /// A scalar's style; `.plain` for a collection.
    @usableFromInline var style: YAMLScalar.Style
    /// A scalar's meaning, resolved once when the node is made; `.string` for a collection.
    @usableFromInline var resolved: ScalarKind
    /// Whether a scalar's tag follows its text in ``YAMLStorage/texts``.
    @usableFromInline var hasTag: Bool
}

/// Writes the arrays of a ``YAMLStorage`` node by node: used by the loader's ``TreeBuilder`` and by
/// ``YAMLNode``'s initializers for nodes made outside a parse. A collection is written after its
/// children, so that their positions are known.
struct StorageWriter {
    private var records: [NodeRecord] = []
    private var children: [Int32] = []
    private var texts: [String] = []

    init() {}

    /// A writer with room for about `nodes` nodes before its arrays grow.
    init(expectedNodes nodes: Int) {
        records.reserveCapacity(nodes)
        children.reserveCapacity(nodes)
        texts.reserveCapacity(nodes)
    }

    /// Appends a scalar, resolving its meaning; returns its position.
    @inline(__always)
    mutating func appendScalar(_ text: String, style: YAMLScalar.Style, tag: String?, at location: SourceLocation)
        -> Int32
    {
        appendScalar(text, style: style, tag: tag, resolved: ScalarKind(text: text, style: style, tag: tag), at: location)
    }

    /// Appends a scalar whose meaning is resolved already; returns its position. The text is taken
    /// over, not copied.
    @inline(__always)
    mutating func appendScalar(
        _ text: consuming String,
        style: YAMLScalar.Style,
        tag: String?,
        resolved: ScalarKind,
        at location: SourceLocation
    ) -> Int32 {
        let record = NodeRecord(
            location: location,
            first: Int32(texts.count),
            count: Int32(clamping: text.utf8.count),
            kind: .scalar,
            style: style,
            resolved: resolved,
            hasTag: tag != nil
        )
        texts.append(consume text)
        if let tag { texts.append(tag) }
        return append(record)
    }

    /// Appends a sequence of the items at `children`, or a mapping of the keys and values at
    /// `children` in pairs; returns its position.
    @inline(__always)
    mutating func appendCollection(_ kind: NodeKind, children slice: ArraySlice<Int32>, at location: SourceLocation)
        -> Int32
    {
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

    /// Appends a sequence of the items of `pending` from position `first` on, or a mapping of the keys
    /// and values there in pairs; returns its position. The positions are copied from the array's
    /// buffer in place, without a slice that would count a reference on it.
    @inline(__always)
    mutating func appendCollection(
        _ kind: NodeKind,
        children pending: [Int32],
        from first: Int,
        at location: SourceLocation
    ) -> Int32 {
        let count = pending.count - first
        let record = NodeRecord(
            location: location,
            first: Int32(children.count),
            count: Int32(kind == .mapping ? count / 2 : count),
            kind: kind,
            style: .plain,
            resolved: .string,
            hasTag: false
        )
        pending.withUnsafeBufferPointer { children.append(contentsOf: UnsafeBufferPointer(rebasing: $0[first...])) }
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

    /// The text of a scalar's record.
    @inline(__always)
    func text(_ record: NodeRecord) -> String { texts[Int(record.first)] }

    /// The arrays of a storage, before it is made.
    struct Arrays {
        var records: [NodeRecord] = []
        var children: [Int32] = []
        var texts: [String] = []
    }

    /// Hands the arrays written over to a new storage, leaving the writer empty.
    mutating func finish() -> YAMLStorage {
        let arrays = takeArrays()
        return YAMLStorage(records: arrays.records, children: arrays.children, texts: arrays.texts)
    }

    /// Hands the arrays written over, leaving the writer empty.
    mutating func takeArrays() -> Arrays {
        let arrays = Arrays(records: records, children: children, texts: texts)
        self = StorageWriter()
        return arrays
    }

    @inline(__always)
    private mutating func append(_ record: NodeRecord) -> Int32 {
        records.append(record)
        return Int32(records.count - 1)
    }
}
