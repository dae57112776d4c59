import Foundation
import SpecsmithDiagnostics
import SpecsmithRuntime

@testable import SpecsmithCore

/// The JSON Schema Test Suite files in `../shared/json-schema-test-suite`, run through the generator's rules.
enum Suite {
    /// The suite's folder: `../shared/json-schema-test-suite` from the repository root, or the folder that
    /// `SPECSMITH_TEST_SUITE` names (a worktree outside the repository's folder has no `../shared`).
    static let folder: URL = {
        if let path = ProcessInfo.processInfo.environment["SPECSMITH_TEST_SUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/json-schema-test-suite")
    }()

    static var isPresent: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A draft and the OpenAPI version whose schemas speak it.
    struct Draft: Sendable {
        let folder: String
        let openAPI: String
    }

    static let drafts = [Draft(folder: "draft2020-12", openAPI: "3.1.0"), Draft(folder: "draft4", openAPI: "3.0.3")]

    /// Keywords Specsmith states it does not generate, with the reason a group using one is skipped.
    /// The loader's own "not supported" warnings are skips too, with the loader's words.
    static let unsupportedKeywords: [String: String] = [
        "additionalItems": "additionalItems (tuple arrays) is not generated",
    ]

    enum Outcome {
        case passed
        case failed(String)
        case skipped(String)
    }

    struct CaseResult {
        let draft: String
        let keyword: String
        let group: String
        let test: String
        let outcome: Outcome
    }

    /// Runs every case of every file of both drafts.
    static func run() throws -> [CaseResult] {
        var results: [CaseResult] = []
        for draft in drafts {
            let directory = folder.appendingPathComponent(draft.folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
                $0.hasSuffix(".json")
            }.sorted()
            for file in files {
                let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))
                let groups = try RawJSON.parse(bytes)
                let keyword = String(file.dropLast(5))
                for group in groups.items {
                    let groupName = group["description"]?.stringValue ?? "?"
                    let outcomes = runGroup(group, draft: draft)
                    for (test, outcome) in outcomes {
                        results.append(
                            CaseResult(
                                draft: draft.folder,
                                keyword: keyword,
                                group: groupName,
                                test: test,
                                outcome: outcome
                            )
                        )
                    }
                }
            }
        }
        return results
    }

    /// Why a group's schema cannot be generated as it means, or `nil`.
    static func skipReason(schema: RawJSON, draft: Draft, diagnostics: [Diagnostic]) -> String? {
        if let keyword = schema.keys.first(where: { unsupportedKeywords[$0] != nil }) {
            return unsupportedKeywords[keyword]
        }
        // `items: false` is a schema in 3.1 only.
        let itemsFalseIsASchema = draft.openAPI.hasPrefix("3.1")
        if schema["items"].map({ if case .array = $0.kind { true } else { !itemsFalseIsASchema && $0.text == "false" } })
            == true
        {
            return "items as a list or false (tuple arrays) is not generated"
        }
        if let problem = diagnostics.first(where: { $0.severity == .error }) {
            return "refused by Specsmith: \(problem.message)"
        }
        if let problem = diagnostics.first(where: {
            $0.message.contains("not supported") || $0.message.contains("not generated")
                || $0.message.contains("not checked")
        }) {
            return problem.message
        }
        return nil
    }

    static func runGroup(_ group: RawJSON, draft: Draft) -> [(String, Outcome)] {
        let tests = group["tests"]?.items ?? []
        func all(_ outcome: Outcome) -> [(String, Outcome)] {
            tests.map { ($0["description"]?.stringValue ?? "?", outcome) }
        }
        guard let schema = group["schema"] else { return all(.failed("group without a schema")) }
        // `#` is the test's schema, which the document wraps in a property: a reference to it cannot be written.
        if schema.text.contains(##""$ref": "#""##) || schema.text.contains(##""$ref":"#""##) {
            return all(.skipped("$ref to the schema's root, which the harness wraps in a property"))
        }
        let schemaText = schema.removing(["$schema", "$defs", "definitions"])
        // The schema's definitions go to the document's root, where its references (`#/$defs/item`) find them.
        let definitions = ["$defs", "definitions"].compactMap { key in schema[key].map { "\"\(key)\": \($0.text), " } }
        let document = """
            {\(definitions.joined())"openapi": "\(draft.openAPI)", "info": {"title": "conformance", "version": "1"},
             "paths": {}, "components": {"schemas": {"Holder": {"type": "object", "required": ["value"],
              "properties": {"value": \(schemaText)}}}}}
            """
        let loaded = DocumentLoader().load(bytes: Array(document.utf8), file: "conformance.json")
        guard let openAPI = loaded.document else {
            return all(.skipped(skipReason(schema: schema, draft: draft, diagnostics: loaded.diagnostics) ?? "document not loaded"))
        }
        let job = GenerationJob(spec: "conformance.json", output: "Conformance", module: "Conformance")
        let (model, generationDiagnostics) = Translator(job: job).translate(openAPI)
        if let reason = skipReason(schema: schema, draft: draft, diagnostics: loaded.diagnostics + generationDiagnostics) {
            return all(.skipped(reason))
        }
        guard case .structure(let holder)? = model.types.first(where: { $0.name == "Holder" }) else {
            return all(.failed("no Holder struct was generated"))
        }
        let plan = DynamicStruct.Plan(declaration: holder, scope: model.types)
        return tests.map { test in
            let name = test["description"]?.stringValue ?? "?"
            guard let data = test["data"], let expected = test["valid"]?.text else {
                return (name, .failed("malformed case"))
            }
            if schema["properties"] != nil, schema["type"] == nil, !data.text.hasPrefix("{") {
                return (
                    name,
                    .skipped("properties without type object: the value is a struct, so a non-object is refused")
                )
            }
            let valueType = holder.properties.first?.type ?? ""
            if valueType.hasPrefix("["), !valueType.hasPrefix("[String: "), schema["type"] == nil,
                !data.text.hasPrefix("[")
            {
                return (name, .skipped("items without type array: the value is an array, so a non-array is refused"))
            }
            do {
                let (valid, matches) = try isValid(data: data.text, plan: plan)
                if valid == (expected == "true") { return (name, .passed) }
                // README (Shapes): whether a value matches more than one `oneOf` case is not checked.
                if valid, schema["oneOf"] != nil, let matches, matches > 1 {
                    return (name, .skipped("the value matches \(matches) oneOf cases: more than one is not checked"))
                }
                return (
                    name,
                    .failed(
                        "\(data.text) is \(valid ? "valid" : "invalid"), expected \(expected == "true" ? "valid" : "invalid")"
                    )
                )
            } catch {
                return (name, .failed("\(error)"))
            }
        }
    }

    /// Decodes `{"value": data}` as the generated Holder, then validates it; a decoding error means invalid
    /// (the Swift type enforces `type`). With it, how many cases the value's union matched, if it is one.
    static func isValid(data: String, plan: DynamicStruct.Plan) throws -> (Bool, Int?) {
        let decoder = JSONCoding.makeDecoder()
        let holder: DynamicStruct
        let matches = DynamicUnion.Matches()
        do {
            holder = try DynamicUnion.$matches.withValue(matches) {
                try DynamicStruct.$plan.withValue(plan) {
                    try decoder.decode(DynamicStruct.self, from: Data("{\"value\": \(data)}".utf8))
                }
            }
        } catch is DecodingError {
            return (false, nil)
        }
        var valid = true
        try ValidationContext.validateHarnessed { context in
            for check in holder.checks { try check(&context) }
        } onInvalid: {
            valid = false
        }
        return (valid, matches.counts.last)
    }
}
