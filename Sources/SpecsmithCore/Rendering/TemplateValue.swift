/// A value a template reads: text, a flag, a list, or an object of named values.
///
/// The renderer builds these instead of `[String: Any]`, so that rendering never has to ask a value
/// what type it is at run time.
enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateContext)

    /// A list of text lines, such as a doc comment's.
    static func lines(_ lines: [String]) -> TemplateValue {
        .list(lines.map(TemplateValue.string))
    }

    /// A list of objects.
    static func objects(_ objects: [TemplateContext]) -> TemplateValue {
        .list(objects.map(TemplateValue.object))
    }
}

/// The named values one template, or one item of a list, is rendered with.
typealias TemplateContext = [String: TemplateValue]

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateContext(elements, uniquingKeysWith: { _, last in last }))
    }
}
