public import SpecsmithDiagnostics

/// What loading an OpenAPI document produced: the typed document and every problem found.
public struct LoadResult: Sendable {
    /// The document; `nil` only when it could not be built at all (unreadable file, YAML errors, a
    /// Swagger 2.0 or unknown version, a root that is not a mapping). With errors in ``diagnostics``
    /// the document may be incomplete: do not generate from it.
    public var document: OpenAPIDocument?
    /// Errors and warnings, sorted by location.
    public var diagnostics: [Diagnostic]
    /// The text of every file read (the root and the files it references), by path, for
    /// ``DiagnosticRenderer``.
    public var sources: [String: String]

    /// Creates the value; every part but the required ones has a default.
    public init(document: OpenAPIDocument?, diagnostics: [Diagnostic], sources: [String: String]) {
        self.document = document
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Loads an OpenAPI 3.0 or 3.1 document into an ``OpenAPIDocument``: reads the YAML or JSON,
/// resolves every `$ref` (within the document and to other files relative to the referring file,
/// each loaded once), and reports every problem found with its location.
public struct DocumentLoader: Sendable {
    /// Bounds on the load: on each file read (size, nesting, aliases, nodes, strings), on chains of
    /// `$ref`s and on how many files are read.
    public var limits: LoadLimits
    /// Whether a large document is read on several cores; a ``Pipeline`` translates it the same way.
    public var concurrency: LoadConcurrency

    /// Creates the value; every part but the required ones has a default.
    public init(limits: LoadLimits = LoadLimits(), concurrency: LoadConcurrency = .automatic) {
        self.limits = limits
        self.concurrency = concurrency
    }

    /// Loads the document at a path; files it references are read relative to it.
    public func load(file path: String) -> LoadResult {
        let session = LoadSession(limits: limits, concurrency: concurrency)
        return session.run(rootFile: path, bytes: nil)
    }

    /// Loads a document from bytes, as if read from `file`; files it references are read from disk
    /// relative to `file`'s directory.
    public func load(bytes: [UInt8], file: String) -> LoadResult {
        let session = LoadSession(limits: limits, concurrency: concurrency)
        return session.run(rootFile: file, bytes: bytes)
    }
}
