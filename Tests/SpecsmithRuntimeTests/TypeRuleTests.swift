import SpecsmithRuntime
import Testing

/// `type` on a value held as a JSONValue (a schema of several types, or of `null` alone); `required` and
/// `propertyNames` on a dictionary or a JSONValue.
@Suite("Type, required and property name rules")
struct TypeRuleTests {
    private func violations(_ check: (inout ValidationContext) -> Void) -> [Violation] {
        do {
            try ValidationContext.validate(check)
            return []
        } catch {
            return error.violations
        }
    }

    private func messages(_ check: (inout ValidationContext) -> Void) -> [String] {
        violations(check).map(\.description)
    }

    @Test func aValueOfAListedTypePasses() {
        #expect(messages { $0.check(JSONValue.integer(3), at: "id", .type([.integer, .string])) }.isEmpty)
        #expect(messages { $0.check(JSONValue.string("x"), at: "id", .type([.integer, .string])) }.isEmpty)
        #expect(messages { $0.check(JSONValue.null, at: "n", .type([.null])) }.isEmpty)
        #expect(messages { $0.check(JSONValue.array([]), at: "v", .type([.object, .array])) }.isEmpty)
    }

    @Test func aValueOfAnotherTypeBreaksTheRuleWithTheTypesAsItsLimit() {
        let found = violations { $0.check(JSONValue.bool(true), at: "id", .type([.integer, .string])) }
        #expect(found.map(\.description) == ["id: is boolean, not string or integer (type)"])
        #expect(found.first?.keyword == .type)
        #expect(found.first?.limit == "string, integer")
        #expect(messages { $0.check(JSONValue.string("x"), at: "n", .type([.null])) } == ["n: is string, not null (type)"])
        #expect(
            messages { $0.check(JSONValue.null, at: "v", .type([.boolean, .object, .array])) }
                == ["v: is null, not boolean, object or array (type)"])
    }

    @Test func aNumberWithoutAFractionIsAnIntegerAndEveryIntegerIsANumber() {
        #expect(messages { $0.check(JSONValue.number(1.0), at: "n", .type([.integer, .string])) }.isEmpty)
        #expect(messages { $0.check(JSONValue.number(1e20), at: "n", .type([.integer, .string])) }.isEmpty)
        #expect(
            messages { $0.check(JSONValue.number(1.5), at: "n", .type([.integer, .string])) }
                == ["n: is number, not string or integer (type)"])
        #expect(messages { $0.check(JSONValue.integer(2), at: "n", .type([.number, .boolean])) }.isEmpty)
        #expect(
            messages { $0.check(JSONValue.integer(2), at: "n", .type([.string, .boolean])) }
                == ["n: is integer, not boolean or string (type)"])
    }

    @Test func anAbsentValueIsNotChecked() {
        let absent: JSONValue? = nil
        #expect(messages { $0.check(absent, at: "n", .type([.string, .boolean])) }.isEmpty)
    }

    @Test func requiredKeysOfADictionaryOrAnObjectValue() {
        let settings = ["mode": "fast"]
        #expect(messages { $0.check(settings, at: "s", .required("mode")) }.isEmpty)
        #expect(messages { $0.check(settings, at: "s", .required("size")) } == ["s: misses required property size"])
        let object: JSONValue = ["kind": 1]
        #expect(messages { $0.check(object, at: "o", .required("kind")) }.isEmpty)
        #expect(messages { $0.check(object, at: "o", .required("name")) } == ["o: misses required property name"])
        // `required` says nothing about a value that is not an object.
        #expect(messages { $0.check(JSONValue.string("kind"), at: "o", .required("name")) }.isEmpty)
    }

    @Test func eachNameIsCheckedAtItsNameInNameOrder() {
        let labels = ["ok": "1", "toolong": "2", "Up": "3"]
        #expect(
            messages { $0.check(namesOf: labels, at: "labels", .maxLength(3)) }
                == ["labels.toolong: name length 7 exceeds maxLength 3"])
        #expect(
            messages { $0.check(namesOf: labels, at: "labels", .pattern(Pattern("^[a-z]+$"))) }
                == ["labels.Up: name does not match pattern ^[a-z]+$"])
        #expect(
            messages { $0.check(namesOf: labels, at: "labels", ValueRule<String>.enum(["ok", "Up"])) }
                == ["labels.toolong: name is not one of the 2 allowed values (enum)"])
        let object: JSONValue = ["x": 1, "yy": 2]
        #expect(
            messages { $0.check(namesOf: object, at: "o", .maxLength(1)) } == ["o.yy: name length 2 exceeds maxLength 1"])
        #expect(messages { $0.check(namesOf: object, at: "o", ValueRule<String>.const("x")) }.count == 1)
        // A value that is not an object has no names.
        #expect(messages { $0.check(namesOf: JSONValue.string("long name"), at: "o", .maxLength(1)) }.isEmpty)
        let absent: [String: Int]? = nil
        #expect(messages { $0.check(namesOf: absent, at: "o", .maxLength(1)) }.isEmpty)
    }

    @Test func dependentRequiredAsksForAKeyOnlyWhenItsTriggerIsThere() {
        let rule = PropertiesRule.dependentRequired("height", by: "width")
        #expect(messages { $0.check(["width": 1, "height": 2], at: "size", rule) }.isEmpty)
        #expect(messages { $0.check(["depth": 1], at: "size", rule) }.isEmpty)
        let found = violations { $0.check(["width": 1], at: "size", rule) }
        #expect(found.map(\.description) == ["size: misses property height, which width requires (dependentRequired)"])
        #expect(found.first?.keyword == .dependentRequired)
        #expect(found.first?.limit == "height")
        let present: String? = "x"
        let absent: String? = nil
        #expect(messages { $0.check(present: present, at: "cvc", requiredBy: "card") }.isEmpty)
        #expect(
            messages { $0.check(present: absent, at: "cvc", requiredBy: "card") }
                == ["misses property cvc, which card requires (dependentRequired)"])
    }
}
