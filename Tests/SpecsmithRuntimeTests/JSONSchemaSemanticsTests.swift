import Foundation
import SpecsmithRuntime
import Testing

/// Equality, patterns and numbers as JSON Schema defines them, through the public check API.
@Suite("JSON Schema semantics")
struct JSONSchemaSemanticsTests {
    private func violations(_ checks: (inout ValidationContext) -> Void) -> [Violation] {
        do {
            try ValidationContext.validate(checks)
            return []
        } catch {
            return error.violations
        }
    }

    private enum Accent: OpenEnum {
        case composed
        case unknown(String)

        static let allCases: [Self] = [.composed]

        var rawValue: String {
            switch self {
            case .composed: "\u{E9}"
            case .unknown(let rawValue): rawValue
            }
        }
    }

    // MARK: Strings by code points

    @Test func enumAndConstCompareStringsByCodePointsNotCanonicalEquivalence() {
        let decomposed = "e\u{301}"
        #expect(decomposed == "\u{E9}")  // Swift's ==, which JSON Schema does not use
        #expect(
            violations { $0.check(decomposed, at: "v", ValueRule<String>.enum(["\u{E9}"])) }.map(\.keyword) == [.enum]
        )
        #expect(
            violations { $0.check(decomposed, at: "v", ValueRule<String>.const("\u{E9}")) }.map(\.keyword) == [.const]
        )
        #expect(violations { $0.check("\u{E9}", at: "v", ValueRule<String>.const("\u{E9}")) }.isEmpty)
    }

    @Test func uniqueItemsTellsCanonicallyEquivalentStringsApart() {
        #expect(violations { $0.check(["\u{E9}", "e\u{301}"], at: "v", ItemsRule.uniqueItems) }.isEmpty)
        #expect(violations { $0.check(["e\u{301}", "x", "e\u{301}"], at: "v", ItemsRule.uniqueItems) }.count == 1)
        // Past 32 items the check hashes; the same semantics hold.
        let long = (0..<40).map { "item\($0)" } + ["\u{E9}", "e\u{301}"]
        #expect(violations { $0.check(long, at: "v", ItemsRule.uniqueItems) }.isEmpty)
        #expect(
            violations { $0.check(long + ["e\u{301}"], at: "v", ItemsRule.uniqueItems) }.map(\.message) == [
                "items 41 and 42 are equal (uniqueItems)"
            ]
        )
    }

    private struct Tag: Codable, Hashable {
        var name: String
        var weight: Double?
    }

    /// Models compare as the JSON they are: strings inside by code points, absent properties alike.
    @Test func uniqueItemsComparesModelsAsJSON() {
        let accents = [Tag(name: "\u{E9}"), Tag(name: "e\u{301}")]
        #expect(accents[0] == accents[1])  // Swift's ==, which JSON Schema does not use
        #expect(violations { $0.check(accents, at: "v", ItemsRule.uniqueItems) }.isEmpty)
        let repeated = [Tag(name: "a", weight: 1), Tag(name: "b"), Tag(name: "a", weight: 1.0)]
        #expect(
            violations { $0.check(repeated, at: "tags", ItemsRule.uniqueItems) }.map(\.description) == [
                "tags: items 0 and 2 are equal (uniqueItems)"
            ]
        )
    }

    @Test func openEnumsMatchCasesByCodePoints() {
        #expect(Accent(rawValue: "\u{E9}") == .composed)
        #expect(Accent(rawValue: "e\u{301}").rawValue.unicodeScalars.count == 2)
        #expect(
            violations { $0.check(Accent(rawValue: "e\u{301}"), at: "v", ListedRule.listed) }.map(\.keyword) == [.enum]
        )
    }

    private enum Status: OpenEnum {
        case active
        case paused
        case closed
        case unknown(String)

        static let allCases: [Self] = [.active, .paused, .closed]

        var rawValue: String {
            switch self {
            case .active: "active"
            case .paused: "paused"
            case .closed: "closed"
            case .unknown(let rawValue): rawValue
            }
        }
    }

    /// `{$ref: Status, enum: [active, paused]}` and the enum's own lengths: rules of the raw value, by code
    /// points, which report with their own keywords; every violation is reported.
    @Test func stringEnumsMeetTheRulesBesideTheirList() {
        let narrowed = ListedRule.enum(["active", "paused"])
        #expect(violations { $0.check(Status.paused, at: "status", narrowed) }.isEmpty)
        #expect(
            violations { $0.check(Status.closed, at: "status", narrowed) }.map(\.description) == [
                "status: is not one of the 2 allowed values (enum)"
            ]
        )
        #expect(violations { $0.check(Status.active, at: "s", ListedRule.const("active")) }.isEmpty)
        #expect(violations { $0.check(Status.paused, at: "s", ListedRule.const("active")) }.map(\.keyword) == [.const])
        // An unlisted value breaks `listed` and, being 7 scalars long, `maxLength` too.
        let unlisted = Status(rawValue: "pending")
        #expect(
            violations {
                $0.check(unlisted, at: "s", .maxLength(6))
                $0.check(unlisted, at: "s", .listed)
            }.map(\.keyword) == [.maxLength, .enum]
        )
        #expect(violations { $0.check(Status.closed, at: "s", ListedRule.minLength(7)) }.map(\.keyword) == [.minLength])
        #expect(violations { $0.check(Status.closed, at: "s", ListedRule.pattern(Pattern("^c"))) }.isEmpty)
        #expect(
            violations { $0.check(each: [Status.active, .closed], at: "list", narrowed) }.map(\.description) == [
                "list[1]: is not one of the 2 allowed values (enum)"
            ]
        )
        #expect(
            violations { $0.check(eachValue: ["b": Status.closed, "a": nil], at: "map", narrowed) }.map(\.description)
                == ["map.b: is not one of the 2 allowed values (enum)"]
        )
        // Code points: a decomposed raw value is not the composed one the narrowing lists.
        #expect(
            violations { $0.check(Accent(rawValue: "e\u{301}"), at: "v", ListedRule.enum(["\u{E9}"])) }.map(\.keyword)
                == [.enum]
        )
    }

    // MARK: JSON values

    @Test func jsonValuesCompareAsJSON() {
        #expect(JSONValue.integer(1) == .number(1.0))
        #expect(JSONValue.number(-0.0) == .integer(0))
        #expect(JSONValue.integer(1) != .number(1.5))
        #expect(JSONValue.integer(9_007_199_254_740_993) != .number(9_007_199_254_740_992))
        #expect(JSONValue.string("\u{E9}") != .string("e\u{301}"))
        #expect(JSONValue.array([1, 2]) != .array([2, 1]))
        #expect(JSONValue.object(["a": 1, "b": [1.0]]) == .object(["b": [1], "a": 1.0]))
        #expect(JSONValue.bool(false) != .integer(0))
        #expect(Set<JSONValue>([.integer(1), .number(1.0), .string("a")]).count == 2)
    }

    @Test func uniqueItemsOnJSONValuesSees1And1Point0AsEqual() {
        let items: [JSONValue] = [.integer(1), .number(1.0)]
        #expect(violations { $0.check(items, at: "v", ItemsRule.uniqueItems) }.count == 1)
        let objects: [JSONValue] = [["a": 1, "b": 2], ["b": 2, "a": 1]]
        #expect(violations { $0.check(objects, at: "v", ItemsRule.uniqueItems) }.count == 1)
        let distinct: [JSONValue] = [[1], [true], ["1"], nil, false, 0]
        #expect(violations { $0.check(distinct, at: "v", ItemsRule.uniqueItems) }.isEmpty)
    }

    @Test func rulesOnAJSONValueApplyOnlyToTheirType() {
        let string: JSONValue = "abc"
        let number: JSONValue = 5
        #expect(violations { $0.check(string, at: "v", StringRule.maxLength(2)) }.map(\.keyword) == [.maxLength])
        #expect(violations { $0.check(number, at: "v", StringRule.maxLength(2)) }.isEmpty)
        #expect(violations { $0.check(number, at: "v", NumberRule.maximum(4)) }.map(\.keyword) == [.maximum])
        #expect(violations { $0.check(JSONValue.number(4.5), at: "v", NumberRule.maximum(4)) }.count == 1)
        #expect(violations { $0.check(string, at: "v", NumberRule.maximum(4)) }.isEmpty)
        #expect(violations { $0.check(JSONValue.array([1, 1]), at: "v", ItemsRule.uniqueItems) }.count == 1)
        #expect(violations { $0.check(JSONValue.object([:]), at: "v", PropertiesRule.minProperties(1)) }.count == 1)
        #expect(violations { $0.check(string, at: "v", PropertiesRule.minProperties(1)) }.isEmpty)
    }

    // MARK: Numbers

    @Test func decimalsFromTheSpecAreExact() {
        #expect(violations { $0.check(0.3, at: "v", NumberRule.multipleOf("0.1")) }.isEmpty)
        #expect(violations { $0.check(0.35, at: "v", NumberRule.multipleOf("0.1")) }.count == 1)
        #expect(violations { $0.check(1.1, at: "v", NumberRule.minimum("1.1")) }.isEmpty)
        #expect(violations { $0.check(1.0999999999999999, at: "v", NumberRule.exclusiveMaximum("1.1")) }.isEmpty)
    }

    /// `enum` and `const` of an array's items or a dictionary's values hold for each, reported at its
    /// index or name.
    @Test func enumAndConstHoldForEachMember() {
        let sizes = violations { $0.check(each: [1, 4, 2, 5], at: "sizes", ValueRule<Int>.enum([1, 2, 3])) }
        #expect(sizes.map(\.path) == ["sizes[1]", "sizes[3]"])
        #expect(sizes.map(\.keyword) == [.enum, .enum])
        let fixed = violations { $0.check(eachValue: ["a": "x", "b": "y"], at: "f", ValueRule<String>.const("x")) }
        #expect(fixed.map(\.path) == ["f.b"])
        #expect(fixed.map(\.keyword) == [.const])
    }

    /// In an array whose items may be null, a null passes every item rule (none applies to it) and keeps
    /// its index, so the others are reported where they stand.
    @Test func nullItemsPassItemRulesAndKeepTheirIndex() {
        let names = violations { $0.check(each: ["ab", nil, "abcdef"], at: "names", StringRule.maxLength(5)) }
        #expect(names.map(\.path) == ["names[2]"])
        let sizes = violations { $0.check(each: [1, nil, 7] as [Int?], at: "sizes", NumberRule.maximum(5)) }
        #expect(sizes.map(\.path) == ["sizes[2]"])
        let values = violations { $0.check(each: [nil, 3] as [Int?], at: "v", ValueRule<Int>.enum([1, 2])) }
        #expect(values.map(\.path) == ["v[1]"])
        let scores: [String: Int?] = ["a": 11, "b": nil, "c": 3]
        #expect(violations { $0.check(eachValue: scores, at: "s", NumberRule.maximum(10)) }.map(\.path) == ["s.a"])
        let notes: [String: String?] = ["x": nil, "y": "long"]
        #expect(violations { $0.check(eachValue: notes, at: "n", StringRule.maxLength(3)) }.map(\.path) == ["n.y"])
    }

    /// Arrays inside arrays and dictionaries meet their own constraints and their items' (GeoJSON's
    /// positions: at least two numbers each), each violation at its full path.
    @Test func membersThatAreArraysMeetTheirOwnConstraints() {
        let line: [[Double]] = [[1, 2], [3], [200, -5, 1, 2]]
        let found = violations { context in
            context.check(each: line, at: "coordinates") { context, item in
                context.check(item, at: .here, ItemsRule.minItems(2))
                context.check(item, at: .here, ItemsRule.maxItems(3))
                context.check(each: item, at: .here, NumberRule.maximum(180))
            }
        }
        #expect(
            found.map(\.description) == [
                "coordinates[1]: count 1 is below minItems 2",
                "coordinates[2]: count 4 exceeds maxItems 3",
                "coordinates[2][0]: exceeds maximum 180",
            ]
        )
        let grid: [[[String]]] = [[["ok"]], [["fine", "too long"]]]
        let deep = violations { context in
            context.check(each: grid, at: "grid") { context, row in
                context.check(each: row, at: .here) { context, cell in
                    context.check(each: cell, at: .here, StringRule.maxLength(4))
                }
            }
        }
        #expect(deep.map(\.path) == ["grid[1][0][1]"])
        let groups: [String: [String]?] = ["b": ["x"], "a": [], "c": nil]
        let byName = violations { context in
            context.check(eachValue: groups, at: "groups") { context, members in
                context.check(members, at: .here, ItemsRule.minItems(1))
            }
        }
        #expect(byName.map(\.description) == ["groups.a: count 0 is below minItems 1"])
        // A `nil` array or dictionary has no members to check.
        let none = violations { context in
            context.check(each: nil as [[Int]]?, at: "v") { context, _ in context.check(present: nil as Int?, at: "x") }
        }
        #expect(none.isEmpty)
    }

    /// `contains` counts the items that meet its subschema, against `minContains` and `maxContains`, and
    /// reports at the array; a JSONValue that is no array meets it.
    @Test func containsCountsTheItemsThatMatch() {
        func lead(_ subschema: inout ValidationContext, _ item: String) {
            subschema.check(item, at: .here, ValueRule<String>.const("lead"))
        }
        let roles = ["dev", "lead", "lead"]
        #expect(violations { $0.check(contains: roles, at: "roles", min: 1, lead) }.isEmpty)
        #expect(
            violations { $0.check(contains: ["dev"], at: "roles", min: 1, lead) }.map(\.description) == [
                "roles: has no item that matches contains"
            ]
        )
        let counted = violations { context in
            context.check(contains: roles, at: "roles", min: 3, lead)
            context.check(contains: roles, at: "roles", min: 0, max: 1, lead)
        }
        #expect(
            counted.map(\.description) == [
                "roles: count 2 of items that match contains is below minContains 3",
                "roles: count 2 of items that match contains exceeds maxContains 1",
            ]
        )
        #expect(counted.map(\.keyword) == [.minContains, .maxContains])
        let json: JSONValue = [1, "x"]
        let strings = violations { context in
            context.check(contains: json, at: "v", min: 2) { subschema, item in
                subschema.check(item, at: .here, TypeRule.type([.string]))
            }
        }
        #expect(strings.map(\.path) == ["v"])
        let object: JSONValue = ["a": 1]
        #expect(violations { $0.check(contains: object, at: "v", min: 1) { _, _ in } }.isEmpty)
        #expect(violations { $0.check(contains: nil as [Int]?, at: "v", min: 1) { _, _ in } }.isEmpty)
    }

    /// `patternProperties` checks each value by every pattern its name matches, and a value whose name
    /// matches none by `additionalProperties`, or refuses it when that is `false`.
    @Test func valuesAreCheckedByThePatternsTheirNamesMatch() {
        let patterns = [Pattern("^x-"), Pattern("^x-n")]
        func check(_ context: inout ValidationContext, _ pattern: Int, _ value: JSONValue) {
            switch pattern {
            case 0: context.check(value, at: .here, TypeRule.type([.string, .integer]))
            case 1: context.check(value, at: .here, NumberRule.minimum(0))
            default: context.check(value, at: .here, StringRule.maxLength(2))
            }
        }
        let labels: [String: JSONValue] = ["x-n": -1, "x-a": true, "other": "long", "ok": "ok"]
        let found = violations { $0.check(patternProperties: labels, at: "labels", patterns, check) }
        #expect(
            found.map(\.description) == [
                "labels.other: length 4 exceeds maxLength 2",
                "labels.x-a: is boolean, not string or integer (type)",
                "labels.x-n: is below minimum 0",
            ]
        )
        let closed = violations { $0.check(patternProperties: labels, at: "labels", patterns, closed: true, check) }
        #expect(closed.map(\.path) == ["labels.ok", "labels.other", "labels.x-a", "labels.x-n"])
        #expect(closed.first?.keyword == .additionalProperties)
        let json: JSONValue = ["x-n": 1, "y": 3]
        #expect(violations { $0.check(patternProperties: json, at: "v", patterns, closed: true, check) }.map(\.path) == ["v.y"])
        let notAnObject: JSONValue = [1]
        #expect(violations { $0.check(patternProperties: notAnObject, at: "v", patterns, closed: true, check) }.isEmpty)
    }

    /// `additionalProperties: false` without `properties` or `patternProperties`: every name is one the
    /// schema does not declare.
    @Test func aClosedObjectWithoutPatternsAllowsNoName() {
        let labels: [String: JSONValue] = ["b": 1, "a": "x"]
        let found = violations { $0.check(patternProperties: labels, at: "labels", [], closed: true) { _, _, _ in } }
        #expect(
            found.map(\.description) == [
                "labels.a: is not a property the schema declares (additionalProperties: false)",
                "labels.b: is not a property the schema declares (additionalProperties: false)",
            ]
        )
        let empty: JSONValue = [:]
        #expect(violations { $0.check(patternProperties: empty, at: "v", [], closed: true) { _, _, _ in } }.isEmpty)
    }

    /// `properties` of an object no struct declares, inside a subschema: a property's value, when the object
    /// has it, is checked at its name; a value that is no object has no properties.
    @Test func aNamedPropertyOfADictionaryIsCheckedAtItsName() {
        let metadata: [String: JSONValue] = ["kind": "internal", "size": 3]
        let found = violations {
            $0.check(property: "kind", of: metadata, at: "metadata") { context, value in
                context.check(value, at: .here, StringRule.maxLength(4))
            }
        }
        #expect(found.map(\.description) == ["metadata.kind: length 8 exceeds maxLength 4"])
        let absent = violations {
            $0.check(property: "other", of: metadata, at: "metadata") { context, value in
                context.check(value, at: .here, TypeRule.type([.null]))
            }
        }
        #expect(absent.isEmpty)
        let notAnObject: JSONValue = ["kind"]
        let none = violations {
            $0.check(property: "kind", of: notAnObject, at: "v") { context, value in
                context.check(value, at: .here, TypeRule.type([.null]))
            }
        }
        #expect(none.isEmpty)
    }

    /// A tuple's items (`prefixItems`) each meet their position's constraints, and the items after them
    /// `items`' own, each violation at its index; a JSONValue that is no array has no items.
    @Test func tupleItemsMeetTheirPositionsConstraints() {
        func check(_ context: inout ValidationContext, _ position: Int, _ item: JSONValue) {
            switch position {
            case 0: context.check(item, at: .here, TypeRule.type([.string]))
            case 1: context.check(item, at: .here, NumberRule.maximum(90))
            default: context.check(item, at: .here, StringRule.maxLength(2))
            }
        }
        let entry: [JSONValue] = [1, 120, "ok", "long", 5]
        let found = violations { context in context.check(positions: entry, at: "entry", check) }
        #expect(
            found.map(\.description) == [
                "entry[0]: is integer, not string (type)",
                "entry[1]: exceeds maximum 90",
                "entry[3]: length 4 exceeds maxLength 2",
            ]
        )
        let json: JSONValue = ["a", 91]
        #expect(violations { $0.check(positions: json, at: "pair", check) }.map(\.path) == ["pair[1]"])
        let notAnArray: JSONValue = ["a": 1]
        #expect(violations { $0.check(positions: notAnArray, at: "pair", check) }.isEmpty)
        let point: [Double]? = [200, 10]
        let bounds = violations { context in
            context.check(positions: point, at: "point") { context, position, item in
                if position == 0 { context.check(item, at: .here, NumberRule.maximum(180)) }
            }
        }
        #expect(bounds.map(\.path) == ["point[0]"])
    }

    /// A `Float` (`format: float`) is compared through its own shortest decimal form: `Float(0.3)` is
    /// 0.3, not the 0.30000001192092896 of the `Double` it widens to.
    @Test func floatsAreCheckedThroughTheirOwnDecimalForm() {
        #expect(ExactDecimal(Float(0.1))?.description == "0.1")
        #expect(violations { $0.check(Float(0.3), at: "v", NumberRule.multipleOf("0.1")) }.isEmpty)
        #expect(violations { $0.check(Float(0.35), at: "v", NumberRule.multipleOf("0.1")) }.count == 1)
        #expect(violations { $0.check(Float(100.5), at: "v", NumberRule.maximum(100)) }.count == 1)
        #expect(violations { $0.check(Float.infinity, at: "v", NumberRule.maximum(100)) }.count == 1)
        let each = violations { $0.check(each: [Float(1), Float(-200)], at: "v", NumberRule.minimum(-180)) }
        #expect(each.map(\.path) == ["v[1]"])
        let values = violations { $0.check(eachValue: ["a": Float(11)], at: "v", NumberRule.maximum(10)) }
        #expect(values.map(\.path) == ["v.a"])
    }

    @Test func integersBeyond2To53CompareExactly() {
        let limit: Int64 = 9_007_199_254_740_992
        #expect(
            violations { $0.check(limit + 1, at: "v", NumberRule.maximum(ExactDecimal(integerLiteral: limit))) }.count
                == 1
        )
        #expect(
            violations { $0.check(limit, at: "v", NumberRule.maximum(ExactDecimal(integerLiteral: limit))) }.isEmpty
        )
        // 2^63 - 1 = 7 × 73 × 127 × 337 × 92737 × 649657
        #expect(violations { $0.check(Int64.max, at: "v", NumberRule.multipleOf(7)) }.isEmpty)
        #expect(violations { $0.check(Int64.max - 1, at: "v", NumberRule.multipleOf(7)) }.count == 1)
    }

    @Test func integerTypedValuesDecodeFromWholeNumbersWithAFraction() throws {
        // JSONDecoder reads 1.0 as the Int 1, as JSON Schema counts 1.0 an integer; 1.5 is refused.
        let decoder = JSONCoding.makeDecoder()
        #expect(try decoder.decode([Int].self, from: Data("[1.0, -0.0, 1e2]".utf8)) == [1, 0, 100])
        #expect(throws: DecodingError.self) { try decoder.decode([Int].self, from: Data("[1.5]".utf8)) }
    }
}

/// Generated code for a schema without a single `type` spells its rules as implicit members on a
/// `JSONValue?`: each call must resolve to the JSONValue overload.
@Suite("Rules on JSONValue as generated code spells them")
struct JSONValueGeneratedCallTests {
    @Test func implicitMemberRulesResolveOnJSONValue() {
        let value: JSONValue? = ["a", "a"]
        let values: ValueRule<JSONValue> = .enum([1, "a", nil, [true]])
        var found: [Violation.Keyword] = []
        do {
            try ValidationContext.validate { context in
                context.check(value, at: "value", .maxLength(1))
                context.check(value, at: "value", .pattern(Pattern("^a$")))
                context.check(value, at: "value", .minimum(2))
                context.check(value, at: "value", .multipleOf("0.5"))
                context.check(value, at: "value", .minItems(3))
                context.check(value, at: "value", .uniqueItems)
                context.check(value, at: "value", .minProperties(1))
                context.check(value, at: "value", values)
                context.check(value, at: "value", .const(["a", "a"]))
            }
        } catch {
            found = error.violations.map(\.keyword)
        }
        // An array: only the array rules and enum apply.
        #expect(found == [.minItems, .uniqueItems, .enum])
    }
}
