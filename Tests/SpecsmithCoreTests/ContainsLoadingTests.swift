import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

@Suite("Loading: contains")
struct ContainsLoadingTests {
    @Test("contains, minContains and maxContains are read, in 3.0 with a warning; each applies to arrays")
    func containsIsReadWithItsCounts() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A:
                  type: array
                  contains: {minimum: 90}
                  minContains: 2
                  maxContains: 3
                B: {type: string, contains: {}}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "c.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "c.yaml:8:7: warning: \"contains\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "c.yaml:9:7: warning: \"minContains\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "c.yaml:10:7: warning: \"maxContains\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "c.yaml:11:23: warning: \"contains\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "c.yaml:11:23: warning: \"contains\" applies to arrays; it has no effect on type string",
            ]
        )
        let a = try #require(result.document?.components.schemas["A"])
        #expect(a.contains?.minimum?.text == "90")
        #expect(a.minContains == 2 && a.maxContains == 3)
    }
}
