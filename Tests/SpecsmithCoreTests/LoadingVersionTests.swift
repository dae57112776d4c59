import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

@Suite("Loading: versions")
struct LoadingVersionTests {
    @Test("a Swagger 2.0 document is refused with one error that suggests converting it")
    func swagger2() {
        let result = LoadingFixtures.load("swagger2.yaml")
        #expect(result.document == nil)
        #expect(
            LoadingFixtures.lines(result) == [
                "swagger2.yaml:1:1: error: Swagger 2.0 documents are not supported; Specsmith reads OpenAPI 3.0, 3.1 "
                    + "and 3.2"
            ]
        )
        #expect(result.diagnostics.first?.note?.contains("swagger2openapi") == true)
    }

    @Test("an unknown version is an error at its value")
    func unknownVersion() {
        let result = LoadingFixtures.load("version-unknown.yaml")
        #expect(result.document == nil)
        #expect(
            LoadingFixtures.lines(result) == [
                "version-unknown.yaml:1:10: error: unsupported OpenAPI version \"3.3.0\"; Specsmith reads 3.0.x, "
                    + "3.1.x and 3.2.x"
            ]
        )
    }

    @Test("a missing version is an error at the document's start")
    func missingVersion() {
        let result = LoadingFixtures.load("version-missing.yaml")
        #expect(result.document == nil)
        #expect(
            LoadingFixtures.lines(result) == [
                "version-missing.yaml:1:1: error: missing \"openapi\" version; an OpenAPI document starts with, for example, `openapi: 3.1.0`"
            ]
        )
    }

    @Test(
        "every supported version is accepted",
        arguments: ["3.0.0", "3.0.1", "3.0.2", "3.0.3", "3.0.4", "3.1.0", "3.1.1", "3.1.2", "3.1.10", "3.2.0", "3.2.1"]
    )
    func supportedVersions(version: String) throws {
        let text = "openapi: \(version)\ninfo: {title: T, version: '1'}\npaths: {}\n"
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "memory.yaml")
        #expect(result.diagnostics == [])
        let document = try #require(result.document)
        #expect(document.versionText == version)
        #expect(document.version == OpenAPIVersion(rawValue: String(version.prefix(3))))
    }

    @Test(
        "a version that is no 3.0, 3.1 or 3.2 patch release is refused",
        arguments: ["3.1", "3.1.", "3.1.0-rc1", "3.10.0", "3.2", "3.2.0-rc1", "3.3.0", "4.0.0"])
    func unsupportedVersions(version: String) {
        let text = "openapi: \(version)\ninfo: {title: T, version: '1'}\npaths: {}\n"
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "memory.yaml")
        #expect(result.document == nil)
        #expect(result.diagnostics.map(\.message) == [
            "unsupported OpenAPI version \"\(version)\"; Specsmith reads 3.0.x, 3.1.x and 3.2.x"
        ])
    }

    @Test("a file that cannot be read is an error without a location")
    func unreadableFile() {
        let result = DocumentLoader().load(file: LoadingFixtures.path("no-such-file.yaml"))
        #expect(result.document == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "error: cannot read \"\(LoadingFixtures.path("no-such-file.yaml"))\""
            ]
        )
    }
}
