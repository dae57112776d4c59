public import SpecsmithDiagnostics

/// A node of a YAML (or JSON) document, with the place it came from.
///
/// A node is a handle: the storage of the tree it belongs to (flat arrays of all its nodes, shared by
/// them) and its position there. Copying a node copies the handle, never the subtree, and a node keeps its whole tree alive.
/// An alias is a node of its own, located at the alias, that shares the anchored node's content: its
/// children are the anchored node's children, with their locations (the budget set by ``YAMLLimits``
/// counts every alias as its anchor's size all the same).
///
/// Equality is structural: two nodes are equal when they have the same location and the same content,
/// whichever trees hold them.
public struct YAMLNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence(YAMLSequence)
        case mapping(YAMLMapping)
    }

    // The handle's parts and its plain accessors are inlinable: the loader reads every key and value through them.
    @usableFromInline let storage: YAMLStorage
    @usableFromInline let index: Int32

    @inlinable
    init(_ storage: YAMLStorage, _ index: Int32) {
        self.storage = storage
        self.index = index
    }

    @inlinable @inline(__always)
    var record: NodeRecord { storage.records[Int(index)] }

    /// A scalar made outside a parse, in a tree of its own.
    public init(_ scalar: YAMLScalar, at location: SourceLocation) {
        var writer = StorageWriter()
        let index = writer.appendScalar(scalar.text, style: scalar.style, tag: scalar.tag, at: location)
        self.init(writer.finish(), index)
    }

    /// A sequence made outside a parse, in a tree of its own that holds a copy of each item.
    public init(sequence items: some Sequence<YAMLNode>, at location: SourceLocation) {
        var writer = StorageWriter()
        let children = items.map { writer.copy($0) }
        let index = writer.appendCollection(.sequence, children: children[...], at: location)
        self.init(writer.finish(), index)
    }

    /// A mapping made outside a parse, in a tree of its own that holds a copy of each key and value.
    /// Keys are taken as given: nothing checks them for duplicates.
    public init(mapping entries: some Sequence<YAMLMapping.Entry>, at location: SourceLocation) {
        var writer = StorageWriter()
        var children: [Int32] = []
        for entry in entries {
            children.append(writer.copy(entry.key))
            children.append(writer.copy(entry.value))
        }
        let index = writer.appendCollection(.mapping, children: children[...], at: location)
        self.init(writer.finish(), index)
    }

    /// The same node, read through a storage object of its own that shares the tree's arrays.
    ///
    /// Every node handle made from a node counts a reference on its storage object. Threads that read
    /// parts of one tree at the same time would all count on one object, and that is slower than
    /// reading the parts one after the other; each thread should read its part through a node of its own.
    package func withOwnStorage() -> YAMLNode {
        YAMLNode(YAMLStorage(records: storage.records, children: storage.children, bytes: storage.bytes), index)
    }

    /// What the node holds. ``scalar``, ``sequence`` and ``mapping`` read one kind directly.
    public var content: Content {
        let record = record
        switch record.kind {
        case .scalar: return .scalar(storage.scalar(record))
        case .sequence: return .sequence(YAMLSequence(storage, record))
        case .mapping: return .mapping(YAMLMapping(storage, record))
        }
    }

    /// Where the node starts: for a mapping or sequence its first key or item (or its `{`/`[`),
    /// for a scalar its first character (the quote, for a quoted scalar). An alias's node is where
    /// the alias is.
    @inlinable
    public var location: SourceLocation { record.location }

    public var scalar: YAMLScalar? {
        let record = record
        return record.kind == .scalar ? storage.scalar(record) : nil
    }

    @inlinable
    public var sequence: YAMLSequence? {
        let record = record
        return record.kind == .sequence ? YAMLSequence(storage, record) : nil
    }

    @inlinable
    public var mapping: YAMLMapping? {
        let record = record
        return record.kind == .mapping ? YAMLMapping(storage, record) : nil
    }

    /// A scalar's text, read without making a ``YAMLScalar``.
    @inlinable @inline(__always)
    var text: String? {
        let record = record
        return record.kind == .scalar ? storage.text(record) : nil
    }

    /// Calls `body` with the UTF-8 bytes of a scalar's text, else returns `nil`: ``text`` read without
    /// making its `String`.
    @inlinable @inline(__always)
    package func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let record = record
        return record.kind == .scalar ? storage.withBytes(of: record, body) : nil
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        if lhs.storage === rhs.storage, lhs.index == rhs.index { return true }
        return lhs.location == rhs.location && lhs.content == rhs.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        hasher.combine(content)
    }
}

/// A scalar as written: its text after unescaping and folding, its style, and its tag if one was given.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    public var text: String
    public var style: Style
    /// The resolved tag when the document gave one (`tag:yaml.org,2002:str` for `!!str`), else `nil`.
    public var tag: String?

    public init(_ text: String, style: Style = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }
}

/// The items of a sequence node, in document order: a view of the tree that holds them.
public struct YAMLSequence: Sendable, Hashable, RandomAccessCollection {
    @usableFromInline let storage: YAMLStorage
    /// Where the items start in ``YAMLStorage/children``.
    @usableFromInline let first: Int
    public let count: Int

    @inlinable
    init(_ storage: YAMLStorage, _ record: NodeRecord) {
        self.storage = storage
        self.first = Int(record.first)
        self.count = Int(record.count)
    }

