import Foundation
import SpecsmithCore
import Testing

/// How the members that keep a closed object's undeclared names (`additionalProperties: false`) are laid out
/// at every depth of nesting: their doc comment wrapped to the width left at the struct's indentation, and
/// the statement that reads them on one line where it fits, else one argument per line, as swift-format does.
@Suite struct ForbiddenExtrasRenderingTests {
    static let sentence =
        "The names this value arrived with that its schema does not declare, sorted: `validate()` reports each "
        + "(`additionalProperties: false`)."

    /// The models file of a closed object whose property `n` is a closed object, `depth` levels deep.
    func models(depth: Int) throws -> String {
        var schema = "{type: object, additionalProperties: false, properties: {a: {type: string}}}"
        for _ in 1..<depth {
            schema = "{type: object, additionalProperties: false, properties: {n: \(schema)}}"
        }
        let folder = try TemporaryFolder("specsmith-extras")
        let path = folder.path + "/spec.yaml"
        try """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                Outer: \(schema)
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try withExtendedLifetime(folder) {
            Pipeline(templates: try TemplateSet.defaults())
                .generate(GenerationJob(spec: path, output: folder.path + "/out", module: "T"))
        }
        let files = try #require(result.files)
        return try #require(files.first { $0.name == "Models.swift" }).contents
    }

    /// The sentence filled word by word into lines of at most `width` characters.
    static func filled(width: Int) -> [String] {
        var lines: [String] = []
        for word in sentence.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines
    }

    @Test func theDocAndTheReadingStatementFitEveryDepth() throws {
        let depth = 11
        let lines = try models(depth: depth).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for level in 0..<depth {
            let member = String(repeating: " ", count: level * 4 + 4)
            let doc = Self.filled(width: 120 - member.count - 4).map { member + "/// " + $0 }
            let start = try #require(
                lines.firstIndex(of: doc[0]), "level \(level): no doc comment starts \(doc[0].debugDescription)")
            #expect(Array(lines[start..<min(lines.count, start + doc.count)]) == doc, "level \(level)")
            #expect(lines[start + doc.count] == member + "let undeclaredKeys: [String]", "level \(level)")

            let statement = member + "    "
            let call = "self.undeclaredKeys = try UndeclaredProperties.keys(in: decoder, declared: CodingKeys.self)"
            let expected =
                statement.count + call.count <= 120
                ? [statement + call]
                : [
                    statement + "self.undeclaredKeys = try UndeclaredProperties.keys(",
                    statement + "    in: decoder,",
                    statement + "    declared: CodingKeys.self",
                    statement + ")",
                ]
            let read = try #require(
                lines.firstIndex(of: expected[0]), "level \(level): no line \(expected[0].debugDescription)")
            #expect(Array(lines[read..<min(lines.count, read + expected.count)]) == expected, "level \(level)")
        }
    }
}
