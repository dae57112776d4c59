@testable import SpecsmithCore
import SpecsmithDiagnostics

/// The default templates, loaded once.
private let templates = try! TemplateSet.defaults()

/// libFuzzer's entry point: the whole generation of one document, in memory, as `Pipeline.generate`
/// runs it (load, translate, render) but from bytes instead of a file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGenerate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let job = GenerationJob(spec: "spec.yaml", output: "Generated", module: "FuzzAPI")
    let loaded = DocumentLoader().load(bytes: bytes, file: "/nonexistent-specsmith-fuzz/spec.yaml")
    guard let document = loaded.document, !loaded.diagnostics.hasErrors else { return 0 }
    let translated = Translator(job: job).translate(document)
    guard !translated.diagnostics.hasErrors else { return 0 }
    _ = try? Renderer(templates: templates).render(translated.model)
    return 0
}
