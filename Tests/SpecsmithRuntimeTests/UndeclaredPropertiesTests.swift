import Foundation
import SpecsmithRuntime
import Testing

/// Shaped like a generated struct with `additionalProperties: {$ref: Metric}` beside `properties`.
private struct Metrics: Codable, Hashable, Validatable {
    struct Metric: Codable, Hashable, Validatable {
        var value: Double

        func validate(into context: inout ValidationContext) {
            context.check(value, at: "value", .minimum(0))
        }
    }

    let source: String
    let total: Metric?
    let additionalProperties: [String: Metric]

    init(source: String, total: Metric? = nil, additionalProperties: [String: Metric] = [:]) {
        self.source = source
        self.total = total
        self.additionalProperties = additionalProperties
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.source = try container.decode(String.self, forKey: .source)
        self.total = try container.decodeIfPresent(Metric.self, forKey: .total)
        self.additionalProperties = try UndeclaredProperties.decode(Metric.self, from: decoder, declared: CodingKeys.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(total, forKey: .total)
        try UndeclaredProperties.encode(additionalProperties, to: encoder, declared: CodingKeys.self)
    }

    func validate(into context: inout ValidationContext) {
        context.validate(total, at: "total")
        additionalProperties.validate(into: &context)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case source
        case total
    }
}

/// Shaped like a generated struct with `additionalProperties: true`.
private struct Open: Codable, Hashable {
    let kind: String?
    let additionalProperties: [String: JSONValue]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind)
        self.additionalProperties = try UndeclaredProperties.decode(JSONValue.self, from: decoder, declared: CodingKeys.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(kind, forKey: .kind)
        try UndeclaredProperties.encode(additionalProperties, to: encoder, declared: CodingKeys.self)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind
    }
}

/// Shaped like a generated struct with `additionalProperties: false`.
private struct Closed: Codable, Hashable, Validatable {
    let a: String?
    let undeclaredKeys: [String]

    init(a: String? = nil) {
        self.a = a
        self.undeclaredKeys = []
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.a = try container.decodeIfPresent(String.self, forKey: .a)
        self.undeclaredKeys = try UndeclaredProperties.keys(in: decoder, declared: CodingKeys.self)
    }

    func validate(into context: inout ValidationContext) {
        context.check(undeclaredKeys: undeclaredKeys)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case a
    }
}

/// Shaped like a generated struct whose dictionaries' values have limits: a property and the undeclared
/// members (`additionalProperties: {type: string, maxLength: 3}` beside `properties`).
private struct Labels: Validatable {
    var counts: [String: Int]?
    var additionalProperties: [String: String]

    func validate(into context: inout ValidationContext) {
        context.check(eachValue: counts, at: "counts", .minimum(0))
        context.checkNot(eachValue: counts, at: "counts") { subschema, value in
            subschema.check(value, at: "counts", .multipleOf(7))
        }
        context.check(eachValue: additionalProperties, at: .here, .maxLength(3))
    }
}

@Suite("additionalProperties beside properties")
struct UndeclaredPropertiesTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.makeDecoder().decode(T.self, from: Data(json.utf8))
    }

    @Test func undeclaredMembersAreDecodedIntoTheDictionary() throws {
        let metrics = try decode(Metrics.self, #"{"source": "probe", "cpu": {"value": 0.5}, "total": {"value": 2}, "disk": {"value": 7}}"#)
        #expect(metrics.source == "probe")
        #expect(metrics.total == Metrics.Metric(value: 2))
        #expect(metrics.additionalProperties == ["cpu": .init(value: 0.5), "disk": .init(value: 7)])
    }

    @Test func theyAreEncodedBackAfterTheDeclaredPropertiesInSortedOrder() throws {
        let metrics = Metrics(source: "probe", additionalProperties: ["disk": .init(value: 7), "cpu": .init(value: 1)])
        let json = String(decoding: try JSONCoding.encode(metrics), as: UTF8.self)
        #expect(json == #"{"source":"probe","cpu":{"value":1},"disk":{"value":7}}"#)
        #expect(try decode(Metrics.self, json) == metrics)
    }

    @Test func aDictionaryEntryNamedLikeADeclaredPropertyIsNotWrittenTwice() throws {
        let metrics = Metrics(source: "probe", additionalProperties: ["source": .init(value: 1)])
        #expect(String(decoding: try JSONCoding.encode(metrics), as: UTF8.self) == #"{"source":"probe"}"#)
    }

    @Test func anyJSONValueIsKeptForTrue() throws {
        let json = #"{"kind":"k","list":[1,"a",null],"nested":{"b":true},"nothing":null}"#
        let open = try decode(Open.self, json)
        #expect(open.additionalProperties == ["list": [1, "a", nil], "nested": ["b": true], "nothing": nil])
        #expect(try decode(Open.self, String(decoding: try JSONCoding.encode(open), as: UTF8.self)) == open)
    }

    @Test func eachValueIsValidatedAtItsName() throws {
        let metrics = try decode(Metrics.self, #"{"source": "probe", "cpu": {"value": -1}, "total": {"value": -2}}"#)
        #expect(violations(of: metrics).map(\.description) == ["total.value: is below minimum 0", "cpu.value: is below minimum 0"])
    }

    @Test func falseReportsEveryUndeclaredKeyThroughValidate() throws {
        // Decoding keeps going, as it does for every constraint a server breaks; validate() reports.
        let closed = try decode(Closed.self, #"{"a": "x", "zeta": 1, "b c": true}"#)
        #expect(closed.undeclaredKeys == ["b c", "zeta"])
        let found = violations(of: closed)
        #expect(found.map(\.path) == [#"["b c"]"#, "zeta"])
        #expect(found.allSatisfy { $0.keyword == .additionalProperties })
        #expect(violations(of: try decode(Closed.self, #"{"a": "x"}"#)).isEmpty)
        #expect(violations(of: Closed(a: "built")).isEmpty)
    }

    @Test func dictionaryValuesAreCheckedEachAtItsNameInNameOrder() {
        let labels = Labels(counts: ["b": -1, "a": -2, "ok": 3, "week": 14], additionalProperties: ["zz": "long", "x": "ok"])
        #expect(
            violations(of: labels).map(\.description) == [
                "counts.a: is below minimum 0", "counts.b: is below minimum 0",
                "counts.week: matches the schema it must not match (not)", "zz: length 4 exceeds maxLength 3",
            ])
    }
}
