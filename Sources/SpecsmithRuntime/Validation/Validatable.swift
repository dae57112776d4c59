/// A value that checks the constraints of its schema.
///
/// Generated code implements ``validate(into:)`` with one line per constraint:
/// ```swift
/// extension OAuthToken: Validatable {
///     public func validate(into context: inout ValidationContext) {
///         context.check(grantType, at: "grant_type", .maxLength(64))
///         context.validate(address, at: "address")
///     }
/// }
/// ```
public protocol Validatable {
    /// Records every constraint the value breaks, with paths relative to the value.
    func validate(into context: inout ValidationContext)
}

extension Validatable {
    /// Checks every constraint, and throws all the broken ones at once.
    public func validate() throws(ValidationError) {
        try ValidationContext.validate { context in validate(into: &context) }
    }
}

extension Array: Validatable where Element: Validatable {
    /// Validates each item, at the path of its index.
    public func validate(into context: inout ValidationContext) {
        for (index, item) in enumerated() {
            context.components.append(.index(index))
            item.validate(into: &context)
            context.components.removeLast()
        }
    }
}

extension Optional: Validatable where Wrapped: Validatable {
    /// Validates the value, if there is one: a null item of an array (`[Pet?]`) has nothing to check.
    public func validate(into context: inout ValidationContext) {
        self?.validate(into: &context)
    }
}

extension Dictionary: Validatable where Key == String, Value: Validatable {
    /// Validates each value, at the path of its key, in the order of the keys: a dictionary's own order
    /// differs from run to run, and violations are reported in a stable order.
    public func validate(into context: inout ValidationContext) {
        for key in keys.sorted() {
            context.components.append(.name(key))
            self[key]!.validate(into: &context)
            context.components.removeLast()
        }
    }
}
