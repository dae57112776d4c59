import Foundation
import SpecsmithCore
import Testing

/// Every top-level type gets a name no other top-level type has, whichever way it was declared.
@Suite struct TopLevelNamesTests {
    /// An inline array body declares its item type at the top level (`ListThingsRequestItem`); a schema
    /// of another file met later asks for the same name and must get another.
    @Test func anInlineItemTypeKeepsItsNameFromALaterExternalSchema() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("specsmith-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
        ListThingsRequestItem:
          type: object
          properties: {z: {type: integer}}
        """.write(toFile: folder + "/other.yaml", atomically: true, encoding: .utf8)
        try """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /a:
            post:
              operationId: listThings
              requestBody:
                content:
                  application/json:
                    schema:
                      type: array
                      items: {type: object, properties: {x: {type: string}}}
              responses:
                "204": {description: ok}
          /b:
            post:
              operationId: other
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "other.yaml#/ListThingsRequestItem"}
              responses:
                "204": {description: ok}
        """.write(toFile: folder + "/spec.yaml", atomically: true, encoding: .utf8)
        let result = Pipeline(templates: try TemplateSet.defaults()).generate(
            GenerationJob(spec: folder + "/spec.yaml", output: folder + "/out", module: "T"))
        let files = try #require(result.files, "\(result.diagnostics)")
        let declared = files.flatMap { file in
            file.contents.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("public struct ") else { return nil }
                return String(line.dropFirst("public struct ".count).prefix { $0 != ":" && $0 != " " })
            }
        }
        #expect(declared.sorted() == ["ListThingsRequestItem", "ListThingsRequestItem2", "TClient"])
    }

    /// A schema named like one of SpecsmithRuntime's public types gets another name, whichever type it
    /// is: generated code refers to the runtime's types by their plain names, which a generated type of
    /// the same name would shadow. The names are read from the runtime's sources, so a type added there
    /// later is covered too.
    @Test func noSchemaShadowsARuntimeType() throws {
        let runtime = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SpecsmithRuntime")
        let enumerator = try #require(FileManager.default.enumerator(atPath: runtime.path))
        var runtimeTypes: Set<String> = []
        let declaration = /^public (?:final )?(?:struct|enum|protocol|class|actor|typealias) ([A-Za-z_][A-Za-z0-9_]*)/
        for case let file as String in enumerator where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: runtime.appendingPathComponent(file).path, encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = line.firstMatch(of: declaration) { runtimeTypes.insert(String(match.1)) }
            }
        }
        #expect(runtimeTypes.count > 20, "found only \(runtimeTypes.sorted()) in \(runtime.path)")

        let schemas = runtimeTypes.sorted().map { "    \($0): {type: object, properties: {a: {type: string}}}" }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("specsmith-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths: {}
        components:
          schemas:
        \(schemas.joined(separator: "\n"))
        """.write(toFile: folder + "/spec.yaml", atomically: true, encoding: .utf8)
        let result = Pipeline(templates: try TemplateSet.defaults()).generate(
            GenerationJob(spec: folder + "/spec.yaml", output: folder + "/out", module: "T"))
        let files = try #require(result.files, "\(result.diagnostics)")
        let declared = Set(
            files.flatMap { file in
                file.contents.split(separator: "\n").compactMap { line -> String? in
                    guard line.hasPrefix("public struct ") else { return nil }
                    return String(line.dropFirst("public struct ".count).prefix { $0 != ":" && $0 != " " })
                }
            })
        #expect(declared.count == runtimeTypes.count)
        #expect(declared.isDisjoint(with: runtimeTypes), "shadowed: \(declared.intersection(runtimeTypes).sorted())")
    }
}
