import SpecsmithRuntime

/// Every violation `validate()` reports for `value`, none when it is valid.
func violations(of value: some Validatable) -> [Violation] {
    do {
        try value.validate()
        return []
    } catch {
        return error.violations
    }
}

/// An object parameter, `{R: 100, G: 200, B: 150}` in that order: OpenAPI's style examples.
struct RGB: Encodable {
    var r = 100
    var g = 200
    var b = 150

    enum CodingKeys: String, CodingKey {
        case r = "R"
        case g = "G"
        case b = "B"
    }
}
