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
    /// The load's working state (the YAML tree of each file read, the caches of references), freed with
    /// the result rather than before it is returned: see ``Pipeline/Result``.
    let workings: Retained?

    /// Creates the value; every part but the required ones has a default.
    public init(document: OpenAPIDocument?, diagnostics: [Diagnostic], sources: [String: String]) {
        self.init(document: document, diagnostics: diagnostics, sources: sources, workings: nil)
    }

    init(document: OpenAPIDocument?, diagnostics: [Diagnostic], sources: [String: String], workings: Retained?) {
        self.document = document
        self.diagnostics = diagnostics
        self.sources = sources
        self.workings = workings
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Loads an OpenAPI 3.0, 3.1 or 3.2 document into an ``OpenAPIDocument``: reads the YAML or JSON,
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
        LoadSession(limits: limits, concurrency: concurrency).run(rootFile: path, bytes: nil)
    }

    /// Loads a document from bytes, as if read from `file`; files it references are read from disk
    /// relative to `file`'s directory.
    public func load(bytes: [UInt8], file: String) -> LoadResult {
        LoadSession(limits: limits, concurrency: concurrency).run(rootFile: file, bytes: bytes)
    }
}
