import Foundation
import SpecsmithDiagnostics

/// Parses the ``DocumentPieces`` of a document concurrently, one ``TreeBuilder`` each, and joins their
/// trees into the tree that one parse of the whole document builds: the same nodes, in the same order,
/// at the same locations.
///
/// Joining gives up (returns `nil`, and the caller parses the document whole) whenever the result
/// could differ from one parse: when a piece has any diagnostic, when a piece does not continue a
/// mapping that the pieces before it left open (a block mapping at its column, or the object of its
/// depth), when a key repeats one of the mapping it joins, or when the joined tree breaks a limit that
/// a piece alone did not. So every error is reported by one parse,
/// exactly as without pieces.
///
/// The pieces' arrays are copied into one storage concurrently too, each piece to its own place.
enum PieceJoiner {
    /// What a piece's builder counted.
    private struct Counts {
        var root: Int32
        var treeNodes: Int
        var inputNodes: Int
        var deepestLevel: Int
    }

    /// The state the concurrent parts share: each iteration touches its own piece's slots only.
    private final class Work: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let pieces: [DocumentPieces.Piece]
        let limits: YAMLLimits
        let makeMarks: @Sendable (DocumentPieces.Piece) -> Marks
        /// Each piece's nodes, `nil` when the piece failed; emptied when copied.
        let arrays: UnsafeMutableBufferPointer<StorageWriter.Arrays?>
        let counts: UnsafeMutableBufferPointer<Counts?>

        init(
            bytes: UnsafeBufferPointer<UInt8>,
            pieces: [DocumentPieces.Piece],
            limits: YAMLLimits,
            makeMarks: @escaping @Sendable (DocumentPieces.Piece) -> Marks
        ) {
            self.bytes = bytes
            self.pieces = pieces
            self.limits = limits
            self.makeMarks = makeMarks
            arrays = .allocate(capacity: pieces.count)
            arrays.initialize(repeating: nil)
            counts = .allocate(capacity: pieces.count)
            counts.initialize(repeating: nil)
        }

        deinit {
            arrays.deinitialize()
            arrays.deallocate()
            counts.deinitialize()
            counts.deallocate()
        }

