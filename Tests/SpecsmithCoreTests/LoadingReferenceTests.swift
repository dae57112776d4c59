import Foundation
import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

@testable import SpecsmithCore

@Suite("Loading: $ref resolution")
struct LoadingReferenceTests {
    @Test("cycles between schemas stay references and resolve through the schema table")
    func schemaCycles() throws {
        let result = LoadingFixtures.load("ref-cycle.yaml")
        #expect(LoadingFixtures.lines(result) == [])
        let document = try LoadingFixtures.document(result)
        #expect(document.components.schemas.keys == ["Node", "Person", "Alias"])

        let node = try #require(document.components.schemas["Node"])
        let items = try #require(node.properties["children"]?.items)
        let selfReference = try #require(items.ref)
        #expect(selfReference.id == document.componentSchemaID("Node"))
        #expect(selfReference.id.hasSuffix("ref-cycle.yaml#/components/schemas/Node"))
        #expect(selfReference.written == "#/components/schemas/Node")
        #expect(selfReference.name == "Node")
        #expect(selfReference.componentName == "Node")
        #expect(selfReference.location.line == 12)
        #expect(selfReference.location.column == 19)
        #expect(items.isPureReference)
        #expect(document.schema(for: selfReference) == node)

        // Node -> Person -> Node.
        let owner = try #require(node.properties["owner"]?.ref)
        let person = document.schema(for: owner)
        let back = try #require(person.properties["root"]?.ref)
        #expect(document.schema(for: back).types == [.object])
        #expect(document.schema(for: back).properties.keys == ["children", "owner"])

        // A component that is only a reference keeps it; dereferenced follows it.
        let alias = try #require(document.components.schemas["Alias"])
        #expect(alias.ref?.componentName == "Person")
        #expect(document.dereferenced(alias) == person)
        // Every component is in the table under its canonical id.
        for name in document.components.schemas.keys {
            #expect(document.schemas[document.componentSchemaID(name)] == document.components.schemas[name])
        }
    }

    @Test("in 3.1 keywords next to a schema $ref apply together with the reference")
    func siblingsIn31() throws {
        let result = LoadingFixtures.load("ref-siblings-31.yaml")
        #expect(LoadingFixtures.lines(result) == [])
        let document = try LoadingFixtures.document(result)
        let name = try #require(document.components.schemas["Pet"]?.properties["name"])
        #expect(name.ref?.componentName == "Name")
        #expect(name.description == "The pet's name.")
        #expect(name.maxLength == 20)
        #expect(!name.isPureReference)
        #expect(document.schema(for: try #require(name.ref)).maxLength == 100)
    }

    @Test("in 3.1 a description next to the $ref of a parameter, request body, response or header replaces its own")
    func referenceObjectDescriptionsIn31() throws {
        let result = LoadingFixtures.load("ref-object-siblings-31.yaml")
        #expect(LoadingFixtures.lines(result) == [])
        let document = try LoadingFixtures.document(result)
        let file = LoadingFixtures.path("ref-object-siblings-31.yaml")
        let put = try #require(document.paths["/pets/{id}"]?.operation(.put))
        #expect(put.parameters.map(\.description) == ["The pet to replace."])
        #expect(put.parameters.map(\.referenceID) == [file + "#/components/parameters/Id"])
        #expect(put.requestBody?.description == "The new pet.")
        #expect(put.requestBody?.referenceID == file + "#/components/requestBodies/Pet")
        let stored = try #require(put.responses[.code(200)])
        #expect(stored.description == "The pet as stored.")
        #expect(stored.referenceID == file + "#/components/responses/Pet")
        #expect(stored.headers["X-Rate"]?.description == "Requests left this hour.")
        #expect(stored.headers["X-Rate"]?.referenceID == file + "#/components/headers/Rate")
        // Without a description next to it, the referenced one's stays; the components keep their own.
        #expect(put.responses[.code(404)]?.description == "No such pet.")
        #expect(document.components.parameters["Id"]?.description == "A pet's id.")
        #expect(document.components.responses["Pet"]?.description == "A pet.")
    }

