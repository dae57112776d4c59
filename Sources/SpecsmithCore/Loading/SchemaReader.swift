import Foundation
import SpecsmithDiagnostics
import SpecsmithYAML

/// The keywords of a Schema Object that Specsmith knows: those it reads, those it accepts and ignores,
/// and those it reports as unsupported. Any other key (but `x-` extensions) is unknown.
enum SchemaKeyword: String, CaseIterable {
    case ref = "$ref"
    case type, nullable, format, title, description
    case properties, required, additionalProperties, minProperties, maxProperties, propertyNames, dependentRequired
    case patternProperties
    case items, prefixItems, minItems, maxItems, uniqueItems, contains, minContains, maxContains
    case allOf, oneOf, anyOf, not, discriminator
    case `enum`, const, `default`, example, examples
    case readOnly, writeOnly, deprecated
    case maxLength, minLength, pattern, contentMediaType, contentEncoding
    case unevaluatedProperties, unevaluatedItems, dependentSchemas
    case `if`, then, `else`
    case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf
    case externalDocs

    // Accepted and ignored.
    case schema = "$schema", comment = "$comment", defs = "$defs", definitions

    // JSON Schema keywords Specsmith does not model: each is reported where it is used.
    case id = "$id", anchor = "$anchor", dynamicRef = "$dynamicRef", dynamicAnchor = "$dynamicAnchor"
    case recursiveRef = "$recursiveRef", recursiveAnchor = "$recursiveAnchor", vocabulary = "$vocabulary"
    case dependencies
    case contentSchema, additionalItems, xml

    var isUnsupported: Bool {
        switch self {
        case .id, .anchor, .dynamicRef, .dynamicAnchor, .recursiveRef, .recursiveAnchor, .vocabulary,
            .dependencies, .contentSchema, .additionalItems, .xml:
            true
        default:
            false
        }
    }

    /// Whether OpenAPI 3.0's Schema Object lacks the keyword, so that a 3.0 reader ignores it, while
    /// Specsmith reads it (or, for `$defs`, follows references into it) as in 3.1. `propertyNames`,
    /// `dependentRequired` and `prefixItems` are checked where they are read.
    var isOnlyIn31: Bool {
        switch self {
        case .const, .examples, .defs, .contentEncoding, .contentMediaType, .contains, .minContains, .maxContains,
            .patternProperties, .unevaluatedProperties, .unevaluatedItems, .dependentSchemas, .if, .then, .else:
            true
        default: false
        }
    }

    /// The types a constraint applies to, and how a message names them; `nil` for a keyword that
    /// applies to any type.
    var constrainedTypes: (name: String, types: [SchemaType])? {
        switch self {
        case .maxLength, .minLength, .pattern: ("strings", [.string])
        case .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .multipleOf: ("numbers", [.number, .integer])
        case .items, .prefixItems, .minItems, .maxItems, .uniqueItems, .contains, .minContains, .maxContains,
            .unevaluatedItems:
            ("arrays", [.array])
        case .properties, .additionalProperties, .minProperties, .maxProperties, .propertyNames, .dependentRequired,
            .patternProperties, .unevaluatedProperties, .dependentSchemas:
            ("objects", [.object])
        default: nil
        }
    }

    /// The UTF-8 length of the keyword's name, known without making its `String`: keywords of one
    /// length share a bit in ``SchemaReader``'s set of the keywords a schema has.
    var nameLength: Int {
        switch self {
        case .`if`: 2
        case .not, .id, .xml: 3
        case .ref, .type, .`enum`, .then, .`else`: 4
        case .title, .items, .allOf, .oneOf, .anyOf, .const, .defs: 5
        case .format: 6
        case .`default`, .example, .pattern, .minimum, .maximum, .schema, .anchor: 7
        case .nullable, .required, .minItems, .maxItems, .contains, .examples, .readOnly, .comment: 8
        case .writeOnly, .maxLength, .minLength: 9
        case .properties, .deprecated, .multipleOf: 10
        case .description, .prefixItems, .uniqueItems, .minContains, .maxContains, .definitions, .dynamicRef,
            .vocabulary:
            11
        case .externalDocs, .dependencies: 12
        case .minProperties, .maxProperties, .propertyNames, .discriminator, .recursiveRef, .contentSchema: 13
        case .dynamicAnchor: 14
        case .contentEncoding, .additionalItems: 15
        case .contentMediaType, .unevaluatedItems, .dependentSchemas, .exclusiveMinimum, .exclusiveMaximum,
            .recursiveAnchor:
            16
        case .dependentRequired, .patternProperties: 17
        case .additionalProperties: 20
        case .unevaluatedProperties: 21
        }
    }

