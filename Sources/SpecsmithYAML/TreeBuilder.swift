internal import CYAML
import SpecsmithDiagnostics

/// Builds one ``YAMLNode`` tree from libyaml's events, enforcing ``YAMLLimits`` as the events stream
/// in and collecting every non-fatal problem (duplicate keys, tags, merge keys, unknown aliases).
///
/// Nodes are written into one ``YAMLStorage`` as they finish, a collection after its children.
/// Collections under construction sit on a stack of frames; the positions of their finished children
/// wait on one shared stack and are copied into the storage's children when the collection ends. An
/// alias is a node that shares the anchored node's content. A struct rather than a class, so that its
/// state is not checked for exclusive access at run time on every event.
///
/// Merge keys (`<<`) are refused: a plain, untagged `<<` key is an error, because OpenAPI has no use
/// for them and expanding them silently would hide where values come from.
struct TreeBuilder: ~Copyable {
    /// Why the event loop stopped early.
    private struct Fatal: Error {}

    /// A collection under construction. It holds nothing that counts references, so that pushing
    /// and popping one copies a few words: its anchor and its ``KeyIndex`` wait on stacks of their own.
    private struct Frame {
        var isMapping: Bool
        /// Whether the collection's anchor is the last of ``TreeBuilder/frameAnchors``.
        var hasAnchor: Bool
        /// Whether the mapping's key index is the last of ``TreeBuilder/keyIndexes``.
        var hasKeyIndex = false
        var location: SourceLocation
        /// ``TreeBuilder/treeNodes`` before this collection was counted.
        var firstTreeNode: Int
        /// Where this collection's children start on ``TreeBuilder/pending``: a mapping's keys and
        /// values alternate.
        var firstChild: Int
        /// The most levels of collections nested in any child so far (0 when only scalars).
        var childHeight = 0
        /// ``TreeBuilder/keyBits`` of the collection this one is in, restored when this one ends.
        var outerKeyBits: UInt64
    }

    private struct Anchored {
        var node: Int32
        /// Nodes in the anchored subtree, aliases inside it expanded.
        var size: Int
        /// Levels of collections in the anchored node, itself included (0 for a scalar), so that an
        /// alias cannot nest the tree deeper than ``YAMLLimits/maxDepth``.
        var height: Int
    }

    private struct AliasUse {
        var name: String
        var location: SourceLocation
        /// ``TreeBuilder/treeNodes`` right after this alias was expanded.
        var treeNodesAfter: Int
    }

    /// Mappings longer than this find duplicate keys with a ``KeyIndex`` instead of a linear search. Only
    /// keys whose bit in ``keyBits`` is taken are searched for, a few in a mapping of this length: fewer
    /// than the keys a table would hash.
    private static let linearKeySearchLimit = 32

    private let marks: Marks
    private let limits: YAMLLimits
    private let file: SourceFile
    private var stack: GrowingBuffer<Frame>
    private var writer: StorageWriter
    /// The finished children of the collections under construction. Ending a collection only sets the
    /// count back (an array's `removeSubrange`, a generic call, cost about 80 instructions a collection).
    private var pending = GrowingBuffer<Int32>(capacity: 256)
    /// The anchors of the collections under construction that have one, innermost last.
    private var frameAnchors: [String] = []
    /// The scalar keys of the mappings under construction that are too long for a linear search,
    /// innermost last.
    private var keyIndexes: [KeyIndex] = []
    /// The scalar keys of the innermost mapping under construction, each as one of 64 bits
    /// (``keyBit(_:)``): a key whose bit is not set yet differs from every earlier key, without a search.
    /// A mapping starts with the bit of `<<` set, so that a merge key is always looked at, and has every
    /// bit set once it has a ``KeyIndex``, so that every key goes into it. Kept here rather than in the
    /// mapping's ``Frame``, so that testing and setting a bit reads and writes no frame on the stack.
    private var keyBits: UInt64 = 0
    private var anchors: [String: Anchored] = [:]
    private var aliasUses: [AliasUse] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var root: Int32?
    private var documents = 0
    /// Nodes written out in the input: scalars, collections and aliases (each alias once, however
    /// large its anchor).
    private(set) var inputNodes = 0
    /// Nodes in the tree so far, aliases expanded.
    private(set) var treeNodes = 0
    /// The most levels of collections open at once, an alias's copy of its anchor included: what was
    /// checked against ``YAMLLimits/maxDepth``, kept so that a piece of a document parsed on its own
    /// can be checked again where it is placed.
    private(set) var deepestLevel = 0
    /// While streaming, the total node count is not known yet; the byte count bounds it, so the alias
    /// budget for that many nodes stops a runaway expansion early. The exact check runs at the end.
    private let streamingAliasBudget: Int

