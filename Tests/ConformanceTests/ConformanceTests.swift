import Foundation
import SpecsmithRuntime
import SpecsmithYAML
import Testing

@testable import SpecsmithCore

@Suite("JSON Schema Test Suite")
struct ConformanceTests {
    /// Says so, loudly, when the suite is missing: the test is then disabled, never passed silently.
    static let suiteMissing: Bool = {
        if !Suite.isPresent {
            print("ConformanceTests: \(Suite.folder.path) is absent; the JSON Schema Test Suite is not run")
        }
        return !Suite.isPresent
    }()

    @Test(
        "Every case whose schema Specsmith supports passes; every skip names an unsupported keyword",
        .disabled(if: suiteMissing, "../shared/json-schema-test-suite is absent")
    )
    func suitePasses() throws {
        let results = try Suite.run()
        print(Self.table(results))
        for result in results {
            switch result.outcome {
            case .passed:
                break
            case .failed(let reason):
                Issue.record("\(result.draft)/\(result.keyword).json: \(result.group) / \(result.test): \(reason)")
            case .skipped(let reason):
                #expect(!reason.isEmpty)
            }
        }
        #expect(results.contains { if case .passed = $0.outcome { true } else { false } })
    }

    /// passed / failed / skipped per draft and keyword, then each skip reason with its count.
    static func table(_ results: [Suite.CaseResult]) -> String {
        var lines = ["draft          keyword            passed  failed  skipped"]
        var keys: [String] = []
        var counts: [String: (Int, Int, Int)] = [:]
        var reasons: [String: Int] = [:]
        for result in results {
            let key =
                "\(result.draft.padding(toLength: 15, withPad: " ", startingAt: 0))\(result.keyword.padding(toLength: 19, withPad: " ", startingAt: 0))"
            if counts[key] == nil { keys.append(key) }
            var count = counts[key] ?? (0, 0, 0)
            switch result.outcome {
            case .passed: count.0 += 1
            case .failed: count.1 += 1
            case .skipped(let reason):
                count.2 += 1
                reasons["\(result.draft)/\(result.keyword): \(reason)", default: 0] += 1
            }
            counts[key] = count
        }
        var total = (0, 0, 0)
        for key in keys {
            let c = counts[key]!
            total = (total.0 + c.0, total.1 + c.1, total.2 + c.2)
            lines.append(key + Self.column(c.0, 6) + Self.column(c.1, 8) + Self.column(c.2, 9))
        }
        lines.append(
            "total".padding(toLength: 34, withPad: " ", startingAt: 0) + Self.column(total.0, 6)
                + Self.column(total.1, 8) + Self.column(total.2, 9)
        )
        lines.append("skipped:")
        for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(count) × \(reason)")
        }
        return lines.joined(separator: "\n")
    }

    private static func column(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    @Test("The rule mapping covers every ValidationRule case, each as the case the renderer spells")
    func mappingCoversEveryRule() {
        let number = YAMLNumber(text: "2", isInteger: true)
        let samples: [(ValidationRule, String)] = [
            (.maxLength(2), "String"), (.minLength(1), "String"), (.pattern("^a"), "String"), (.format("uuid"), "String"),
            (.minimum(number), "Int"), (.maximum(number), "Int"), (.exclusiveMinimum(number), "Double"),
            (.exclusiveMaximum(number), "Double"), (.multipleOf(number), "Int"), (.listed, "Kind"),
            (.enumeration([.number(number)]), "Int"), (.const(.string("a")), "String"), (.minItems(1), "[Int]"),
            (.maxItems(1), "[Int]"), (.uniqueItems, "[Int]"), (.minProperties(1), "[String: JSONValue]"),
            (.maxProperties(1), "[String: JSONValue]"), (.not([.maxLength(0)]), "String"),
            (.members([.minItems(1)]), "[[Int]]"), (.type([.integer, .string]), "JSONValue"),
            (.required("a"), "[String: JSONValue]"), (.propertyNames([.maxLength(2)]), "[String: Int]"),
            (.dependentRequired("b", by: "a"), "[String: Int]"),
            (.prefixItems([[.maximum(number)]], rest: [.minimum(number)]), "[Double]"),
            (.contains([.maxLength(2)], min: 1, max: nil), "[String]"),
            (.patternProperties(patterns: ["^a"], rules: [[.maxLength(2)]], rest: [], closed: true), "[String: String]"),
            (.rawEnumeration(["a"]), "Kind"), (.rawConst("a"), "Kind"), (.maxLength(2), "Kind"),
            (.conditional(if: [.minimum(number)], then: [.multipleOf(number)], else: []), "Int"),
            (.property("a", [.maxLength(2)]), "[String: String]"),
        ]
        for (rule, type) in samples {
            let expression = Renderer.expression(rule, type: type)
            let mapped = RuntimeRule.make(rule, type: type)
            let name = expression.dropFirst().prefix { $0.isLetter }
            #expect(expression.hasPrefix(".") && name == mapped.caseName, "\(expression) vs \(mapped.caseName)")
        }
        // Every case of ValidationRule appears above: this switch fails to compile when one is added.
        for (rule, _) in samples {
            switch rule {
            case .type, .maxLength, .minLength, .pattern, .format, .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum,
                .multipleOf, .listed, .enumeration, .const, .rawEnumeration, .rawConst, .minItems, .maxItems, .uniqueItems,
                .minProperties, .maxProperties, .required, .dependentRequired, .not, .members, .propertyNames, .prefixItems,
                .contains, .patternProperties, .conditional, .property:
                break
            }
        }
        // Distinct rules map to distinct runtime cases (a rule on a string enum's raw value is a ListedRule).
        let mapped = samples.map { RuntimeRule.make($0.0, type: $0.1) }
        #expect(Set(mapped.map { "\($0)".prefix { $0 != "(" } + "." + $0.caseName }).count == samples.count)
    }
}

