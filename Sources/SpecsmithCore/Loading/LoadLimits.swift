public import SpecsmithYAML

/// Bounds on what loading one OpenAPI document may cost, so that a hostile or broken document fails
/// fast with a clear error, located where the limit was hit and naming the limit, instead of
/// exhausting memory, time or the stack.
///
/// The defaults suit real specifications with a wide margin (the largest public ones are a few MiB,
/// nest a few dozen levels and refer to a handful of files). Each can be changed in the `limits:`
/// section of `specsmith.yaml`, under the same name.
public struct LoadLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes, for the document and for each file it refers to.
    /// Default: 64 MiB.
    public var maxInputBytes: Int
    /// The deepest nesting of mappings and sequences in one file, and of `allOf`, `anyOf` and `oneOf`
    /// parts and references beside other keywords, counting the schemas their `$ref`s lead to (checked
    /// before generation). Default: 256.
    public var maxDepth: Int
    /// How many times as many nodes as a file writes out its YAML aliases may make it hold.
    /// Default: 10.
    public var maxAliasExpansionFactor: Int
    /// The most nodes one file may hold, aliases expanded. Default: 5,000,000.
    public var maxNodes: Int
    /// The longest string (any YAML scalar), in bytes of UTF-8. Default: 16 MiB.
    public var maxScalarBytes: Int
    /// The most `$ref`s followed in a row: a reference to an object that is itself only a reference,
    /// and so on (a parameter that refers to a parameter, a schema that is only `$ref` to another).
    /// Default: 64.
    public var maxRefChain: Int
    /// The most files read besides the document itself: files named by `$ref`s, including text files
    /// given as descriptions. Default: 100.
    public var maxExternalFiles: Int

    /// Limits with the defaults described on each property; pass only the ones to change.
    public init(
        maxInputBytes: Int = 64 << 20,
        maxDepth: Int = 256,
        maxAliasExpansionFactor: Int = 10,
        maxNodes: Int = 5_000_000,
        maxScalarBytes: Int = 16 << 20,
        maxRefChain: Int = 64,
        maxExternalFiles: Int = 100
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansionFactor = maxAliasExpansionFactor
        self.maxNodes = maxNodes
        self.maxScalarBytes = maxScalarBytes
        self.maxRefChain = maxRefChain
        self.maxExternalFiles = maxExternalFiles
    }

    /// The limits each YAML file is parsed with.
    public var yaml: YAMLLimits {
        YAMLLimits(
            maxInputBytes: maxInputBytes,
            maxDepth: maxDepth,
            maxAliasExpansionFactor: maxAliasExpansionFactor,
            maxNodes: maxNodes,
            maxScalarBytes: maxScalarBytes
        )
    }

    /// The highest `maxDepth` that `specsmith.yaml` accepts. The generator follows nesting by recursion,
    /// and a debug build's frames are large: 8 MiB of stack, the main thread's, took objects nested 160
    /// deep (YAML 320 levels) and failed at 200. Code that sets ``maxDepth`` itself higher risks the same.
    public static let maxDepthCeiling = 300

    /// The names of the limits, as `specsmith.yaml` and the error messages spell them, in order, with
    /// a way to set each: the one place that maps a name to its property.
    static let settings: [(name: String, keyPath: WritableKeyPath<LoadLimits, Int> & Sendable)] = [
        ("maxInputBytes", \.maxInputBytes),
        ("maxDepth", \.maxDepth),
        ("maxAliasExpansionFactor", \.maxAliasExpansionFactor),
        ("maxNodes", \.maxNodes),
        ("maxScalarBytes", \.maxScalarBytes),
        ("maxRefChain", \.maxRefChain),
        ("maxExternalFiles", \.maxExternalFiles),
    ]
}
