import Foundation
import SpecsmithCore
import SpecsmithDiagnostics
import Testing

@Suite struct TemplateSetTests {
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder("specsmith-templates")
    }

    /// A new folder in this test's temporary folder, holding `files`.
    func makeFolder(_ files: [String: String]) throws -> String {
        let folder = scratch.path + "/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let spec = """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        components:
          schemas:
            Pet:
              type: object
              description: A <pet> & "friend".
              properties:
                name: {type: string}
        """

    func generate(_ templates: TemplateSet) throws -> [GeneratedFile] {
        let folder = try makeFolder(["spec.yaml": Self.spec])
        let result = Pipeline(templates: templates).generate(
            GenerationJob(spec: folder + "/spec.yaml", output: folder + "/out", module: "T"))
        return try #require(result.files, "\(result.diagnostics)")
    }

    @Test func defaultsCoverEveryKindOfFile() throws {
        let names = Set(try TemplateSet.defaults().origins.keys)
        #expect(names.isSuperset(of: ["header", "models", "struct", "enum", "alias", "validation", "redaction", "servers", "operations"]))
    }

    @Test func anOverrideReplacesTheDefaultOfTheSameNameOnly() throws {
        let folder = try makeFolder(["header.mustache": "// Custom header for {{spec}}."])
        let templates = try TemplateSet(overrides: folder)
        #expect(templates.origins["header"] == folder + "/header.mustache")
        #expect(templates.origins["struct"] == "Templates/struct.mustache")
        let models = try #require(try generate(templates).first { $0.name == "Models.swift" })
        #expect(models.contents.hasPrefix("// Custom header for "))
        #expect(models.contents.contains("public struct Pet: Codable, Hashable, Sendable {"))
    }

    @Test func nothingIsHTMLEscaped() throws {
        let models = try #require(try generate(TemplateSet.defaults()).first { $0.name == "Models.swift" })
        #expect(models.contents.contains(#"/// A <pet> & "friend"."#))
    }

    @Test func aTemplateThatDoesNotParseNamesItsFileAndLine() throws {
        let folder = try makeFolder(["struct.mustache": "line one\n{{#properties}}\nno end\n"])
        #expect {
            try TemplateSet(overrides: folder)
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            let location = error.diagnostic.location
            return location?.file == folder + "/struct.mustache" && location?.line == 2 && location?.column == 1
                && error.diagnostic.message == "{{#properties}} is never closed"
                && error.sources == [folder + "/struct.mustache": "line one\n{{#properties}}\nno end\n"]
        }
    }

    /// A type's text is handed to its parent without its last `Character`, the newline tidying ends
    /// with: after a template's carriage return, `\r\n`. Lines that are not empty are indented.
    @Test func aNestedTypeFromATemplateWithCarriageReturnsIsPlacedWithoutItsLastLineBreak() throws {
        let folder = try makeFolder([
            "spec.yaml": """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    owner: {type: object, properties: {name: {type: string}}}
            """,
            "struct.mustache": "struct {{name}} {\r\n{{#nested}}{{.}}\n{{/nested}}}\r\n",
        ])
        let result = Pipeline(templates: try TemplateSet(overrides: folder)).generate(
            GenerationJob(spec: folder + "/spec.yaml", output: folder + "/out", module: "T"))
        let models = try #require(result.files?.first { $0.name == "Models.swift" })
        #expect(models.contents.hasSuffix("\nstruct Pet {\r\n    struct Owner {\r\n    }\n}\n"))
    }

    /// Models.swift holds each type's text as tidying leaves it, without blank lines at its top or white
    /// space at its end, wherever a template places it: here with no blank line between types, and text
    /// after each on its last line. With carriage returns, tidying takes only the last one off.
    @Test func aTypeIsPlacedInItsFileAsTidyingLeavesIt() throws {
        func models(_ structTemplate: String) throws -> String {
            let folder = try makeFolder([
                "spec.yaml": """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                components:
                  schemas:
                    Pet: {type: object, properties: {name: {type: string}}}
                    Toy: {type: object, properties: {size: {type: integer}}}
                """,
                "models.mustache": "// models\n{{#types}}\n{{.}} // end\n{{/types}}\n",
                "struct.mustache": structTemplate,
            ])
            let result = Pipeline(templates: try TemplateSet(overrides: folder)).generate(
                GenerationJob(spec: folder + "/spec.yaml", output: folder + "/out", module: "T"))
            return try #require(result.files?.first { $0.name == "Models.swift" }).contents
        }
        #expect(
            try models("\n  \n\t\nstruct {{name}} {\n    let x: Int  \n\n}   \n\n  \n")
                == "// models\nstruct Pet {\n    let x: Int\n} // end\nstruct Toy {\n    let x: Int\n} // end\n")
        #expect(
            try models("struct {{name}} {\r\n}\r\n\r\n")
                == "// models\nstruct Pet {\r\n}\r\n // end\nstruct Toy {\r\n}\r\n // end\n")
    }

    @Test func aPartialThatDoesNotExistIsAnErrorWhereItIsNamed() throws {
        let folder = try makeFolder(["models.mustache": "{{> header}}\n\n  {{> footer}}\n"])
        #expect {
            try TemplateSet(overrides: folder)
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.diagnostic.location == SourceLocation(file: folder + "/models.mustache", line: 3, column: 3)
                && error.diagnostic.message == "no template named footer.mustache for this partial"
                && error.sources == [folder + "/models.mustache": "{{> header}}\n\n  {{> footer}}\n"]
        }
    }

    /// A pipeline that parses its templates while the document loads generates what one given parsed
    /// templates does.
    @Test func templatesParsedMeanwhileGenerateTheSameFiles() throws {
        let templates = try makeFolder(["header.mustache": "// Custom header for {{spec}}."])
        let folder = try makeFolder(["spec.yaml": Self.spec])
        let job = GenerationJob(spec: folder + "/spec.yaml", output: folder + "/out", module: "T")
        let meanwhile = Pipeline(templates: ParsingTemplates(in: templates)).generate(job)
        let before = Pipeline(templates: try TemplateSet(overrides: templates)).generate(job)
        let files = try #require(meanwhile.files, "\(meanwhile.diagnostics)")
        #expect(files == before.files)
        #expect(files.first { $0.name == "Models.swift" }?.contents.hasPrefix("// Custom header for ") == true)
    }

    /// A template's error comes with the document's diagnostics, errors included, with the template's text to
    /// show its line.
    @Test func aTemplateErrorIsReportedBesideTheDocumentsOwn() throws {
        let templates = try makeFolder(["struct.mustache": "struct {{name}} {\n  {{#fields}}\n}\n"])
        let folder = try makeFolder([
            "good.yaml": Self.spec + "\n    Empty: {type: object, minimum: 1}\n",
            "bad.yaml": "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {get: 1}\n",
        ])
        let pipeline = Pipeline(templates: ParsingTemplates(in: templates))
        for (spec, documentSays) in [("good.yaml", "warning: "), ("bad.yaml", "error: ")] {
            let result = pipeline.generate(GenerationJob(spec: folder + "/" + spec, output: folder, module: "T"))
            #expect(result.files == nil)
            let messages = result.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix(folder + "/" + spec) && $0.contains(documentSays) })
            #expect(messages.contains { $0.hasPrefix(templates + "/struct.mustache:2:3: error: ") })
            #expect(result.sources[templates + "/struct.mustache"] == "struct {{name}} {\n  {{#fields}}\n}\n")
        }
    }

    /// The messages of generating `spec` with `templates` in place of the defaults, which must fail.
    func failedMessages(templates: [String: String], spec: String) throws -> [String] {
        let overrides = try makeFolder(templates)
        let folder = try makeFolder(["spec.yaml": spec])
        let result = Pipeline(templates: try TemplateSet(overrides: overrides)).generate(
            GenerationJob(spec: folder + "/spec.yaml", output: folder + "/out", module: "T"))
        #expect(result.files == nil)
        return result.diagnostics.map(\.message)
    }

    /// The client's files render after the other files of operations, but an error of the client's template is
    /// reported before theirs, as when the client's files rendered first.
    @Test func theClientsTemplateErrorIsReportedFirst() throws {
        let messages = try failedMessages(
            templates: ["client.mustache": "{{operations}}\n", "servers.mustache": "{{servers}}\n"],
            spec: """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                servers: [{url: "https://example.com"}]
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses:
                        "200": {description: OK}
                """)
        #expect(messages.contains { $0.hasPrefix("{{operations}} is a list") }, "\(messages)")
        #expect(!messages.contains { $0.hasPrefix("{{servers}} is a list") }, "\(messages)")
    }

    /// The checks' files render before the models' (they take longer), yet an error is reported in the
    /// files' order: the models' first.
    @Test func theModelsTemplateErrorIsReportedBeforeTheChecks() throws {
        let messages = try failedMessages(
            templates: ["models.mustache": "{{types}}\n", "validation.mustache": "{{structs}}\n"],
            spec: """
                openapi: 3.1.0
                info: {title: t, version: "1"}
                components:
                  schemas:
                    Pet: {type: object, properties: {name: {type: string, maxLength: 5}}}
                """)
        #expect(messages.contains { $0.hasPrefix("{{types}} is a list") }, "\(messages)")
        #expect(!messages.contains { $0.hasPrefix("{{structs}} is a list") }, "\(messages)")
    }
}
