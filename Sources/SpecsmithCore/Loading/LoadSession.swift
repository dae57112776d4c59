import SpecsmithDiagnostics
import SpecsmithYAML

/// The state of one load: files read, schemas resolved, diagnostics collected. Single-threaded.
final class LoadSession {
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    func run(rootFile: String, bytes: [UInt8]?) -> LoadResult {
        LoadResult(document: nil, diagnostics: diagnostics.sortedByLocation(), sources: sources)
    }
}