        func parse(_ index: Int) {
            let piece = pieces[index]
            var builder = TreeBuilder(marks: makeMarks(piece), limits: limits, inputBytes: piece.bytes.count)
            let built: Int32?
            if let flow = piece.flow {
                built = flow.text(piece.bytes, of: bytes).withUnsafeBufferPointer {
                    builder.buildArrays(EventParser(input: $0))
                }
            } else {
                built = builder.buildArrays(EventParser(input: UnsafeBufferPointer(rebasing: bytes[piece.bytes])))
            }
            guard let root = built else { return }
            arrays[index] = builder.takeArrays()
            counts[index] = Counts(
                root: root,
                treeNodes: builder.treeNodes,
                inputNodes: builder.inputNodes,
                deepestLevel: builder.deepestLevel
            )
        }
    }

    /// Where each piece's nodes go in the joined arrays, and the arrays' memory.
    private struct Copy: @unchecked Sendable {
        var records: UnsafeMutablePointer<NodeRecord>
        var children: UnsafeMutablePointer<Int32>
        var bytes: UnsafeMutablePointer<UInt8>
        /// Each piece's first position in each array.
        var recordBases: [Int32]
        var childBases: [Int32]
        var byteBases: [Int32]

        /// Copies piece `index` to its place, positions shifted, and frees its arrays. The shifted
        /// positions fit in an `Int32`, as the joined arrays' lengths do (``load(_:pieces:limits:makeMarks:)``
        /// checks), so they are added without an overflow check, which kept the loops from being
        /// vectorized.
        func run(_ index: Int, _ work: Work) {
            let recordBase = recordBases[index]
            let childBase = childBases[index]
            let byteBase = byteBases[index]
            let arrays = work.arrays[index]!
            let recordTarget = records + Int(recordBase)
            let sourceRecords = arrays.records
            for i in sourceRecords.indices {
                var record = sourceRecords[i]
                record.first &+= record.kind == .scalar ? byteBase : childBase
                (recordTarget + i).initialize(to: record)
            }
            let childTarget = children + Int(childBase)
            let sourceChildren = arrays.children
            for i in sourceChildren.indices { (childTarget + i).initialize(to: sourceChildren[i] &+ recordBase) }
            if let start = arrays.bytes.baseAddress {
                (bytes + Int(byteBase)).initialize(from: start, count: arrays.bytes.count)
            }
            work.arrays[index] = nil
        }
    }

    /// The tree of a document cut into pieces of about `pieceBytes` bytes, or `nil` when it must be
    /// parsed whole. `rewrite` must have no edits: pieces count lines and columns in the bytes as written.
    static func load(
        _ bytes: [UInt8],
        rewrite: SurrogatePairRewrite,
        file: SourceFile,
        pieceBytes: Int,
        limits: YAMLLimits
    ) -> YAMLNode? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let pieces = DocumentPieces(buffer, pieceBytes: pieceBytes) else { return nil }
            return load(buffer, pieces: pieces, limits: limits) { piece in
                Marks(
                    file: file,
                    original: bytes,
                    rewrite: rewrite,
                    lineOffset: piece.line,
                    // A JSON piece after the first starts with the `{` put before its bytes.
                    firstLineColumnOffset: piece.flow?.opens == true ? piece.indent - 1 : 0
                )
            }
        }
    }

    /// The document's tree, or `nil` when it must be parsed whole. `makeMarks` gives the marks of a
    /// piece.
    private static func load(
        _ bytes: UnsafeBufferPointer<UInt8>,
        pieces: DocumentPieces,
        limits: YAMLLimits,
        makeMarks: @escaping @Sendable (DocumentPieces.Piece) -> Marks
    ) -> YAMLNode? {
        let count = pieces.pieces.count
        let work = Work(bytes: bytes, pieces: pieces.pieces, limits: limits, makeMarks: makeMarks)
        DispatchQueue.concurrentPerform(iterations: count) { work.parse($0) }
        var counts: [Counts] = []
        for piece in work.counts {
            guard let piece else { return nil }
            counts.append(piece)
        }
        let treeNodes = counts.reduce(0) { $0 + $1.treeNodes }
        let inputNodes = counts.reduce(0) { $0 + $1.inputNodes }
        guard treeNodes <= limits.maxNodes, treeNodes <= limits.aliasBudget(inputNodes: inputNodes) else { return nil }

        var recordBases: [Int32] = []
        var childBases: [Int32] = []
        var byteBases: [Int32] = []
        var totals = (records: 0, children: 0, bytes: 0)
        for arrays in work.arrays {
            recordBases.append(Int32(totals.records))
            childBases.append(Int32(totals.children))
            byteBases.append(Int32(clamping: totals.bytes))
            totals.records += arrays!.records.count
            totals.children += arrays!.children.count
            totals.bytes += arrays!.bytes.count
        }
        // Positions in the arrays are `Int32`: one parse reports the document whose scalars' bytes outgrow
        // them.
        guard totals.bytes <= Int(Int32.max), totals.records <= Int(Int32.max), totals.children <= Int(Int32.max)
        else { return nil }
        var records: [NodeRecord] = []
        var children: [Int32] = []
        var textBytes: [UInt8] = []
        records = Array(unsafeUninitializedCapacity: totals.records) { recordBuffer, recordCount in
            // Room for the joined mappings' entries too, copied once per piece they grow by.
            children = Array(unsafeUninitializedCapacity: totals.children + totals.children / 4) {
                childBuffer,
                childCount in
                textBytes = Array(unsafeUninitializedCapacity: totals.bytes) { byteBuffer, byteCount in
                    let copy = Copy(
                        records: recordBuffer.baseAddress!,
                        children: childBuffer.baseAddress!,
                        bytes: byteBuffer.baseAddress!,
                        recordBases: recordBases,
                        childBases: childBases,
                        byteBases: byteBases
                    )
                    DispatchQueue.concurrentPerform(iterations: count) { copy.run($0, work) }
                    byteCount = totals.bytes
                }
                childCount = totals.children
            }
            recordCount = totals.records
        }
        let roots = counts.enumerated().map { $0.element.root + recordBases[$0.offset] }
        guard
            join(
                pieces,
                roots: roots,
                counts: counts,
                records: &records,
                children: &children,
                textBytes: textBytes,
                bytes: bytes,
                limits: limits
            )
        else { return nil }
        return YAMLNode(YAMLStorage(records: records, children: children, bytes: textBytes), roots[0])
    }

    /// Appends each piece's entries to the mapping it continues; false when a piece continues none,
    /// or its keys repeat the mapping's, or the joined tree nests too deep.
    private static func join(
        _ pieces: DocumentPieces,
        roots: [Int32],
        counts: [Counts],
        records: inout [NodeRecord],
        children: inout [Int32],
        textBytes: [UInt8],
        bytes: UnsafeBufferPointer<UInt8>,
        limits: YAMLLimits
    ) -> Bool {
        // The keys of each mapping joined so far, the last joined last. Not a `[Int32: KeyIndex]`: a process
        // makes the metadata of such a dictionary type once, at about 380,000 instructions (the conformance
        // look-ups), more than the few mappings that pieces continue cost to search.
        var keyIndexes: [(node: Int32, keys: KeyIndex)] = []
        for (number, piece) in pieces.pieces.enumerated().dropFirst() {
            let column = piece.indent + 1
            let added = records[Int(roots[number])]
            guard added.kind == .mapping else { return false }
            let node: Int32
            let depth: Int
            if let flow = piece.flow {
                // The object the piece's members belong to is the last one of their depth so far.
                guard
                    let found = lastNode(atDepth: flow.depth - 1, from: roots[0], records: records, children: children),
                    records[Int(found)].kind == .mapping
                else { return false }
                node = found
                depth = flow.depth - 1
            } else {
                guard added.location.line == piece.line + 1, added.location.column == column,
                    let found = continuedBlockMapping(
                        column: column,
                        from: roots[0],
                        records: records,
                        children: children
                    ),
                    records[Int(found.node)].location.line < added.location.line,
                    // The cuts already avoid flow mappings; checked again because a wrong join would go unseen.
                    pieces.isBlockMapping(line: records[Int(found.node)].location.line, column: column, in: bytes)
                else { return false }
                (node, depth) = found
            }
            let mapping = records[Int(node)]
            guard depth + counts[number].deepestLevel <= limits.maxDepth else { return false }

            // No key of the piece may repeat one of the mapping's.
            var index: KeyIndex
            if let known = keyIndexes.lastIndex(where: { $0.node == node }) {
                index = keyIndexes.remove(at: known).keys
            } else {
                index = keys(of: mapping, records: records, children: children, textBytes: textBytes)
            }
            let repeats = textBytes.withUnsafeBufferPointer { textBytes in
                stride(from: Int(added.first), to: Int(added.first + 2 * added.count), by: 2).contains { slot in
                    let key = records[Int(children[slot])]
                    return key.kind == .scalar && index.firstLine(of: key, in: textBytes) != nil
                }
            }
            if repeats { return false }
            keyIndexes.append((node, index))

            let first = Int32(children.count)
            for slot in Int(mapping.first)..<Int(mapping.first + 2 * mapping.count) { children.append(children[slot]) }
            for slot in Int(added.first)..<Int(added.first + 2 * added.count) { children.append(children[slot]) }
            records[Int(node)].first = first
            records[Int(node)].count += added.count
        }
        return true
    }

    /// The block mapping whose keys are at `column` that a piece continues, and how deep it is: open
    /// where the pieces before it end, on the path from the root through each last entry or item.
    private static func continuedBlockMapping(column: Int, from root: Int32, records: [NodeRecord], children: [Int32])
        -> (node: Int32, depth: Int)?
    {
        var node = root
        var depth = 0
        while true {
            let record = records[Int(node)]
            if record.kind == .mapping, record.location.column == column { return (node, depth) }
            guard record.kind != .scalar, record.count > 0, record.location.column <= column else { return nil }
            node = lastChild(of: record, children: children)
            depth += 1
        }
    }

    /// The node `depth` steps from the root along each last entry's value or last item.
    private static func lastNode(atDepth depth: Int, from root: Int32, records: [NodeRecord], children: [Int32])
        -> Int32?
    {
        var node = root
        for _ in 0..<depth {
            let record = records[Int(node)]
            guard record.kind != .scalar, record.count > 0 else { return nil }
            node = lastChild(of: record, children: children)
        }
        return node
    }

    /// A collection's last item, or its last entry's value.
    private static func lastChild(of record: NodeRecord, children: [Int32]) -> Int32 {
        let slots = record.kind == .mapping ? 2 * record.count : record.count
        return children[Int(record.first + slots - 1)]
    }

    /// The scalar keys of a mapping.
    private static func keys(of mapping: NodeRecord, records: [NodeRecord], children: [Int32], textBytes: [UInt8])
        -> KeyIndex
    {
        var index = KeyIndex(minimumCapacity: Int(mapping.count) * 2)
        textBytes.withUnsafeBufferPointer { textBytes in
            for slot in stride(from: Int(mapping.first), to: Int(mapping.first + 2 * mapping.count), by: 2) {
                let key = records[Int(children[slot])]
                if key.kind == .scalar { _ = index.firstLine(of: key, in: textBytes) }
            }
        }
        return index
    }
}

/// The cores this process may run on, read once: every stage that shares its work out asks.
package enum ProcessorCount {
    package static let active = ProcessInfo.processInfo.activeProcessorCount
}
