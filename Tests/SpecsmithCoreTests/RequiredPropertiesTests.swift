import Testing

@testable import SpecsmithCore

/// A struct's property is required exactly when its schema's `required` names it, whatever the order and
/// the length of the list (the translator matches a list in the properties' order without hashing it).
@Suite("Generation: required properties")
struct RequiredPropertiesTests {
    /// The names of the non-optional properties of each struct, by struct name, and the warnings.
    static func required(_ schemas: String) throws -> (structs: [String: [String]], warnings: [String]) {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
            \(schemas)
            """
        let loaded = DocumentLoader(concurrency: .sequential).load(bytes: Array(text.utf8), file: "r.yaml")
        let document = try #require(loaded.document)
        let job = GenerationJob(spec: "r.yaml", output: "", module: "R")
        let translated = Translator(job: job, concurrency: .sequential).translate(document)
        var structs: [String: [String]] = [:]
        for case .structure(let declaration) in translated.model.types {
            structs[declaration.name] = declaration.properties.filter { !$0.isOptional }.map(\.wireName)
        }
        return (structs, translated.diagnostics.map(\.description))
    }

    /// An object of properties `p0` to `p19` (or as many as `count` says), every one a string, requiring `names`.
    static func object(_ name: String, requiring names: [String], count: Int = 20) -> String {
        let properties = (0..<count).map { "p\($0): {type: string}" }.joined(separator: ", ")
        return "    \(name): {type: object, properties: {\(properties)}, required: [\(names.joined(separator: ", "))]}"
    }

    @Test func longAndShortListsInAnyOrderRequireWhatTheyName() throws {
        let every = (0..<20).map { "p\($0)" }
        let even = every.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let schemas = [
            Self.object("InOrder", requiring: every),
            Self.object("Reversed", requiring: every.reversed()),
            // In order but for a gap, a repeat and a name that is no property, then out of order.
            Self.object("Mixed", requiring: every.filter { $0 != "p3" } + ["p1", "missing", "p3"]),
            Self.object("EvenFirstLast", requiring: Array(even.dropFirst()) + ["p0"]),
            Self.object("Short", requiring: ["p7", "p2", "p9"]),
        ].joined(separator: "\n")
        let (structs, warnings) = try Self.required(schemas)
        #expect(structs["InOrder"] == every)
        #expect(structs["Reversed"] == every)
        #expect(structs["Mixed"] == every)
        #expect(structs["EvenFirstLast"] == even)
        #expect(structs["Short"] == ["p2", "p7", "p9"])
        #expect(
            warnings.contains {
                $0.contains("'missing' is required but not among the properties of 'Mixed'")
            })
    }

    /// A long list in the properties' order with other properties between its names (the commonest shape of a
    /// large object's `required`, told without a set), and the same list with one more name out of place.
    @Test func longListsWithGapsRequireWhatTheyName() throws {
        let every = (0..<40).map { "p\($0)" }
        let even = every.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let schemas = [
            Self.object("Gaps", requiring: even, count: 40),
            Self.object("GapsThenOne", requiring: even + ["p1"], count: 40),
        ].joined(separator: "\n")
        let (structs, _) = try Self.required(schemas)
        #expect(structs["Gaps"] == even)
        #expect(structs["GapsThenOne"] == ["p0", "p1"] + even.dropFirst())
    }
}
