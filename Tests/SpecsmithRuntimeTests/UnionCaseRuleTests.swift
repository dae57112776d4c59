import SpecsmithRuntime
import Testing

/// Shaped like a generated `anyOf` whose cases have constraints of their own.
private enum IdOrName: Validatable {
    case integer(Int)
    case string(String)
    case tags([String])

    static let stringPattern = Pattern("^[a-z]+$")

    func validate(into context: inout ValidationContext) {
        switch self {
        case .integer(let value): context.check(value, at: .here, .minimum(1))
        case .string(let value):
            context.check(value, at: .here, .maxLength(10))
            context.check(value, at: .here, .pattern(Self.stringPattern))
        default: break
        }
    }
}

private struct Lookup: Validatable {
    var key: IdOrName
    var fallbacks: [IdOrName]

    func validate(into context: inout ValidationContext) {
        context.validate(key, at: "key")
        context.validate(fallbacks, at: "fallbacks")
    }
}

@Suite("Constraints of union cases")
struct UnionCaseRuleTests {
    private func messages(_ value: some Validatable) -> [String] {
        violations(of: value).map(\.description)
    }

    @Test func theActiveCaseIsCheckedAtTheUnionsOwnPath() {
        let lookup = Lookup(key: .string("Not-Lower"), fallbacks: [.integer(3), .integer(0), .string("ok")])
        #expect(
            messages(lookup) == [
                "key: does not match pattern ^[a-z]+$", "fallbacks[1]: is below minimum 1",
            ])
    }

    @Test func onlyTheActiveCasesConstraintsApply() {
        // 12 characters would break the string case's maxLength; as an integer, 12 is fine.
        #expect(messages(IdOrName.integer(12)).isEmpty)
        #expect(messages(IdOrName.string("twelvelettrs")) == ["length 12 exceeds maxLength 10"])
        #expect(messages(IdOrName.tags(["ANY"])).isEmpty)
    }
}
