import SpecsmithRuntime
import Testing

/// Shaped like a generated struct whose schema has `if: {properties: {country: {const: US}}, required:
/// [country]}`, `then: {properties: {postalCode: {pattern: '^[0-9]{5}$'}}}`, `else: {required: [postalCode]}`,
/// and a property `quantity` with `if: {minimum: 10}, then: {multipleOf: 5}`.
private struct Address: Validatable {
    var country: String?
    var postalCode: String?
    var quantity: Int?

    static let postalCodeThenPattern = Pattern("^[0-9]{5}$")

    func validate(into context: inout ValidationContext) {
        context.checkIf(quantity) { subschema, value in
            subschema.check(value, at: "quantity", .minimum(10))
        } then: { context, value in
            context.check(value, at: "quantity", .multipleOf(5))
        }
        context.checkIf(self) { subschema, value in
            subschema.check(value.country, at: "country", .const("US"))
            subschema.check(present: value.country, at: "country")
        } then: { context, value in
            context.check(value.postalCode, at: "postalCode", .pattern(Self.postalCodeThenPattern))
        } else: { context, value in
            context.check(present: value.postalCode, at: "postalCode")
        }
    }
}

private struct Order: Validatable {
    var addresses: [Address]

    func validate(into context: inout ValidationContext) {
        context.validate(addresses, at: "addresses")
    }
}

@Suite("if, then and else")
struct ConditionalRuleTests {
    @Test func aValueThatMeetsIfIsCheckedAgainstThen() {
        #expect(violations(of: Address(country: "US", postalCode: "12345")).isEmpty)
        let found = violations(of: Address(country: "US", postalCode: "SW1A 1AA"))
        #expect(found.map(\.description) == [#"postalCode: does not match pattern ^[0-9]{5}$"#])
    }

    @Test func aValueThatBreaksIfIsCheckedAgainstElse() {
        #expect(violations(of: Address(country: "GB", postalCode: "SW1A 1AA")).isEmpty)
        let found = violations(of: Address(country: "GB"))
        #expect(found.map(\.keyword) == [.required])
        // A missing `country` breaks `if` too (its `required`): `else` applies.
        #expect(violations(of: Address()).map(\.keyword) == [.required])
    }

    @Test func ifItselfNeverReports() {
        // `quantity` 3 breaks `minimum: 10`, which only decides that `then` does not apply.
        #expect(violations(of: Address(country: "GB", postalCode: "X", quantity: 3)).isEmpty)
        #expect(violations(of: Address(country: "GB", postalCode: "X", quantity: 15)).isEmpty)
        let found = violations(of: Address(country: "GB", postalCode: "X", quantity: 12))
        #expect(found.map(\.description) == ["quantity: is not a multiple of 5 (multipleOf)"])
    }

    @Test func nestedValuesReportTheirFullPath() {
        let order = Order(
            addresses: [Address(country: "US", postalCode: "12345"), Address(country: "US", postalCode: "1")])
        #expect(violations(of: order).map(\.path) == ["addresses[1].postalCode"])
    }
}
