public import SpecsmithDiagnostics

/// Every error found while loading one YAML or JSON document (at least one).
public struct YAMLLoadError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

/// Loads YAML and JSON documents into ``YAMLNode`` trees.
public enum YAMLLoader {
    /// Parses one document. PLACEHOLDER: replaced by the libyaml-driven implementation.
    public static func load(_ bytes: [UInt8], file: String, limits: YAMLLimits = YAMLLimits()) throws(YAMLLoadError) -> YAMLNode {
        throw YAMLLoadError([.error("YAML loading is not implemented yet", at: nil)])
    }
}

/// Bounds on what one document may cost. PLACEHOLDER: the YAML layer fills in the real limits.
public struct YAMLLimits: Sendable, Hashable {
    public init() {}
}
