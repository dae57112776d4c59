public import SpecsmithDiagnostics

/// Every error found while loading one YAML or JSON document (at least one).
public struct YAMLLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One `file:line:column: error: message` line per diagnostic.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Whether ``YAMLLoader`` may parse a document in pieces, on several cores.
///
/// A large document can be cut into pieces that libyaml parses on their own (block YAML at the keys of
/// its larger mappings, JSON between the members of its objects); their trees are then joined. The tree is the one a single parse builds, node for node
/// and location for location, and whenever a piece meets anything unusual (an error, a key that looks
/// like one but is not) the document is parsed whole, so that errors are reported exactly as in one parse.
public enum YAMLParallelism: Sendable, Hashable {
    /// One parse, on the calling thread.
    case sequential
    /// Pieces for documents of at least 128 KiB on a machine with more than one core; a few pieces per
    /// core.
    case automatic
    /// Pieces of about this many bytes (at least 1), however large the document and however many
    /// cores: to test that pieces build the same tree.
    case pieces(ofAbout: Int)

    /// Documents smaller than this are parsed whole by ``automatic``.
    static let automaticMinimumBytes = 128 << 10

    /// The pieces' size for a document of `count` bytes, or `nil` to parse it whole.
    func pieceBytes(forDocumentOf count: Int) -> Int? {
        switch self {
        case .sequential:
            return nil
        case .automatic:
            let cores = ProcessorCount.active
            guard cores > 1, count >= Self.automaticMinimumBytes else { return nil }
            return max(32 << 10, count / (4 * cores))
        case .pieces(let bytes):
            return max(1, bytes)
        }
    }
}

/// Loads YAML and JSON documents into ``YAMLNode`` trees, using the system's libyaml. A document's
/// nodes share one storage, freed when the last of them is.
public enum YAMLLoader {
    /// Parses exactly one document (YAML 1.2, or JSON, which is YAML flow style) into a tree.
    ///
    /// - Aliases are expanded within ``YAMLLimits/maxAliasExpansionFactor`` and
    ///   ``YAMLLimits/maxDepth``: an alias's node is located at the alias and shares the anchored
    ///   node's content, whose nodes keep the anchor's locations. Merge keys (`<<`) are refused, with the error
    ///   `merge keys (<<) are not supported; write the keys out`.
    /// - Only the core schema tags are accepted (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`,
    ///   `!!map`, `!!seq`, and `!`).
    /// - JSON's `\uD83D\uDCA9` surrogate-pair escapes are accepted; a lone surrogate is an error.
    /// - A UTF-8 byte order mark, an empty file and a second document are errors.
    /// - With `parallelism` other than `.sequential`, a large document is parsed in pieces on several
    ///   cores (see ``YAMLParallelism``). The tree and the errors are the same either way.
    ///
    /// - Throws: a ``YAMLLoadError`` holding one fatal syntax or limit error, or every problem that
    ///   does not stop parsing (all duplicate keys, unsupported tags and so on), each located at a
    ///   1-based line and a column counted in characters.
    public static func load(
        _ bytes: [UInt8],
        file: String,
        limits: YAMLLimits = YAMLLimits(),
        parallelism: YAMLParallelism = .automatic
    ) throws(YAMLLoadError) -> YAMLNode {
        let sourceFile = SourceFile(file)
        let start = SourceLocation(file: sourceFile, line: 1, column: 1)
        guard bytes.count <= limits.maxInputBytes else {
            throw YAMLLoadError([
                .error(
                    "the file is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes) bytes (maxInputBytes)",
                    at: start
                )
            ])
        }
        if let bom = byteOrderMark(bytes) {
            throw YAMLLoadError([
                .error(
                    "the file starts with a \(bom) byte order mark (BOM)",
                    at: start,
                    note: "save the file as UTF-8 without a BOM"
                )
            ])
        }
        let rewrite = SurrogatePairRewrite(bytes)
        // Pieces count lines and columns in the bytes as written, so a rewritten document is parsed whole.
        if rewrite.edits.isEmpty, let pieceBytes = parallelism.pieceBytes(forDocumentOf: bytes.count) {
            let joined = PieceJoiner.load(
                bytes,
                rewrite: rewrite,
                file: sourceFile,
                pieceBytes: pieceBytes,
                limits: limits
            )
            if let joined { return joined }
        }
        let marks = Marks(file: sourceFile, original: bytes, rewrite: rewrite)
        var builder = TreeBuilder(marks: marks, limits: limits, inputBytes: bytes.count)
        let root = rewrite.bytes.withUnsafeBufferPointer { buffer in
            builder.build(EventParser(input: buffer))
        }
        guard let root else { throw YAMLLoadError(builder.diagnostics) }
        return root
    }

    /// Runs libyaml over the bytes and counts its events, building nothing: the baseline that
    /// `specsmith-bench` compares ``load(_:file:limits:)`` with. Stops at the first syntax error.
    public static func countEvents(_ bytes: [UInt8]) -> Int {
        EventParser.countEvents(bytes)
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16" }
        return nil
    }
}
