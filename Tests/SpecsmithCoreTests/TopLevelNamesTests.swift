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
}