    /// The keyword a key's UTF-8 bytes name. Faster than `init(rawValue:)`, which compares the key with
    /// every keyword's name in turn: here only with the few of the same length, byte for byte, with no
    /// `String` made of the key.
    init?(utf8 key: UnsafeBufferPointer<UInt8>) {
        let length = key.count
        let table = Self.table
        guard length > 0, length + 1 < table.starts.count else { return nil }
        // One flat table read in place: no array of keywords and no `String` of a name per key.
        let found = table.names.withUnsafeBufferPointer { names -> SchemaKeyword? in
            for slot in table.starts[length]..<table.starts[length + 1]
            where memcmp(names.baseAddress! + slot * table.stride, key.baseAddress!, length) == 0 {
                return table.keywords[slot]
            }
            return nil
        }
        guard let found else { return nil }
        self = found
    }

    /// The keywords sorted by the length of their names, each name's UTF-8 in a slot of `stride` bytes of
    /// `names`; those of length `n` in the slots `starts[n]..<starts[n + 1]`.
    private static let table: (keywords: [SchemaKeyword], names: [UInt8], stride: Int, starts: [Int]) = {
        let sorted = allCases.sorted { $0.rawValue.utf8.count < $1.rawValue.utf8.count }
        let stride = sorted.last!.rawValue.utf8.count
        var names: [UInt8] = []
        var starts: [Int] = []
        for (slot, keyword) in sorted.enumerated() {
            let name = Array(keyword.rawValue.utf8)
            while starts.count <= name.count { starts.append(slot) }
            names += name + Array(repeating: 0, count: stride - name.count)
        }
        starts.append(sorted.count)
        return (sorted, names, stride, starts)
    }()
}

/// Reads the keys of one Schema Object. Where ``ObjectReader`` searches for each key it is asked
/// for, this classifies each key once: a schema is asked for every keyword above, and most are
/// absent. Every keyword counts as known whether read or not, so there is nothing to remember.
/// Noncopyable, as ``ObjectReader`` is.
struct SchemaReader: ~Copyable {
    let session: LoadSession
    let node: YAMLNode
    let mapping: YAMLMapping
    let file: String
    /// The keyword of each entry, by position; `nil` for any other key.
    private let keywords: [SchemaKeyword?]
    /// A bit for each ``SchemaKeyword/nameLength`` of the keywords the schema has: it is asked for some
    /// forty keywords and has a handful, and a clear bit says that one is absent without a search.
    private let lengths: UInt64

    /// `nil`, after reporting an error, when the node is no mapping.
    init?(_ session: LoadSession, _ node: YAMLNode, file: String, key: String?) {
        guard let mapping = node.mapping else {
            session.report(.expected("a mapping (Schema object)", for: key, found: node))
            return nil
        }
        self.session = session
        self.node = node
        self.mapping = mapping
        self.file = file
        var keywords: [SchemaKeyword?] = []
        keywords.reserveCapacity(mapping.count)
        var lengths: UInt64 = 0
        for index in mapping.indices {
            let keyword = mapping.withKeyBytes(at: index, SchemaKeyword.init(utf8:)) ?? nil
            if let keyword { lengths |= 1 << keyword.nameLength }
            keywords.append(keyword)
        }
        self.keywords = keywords
        self.lengths = lengths
    }

    var location: SourceLocation { node.location }

    /// The keywords the schema has, in document order.
    var presentKeywords: some Sequence<SchemaKeyword> { keywords.lazy.compactMap { $0 } }

    /// Whether the schema may have this keyword; `false` says it has not. Inlined, with the accessors
    /// below, so that for a keyword written as a literal the test is one instruction and an absent
    /// keyword costs no call. Only their parts for a keyword that may be present are called.
    @inline(__always)
    func mayHave(_ keyword: SchemaKeyword) -> Bool {
        lengths & 1 << keyword.nameLength != 0
    }

    /// The position of the entry with this keyword.
    @inline(__always)
    func index(of keyword: SchemaKeyword) -> Int? {
        mayHave(keyword) ? search(keyword) : nil
    }

    private func search(_ keyword: SchemaKeyword) -> Int? {
        keywords.firstIndex(of: keyword)
    }

    /// The value of a keyword, null values included.
    @inline(__always)
    func raw(_ keyword: SchemaKeyword) -> YAMLNode? {
        mayHave(keyword) ? present(keyword) : nil
    }

