/// A name that a template context holds a value under: one of the names the renderer gives templates.
///
/// A number rather than a `String`: a context's keys are compared with a name at every look-up (a few
/// hundred thousand times per document), and numbers compare in one instruction where two strings compared
/// by length and then bytes, or slowly through the standard library when they were stored differently (a
/// Swift literal against a key read from a template). Templates are compiled with their names' keys
/// (``MustacheLibrary``), and the renderer builds contexts with cases, which are constants: no string is
/// made, hashed or compared while a document renders. A name that no case spells is one that no context
/// holds, so that a template (a user's, say) that names it renders nothing for it, as it always did.
///
/// Each case is spelled as templates name it: the raw value is the case's name.
enum TemplateKey: String, CaseIterable, Sendable {
    case access, arguments, assignment, assignments, binding, bodies, branches, cases, children, client, clientDoc
    case codingKey, codingKeysConformances, conformances, constants, declaration, decodeSelf, decodeStatement
    case decodeValue, decodesExplicitly, defaultServer, deprecated, discriminator, discriminatorName, doc, encodeDoc
    case encodeStatement, encodeTagged, encodesExplicitly, extras, extrasAssignment, extrasDeclaration, extrasDecode
    case extrasDoc, extrasEncode, extrasIsPublic, extrasParameter, fallback, getter, hasDiscriminator, hasProperties
    case hasTaggedCase, headerTypes, importsRuntime, isArgument, isExtension, isIndirect, isOpen, isStoredAside
    case isTagged, last, literal, member, method, module, name, needsCodingKeys, nested, noMatch, noMatchGuard, oneLine
    case operation, operations, operationsDoc, outcome, outcomeDoc, parameter, path, prefersValidCase, properties
    case rawType, redacts, request, requestOneLine, responds, select, selectable, serverDoc, servers, singleCase, spec
    case statements, steps, storage, storageDeclaration, storageDoc, structs, text, title, type, types
    case unknownDiscriminator, urlCase, validations, value, variableEnums, writesInit

    /// The key a template's name spells, or `nil` when no context can hold it.
    static func named(_ name: String) -> TemplateKey? {
        byName[name]
    }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}