    init(marks: Marks, limits: YAMLLimits, inputBytes: Int) {
        self.marks = marks
        self.limits = limits
        self.file = marks.file
        self.streamingAliasBudget = limits.aliasBudget(inputNodes: inputBytes + 1)
        // Documents take some 16 to 24 bytes of input per node, and their scalars' texts fewer bytes than
        // the input, so the arrays rarely grow.
        writer = StorageWriter(expectedNodes: min(inputBytes / 16, 1 << 20) + 16, textBytes: inputBytes)
        stack = GrowingBuffer(capacity: min(limits.maxDepth, 64) + 1)
    }

    deinit {
        writer.deallocate()
        stack.deallocate()
        pending.deallocate()
    }

    /// Runs the event loop over `parser` and returns the root node, or `nil` when a diagnostic was
    /// recorded that stops the document from being used.
    mutating func build(_ parser: EventParser) -> YAMLNode? {
        guard let root = buildArrays(parser) else { return nil }
        return YAMLNode(writer.finish(), root)
    }

    /// Runs the event loop like ``build(_:)``, leaving the nodes in the builder's arrays
    /// (``takeArrays()``); returns the root's position there.
    mutating func buildArrays(_ parser: EventParser) -> Int32? {
        var event = yaml_event_t()
        do {
            while true {
                guard parser.next(&event) else {
                    diagnostics.append(SyntaxErrors.diagnostic(for: parser.parser, marks: marks))
                    return nil
                }
                defer { EventParser.release(&event) }
                if try handle(&event) { break }
            }
        } catch {
            return nil
        }
        guard diagnostics.isEmpty, let root else { return nil }
        return root
    }

    /// The nodes written by ``buildArrays(_:)``, handed over.
    mutating func takeArrays() -> StorageWriter.Arrays {
        writer.takeArrays()
    }

