import SpecsmithCore
import SpecsmithDiagnostics

/// libFuzzer's entry point: loads the bytes as an OpenAPI document with the default limits, as if read
/// from a file in a folder that does not exist (so `$ref`s to other files find nothing), and renders
/// every diagnostic as the CLI would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = DocumentLoader().load(bytes: bytes, file: "/nonexistent-specsmith-fuzz/spec.yaml")
    let sources = result.sources
    _ = DiagnosticRenderer(source: { sources[$0] }).render(result.diagnostics)
    return 0
}
