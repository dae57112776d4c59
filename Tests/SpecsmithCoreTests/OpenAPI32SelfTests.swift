import Foundation
import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

@Suite("Loading: OpenAPI 3.2 $self")
struct OpenAPI32SelfTests {
    /// A document whose `$self` is not the name of its file, with references to itself by that URI.
    static func selfReferringDocument(version: String) -> String {
        """
        openapi: \(version)
        $self: https://example.com/api/openapi.yaml
        info: {title: T, version: "1"}
        paths:
          /pets:
            get:
              parameters:
                - $ref: 'https://example.com/api/openapi.yaml#/components/parameters/Limit'
              responses:
                '200': {description: OK}
        components:
          parameters:
            Limit: {name: limit, in: query, schema: {type: integer}}
          schemas:
            Pet: {type: object, properties: {name: {type: string}}}
            Owner:
              type: object
              properties:
                pet: {$ref: 'https://example.com/api/openapi.yaml#/components/schemas/Pet'}
                friend: {$ref: 'openapi.yaml#/components/schemas/Pet'}
                sibling: {$ref: './sub/../openapi.yaml#/components/schemas/Pet'}
        """
    }

    @Test("a $ref to the document's own $self, absolute or relative, resolves inside the document, and not in 3.1")
    func referencesToSelf() throws {
        let text = Self.selfReferringDocument(version: "3.2.0")
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "spec.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        let owner = try #require(document.components.schemas["Owner"])
        for name in ["pet", "friend", "sibling"] {
            #expect(owner.properties[name]?.ref?.id == "spec.yaml#/components/schemas/Pet")
        }
        let parameter = try #require(document.paths["/pets"]?.operation(.get)?.parameters.first)
        #expect(parameter.name == "limit")
        #expect(parameter.referenceID == "spec.yaml#/components/parameters/Limit")

        // In 3.1 `$self` is an unknown key, and the references are read as before.
        let in31 = Self.selfReferringDocument(version: "3.1.0")
        let result31 = DocumentLoader().load(bytes: Array(in31.utf8), file: "spec.yaml")
        let url = "references to URLs are not supported; download the file and refer to it by path"
        #expect(
            result31.diagnostics.map(\.description) == [
                "spec.yaml:2:1: warning: unknown key \"$self\" in OpenAPI object; it is ignored",
                "spec.yaml:8:17: error: cannot resolve $ref "
                    + "\"https://example.com/api/openapi.yaml#/components/parameters/Limit\": \(url)",
                "spec.yaml:19:21: error: cannot resolve $ref "
                    + "\"https://example.com/api/openapi.yaml#/components/schemas/Pet\": \(url)",
                "spec.yaml:20:24: error: cannot resolve $ref \"openapi.yaml#/components/schemas/Pet\": "
                    + "cannot read file \"openapi.yaml\"",
                "spec.yaml:21:25: error: cannot resolve $ref \"./sub/../openapi.yaml#/components/schemas/Pet\": "
                    + "cannot read file \"openapi.yaml\"",
            ])
    }

    @Test("a $ref to a URI under $self's base reads the file at that path beside the document, whose $self counts")
    func referencesUnderTheBase() throws {
        let folder = try TemporaryFolder("specsmith-self")
        let root = folder.path + "/spec.yaml"
        let files = [
            root: """
            openapi: 3.2.0
            $self: https://example.com/api/openapi.yaml
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Owner:
                  type: object
                  properties:
                    pet: {$ref: 'https://example.com/api/shared/common.yaml#/Pet'}
                    label: {$ref: 'shared/labels.yaml#/Label'}
            """,
            // No `$self`: the URI it was reached through is its base.
            folder.path + "/shared/common.yaml": """
            Pet:
              type: object
              properties:
                owner: {$ref: 'https://example.com/api/openapi.yaml#/components/schemas/Owner'}
                label: {$ref: 'labels.yaml#/Label'}
            """,
            // A document of its own, whose `$self` is its base.
            folder.path + "/shared/labels.yaml": """
            openapi: 3.2.0
            $self: https://labels.example.org/v1/labels
            Label:
              type: object
              properties:
                tag: {$ref: 'https://labels.example.org/v1/labels#/Tag'}
            Tag: {type: string}
            """,
        ]
        try FileManager.default.createDirectory(atPath: folder.path + "/shared", withIntermediateDirectories: true)
        for (path, text) in files { try text.write(toFile: path, atomically: true, encoding: .utf8) }

        let result = DocumentLoader().load(file: root)
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        let common = folder.path + "/shared/common.yaml"
        let labels = folder.path + "/shared/labels.yaml"
        let owner = try #require(document.components.schemas["Owner"])
        let pet = try #require(owner.properties["pet"]?.ref)
        #expect(pet.id == common + "#/Pet")
        #expect(owner.properties["label"]?.ref?.id == labels + "#/Label")
        let petSchema = document.schema(for: pet)
        #expect(petSchema.properties["owner"]?.ref?.id == root + "#/components/schemas/Owner")
        #expect(petSchema.properties["label"]?.ref?.id == labels + "#/Label")
        let label = try #require(document.schemas[labels + "#/Label"])
        #expect(label.properties["tag"]?.ref?.id == labels + "#/Tag")
    }

    @Test("a $self that a file read before already gave is warned about and ignored; the URI reads the first file")
    func twoFilesClaimingOneURI() throws {
        let folder = try TemporaryFolder("specsmith-self")
        let root = folder.path + "/spec.yaml"
        let other = folder.path + "/shared/pets.yaml"
        let files = [
            root: """
            openapi: 3.2.0
            $self: https://example.com/api/openapi.yaml
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Owner:
                  type: object
                  properties:
                    pet: {$ref: 'shared/pets.yaml#/Pet'}
                    again: {$ref: 'https://example.com/api/openapi.yaml#/components/schemas/Owner'}
            """,
            // Claims the root's URI: its own references are resolved against the URI it was reached through.
            other: """
            openapi: 3.2.0
            $self: https://example.com/api/openapi.yaml
            Pet:
              type: object
              properties:
                tag: {$ref: 'https://example.com/api/shared/pets.yaml#/Tag'}
                owner: {$ref: 'https://example.com/api/openapi.yaml#/components/schemas/Owner'}
            Tag: {type: string}
            """,
        ]
        try FileManager.default.createDirectory(atPath: folder.path + "/shared", withIntermediateDirectories: true)
        for (path, text) in files { try text.write(toFile: path, atomically: true, encoding: .utf8) }

        let result = DocumentLoader().load(file: root)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(other):2:8: warning: \"$self\" \"https://example.com/api/openapi.yaml\" is already the URI of "
                    + "\"\(root)\": it is ignored, and references to it read that file"
            ])
        let document = try #require(result.document)
        let owner = try #require(document.components.schemas["Owner"])
        #expect(owner.properties["again"]?.ref?.id == root + "#/components/schemas/Owner")
        let pet = document.schema(for: try #require(owner.properties["pet"]?.ref))
        #expect(pet.properties["tag"]?.ref?.id == other + "#/Tag")
        #expect(pet.properties["owner"]?.ref?.id == root + "#/components/schemas/Owner")
    }

    @Test(
        "an invalid $self is warned about at its value and ignored; a URI outside its base is not read",
        arguments: [
            (
                "https://example.com/api/openapi.yaml#top",
                "it has a fragment (\"#top\"), which a document's URI must not have"
            ),
            ("https://example.com/my api.yaml", "\" \" must be percent-encoded in a URI"),
            ("https://example.com/%zz.yaml", "\"%\" must start a percent-escape of two hexadecimal digits"),
            ("1api:openapi.yaml", "\"1api\" before \":\" is no URI scheme"),
        ])
    func invalidSelf(value: String, problem: String) {
        let text = """
            openapi: 3.2.0
            $self: '\(value)'
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Pet: {type: object}
                Owner:
                  properties:
                    pet: {$ref: 'https://other.example.com/api/openapi.yaml#/components/schemas/Pet'}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "spec.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "spec.yaml:2:8: warning: invalid \"$self\" \"\(value)\": \(problem); it is ignored, and references are "
                    + "resolved against the file",
                "spec.yaml:10:21: error: cannot resolve $ref "
                    + "\"https://other.example.com/api/openapi.yaml#/components/schemas/Pet\": references to URLs are "
                    + "not supported; download the file and refer to it by path",
            ])
    }
}
