import Foundation
import SpecsmithCore
import Testing

/// A large model, and the operations of a large API, are spread over several files that each take about
/// as long to compile, so that the compiler's batch mode keeps every core busy; where each declaration
/// goes depends only on its name.
@Suite struct SpreadFilesTests {
    /// A spec of `count` object schemas (`Schema0`...), each with a dozen described properties, each of
    /// them `constrained` to a length and a pattern or not.
    static func spec(schemas count: Int, constrained: Bool = false) -> String {
        var text = "openapi: 3.1.0\ninfo: {title: Many, version: \"1\"}\ncomponents:\n  schemas:\n"
        let constraints = constrained ? "minLength: 1, maxLength: 64, pattern: \"^[a-z]+$\", " : ""
        for index in 0..<count {
            text += "    Schema\(index):\n      type: object\n      description: Schema number \(index).\n      properties:\n"
            for property in 0..<12 {
                text += "        field\(property): {type: string, \(constraints)description: Field \(property) of schema \(index).}\n"
            }
        }
        return text
    }

    /// The files generated from `spec`, written as `spec.yaml` in `folder` (which the header names).
    func generate(_ spec: String, in folder: String) throws -> [String: String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try spec.write(toFile: folder + "/spec.yaml", atomically: true, encoding: .utf8)
        let result = Pipeline(templates: try TemplateSet.defaults()).generate(
            GenerationJob(spec: folder + "/spec.yaml", output: folder + "/out", module: "Many"))
        let files = try #require(result.files, "\(result.diagnostics)")
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    static func newFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("specsmith-models-\(UUID().uuidString)").path
    }

