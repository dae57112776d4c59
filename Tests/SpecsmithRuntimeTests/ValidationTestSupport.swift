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
