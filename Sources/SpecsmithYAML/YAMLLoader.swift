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
    ///
    /// - Throws: a ``YAMLLoadError`` holding one fatal syntax or limit error, or every problem that
    ///   does not stop parsing (all duplicate keys, unsupported tags and so on), each located at a
    ///   1-based line and a column counted in characters.
    public static func load(_ bytes: [UInt8], file: String, limits: YAMLLimits = YAMLLimits()) throws(YAMLLoadError)
        -> YAMLNode
    {
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