    /// The names of the types each file of checks extends.
    func checkedTypes(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("extension "), line.hasSuffix(": Validatable {") else { return nil }
            return String(line.dropFirst("extension ".count).dropLast(": Validatable {".count))
        }
    }

    /// The names of the types each file declares at its top level.
    func declaredTypes(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("public struct ") else { return nil }
            return String(line.dropFirst("public struct ".count).prefix { $0 != ":" })
        }
    }

    /// A spec of `count` object schemas (`Item0`...) of two properties, each described by
    /// `describedBy` characters of text.
    static func spec(schemas count: Int, describedBy length: Int) -> String {
        var text = "openapi: 3.1.0\ninfo: {title: Many, version: \"1\"}\ncomponents:\n  schemas:\n"
        let words = String(repeating: "Words that only document. ", count: length / 26)
        for index in 0..<count {
            text += "    Item\(index):\n      type: object\n      description: \"\(words)\"\n"
            text += "      properties: {a: {type: string}, b: {type: integer}}\n"
        }
        return text
    }

    /// A spec of `count` operations (`GET /items{n}`, `getItem{n}`), each with `parameters` optional
    /// query parameters and answering with a string.
    static func spec(operations count: Int, parameters: Int = 0) -> String {
        var text = "openapi: 3.1.0\ninfo: {title: Many, version: \"1\"}\nservers: [{url: \"https://example.com\"}]\npaths:\n"
        let query = (0..<parameters).map { "{name: q\($0), in: query, schema: {type: string}}" }.joined(separator: ", ")
        for index in 0..<count {
            text += "  /items\(index):\n    get:\n      operationId: getItem\(index)\n"
            if parameters > 0 { text += "      parameters: [\(query)]\n" }
            text += "      responses:\n"
            text += "        \"200\": {description: Item \(index)., content: {application/json: {schema: {type: string}}}}\n"
        }
        return text
    }

    @Test func theOperationsOfALargeAPIAreSpreadOverExtensions() throws {
        let folder = Self.newFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try generate(Self.spec(operations: 400), in: folder)
        for kind in ["Operations", "Client"] {
            let names = before.keys.filter { $0.hasPrefix(kind) }.sorted()
            #expect(names.count > 1 && names.contains("\(kind).swift") && names.contains("\(kind)2.swift"))
            // The first file declares the type, the others extend it.
            #expect(before["\(kind).swift"]!.contains(kind == "Client" ? "public struct ManyClient: Sendable {" : "public enum Operations {"))
            for name in names where name != "\(kind).swift" {
                #expect(before[name]!.contains(kind == "Client" ? "\nextension ManyClient {\n" : "\nextension Operations {\n"))
            }
            // Every operation once.
            let functions = names.flatMap { name in
                before[name]!.split(separator: "\n").filter { $0.contains(" func getItem") }.map { line in
                    line.split(separator: "(")[0].split(separator: " ").last.map(String.init)!
                }
            }
            #expect(functions.sorted() == (0..<400).map { "getItem\($0)" }.sorted())
        }
        // Adding an operation changes one file of each kind.
        let after = try generate(Self.spec(operations: 401), in: folder)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        #expect(changed.filter { $0.hasPrefix("Operations") }.count == 1)
        #expect(changed.filter { $0.hasPrefix("Client") }.count == 1)
    }

    @Test func aClientMethodWeighsByItsArgumentsAndARequestBuilderLittle() throws {
        let folder = Self.newFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func count(_ files: [String: String], _ kind: String) -> Int { files.keys.filter { $0.hasPrefix(kind) }.count }
        // Methods without arguments compile fast: 200 fit one file of each kind.
        let plain = try generate(Self.spec(operations: 200), in: folder)
        #expect(count(plain, "Client") == 1 && count(plain, "Operations") == 1)
        // Four arguments each make the client's methods several files; the builders stay in one.
        let withArguments = try generate(Self.spec(operations: 200, parameters: 4), in: folder)
        #expect(count(withArguments, "Client") > 4)
        #expect(count(withArguments, "Operations") == 1)
    }

    @Test func declarationsNotDocumentationDecideHowManyModelFilesThereAre() throws {
        let folder = Self.newFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Long descriptions make large files that compile fast: one file.
        let documented = try generate(Self.spec(schemas: 30, describedBy: 6_000), in: folder)
        #expect(documented["Models.swift"]!.utf8.count > 150_000)
        #expect(documented.keys.filter { $0.hasPrefix("Models") } == ["Models.swift"])
        // Many short structs make less text that compiles slowly: several files.
        let declared = try generate(Self.spec(schemas: 120, describedBy: 0), in: folder)
        let modelFiles = declared.keys.filter { $0.hasPrefix("Models") }
        #expect(declared.values.reduce(0) { $0 + $1.utf8.count } < 100_000)
        #expect(modelFiles.count > 2)
        #expect(modelFiles.flatMap { declaredTypes(declared[$0]!) }.sorted() == (0..<120).map { "Item\($0)" }.sorted())
    }

    @Test func aSmallModelIsOneFile() throws {
        let folder = Self.newFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try generate(Self.spec(schemas: 3), in: folder)
        #expect(files.keys.filter { $0.hasPrefix("Models") } == ["Models.swift"])
    }

    @Test func aLargeModelIsSpreadOverFilesWithEveryTypeOnce() throws {
        let folder = Self.newFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try generate(Self.spec(schemas: 200), in: folder)
        let modelFiles = files.keys.filter { $0.hasPrefix("Models") }.sorted()
        #expect(modelFiles.count > 1)
        #expect(modelFiles.contains("Models.swift") && modelFiles.contains("Models2.swift"))
        let declared = modelFiles.flatMap { declaredTypes(files[$0]!) }
        #expect(declared.sorted() == (0..<200).map { "Schema\($0)" }.sorted())
        // Like sizes: no file holds more than twice its share.
        let sizes = modelFiles.map { files[$0]!.utf8.count }
        #expect(sizes.max()! < 2 * sizes.reduce(0, +) / sizes.count)
        // Every file stands alone: the generated header and imports.
        for name in modelFiles {
            #expect(files[name]!.hasPrefix("// Generated by Specsmith from "))
            #expect(files[name]!.contains("import SpecsmithRuntime\n"))
        }
    }

    @Test func addingATypeChangesOneModelFile() throws {
        let folder = Self.newFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try generate(Self.spec(schemas: 200), in: folder)
        let after = try generate(Self.spec(schemas: 201), in: folder)
        let modelFiles = Set(before.keys.filter { $0.hasPrefix("Models") })
        #expect(Set(after.keys.filter { $0.hasPrefix("Models") }) == modelFiles)
        let changed = modelFiles.filter { before[$0] != after[$0] }
        #expect(changed.count == 1)
        #expect(changed.first.map { declaredTypes(after[$0]!).contains("Schema200") } == true)
    }

    @Test func theChecksOfALargeModelAreSpreadOverFilesWithEveryTypeOnce() throws {
        let folder = Self.newFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let small = try generate(Self.spec(schemas: 20, constrained: true), in: folder)
        #expect(small.keys.filter { $0.hasPrefix("Validation") } == ["Validation.swift"])
        let files = try generate(Self.spec(schemas: 300, constrained: true), in: folder)
        let checkFiles = files.keys.filter { $0.hasPrefix("Validation") }.sorted()
        #expect(checkFiles.count > 1 && checkFiles.contains("Validation.swift") && checkFiles.contains("Validation2.swift"))
        #expect(checkFiles.flatMap { checkedTypes(files[$0]!) }.sorted() == (0..<300).map { "Schema\($0)" }.sorted())
        let sizes = checkFiles.map { files[$0]!.utf8.count }
        #expect(sizes.max()! < 2 * sizes.reduce(0, +) / sizes.count)
        for name in checkFiles {
            #expect(files[name]!.hasPrefix("// Generated by Specsmith from "))
            #expect(files[name]!.contains("import SpecsmithRuntime\n"))
        }
        // Adding a type changes one file of checks.
        let after = try generate(Self.spec(schemas: 301, constrained: true), in: folder)
        #expect(Set(after.keys.filter { $0.hasPrefix("Validation") }) == Set(checkFiles))
        let changed = checkFiles.filter { files[$0] != after[$0] }
        #expect(changed.count == 1)
        #expect(changed.first.map { checkedTypes(after[$0]!).contains("Schema300") } == true)
    }
}
