import Foundation
import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

/// Loads YAML text that must load.
func load(_ text: String, limits: YAMLLimits = YAMLLimits()) throws -> YAMLNode {
    try YAMLLoader.load(Array(text.utf8), file: "test.yaml", limits: limits)
}

/// The diagnostics of input that must fail to load; records an issue when it loads.
func loadErrors(
    _ bytes: [UInt8],
    file: String = "test.yaml",
    limits: YAMLLimits = YAMLLimits(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    do {
        _ = try YAMLLoader.load(bytes, file: file, limits: limits)
        Issue.record("expected the input to fail to load", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

func loadErrors(
    _ text: String,
    limits: YAMLLimits = YAMLLimits(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    loadErrors(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
}

/// A diagnostic as `line:column: message`, the two things each test asserts.
func summary(_ diagnostic: Diagnostic) -> String {
    guard let location = diagnostic.location else { return "-: \(diagnostic.message)" }
    return "\(location.line):\(location.column): \(diagnostic.message)"
}

func summaries(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map(summary)
}

/// `Tests/SpecsmithYAMLTests/Fixtures`, found from this file's path (the folder is not a resource).
let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) throws -> [UInt8] {
    try [UInt8](Data(contentsOf: fixturesFolder.appendingPathComponent(name)))
}

/// The value at a path of mapping keys.
func value(_ node: YAMLNode, _ keys: String...) throws -> YAMLNode {
    var node = node
    for key in keys {
        node = try #require(node.mapping?[key], "no key \(key)")
    }
    return node
}