    @Test("in 3.0 keywords next to a schema $ref are ignored with one warning")
    func siblingsIn30() throws {
        let result = LoadingFixtures.load("ref-siblings-30.yaml")
        #expect(
            LoadingFixtures.lines(result) == [
                "ref-siblings-30.yaml:13:11: warning: OpenAPI 3.0 ignores keys next to $ref; ignored: \"description\", \"maxLength\""
            ]
        )
        let name = try #require(try LoadingFixtures.document(result).components.schemas["Pet"]?.properties["name"])
        #expect(name.isPureReference)
        #expect(name.description == nil)
        #expect(name.maxLength == nil)
    }

    @Test("references into another file resolve relative to the referring file, which is read once")
    func externalFile() throws {
        let result = LoadingFixtures.load("external/main.yaml")
        #expect(LoadingFixtures.lines(result) == [])
        let document = try LoadingFixtures.document(result)
        let common = LoadingFixtures.path("external/shared/common.yaml")
        #expect(
            Set(result.sources.keys) == [
                LoadingFixtures.path("external/main.yaml"), common, LoadingFixtures.path("external/shared/label.yaml"),
            ]
        )

        let operation = try #require(document.paths["/pets"]?.operation(.get))
        let items = try #require(operation.responses[.code(200)]?.content["application/json"]?.schema?.items)
        let pet = try #require(items.ref)
        #expect(pet.id == common + "#/schemas/Pet")
        #expect(pet.file == common)
        #expect(pet.pointer == "/schemas/Pet")
        #expect(pet.componentName == nil)
        #expect(pet.name == "Pet")
        // `./shared/...` and `shared/...` are the same target.
        #expect(document.components.schemas["Owner"]?.properties["pet"]?.ref?.id == pet.id)

        let petSchema = document.schema(for: pet)
        #expect(petSchema.required == ["id"])
        #expect(petSchema.properties["id"]?.format == "int64")
        #expect(petSchema.location.file == common)
        // A `#/...` reference inside the other file points into that file.
        #expect(petSchema.properties["tag"]?.ref?.id == common + "#/schemas/Tag")
        #expect(document.schema(for: try #require(petSchema.properties["tag"]?.ref)).types == [.string])

        // A reference to a whole file.
        let label = try #require(document.components.schemas["Owner"]?.properties["label"]?.ref)
        #expect(label.id == LoadingFixtures.path("external/shared/label.yaml") + "#")
        #expect(label.pointer == "")
        #expect(label.name == "label")
        #expect(document.schema(for: label).minLength == 1)

        // A parameter from the other file is inlined.
        let limit = try #require(operation.parameters.first)
        #expect(limit.name == "limit")
        #expect(limit.in == .query)
        #expect(limit.schema?.maximum?.text == "100")
        #expect(limit.referenceID == common + "#/parameters/Limit")
        #expect(limit.location.file == common)
    }

    @Test("a reference that cannot be resolved is an error at the $ref naming the target")
    func missingTargets() throws {
        let result = LoadingFixtures.load("missing-target.yaml")
        #expect(
            LoadingFixtures.lines(result) == [
                "missing-target.yaml:7:17: error: cannot resolve $ref \"#/components/parameters/Nope\": \"#/components\" has no \"parameters\"",
                "missing-target.yaml:21:17: error: cannot resolve $ref \"#/components/schemas/Pett\": \"#/components/schemas\" has no \"Pett\"",
                "missing-target.yaml:23:17: error: cannot resolve $ref \"absent.yaml#/Pet\": cannot read file \"absent.yaml\"",
            ]
        )
        let document = try LoadingFixtures.document(result)
        // The rest of the document is still read.
        let pet = try #require(
            document.paths["/pets"]?.operation(.get)?.responses[.code(200)]?.content["application/json"]?.schema
        )
        #expect(pet.ref?.componentName == "Pet")
        #expect(document.paths["/pets"]?.operation(.get)?.parameters == [])
    }

    @Test("non-schema references are inlined; pointers use ~0, ~1 and percent-encoding")
    func pointersAndInlining() throws {
        let result = LoadingFixtures.load("pointers.yaml")
        #expect(LoadingFixtures.lines(result) == [])
        let document = try LoadingFixtures.document(result)
        let file = LoadingFixtures.path("pointers.yaml")

        let pets = try #require(document.paths["/pets/{id}"])
        #expect(pets.parameters.map(\.name) == ["id"])
        let get = try #require(pets.operation(.get))
        // Path-level parameters first, then the operation's own.
        #expect(get.parameters.map(\.name) == ["id", "verbose"])
        #expect(get.parameters[0].referenceID == file + "#/components/parameters/Id")
        #expect(get.parameters[0].required)
        let response = try #require(get.responses[.code(200)])
        #expect(response.description == "A pet.")
        #expect(response.referenceID == file + "#/components/responses/Pet")
        #expect(response.content["application/json"]?.schema?.ref?.componentName == "Pet")

        let put = try #require(pets.operation(.put))
        #expect(put.requestBody?.required == true)
        #expect(put.requestBody?.referenceID == file + "#/components/requestBodies/Pet")
        #expect(pets.operations.map(\.method) == [.get, .put])

        // `~1` is `/`, `%7B` is `{`, and the pointer passes through the request body's $ref.
        let copy = try #require(
            document.paths["/copies"]?.operation(.get)?.responses[.code(200)]?.content["application/json"]?.schema?.ref
        )
        #expect(copy.id == file + "#/paths/~1pets~1{id}/put/requestBody/content/application~1json/schema")
        #expect(copy.name == "schema")
        #expect(document.schema(for: copy).properties.keys == ["name"])

        // `~0` is `~`.
        let tilde = try #require(document.components.schemas["Tilde"]?.ref)
        #expect(tilde.name == "tilde~name")
        #expect(document.schema(for: tilde).types == [.string])
    }

    @Test("a description given as $ref to a missing file is one warning for the document, not an error")
    func missingDescriptionFiles() throws {
        let result = LoadingFixtures.load("description-ref.yaml")
        #expect(
            LoadingFixtures.lines(result) == [
                "description-ref.yaml:7:15: warning: cannot read \"./texts/missing-a.md\", given as $ref for a description; "
                    + "this and 1 more descriptions given as $ref to missing files are left empty"
            ]
        )
        let document = try LoadingFixtures.document(result)
        #expect(document.paths["/a"]?.operation(.get)?.description == nil)
        // A file that exists becomes the description.
        #expect(document.paths["/c"]?.operation(.get)?.description == "Lists **things**.")
    }

    @Test("in-memory documents resolve external files relative to the given path")
    func bytesWithExternalReference() throws {
        let text = """
            openapi: 3.1.0
            info: {title: Memory, version: "1"}
            components:
              schemas:
                Pet: {$ref: 'shared/common.yaml#/schemas/Pet'}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: LoadingFixtures.path("external/memory.yaml"))
        #expect(LoadingFixtures.lines(result) == [])
        let document = try LoadingFixtures.document(result)
        let pet = try #require(document.components.schemas["Pet"]?.ref)
        #expect(document.schema(for: pet).required == ["id"])
    }

    @Test("one file reached by two spellings of its path is read once, and each of its schemas is one schema")
    func oneFileTwoSpellings() throws {
        // The document by a path relative to the current folder; references to it and to a file beside it
        // by their absolute paths.
        let memory = LoadingFixtures.path("external/memory.yaml")
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let root = String(repeating: "../", count: depth) + memory.dropFirst()
        let common = LoadingFixtures.path("external/shared/common.yaml")
        let text = """
            openapi: 3.1.0
            info: {title: Memory, version: "1"}
            components:
              schemas:
                Relative: {$ref: 'shared/common.yaml#/schemas/Pet'}
                Absolute: {$ref: '\(common)#/schemas/Pet'}
                Back: {$ref: '\(memory)#/components/schemas/Relative'}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: root)
        #expect(LoadingFixtures.lines(result) == [])
        let document = try LoadingFixtures.document(result)
        let relative = try #require(document.components.schemas["Relative"]?.ref)
        #expect(document.components.schemas["Absolute"]?.ref?.id == relative.id)
        #expect(document.components.schemas["Back"]?.ref?.id == document.componentSchemaID("Relative"))
        #expect(result.sources.count == 2)
    }

    @Test("a cycle of non-schema references is an error at the $ref that closes it")
    func parameterCycle() throws {
        let result = LoadingFixtures.load("parameter-cycle.yaml")
        #expect(
            LoadingFixtures.lines(result) == [
                "parameter-cycle.yaml:13:13: error: $ref \"#/components/parameters/B\" refers back to itself through a cycle of references",
                "parameter-cycle.yaml:15:13: error: $ref \"#/components/parameters/A\" refers back to itself through a cycle of references",
            ]
        )
        let document = try LoadingFixtures.document(result)
        #expect(document.paths["/things"]?.operation(.get)?.parameters == [])
    }

    @Test("a long chain of schema references loads without deep recursion")
    func longSchemaChain() throws {
        let count = 20_000
        var text = "openapi: 3.1.0\ninfo: {title: Chain, version: '1'}\ncomponents:\n  schemas:\n"
        for index in 0..<count {
            text += "    S\(index): {$ref: '#/components/schemas/S\(index + 1)'}\n"
        }
        text += "    S\(count): {type: string}\n"
        // Far beyond the default maxRefChain, which HostileInputTests covers: raised here.
        let loader = DocumentLoader(limits: LoadLimits(maxRefChain: count + 1))
        let result = loader.load(bytes: Array(text.utf8), file: "chain.yaml")
        #expect(result.diagnostics == [])
        let document = try #require(result.document)
        #expect(document.components.schemas.count == count + 1)
        let first = try #require(document.components.schemas["S0"])
        #expect(document.dereferenced(first).types == [.string])
    }

    /// Pointers are split and paths normalised from their bytes; the edge cases must read as the
    /// character-based definitions say.
    @Test("pointer tokens and normalised paths at their edges")
    func pointerTokensAndPathsAtEdges() {
        #expect(JSONPointer.tokens("") == [])
        #expect(JSONPointer.tokens("/") == [""])
        #expect(JSONPointer.tokens("//a/") == ["", "a", ""])
        #expect(JSONPointer.tokens("a/b") == ["a", "b"])
        #expect(JSONPointer.tokens("/a~01/~2/~1~0/é~1") == ["a~1", "~2", "/~", "é/"])
        #expect(ReferenceParsing.normalise("") == "")
        #expect(ReferenceParsing.normalise("./") == "")
        #expect(ReferenceParsing.normalise("a/./b/../c") == "a/c")
        #expect(ReferenceParsing.normalise("//x//y/.") == "/x/y")
        #expect(ReferenceParsing.normalise("/../a/..b/.c") == "/a/..b/.c")
        #expect(ReferenceParsing.normalise("a/../../b/../..") == "../..")
        #expect(ReferenceParsing.normalise("../x/../../y") == "../../y")
        #expect(ReferenceParsing.normalise("é/../b/./ü") == "b/ü")
    }
}