    private func present(_ keyword: SchemaKeyword) -> YAMLNode? {
        search(keyword).map { mapping.value(at: $0) }
    }

    /// The value of a keyword, `nil` when absent or null.
    @inline(__always)
    func value(_ keyword: SchemaKeyword) -> YAMLNode? {
        mayHave(keyword) ? presentValue(keyword) : nil
    }

    private func presentValue(_ keyword: SchemaKeyword) -> YAMLNode? {
        guard let node = present(keyword), !node.isNullNode else { return nil }
        return node
    }

    /// Where a keyword is written (its key node), or the schema's location.
    func keyLocation(_ keyword: SchemaKeyword) -> SourceLocation {
        index(of: keyword).map { mapping[$0].key.location } ?? node.location
    }

    // The typed readers below are ObjectReader's, for keywords.

    @inline(__always)
    func string(_ keyword: SchemaKeyword) -> String? {
        mayHave(keyword) ? presentString(keyword) : nil
    }

    private func presentString(_ keyword: SchemaKeyword) -> String? {
        present(keyword).flatMap { session.stringValue($0, key: keyword.rawValue) }  // null reads as nil there
    }

    @inline(__always)
    func text(_ keyword: SchemaKeyword) -> String? {
        mayHave(keyword) ? presentText(keyword) : nil
    }

    private func presentText(_ keyword: SchemaKeyword) -> String? {
        presentValue(keyword).flatMap { session.textValue($0, file: file, key: keyword.rawValue) }
    }

    @inline(__always)
    func bool(_ keyword: SchemaKeyword) -> Bool? {
        mayHave(keyword) ? presentBool(keyword) : nil
    }

    private func presentBool(_ keyword: SchemaKeyword) -> Bool? {
        presentValue(keyword).flatMap { session.boolValue($0, key: keyword.rawValue) }
    }

    @inline(__always)
    func number(_ keyword: SchemaKeyword) -> YAMLNumber? {
        mayHave(keyword) ? presentNumber(keyword) : nil
    }

    private func presentNumber(_ keyword: SchemaKeyword) -> YAMLNumber? {
        presentValue(keyword).flatMap { session.numberValue($0, key: keyword.rawValue) }
    }

    @inline(__always)
    func count(_ keyword: SchemaKeyword) -> Int? {
        mayHave(keyword) ? presentCount(keyword) : nil
    }

    private func presentCount(_ keyword: SchemaKeyword) -> Int? {
        presentValue(keyword).flatMap { session.countValue($0, key: keyword.rawValue) }
    }

    @inline(__always)
    func json(_ keyword: SchemaKeyword) -> JSONValue? {
        mayHave(keyword) ? presentJSON(keyword) : nil
    }

    private func presentJSON(_ keyword: SchemaKeyword) -> JSONValue? {
        present(keyword).map { session.jsonValue($0) }
    }

    /// The entries of a mapping-valued keyword, `[]` when absent.
    @inline(__always)
    func entries(_ keyword: SchemaKeyword) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        mayHave(keyword) ? presentEntries(keyword) : []
    }

    private func presentEntries(_ keyword: SchemaKeyword) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        presentValue(keyword).flatMap { session.entries($0, key: keyword.rawValue) } ?? []
    }

    /// The items of a list-valued keyword, `nil` when absent.
    @inline(__always)
    func list(_ keyword: SchemaKeyword) -> YAMLSequence? {
        mayHave(keyword) ? presentList(keyword) : nil
    }

    private func presentList(_ keyword: SchemaKeyword) -> YAMLSequence? {
        presentValue(keyword).flatMap { session.listValue($0, key: keyword.rawValue) }
    }

    /// Warns about each unsupported keyword where it is written.
    func reportUnsupported() {
        for (index, keyword) in keywords.enumerated() {
            if let keyword, keyword.isUnsupported {
                session.report(.unsupported(.schemaKeyword(keyword.rawValue), at: mapping[index].key.location))
            }
        }
    }

    /// Reports the unknown keys (other than `x-` keys) and returns the extensions.
    func finish() -> Extensions {
        var extensions = Extensions()
        for (index, keyword) in keywords.enumerated() where keyword == nil {
            let entry = mapping[index]
            guard let key = entry.keyText else {
                session.report(.nonScalarKey(at: entry.key.location))
                continue
            }
            if key.isExtensionKey {
                extensions[key] = entry.value
            } else {
                session.report(.unknownKey(key, in: "Schema", at: entry.key.location))
            }
        }
        return extensions
    }
}