/// The harness is not vacuous: a case whose expectation is wrong is reported as a failure.
@Suite("Conformance harness")
struct HarnessTests {
    private func outcomes(_ group: String, draft: Int = 0) throws -> [Suite.Outcome] {
        try Suite.runGroup(RawJSON.parse(Array(group.utf8)), draft: Suite.drafts[draft]).map(\.1)
    }

    @Test func aWrongExpectationIsAFailure() throws {
        let results = try outcomes(
            #"{"description": "d", "schema": {"maxLength": 2}, "tests": [{"description": "t", "data": "abc", "valid": true}]}"#
        )
        guard case .failed(let reason)? = results.first else {
            Issue.record("expected a failure, got \(results)")
            return
        }
        #expect(reason == #""abc" is invalid, expected valid"#)
    }

    @Test func typeIsEnforcedByDecoding() throws {
        let results = try outcomes(
            #"{"description": "d", "schema": {"type": "integer"}, "tests": [{"description": "t", "data": 1.5, "valid": false}, {"description": "u", "data": 1.0, "valid": true}]}"#
        )
        #expect(results.allSatisfy { if case .passed = $0 { true } else { false } })
    }

    @Test func aUnionIsDecodedAndCheckedAsGeneratedCodeDoes() throws {
        let results = try outcomes(
            #"""
            {"description": "d", "schema": {"type": "string", "anyOf": [{"maxLength": 2}, {"minLength": 4}]},
             "tests": [{"description": "t", "data": "abc", "valid": true},
                       {"description": "u", "data": "abcd", "valid": true}]}
            """#
        )
        guard case .failed(let reason)? = results.first, case .passed? = results.last else {
            Issue.record("expected a failure and a pass, got \(results)")
            return
        }
        #expect(reason == #""abc" is invalid, expected valid"#)
    }

    @Test func aValueThatSeveralOneOfCasesMatchIsASkip() throws {
        let results = try outcomes(
            #"""
            {"description": "d", "schema": {"oneOf": [{"type": "integer"}, {"minimum": 2}]},
             "tests": [{"description": "t", "data": 3, "valid": false}]}
            """#
        )
        guard case .skipped(let reason)? = results.first else {
            Issue.record("expected a skip, got \(results)")
            return
        }
        #expect(reason == "the value matches 2 oneOf cases: more than one is not checked")
    }

    @Test func anObjectsOwnChecksAreRun() throws {
        let results = try outcomes(
            #"""
            {"description": "d", "schema": {"type": "object", "properties": {"a": {}}, "additionalProperties": false},
             "tests": [{"description": "t", "data": {"b": 1}, "valid": true}]}
            """#
        )
        guard case .failed(let reason)? = results.first else {
            Issue.record("expected a failure, got \(results)")
            return
        }
        #expect(reason == #"{"b": 1} is invalid, expected valid"#)
    }

    @Test func anUnsupportedKeywordIsASkipWithItsReason() throws {
        let results = try outcomes(
            #"{"description": "d", "schema": {"additionalItems": false}, "tests": [{"description": "t", "data": [1], "valid": true}]}"#,
            draft: 1
        )
        guard case .skipped(let reason)? = results.first else {
            Issue.record("expected a skip, got \(results)")
            return
        }
        #expect(reason.hasPrefix("additionalItems"))
    }
}
