import Dispatch
public import SpecsmithDiagnostics

// The stages of Specsmith, and the values passed between them:
//
//   bytes ──YAMLLoader──▶ YAMLNode ──DocumentLoader──▶ OpenAPIDocument ──Translator──▶ GenerationModel
//         ──Renderer(TemplateSet)──▶ [GeneratedFile] ──OutputWriter──▶ files on disk (or an OutputPlan's diff)
//
// 1. SpecsmithYAML: libyaml events to a node tree with locations, YAML 1.2 core-schema meaning and limits.
// 2. Loading: nodes to a typed OpenAPI document, references resolved, every problem a Diagnostic.
// 3. Generation: the document to a plain description of the code to write, every name and type decided.
// 4. Rendering: the description through mustache templates (defaults embedded, overridable) to file texts.
// 5. Output: files written atomically, unchanged ones untouched, stale ones removed; or compared for `check`.
//
// Each stage can run and be tested alone. `Pipeline.generate` runs stages 2 to 4 for one job; nothing is
// written here, so a caller decides whether to write (generate) or compare (check).

/// Runs the stages for a generation job, in memory.
public struct Pipeline: Sendable {
    private let templateSource: TemplateSource
    public var loader: DocumentLoader
    /// The folder a job's relative spec path is read from; `nil` for the current folder. The job's
    /// path as written still names the spec in the generated files' header.
    public var baseDirectory: String?

    public init(templates: TemplateSet, loader: DocumentLoader = DocumentLoader(), baseDirectory: String? = nil) {
        self.templateSource = .ready(templates)
        self.loader = loader
        self.baseDirectory = baseDirectory
    }

    /// A pipeline whose templates are being parsed on another thread (``ParsingTemplates``). A generation
    /// waits for them only when it is about to render, and a template's error is then reported by each
    /// generation, beside the document's own diagnostics.
    public init(templates: ParsingTemplates, loader: DocumentLoader = DocumentLoader()) {
        self.templateSource = .parsing(templates)
        self.loader = loader
    }

    /// The templates, once parsed; throws the first error in them.
    public func templates() throws(TemplateError) -> TemplateSet {
        switch templateSource {
        case .ready(let templates): templates
        case .parsing(let parse): try parse.result.get()
        }
    }

    /// What one job produced: its files when there were no errors, every diagnostic, and the source
    /// text of each file read (so diagnostics can show their lines).
    public struct Result: Sendable {
        public var files: [GeneratedFile]?
        public var diagnostics: [Diagnostic]
        public var sources: [String: String]
        /// What the files were made from: each file's YAML tree, the document and its generation model.
        /// Freeing them takes about a tenth of a generation (tradovate-2021: 1.1 of 17 ms), so the result
        /// keeps them and they go when it goes. A caller about to exit, as `specsmith generate` is once the
        /// files are written, keeps its results until then and leaves the freeing to the system, as
        /// compilers do.
        var workings: Retained? = nil
    }

    /// Loads the job's spec and generates its files. `files` is `nil` when any stage reported an
    /// error: a caller must then write nothing.
    public func generate(_ job: GenerationJob) -> Result {
        let path = baseDirectory.map { job.spec.hasPrefix("/") ? job.spec : $0 + "/" + job.spec } ?? job.spec
        let loaded = loader.load(file: path)
        var diagnostics = loaded.diagnostics
        var sources = loaded.sources
        // Stops with the errors found so far, and the templates' error too, so that one run reports both.
        func failed() -> Result {
            if case .failure(let error) = Swift.Result(catching: self.templates) {
                diagnostics.append(error.diagnostic)
                sources.merge(error.sources) { first, _ in first }
            }
            return Result(files: nil, diagnostics: diagnostics.sortedByLocation(), sources: sources)
        }
        guard let document = loaded.document, !diagnostics.hasErrors else { return failed() }
        let translated = Translator(job: job, concurrency: loader.concurrency, maxDepth: loader.limits.maxDepth)
            .translate(document)
        diagnostics += translated.diagnostics
        guard !diagnostics.hasErrors else { return failed() }
        guard case .success(let templates) = Swift.Result(catching: self.templates) else { return failed() }
        do {
            let files = try Renderer(templates: templates).render(translated.model)
            return Result(
                files: files, diagnostics: diagnostics.sortedByLocation(), sources: sources,
                workings: Retained((loaded, translated.model)))
        } catch {
            diagnostics.append(error.diagnostic)
            return Result(files: nil, diagnostics: diagnostics.sortedByLocation(), sources: sources)
        }
    }
}

/// Values kept only so that they are freed later, with what holds them. Nothing reads them.
struct Retained: @unchecked Sendable {
    private let value: Any

    init(_ value: Any) {
        self.value = value
    }
}

// MARK: - Stages one by one, for benchmarks

/// A document's generation model, ready to render; opaque outside this module.
public struct TranslatedDocument: Sendable {
    let model: GenerationModel
    /// What the generation stage reported.
    public let diagnostics: [Diagnostic]
}

extension Pipeline {
    /// Stage 3 alone: the generation model of a loaded document.
    public func translate(_ document: OpenAPIDocument, job: GenerationJob) -> TranslatedDocument {
        let translated = Translator(job: job, concurrency: loader.concurrency, maxDepth: loader.limits.maxDepth)
            .translate(document)
        return TranslatedDocument(model: translated.model, diagnostics: translated.diagnostics)
    }

    /// Stage 4 alone: the files of a generation model.
    public func render(_ translated: TranslatedDocument) throws(TemplateError) -> [GeneratedFile] {
        try Renderer(templates: templates()).render(translated.model)
    }
}

/// Where a pipeline's templates come from.
private enum TemplateSource: Sendable {
    case ready(TemplateSet)
    case parsing(ParsingTemplates)
}

/// Templates read and parsed on a thread of their own, from when this is made: the defaults, with the
/// `.mustache` files of a folder in their place. Parsing the default templates takes about 5M
/// instructions, which a new process can spend on a core its start or its first load leaves idle:
/// `specsmith generate` starts parsing the defaults before it parses its arguments.
public final class ParsingTemplates: Sendable {
    private let finished = DispatchGroup()
    /// Written once, on the parsing thread, before `finished` is left; read only after waiting for it.
    private nonisolated(unsafe) var parsed: Swift.Result<TemplateSet, TemplateError>?

    public init(in directory: String?) {
        finished.enter()
        DispatchQueue.global().async { [self] in
            parsed = Swift.Result { () throws(TemplateError) in try TemplateSet(overrides: directory) }
            finished.leave()
        }
    }

    /// The parse's outcome, once it has finished.
    public var result: Swift.Result<TemplateSet, TemplateError> {
        finished.wait()
        return parsed!
    }
}
