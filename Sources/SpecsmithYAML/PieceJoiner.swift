import Foundation
import SpecsmithDiagnostics

/// Parses the ``DocumentPieces`` of a document concurrently, one ``TreeBuilder`` each, and joins their
/// trees into the tree that one parse of the whole document builds: the same nodes, in the same order,
/// at the same locations.
///
/// Joining gives up (returns `nil`, and the caller parses the document whole) whenever the result
/// could differ from one parse: when a piece has any diagnostic, when a piece is not a block mapping
/// that continues one of the piece before it, when a key repeats one of the mapping it joins, or when
/// the joined tree breaks a limit that a piece alone did not. So every error is reported by one parse,
/// exactly as without pieces.
enum PieceJoiner {
    /// A piece's tree, and what its builder counted.
    private struct Parsed {
        var storage: YAMLStorage
        var root: Int32
        var treeNodes: Int
        var inputNodes: Int
        var deepestLevel: Int
    }

    /// What the concurrent parses read and write: each writes its own slot only.
    private final class Work: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let pieces: [DocumentPieces.Piece]
        let limits: YAMLLimits
        let makeMarks: @Sendable (Int) -> Marks
        let results: UnsafeMutableBufferPointer<Parsed?>

        init(
            bytes: UnsafeBufferPointer<UInt8>,
            pieces: [DocumentPieces.Piece],
            limits: YAMLLimits,
            makeMarks: @escaping @Sendable (Int) -> Marks
        ) {
            self.bytes = bytes
            self.pieces = pieces
            self.limits = limits
            self.makeMarks = makeMarks
            results = .allocate(capacity: pieces.count)
            results.initialize(repeating: nil)
        }

        deinit {
            results.deinitialize()
            results.deallocate()
        }

        func parse(_ index: Int) {
            let piece = pieces[index]
            let input = UnsafeBufferPointer(rebasing: bytes[piece.bytes])
            var builder = TreeBuilder(marks: makeMarks(piece.line), limits: limits, inputBytes: input.count)
            guard let root = builder.build(EventParser(input: input)) else { return }
            results[index] = Parsed(
                storage: root.storage,
                root: root.index,
                treeNodes: builder.treeNodes,
                inputNodes: builder.inputNodes,
                deepestLevel: builder.deepestLevel
            )
        }
    }

    /// The document's tree, or `nil` when it must be parsed whole. `makeMarks` gives the marks of a
    /// piece that starts after that many lines.
    static func load(
        _ bytes: UnsafeBufferPointer<UInt8>,
        pieces: DocumentPieces,
        limits: YAMLLimits,
        makeMarks: @escaping @Sendable (Int) -> Marks
    ) -> YAMLNode? {
        let work = Work(bytes: bytes, pieces: pieces.pieces, limits: limits, makeMarks: makeMarks)
        DispatchQueue.concurrentPerform(iterations: pieces.pieces.count) { work.parse($0) }
        var parsed: [Parsed] = []
        parsed.reserveCapacity(pieces.pieces.count)
        for result in work.results {
            guard let result else { return nil }
            parsed.append(result)
        }
        return join(parsed, pieces: pieces, bytes: bytes, limits: limits)
    }

    private static func join(
        _ parsed: [Parsed],
        pieces: DocumentPieces,
        bytes: UnsafeBufferPointer<UInt8>,
        limits: YAMLLimits
    ) -> YAMLNode? {
        let treeNodes = parsed.reduce(0) { $0 + $1.treeNodes }
        let inputNodes = parsed.reduce(0) { $0 + $1.inputNodes }
        guard treeNodes <= limits.maxNodes, treeNodes <= limits.aliasBudget(inputNodes: inputNodes) else { return nil }

        // One storage holding every piece's arrays, positions shifted.
        var records: [NodeRecord] = []
        var children: [Int32] = []
        var texts: [String] = []
        records.reserveCapacity(parsed.reduce(0) { $0 + $1.storage.records.count })
        // Room for the joined mappings' entries too, copied once per piece they grow by.
        children.reserveCapacity(parsed.reduce(0) { $0 + 2 * $1.storage.children.count })
        texts.reserveCapacity(parsed.reduce(0) { $0 + $1.storage.texts.count })
        var roots: [Int32] = []
        for piece in parsed {
            let recordBase = Int32(records.count)
            let childBase = Int32(children.count)
            let textBase = Int32(texts.count)
            for var record in piece.storage.records {
                record.first += record.kind == .scalar ? textBase : childBase
                records.append(record)
            }
            for child in piece.storage.children { children.append(child + recordBase) }
            texts.append(contentsOf: piece.storage.texts)
            roots.append(piece.root + recordBase)
        }

        var keyIndexes: [Int32: KeyIndex] = [:]
        for (number, piece) in pieces.pieces.enumerated().dropFirst() {
            let column = piece.indent + 1
            let added = records[Int(roots[number])]
            guard added.kind == .mapping, added.location.line == piece.line + 1, added.location.column == column
            else { return nil }
            // The mapping this piece continues is open where the pieces before it end: on the path
            // from the root through each last entry or item.
            var node = roots[0]
            var depth = 0
            while true {
                let record = records[Int(node)]
                if record.kind == .mapping, record.location.column == column { break }
                guard record.kind != .scalar, record.count > 0, record.location.column <= column else { return nil }
                let slots = record.kind == .mapping ? 2 * record.count : record.count
                node = children[Int(record.first + slots - 1)]
                depth += 1
            }
            // The cuts already avoid flow mappings; checked again because a wrong join would go unseen.
            let mapping = records[Int(node)]
            guard mapping.location.line < added.location.line,
                pieces.isBlockMapping(line: mapping.location.line, column: column, in: bytes),
                depth + parsed[number].deepestLevel <= limits.maxDepth
            else { return nil }

            // No key of the piece may repeat one of the mapping's.
            var index = keyIndexes.removeValue(forKey: node) ?? keys(of: mapping, records: records, children: children, texts: texts)
            for slot in stride(from: Int(added.first), to: Int(added.first + 2 * added.count), by: 2) {
                let key = records[Int(children[slot])]
                guard key.kind == .scalar else { continue }
                if index.firstLine(of: texts[Int(key.first)], insertingAt: key.location.line) != nil { return nil }
            }
            keyIndexes[node] = index

            let first = Int32(children.count)
            for slot in Int(mapping.first)..<Int(mapping.first + 2 * mapping.count) { children.append(children[slot]) }
            for slot in Int(added.first)..<Int(added.first + 2 * added.count) { children.append(children[slot]) }
            records[Int(node)].first = first
            records[Int(node)].count += added.count
        }
        return YAMLNode(YAMLStorage(records: records, children: children, texts: texts), roots[0])
    }

    /// The scalar keys of a mapping.
    private static func keys(of mapping: NodeRecord, records: [NodeRecord], children: [Int32], texts: [String])
        -> KeyIndex
    {
        var index = KeyIndex(minimumCapacity: Int(mapping.count) * 2)
        for slot in stride(from: Int(mapping.first), to: Int(mapping.first + 2 * mapping.count), by: 2) {
            let key = records[Int(children[slot])]
            if key.kind == .scalar { _ = index.firstLine(of: texts[Int(key.first)], insertingAt: key.location.line) }
        }
        return index
    }
}

/// The cores this process may run on, read once.
enum ProcessorCount {
    static let active = ProcessInfo.processInfo.activeProcessorCount
}