    /// Handles one event; true at the end of the stream.
    @inline(__always)
    private mutating func handle(_ event: inout yaml_event_t) throws(Fatal) -> Bool {
        switch event.type {
        case YAML_SCALAR_EVENT:
            try scalar(&event)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try startCollection(isMapping: true, anchor: data.anchor, tag: data.tag, mark: event.start_mark)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try startCollection(isMapping: false, anchor: data.anchor, tag: data.tag, mark: event.start_mark)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            endCollection()
        case YAML_ALIAS_EVENT:
            try alias(&event)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail(
                    "a second document starts here; a file must hold exactly one document",
                    at: marks.location(event.start_mark)
                )
                throw Fatal()
            }
        case YAML_STREAM_END_EVENT:
            try finish()
            return true
        default:
            break
        }
        return false
    }

    // MARK: Nodes

    @inline(__always)
    private mutating func scalar(_ event: inout yaml_event_t) throws(Fatal) {
        let data = event.data.scalar
        let location = marks.location(event.start_mark)
        guard data.length <= limits.maxScalarBytes else {
            fail(
                "a scalar of \(data.length) bytes is longer than the limit of \(limits.maxScalarBytes) bytes (maxScalarBytes)",
                at: location
            )
            throw Fatal()
        }
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let style: YAMLScalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let tag = data.tag.map { String(cString: $0) }
        let node: Int32
        // Escapes rewritten before parsing are put back into the text; its meaning is then read from
        // the text, else straight from libyaml's bytes, which the tree copies.
        if marks.hasRewrites && style != .doubleQuoted {
            var text = marks.rewrite.restore(
                String(decoding: bytes, as: UTF8.self),
                from: Int(event.start_mark.index),
                to: Int(event.end_mark.index)
            )
            if let tag { checkScalarTag(tag, text: text, at: location) }
            inputNodes += 1
            try count(1, at: location)
            let resolved = ScalarKind(text: text, style: style, tag: tag)
            try checkRoom(for: text.utf8.count, tag: tag, at: location)
            node = text.withUTF8 {
                writer.appendScalar(utf8: $0, style: style, tag: tag, resolved: resolved, at: location)
            }
        } else {
            if let tag { checkScalarTag(tag, text: String(decoding: bytes, as: UTF8.self), at: location) }
            inputNodes += 1
            try count(1, at: location)
            try checkRoom(for: bytes.count, tag: tag, at: location)
            // Apart from the tagged case: handing the absent tag on retained and released it for every scalar.
            if tag == nil {
                // Without ``ScalarKind/init(utf8:style:tag:)``'s switch over tags, a call of about 20 instructions.
                let resolved = ScalarKind.untagged(utf8: bytes, style: style)
                node = writer.appendScalar(utf8: bytes, style: style, tag: nil, resolved: resolved, at: location)
            } else {
                let resolved = ScalarKind(utf8: bytes, style: style, tag: tag)
                node = writer.appendScalar(utf8: bytes, style: style, tag: tag, resolved: resolved, at: location)
            }
        }
        if let anchor = data.anchor {
            anchors[String(cString: anchor)] = Anchored(node: node, size: 1, height: 0)
        }
        add(node, height: 0)
    }

    /// Stops the parse when a scalar's text of `count` bytes (and its tag) would make the tree's bytes
    /// outgrow the `Int32` positions its records hold.
    @inline(__always)
    private mutating func checkRoom(for count: Int, tag: String?, at location: SourceLocation) throws(Fatal) {
        guard writer.textBytes + count + (tag.map { $0.utf8.count + 1 } ?? 0) <= Int(Int32.max) else {
            fail(
                "the document's scalars hold more than \(Int32.max) bytes of text, more than one tree can hold",
                at: location
            )
            throw Fatal()
        }
    }

    @inline(__always)
    private mutating func startCollection(
        isMapping: Bool,
        anchor: UnsafeMutablePointer<yaml_char_t>?,
        tag rawTag: UnsafeMutablePointer<yaml_char_t>?,
        mark: yaml_mark_t
    ) throws(Fatal) {
        let location = marks.location(mark)
        guard stack.count < limits.maxDepth else {
            fail(
                "mappings and sequences nest deeper than the limit of \(limits.maxDepth) levels (maxDepth)",
                at: location
            )
            throw Fatal()
        }
        // A collection's tag is only checked: the tree keeps no tags on collections.
        if let rawTag {
            checkCollectionTag(String(cString: rawTag), isMapping: isMapping, at: location)
        }
        let first = treeNodes
        inputNodes += 1
        try count(1, at: location)
        if stack.count >= deepestLevel { deepestLevel = stack.count + 1 }
        if let anchor { frameAnchors.append(String(cString: anchor)) }
        stack.append(
            Frame(
                isMapping: isMapping,
                hasAnchor: anchor != nil,
                location: location,
                firstTreeNode: first,
                firstChild: pending.count,
                outerKeyBits: keyBits
            )
        )
        keyBits = Self.mergeKeyBit
    }

    @inline(__always)
    private mutating func endCollection() {
        guard !stack.isEmpty else { return }
        let frame = stack.removeLast()
        let node = writer.appendCollection(
            frame.isMapping ? .mapping : .sequence,
            children: UnsafeBufferPointer(rebasing: pending.elements[frame.firstChild...]),
            at: frame.location
        )
        pending.removeAll(from: frame.firstChild)
        keyBits = frame.outerKeyBits
        if frame.hasKeyIndex { keyIndexes.removeLast() }
        if frame.hasAnchor {
            let anchor = frameAnchors.removeLast()
            anchors[anchor] = Anchored(node: node, size: treeNodes - frame.firstTreeNode, height: frame.childHeight + 1)
        }
        add(node, height: frame.childHeight + 1)
    }

    private mutating func alias(_ event: inout yaml_event_t) throws(Fatal) {
        let name = String(cString: event.data.alias.anchor)
        let location = marks.location(event.start_mark)
        guard let anchored = anchors[name] else {
            diagnostics.append(.error("unknown alias *\(name): no anchor &\(name) comes before it", at: location))
            add(writer.appendScalar("", style: .plain, tag: nil, at: location), height: 0)
            return
        }
        inputNodes += 1
        try count(anchored.size, at: location)
        aliasUses.append(AliasUse(name: name, location: location, treeNodesAfter: treeNodes))
        guard treeNodes <= streamingAliasBudget else {
            failAliasBudget(alias: name, at: location)
            throw Fatal()
        }
        guard stack.count + anchored.height <= limits.maxDepth else {
            fail(
                "alias *\(name) nests mappings and sequences deeper than the limit of \(limits.maxDepth) levels (maxDepth)",
                at: location
            )
            throw Fatal()
        }
        deepestLevel = max(deepestLevel, stack.count + anchored.height)
        add(writer.appendAlias(of: anchored.node, at: location), height: anchored.height)
    }

    /// Counts nodes added to the tree against ``YAMLLimits/maxNodes``.
    @inline(__always)
    private mutating func count(_ nodes: Int, at location: SourceLocation) throws(Fatal) {
        treeNodes += nodes
        guard treeNodes <= limits.maxNodes else {
            fail("the document has more than \(limits.maxNodes) nodes (maxNodes)", at: location)
            throw Fatal()
        }
    }

    private mutating func failAliasBudget(alias name: String, at location: SourceLocation) {
        fail(
            "alias *\(name) expands the document beyond the alias expansion limit (maxAliasExpansionFactor: \(limits.maxAliasExpansionFactor))",
            at: location,
            note:
                "aliases may make a document at most \(limits.maxAliasExpansionFactor) times as large as the nodes it writes out; write the repeated parts out or raise the limit"
        )
    }

    /// Hands a finished node to the collection being built, or makes it the root.
    @inline(__always)
    private mutating func add(_ node: Int32, height: Int) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        if height > stack[top].childHeight { stack[top].childHeight = height }
        if stack[top].isMapping, (pending.count - stack[top].firstChild) & 1 == 0 {
            checkKey(node, top: top)
        }
        pending.append(node)
    }

    // MARK: Checks

    /// The bit of ``keyBits`` that stands for a scalar key: one of 64, chosen by the key's length and its
    /// first, middle and last bytes, so that keys with the same text have the same bit.
    @inline(__always)
    private func keyBit(_ key: NodeRecord) -> UInt64 {
        let first = Int(key.first)
        let count = Int(key.count)
        var mixed = UInt64(count)
        if count > 0 {
            mixed |= writer.withBytes {
                UInt64($0[first]) << 8 | UInt64($0[first + count / 2]) << 16 | UInt64($0[first + count - 1]) << 24
            }
        }
        return Self.keyBit(mixed: mixed)
    }

    /// Fibonacci hashing: the product's top six bits depend on every bit of `mixed`.
    @inline(__always)
    private static func keyBit(mixed: UInt64) -> UInt64 {
        1 << ((mixed &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The bit of the key `<<`: its length, and `<` as its first, middle and last byte.
    @inline(__always)
    private static var mergeKeyBit: UInt64 { keyBit(mixed: 2 | UInt64(UInt8(ascii: "<")) * 0x0101_0100) }

    /// Reports a merge key or a duplicate of an earlier key of the same mapping. Most keys are new to
    /// their mapping, and their bit in ``keyBits`` says so at once; the others are searched for
    /// (``searchKey(_:top:)``). Not inlined: kept out of ``add(_:height:)``, which every node passes
    /// through, that one is inlined where it is called.
    @inline(never)
    private mutating func checkKey(_ keyNode: Int32, top: Int) {
        let key = writer[keyNode]
        guard key.kind == .scalar else { return }
        let bit = keyBit(key)
        guard keyBits & bit != 0 else {
            keyBits |= bit
            return
        }
        searchKey(keyNode, top: top)
    }

    /// Reports a merge key or a duplicate of an earlier key of the same mapping, searching the earlier
    /// keys: for a scalar key whose bit in ``keyBits`` an earlier key (or `<<`) set. Not inlined: kept out
    /// of ``checkKey(_:top:)``, which most keys leave at once.
    @inline(never)
    private mutating func searchKey(_ keyNode: Int32, top: Int) {
        let key = writer[keyNode]
        // The records' lengths come first, so that the bytes are read only where they may be equal.
        if key.style == .plain, !key.hasTag, key.count == 2,
            writer.withBytes({ $0[Int(key.first)] == UInt8(ascii: "<") && $0[Int(key.first) + 1] == UInt8(ascii: "<") })
        {
            diagnostics.append(
                .error("merge keys (<<) are not supported; write the keys out", at: key.location)
            )
        }
        if !stack[top].hasKeyIndex {
            // The earlier keys: every other child, from the first.
            let keys = stride(from: stack[top].firstChild, to: pending.count, by: 2)
            let count = (pending.count - stack[top].firstChild) / 2
            if count < Self.linearKeySearchLimit {
                for i in keys {
                    let other = writer[pending[i]]
                    if other.kind == .scalar, writer.haveSameText(other, key) {
                        duplicate(writer.text(key), firstLine: other.location.line, at: key.location)
                        return
                    }
                }
                return
            }
            var index = KeyIndex(minimumCapacity: count * 2)
            writer.withBytes { bytes in
                for i in keys {
                    let other = writer[pending[i]]
                    if other.kind == .scalar { _ = index.firstLine(of: other, in: bytes) }
                }
            }
            keyIndexes.append(index)
            stack[top].hasKeyIndex = true
            keyBits = .max
        }
        let firstLine = writer.withBytes { keyIndexes[keyIndexes.count - 1].firstLine(of: key, in: $0) }
        if let firstLine {
            duplicate(writer.text(key), firstLine: firstLine, at: key.location)
        }
    }

    private mutating func duplicate(_ key: String, firstLine: Int, at location: SourceLocation) {
        diagnostics.append(.error("duplicate key \"\(key)\" (first at line \(firstLine))", at: location))
    }

    private mutating func checkScalarTag(_ tag: String, text: String, at location: SourceLocation) {
        let valid: Bool
        switch tag {
        case CoreTag.str, CoreTag.nonSpecific: return
        case CoreTag.int: valid = YAMLScalar.resolvePlain(text) == .int
        case CoreTag.float:
            let kind = YAMLScalar.resolvePlain(text)
            valid = kind == .int || kind == .float || kind == .specialFloat
        case CoreTag.bool:
            if case .bool = YAMLScalar.resolvePlain(text) { valid = true } else { valid = false }
        case CoreTag.null: valid = YAMLScalar.resolvePlain(text) == .null
        case CoreTag.map, CoreTag.seq:
            diagnostics.append(.error("the tag \(CoreTag.shortForm(tag)) cannot be given to a scalar", at: location))
            return
        default:
            unsupportedTag(tag, at: location)
            return
        }
        if !valid {
            diagnostics.append(
                .error("\"\(text)\" is not a valid \(CoreTag.shortForm(tag)) value", at: location)
            )
        }
    }

    private mutating func checkCollectionTag(_ tag: String, isMapping: Bool, at location: SourceLocation) {
        switch tag {
        case CoreTag.nonSpecific: return
        case CoreTag.map where isMapping, CoreTag.seq where !isMapping: return
        case CoreTag.map, CoreTag.seq, CoreTag.str, CoreTag.int, CoreTag.float, CoreTag.bool, CoreTag.null:
            diagnostics.append(
                .error(
                    "the tag \(CoreTag.shortForm(tag)) cannot be given to a \(isMapping ? "mapping" : "sequence")",
                    at: location
                )
            )
        default:
            unsupportedTag(tag, at: location)
        }
    }

    private mutating func unsupportedTag(_ tag: String, at location: SourceLocation) {
        diagnostics.append(
            .error(
                "unsupported tag \(CoreTag.shortForm(tag))",
                at: location,
                note:
                    "only the YAML core schema tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are allowed"
            )
        )
    }

    // MARK: End of stream

    private mutating func finish() throws(Fatal) {
        guard let root else {
            fail(
                "the file is empty; expected a YAML or JSON document",
                at: SourceLocation(file: file, line: 1, column: 1)
            )
            throw Fatal()
        }
        let record = writer[root]
        if record.kind == .scalar, record.style == .plain, !record.hasTag, record.count == 0 {
            fail("the document is empty", at: record.location)
            throw Fatal()
        }
        let budget = limits.aliasBudget(inputNodes: inputNodes)
        if treeNodes > budget, let use = aliasUses.first(where: { $0.treeNodesAfter > budget }) {
            failAliasBudget(alias: use.name, at: use.location)
            throw Fatal()
        }
    }

    private mutating func fail(_ message: String, at location: SourceLocation?, note: String? = nil) {
        diagnostics.append(.error(message, at: location, note: note))
    }
}