    /// An empty sequence.
    public init() {
        storage = .empty
        first = 0
        count = 0
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable
    public subscript(position: Int) -> YAMLNode {
        precondition(position >= 0 && position < count, "YAMLSequence index out of range")
        return YAMLNode(storage, storage.children[first + position])
    }

    public static func == (lhs: YAMLSequence, rhs: YAMLSequence) -> Bool {
        if lhs.storage === rhs.storage, lhs.first == rhs.first, lhs.count == rhs.count { return true }
        return lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for item in self { hasher.combine(item) }
    }
}

/// A mapping whose entries keep document order: a view of the tree that holds them. Keys are nodes
/// (usually scalars); integer-looking keys such as `200` stay text.
public struct YAMLMapping: Sendable, Hashable, RandomAccessCollection {
    public struct Entry: Sendable, Hashable {
        public var key: YAMLNode
        public var value: YAMLNode

        @inlinable
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }

        /// The key's text when the key is a scalar, else `nil`.
        @inlinable public var keyText: String? { key.text }
    }

    @usableFromInline let storage: YAMLStorage
    /// Where the entries start in ``YAMLStorage/children``: each is a key and a value.
    @usableFromInline let first: Int
    public let count: Int

    @inlinable
    init(_ storage: YAMLStorage, _ record: NodeRecord) {
        self.storage = storage
        self.first = Int(record.first)
        self.count = Int(record.count)
    }

    /// An empty mapping.
    public init() {
        storage = .empty
        first = 0
        count = 0
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable
    public subscript(position: Int) -> Entry {
        precondition(position >= 0 && position < count, "YAMLMapping index out of range")
        let slot = first + 2 * position
        return Entry(
            key: YAMLNode(storage, storage.children[slot]),
            value: YAMLNode(storage, storage.children[slot + 1])
        )
    }

    /// The value of the entry at `position`: `self[position].value` without making the key's node,
    /// which counts a reference on the tree.
    @inlinable @inline(__always)
    package func value(at position: Int) -> YAMLNode {
        precondition(position >= 0 && position < count, "YAMLMapping index out of range")
        return YAMLNode(storage, storage.children[first + 2 * position + 1])
    }

    /// The text of the key at `position` when it is a scalar, else `nil`: `self[position].keyText`
    /// without making the entry.
    @inlinable @inline(__always)
    public func keyText(at position: Int) -> String? {
        precondition(position >= 0 && position < count, "YAMLMapping index out of range")
        let record = keyRecord(at: position)
        return record.kind == .scalar ? storage.text(record) : nil
    }

    /// Calls `body` with the UTF-8 bytes of the key at `position` when it is a scalar, else returns `nil`:
    /// the key read without making its `String`.
    @inlinable @inline(__always)
    package func withKeyBytes<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        precondition(position >= 0 && position < count, "YAMLMapping index out of range")
        let record = keyRecord(at: position)
        return record.kind == .scalar ? storage.withBytes(of: record, body) : nil
    }

    /// The tree's record of the key at `position`, which the key accessors read without making the key's node.
    @inlinable @inline(__always)
    func keyRecord(at position: Int) -> NodeRecord {
        storage.records[Int(storage.children[first + 2 * position])]
    }

    /// The value of the first entry whose scalar key has this text. Linear: iterate the mapping
    /// instead when reading every key of a large mapping.
    @inlinable
    public subscript(key: String) -> YAMLNode? {
        index(ofKey: key).map { YAMLNode(storage, storage.children[first + 2 * $0 + 1]) }
    }

    /// The position of the first entry whose scalar key has this text (the same code points).
    @inlinable
    public func index(ofKey key: String) -> Int? {
        // Lengths first, from the records: most keys differ in length. Keys compare by code points.
        let length = key.utf8.count
        for position in 0..<count {
            let record = keyRecord(at: position)
            if storage.isScalar(record, withText: key, length: length) { return position }
        }
        return nil
    }

    /// The UTF-8 length of the key at `position` when it is a scalar, else `nil`: read from the
    /// tree's record, without the key's `String`.
    @inlinable @inline(__always)
    package func keyLength(at position: Int) -> Int? {
        precondition(position >= 0 && position < count, "YAMLMapping index out of range")
        let record = keyRecord(at: position)
        return record.kind == .scalar ? storage.textLength(record) : nil
    }

    /// The entry whose scalar key has this text, with the key's own location.
    @inlinable
    public func entry(_ key: String) -> Entry? {
        index(ofKey: key).map { self[$0] }
    }

    public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool {
        if lhs.storage === rhs.storage, lhs.first == rhs.first, lhs.count == rhs.count { return true }
        return lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for entry in self { hasher.combine(entry) }
    }
}

/// A number exactly as the document wrote it, so that `multipleOf: 0.01` or a 20-digit integer lose
/// nothing on the way to generated code.
public struct YAMLNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number in JSON form: an optional `-`, digits, an optional fraction and exponent
    /// (`0777` becomes `777`, `+5` becomes `5`, `.5` becomes `0.5`). No `inf`/`nan`.
    public var text: String
    /// True when the text has no fraction and no exponent.
    public var isInteger: Bool

    public init(text: String, isInteger: Bool) {
        self.text = text
        self.isInteger = isInteger
    }

    public var description: String { text }
}
