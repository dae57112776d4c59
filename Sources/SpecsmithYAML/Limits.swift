/// Bounds on what loading one document may cost, so that a hostile or broken file fails fast with a
/// clear error instead of exhausting memory or time.
///
/// Each limit that is hit produces one diagnostic that names the limit (for example `maxDepth`) and the
/// line where it was hit.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest input accepted, in bytes. Default: 64 MiB.
    public var maxInputBytes: Int
    /// The deepest nesting of mappings and sequences. Checked while the document streams in, before the
    /// tree grows, and where an alias places a copy of its anchor. Default: 256.
    public var maxDepth: Int
    /// How far aliases may make the document grow: the finished tree may hold at most this many times
    /// as many nodes as the input writes out, counting each alias as one node (and never less than
    /// ``minimumAliasBudget`` nodes, so that a small document may use a few aliases). Default: 10.
    public var maxAliasExpansionFactor: Int
    /// The most nodes the finished tree may hold, aliases expanded. Default: 5,000,000.
    public var maxNodes: Int
    /// The longest scalar accepted, in bytes of UTF-8 after unescaping. Default: 16 MiB.
    public var maxScalarBytes: Int

    /// The tree may always hold this many nodes, whatever ``maxAliasExpansionFactor`` allows.
    public static let minimumAliasBudget = 1_000

    /// Limits with the defaults described on each property; pass only the ones to change.
    public init(
        maxInputBytes: Int = 64 << 20,
        maxDepth: Int = 256,
        maxAliasExpansionFactor: Int = 10,
        maxNodes: Int = 5_000_000,
        maxScalarBytes: Int = 16 << 20
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansionFactor = maxAliasExpansionFactor
        self.maxNodes = maxNodes
        self.maxScalarBytes = maxScalarBytes
    }

    /// The most nodes the tree may hold, aliases expanded, when the input itself writes out
    /// `inputNodes` nodes.
    func aliasBudget(inputNodes: Int) -> Int {
        let (product, overflow) = maxAliasExpansionFactor.multipliedReportingOverflow(by: inputNodes)
        return max(Self.minimumAliasBudget, overflow ? Int.max : product)
    }
}
