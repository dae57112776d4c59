/// The context of `Client.swift`: a client type with one async method per operation, each returning a
/// per-operation outcome enum of the documented responses.
///
/// Names: the client is the module's name without a trailing `API` or `Api`, plus `Client` (`EvalAPI`
/// -> `EvalClient`, `Golden` -> `GoldenClient`, `API` -> `APIClient`); each outcome enum, nested in the
/// client, is the operation's name in upper camel case plus `Outcome` (`me` -> `EvalClient.MeOutcome`).
/// A name that a generated type already has is numbered (`EvalClient2`, `MeOutcome2`), so neither
/// shadows a model.
extension Renderer {
    /// The client's name and each operation's outcome enum (by index in `model.operations`), made
    /// unique among the model's type names once for all the client's files.
    ///
    /// This runs on one core before the client's files render on every core: the set of names grows in
    /// place, sized once, and each operation's name is read where it is stored (a closure over the
    /// operations copied each operation). Names are numbered as `SwiftNames.uniqued` numbers them (after
    /// the names taken and those before them), but in the set itself: `uniqued` copied the set, hashing
    /// every type's name again, and adding its result to the set hashed every outcome again (about a
    /// third of this work).
    func clientNames(_ model: GenerationModel) -> ClientNames {
        let operations = model.operations
        var typeNames = Translator.reservedNames
        typeNames.reserveCapacity(typeNames.count + model.types.count + operations.count + 1)
        for type in model.types { typeNames.insert(type.name) }
        // The next number to try for each name numbered so far: every smaller one is taken.
        var next: [String: Int] = [:]
        // `name` made unique (never in backticks here, nor a keyword once numbered), and added to the set.
        func unique(_ name: String) -> String {
            if typeNames.insert(name).inserted { return name }
            var number = next[name] ?? 2
            while !typeNames.insert("\(name)\(number)").inserted { number += 1 }
            next[name] = number + 1
            return "\(name)\(number)"
        }
        let client = unique(Self.clientName(module: model.module))
        var outcomes: [String] = []
        outcomes.reserveCapacity(operations.count)
        for index in operations.indices {
            outcomes.append(unique(SwiftNames.upperCamel(SwiftNames.unescaped(operations[index].name)) + "Outcome"))
        }
        return ClientNames(client: client, outcomes: outcomes, typeNames: typeNames)
    }

    /// What every file of the client shows besides its operations' methods.
    func clientContext(_ model: GenerationModel, names: ClientNames) -> TemplateContext {
        // Where every operation goes to servers of its own, the client's server is never used: any will do.
        let defaultServer =
            model.defaultServer
            ?? (model.operations.allSatisfy { $0.server != nil } ? model.servers.first?.defaultValue : nil)
        return [
            .client: .string(names.client),
            .clientDoc: .lines(DocComment.lines(
                [
                    "A client of \(Self.theAPI(model.title)): one method per operation, which validates and builds the "
                        + "request, sends it through the middlewares and the transport, and returns the documented "
                        + "response.",
                    "",
                    "Responses the operation does not document, and bodies that do not decode, throw `UnexpectedResponse`.",
                ],
                indent: 0
            )),
            .defaultServer: .string(defaultServer.map { " = \($0)" } ?? ""),
        ]
    }

    /// `EvalAPI` -> `EvalClient`: the module name without a trailing `API` (or `Api`), plus `Client`.
    static func clientName(module: String) -> String {
        var base = module
        for suffix in ["API", "Api"] where base.hasSuffix(suffix) && base.count > suffix.count {
            base = String(base.dropLast(suffix.count))
            break
        }
        return base + "Client"
    }

    // The constant lines of a method's doc comment, laid out once rather than for every operation
    // (each is too long for one line).
    private static let bearerTokenDoc = DocComment.lines(
        [
            "  - bearerToken: The access token, sent as `Authorization: Bearer <token>`; `nil` leaves the header to a "
                + "middleware such as `BearerTokenMiddleware`."
        ],
        indent: 4
    )
    private static let transportErrors = "; the transport's errors (`URLError`, `CancellationError`)."
    private static let responseErrors =
        "`UnexpectedResponse` for an undocumented status or a body that does not decode" + transportErrors
    // Where a response documents headers.
    private static let responseAndHeaderErrors =
        "`UnexpectedResponse` for an undocumented status, a body or header that does not decode, or a missing "
        + "required header" + transportErrors
    private static let validationErrors =
        "- Throws: `ValidationError` before sending if a value breaks a constraint of the spec; "
    private static let throwsWithoutValidation = DocComment.lines(["- Throws: " + responseErrors], indent: 4)
    private static let throwsWithValidation = DocComment.lines([validationErrors + responseErrors], indent: 4)
    private static let throwsWithoutValidationWithHeaders = DocComment.lines(
        ["- Throws: " + responseAndHeaderErrors], indent: 4)
    private static let throwsWithValidationWithHeaders = DocComment.lines(
        [validationErrors + responseAndHeaderErrors], indent: 4)

    /// An argument label as a call writes it: without backticks (`default:`), except `inout`, which a
    /// call cannot write bare.
    private static func callLabel(_ label: String) -> String {
        label == "`inout`" ? label : SwiftNames.unescaped(label)
    }

    /// The context of `operation`'s client method; `last` when it is the last of its file. Its text is
    /// written with `text`.
    func clientOperationContext(
        _ operation: OperationDeclaration, last: Bool, outcome: String, typeNames: Set<String>, access: AccessLevel,
        text: inout TextWriter
    ) -> TemplateContext {
        var arguments: [String] = []
        var argumentDocs: [String] = []
        var call: [String] = []
        // Sized at once rather than grown by appending (a copy each time they double).
        let argumentCount = Self.argumentCount(operation)
        arguments.reserveCapacity(argumentCount)
        argumentDocs.reserveCapacity(argumentCount)
        call.reserveCapacity(argumentCount)
        var validates = false
        if let body = operation.body {
            arguments.append(String(concatenating: "_ body: ", body.type, body.isOptional ? "? = nil" : ""))
            argumentDocs.append(String(concatenating: "  - body: ", body.doc.first ?? "The request body."))
            call.append("body")
            for argument in body.arguments {
                arguments.append(argument.declaration)
                argumentDocs.append(argument.documentationLine)
                call.append(String(concatenating: argument.name, ": ", argument.name))
            }
            validates = validates || body.validates
        }
        for parameter in operation.parameters {
            arguments.append(parameter.argument)
            let doc = parameter.doc.first ?? parameter.defaultDoc
            argumentDocs.append(String(concatenating: "  - ", SwiftNames.unescaped(parameter.name), ": ", doc))
            call.append(String(concatenating: Self.callLabel(parameter.label), ": ", parameter.name))
            validates =
                validates || !parameter.rules.isEmpty || !parameter.elementRules.isEmpty || !parameter.valueRules.isEmpty
                || parameter.validatesNested
        }
        for key in operation.apiKeys {
            arguments.append(key.argument)
            argumentDocs.append(key.documentation)
            call.append(String(concatenating: Self.callLabel(key.name), ": ", key.name))
        }
        if let basic = operation.basicAuth {
            arguments.append(Self.basicCredentialsArgument)
            argumentDocs.append("  - basicCredentials: " + Self.basicCredentialsDoc(basic))
            call.append("basicCredentials: basicCredentials")
        }
        // A bearer token that the builder requires goes through `ClientCore.prepare`, which lets a
        // middleware add it; one among other ways is passed to the builder as it is.
        let bearer = operation.bearerAuth != nil && !operation.bearerIsOptional
        if operation.bearerAuth != nil {
            arguments.append("bearerToken: String? = nil")
            call.append(bearer ? "bearerToken: token" : "bearerToken: bearerToken")
        }
        // An operation with servers of its own goes to them, not to the client's.
        if operation.server == nil { call.append("server: server") }

        var lines: [String] = []
        lines.reserveCapacity(operation.doc.count + argumentDocs.count + 8)
        if !operation.doc.isEmpty {
            lines.append(operation.doc[0])
            lines.append("")
        }
        lines.append(String(concatenating: "`", operation.method, " ", operation.path, "`"))
        if operation.doc.count > 1 {
            lines.append("")
            lines += operation.doc.dropFirst().drop(while: \.isEmpty)
        }
        lines.append("")
        if !arguments.isEmpty {
            lines.append("- Parameters:")
            lines += argumentDocs
        }
        var doc = DocComment.lines(lines, indent: 4)
        // Room for what follows (two lines each at most), so that the lines are copied once.
        doc.reserveCapacity(doc.count + 6)
        if operation.bearerAuth != nil { doc += Self.bearerTokenDoc }
        doc += DocComment.lines([String(concatenating: "- Returns: The documented response, as ``", outcome, "``.")], indent: 4)
        if operation.responses.contains(where: { !$0.headers.isEmpty }) {
            doc += validates ? Self.throwsWithValidationWithHeaders : Self.throwsWithoutValidationWithHeaders
        } else {
            doc += validates ? Self.throwsWithValidation : Self.throwsWithoutValidation
        }

        // The builder call, on one line when it fits; in a closure of `ClientCore.prepare` with a bearer token.
        let callIndent = bearer ? 12 : 8
        let (inner, prefix) = bearer ? ("    ", "try ") : ("", "let request = try ")
        let callArguments = String(joining: call, separator: ", ")
        text.beginLines()
        if bearer { text.appendLine("let request = try ClientCore.prepare(bearerToken: bearerToken) { token in") }
        if Self.fits(at: callIndent, prefix, "Operations.", operation.name, "(", callArguments, ")") {
            text.appendLine(inner, prefix, "Operations.", operation.name, "(", callArguments, ")")
        } else {
            for line in Self.multilineCall(String(concatenating: prefix, "Operations.", operation.name, "("), call) {
                text.appendLine(inner, line)
            }
        }
        if bearer { text.appendLine("}") }
        let request = text.endLines()

        var cases: [TemplateContext] = []
        var bodies: [TemplateContext] = []
        var headerTypes: [TemplateContext] = []
        let ordered =
            operation.responses.filter { if case .code = $0.status { true } else { false } }
            + operation.responses.filter { if case .range = $0.status { true } else { false } }
            + operation.responses.filter { $0.status == .default }
        // The enums of bodies in several media types, nested in the outcome (`OkBody`): named only where there
        // are some.
        let bodyNames =
            ordered.contains { !$0.alternatives.isEmpty }
            ? SwiftNames.uniqued(
                ordered.map { SwiftNames.upperCamel(SwiftNames.unescaped($0.name)) + "Body" }, taken: typeNames)
            : []
        // The structs of documented headers, nested in the outcome too (`OkHeaders`).
        let headersNames =
            ordered.contains { !$0.headers.isEmpty }
            ? SwiftNames.uniqued(
                ordered.map { SwiftNames.upperCamel(SwiftNames.unescaped($0.name)) + "Headers" }, taken: typeNames)
            : []
        text.beginLines()  // the branches
        for (index, response) in ordered.enumerated() {
            let keepsStatus = response.status.isRangeOrDefault
            var payload: [String] = []
            var values: [BranchExpression] = []
            if keepsStatus {
                payload.append("status: Int")
                values.append(.text("status: response.status.code"))
            }
            switch response.status {
            case .code(let code): text.appendLine("case ", String(code), ":")
            case .range(let digit): text.appendLine("case \(digit * 100)..<\(digit * 100 + 100):")
            case .default: text.appendLine("default:")
            }
            // Branch bodies stand at 16 spaces. Headers are read first, into `headers`, which the return passes on.
            var headersValue: [BranchExpression] = []
            if !response.headers.isEmpty {
                let name = headersNames[index]
                text.appendLines(Self.headersDecoding(response.headers, type: outcome + "." + name))
                headersValue = [.text("headers: headers")]
                headerTypes.append(Self.headersStruct(response, name: name, access: access))
            }
            if response.alternatives.isEmpty {
                let type = response.body == nil ? nil : response.type
                if let type { payload.append(keepsStatus ? "body: \(type)" : type) }
                // Nearly every response returns its JSON body alone, on one line: written straight from its
                // pieces, without the expression (``decoding(_:type:label:)``) and its line made first, a few
                // allocations and about 5,800 instructions a response.
                let (jsonHead, jsonTail) = ("(try response.decodeJSON(", ".self, operation: operation.name))")
                if let type, !keepsStatus, headersValue.isEmpty, case .json? = response.body,
                    Self.fits(at: 12, "    return .", response.name, jsonHead, type, jsonTail)
                {
                    text.appendLine("    return .", response.name, jsonHead, type, jsonTail)
                } else {
                    if let type, let body = response.body {
                        values.append(Self.decoding(body, type: type, label: keepsStatus ? "body: " : ""))
                    }
                    values += headersValue
                    // Nearly always one line, written directly; the expression lays out a longer one.
                    let valueList = String(joining: values.map(\.line), separator: ", ")
                    if values.isEmpty {
                        text.appendLine("    return .", response.name)
                    } else if Self.fits(at: 12, "    return .", response.name, "(", valueList, ")") {
                        text.appendLine("    return .", response.name, "(", valueList, ")")
                    } else {
                        let value = BranchExpression.call("return ." + response.name, values)
                        for line in value.lines(column: 16) { text.appendLine("    ", line) }
                    }
                }
            } else {
                // A body in several media types is an enum nested in the outcome, its case chosen by `Content-Type`.
                let bodyName = bodyNames[index]
                payload.append(keepsStatus ? "body: \(bodyName)" : bodyName)
                text.appendLines(Self.mediaTypeSwitch(
                    response, values: values, headers: headersValue, keepsStatus: keepsStatus))
                bodies.append(Self.bodyEnum(response, name: bodyName))
            }
            if !response.headers.isEmpty { payload.append("headers: " + headersNames[index]) }
            let declaration =
                payload.isEmpty
                ? text.text("case ", response.name)
                : text.text("case ", response.name, "(", String(joining: payload, separator: ", "), ")")
            var doc = response.doc
            if case .range(let digit) = response.status { doc.append("Any \(digit)XX status.") }
            cases.append([.declaration: declaration, .doc: .lines(DocComment.lines(doc, indent: 8))])
        }
        if !operation.responses.contains(where: { $0.status == .default }) {
            text.appendLine("default:")
            text.appendLine("    throw response.undocumented(operation: operation.name)")
        }
        let branches = text.endLines()

        // The width of `    public func name(arguments) async throws -> Outcome {`, without writing it.
        let oneLine =
            "    ".utf8.count + access.rawValue.utf8.count + " func ".utf8.count + DocComment.width(of: operation.name) + "(".utf8.count + Self.width(ofArguments: arguments)
            + ") async throws -> ".utf8.count + DocComment.width(of: outcome) + " {".utf8.count
        let unescapedName = SwiftNames.unescaped(operation.name)
        var operationArguments = [String(concatenating: "name: ", SwiftLiteral.string(unescapedName))]
        // A middleware adds a token where none was given, also where it is one way among others.
        if operation.bearerAuth != nil { operationArguments.append("requiresBearerToken: true") }
        let secretHeaders = operation.apiKeys.filter { $0.location == .header }.map { SwiftLiteral.string($0.wireName) }
        if !secretHeaders.isEmpty {
            operationArguments.append(String(concatenating: "secretHeaders: [", secretHeaders.joined(separator: ", "), "]"))
        }
        // `let operation = ClientOperation(...)` at 8 spaces, on one line when it fits.
        let operationList = String(joining: operationArguments, separator: ", ")
        let operationValue =
            Self.fits(at: 8 + "let operation = ".utf8.count, "ClientOperation(", operationList, ")")
            ? text.text("ClientOperation(", operationList, ")")
            : .string(
                Self.multilineCall("ClientOperation(", operationArguments).enumerated()
                    .map { $0.offset == 0 ? $0.element : "        " + $0.element }.joined(separator: "\n"))
        // Without a documented response every response is unexpected: the method throws after `send`, since a
        // closure that returns the empty outcome would make `send` a call that never returns (a warning).
        let outcomeDoc =
            operation.responses.isEmpty
            ? String(
                concatenating: "`", unescapedName, "` documents no response: every response throws `UnexpectedResponse`.")
            : String(concatenating: "The documented responses of `", unescapedName, "`.")
        return [
            .name: .string(operation.name),
            .outcome: .string(outcome),
            .responds: .bool(!operation.responses.isEmpty),
            .doc: .lines(doc),
            .outcomeDoc: .lines(DocComment.lines([outcomeDoc], indent: 4)),
            .deprecated: .bool(operation.deprecated),
            .arguments: Self.argumentList(arguments),
            .oneLine: .bool(oneLine <= DocComment.lineWidth),
            .operation: operationValue,
            .request: request,
            .branches: branches,
            .cases: .objects(cases),
            .bodies: .objects(bodies),
            .headerTypes: .objects(headerTypes),
            .last: .bool(last),
        ]
    }

    /// The `switch` of a branch (at 16 spaces) over the media types of a response in several: a `case` per media
    /// type but the last, which is the `default`, each returning the outcome with the body's enum case.
    private static func mediaTypeSwitch(
        _ response: ResponseDeclaration, values: [BranchExpression], headers: [BranchExpression], keepsStatus: Bool
    ) -> [String] {
        let select = BranchExpression.call(
            "switch try response.mediaType",
            [
                .array("among: ", response.alternatives.map { SwiftLiteral.string($0.mediaType) }),
                .text("operation: operation.name"),
            ])
        var lines = select.lines(column: 16, suffix: " {").map { "    " + $0 }
        for (index, alternative) in response.alternatives.enumerated() {
            let isLast = index == response.alternatives.count - 1
            lines.append(isLast ? "    default:" : "    case \(SwiftLiteral.string(alternative.mediaType)):")
            let body = BranchExpression.call(
                String(concatenating: keepsStatus ? "body: ." : ".", alternative.name),
                [decoding(alternative.body, type: alternative.type, label: "")])
            let value = BranchExpression.call("return ." + response.name, values + [body] + headers)
            lines += value.lines(column: 20).map { "        " + $0 }
        }
        return lines + ["    }"]
    }

    /// The enum, nested in the outcome, of the body of a response in several media types: a case per media type.
    private static func bodyEnum(_ response: ResponseDeclaration, name: String) -> TemplateContext {
        let doc = String(
            concatenating: "The body of `", response.name, "`, in the media type that its `Content-Type` selects.")
        let cases: [TemplateContext] = response.alternatives.map { alternative in
            let how =
                switch alternative.body {
                case .json: ""
                case .jsonSequence: ", its values in order"
                case .text: ", as text"
                case .binary: ", as the bytes that arrived"
                }
            let doc = String(concatenating: "The `", alternative.mediaType, "` body", how, ".")
            return [
                .declaration: .string(String(concatenating: "case ", alternative.name, "(", alternative.type, ")")),
                .doc: .lines(DocComment.lines([doc], indent: 12)),
            ]
        }
        return [.name: .string(name), .doc: .lines(DocComment.lines([doc], indent: 8)), .cases: .objects(cases)]
    }

    /// `let headers = try Outcome.OkHeaders(...)` in a branch (at 16 spaces): each documented header read
    /// from the response as its type (`as: Int.self`; `json: Paging.self` for JSON content, `json: Paging?.self`
    /// where it may be `null`; `object: Colour.self, explode: false` for an object), a required one with
    /// `requiredHeader`, which throws when it is absent.
    private static func headersDecoding(_ headers: [ResponseHeaderDeclaration], type: String) -> [String] {
        let arguments: [BranchExpression] = headers.map { header in
            .call(
                String(
                    concatenating: callLabel(header.name), ": response.",
                    header.isRequired ? "requiredHeader" : "header"),
                [
                    .text(SwiftLiteral.string(header.wireName)),
                    .text(
                        String(
                            concatenating: header.isJSON ? "json: " : header.objectExplode == nil ? "as: " : "object: ",
                            header.type, header.isNullable ? "?.self" : ".self")),
                ] + (header.objectExplode.map { [.text($0 ? "explode: true" : "explode: false")] } ?? [])
                    + [.text("operation: operation.name")])
        }
        return BranchExpression.call("let headers = try " + type, arguments).lines(column: 16).map { "    " + $0 }
    }

    /// The struct, nested in the outcome, of the headers a response documents: a property per header, optional
    /// unless the header is required (and, for JSON content, cannot be `null`), an initializer unless Swift synthesizes the same, and where a header is a
    /// secret a mirror that redacts it. A deprecated header's value is stored under another name (`_old`), so that
    /// the struct's own code reads it without a deprecation warning.
    private static func headersStruct(
        _ response: ResponseDeclaration, name: String, access: AccessLevel
    ) -> TemplateContext {
        let headers = response.headers
        var properties: [TemplateContext] = []
        var storage: [String] = []
        var parameters: [String] = []
        var assignments: [String] = []
        var children: [String] = []
        for header in headers {
            let isOptional = !header.isRequired || header.isNullable
            let type = isOptional ? header.type + "?" : header.type
            let label = SwiftNames.unescaped(header.name)
            let stored = header.deprecated ? "_" + label : label
            let declaration =
                header.deprecated
                ? String(concatenating: access.rawValue, " var ", header.name, ": ", type, " { ", stored, " }")
                : String(concatenating: access.rawValue, " let ", header.name, ": ", type)
            properties.append([
                .declaration: .string(declaration), .deprecated: .bool(header.deprecated),
                .doc: .lines(DocComment.lines(header.doc, indent: 12)),
            ])
            if header.deprecated {
                storage += [
                    String(
                        concatenating: "/// `", label,
                        "`, stored under another name so that the struct reads it without a deprecation warning."),
                    String(concatenating: "private let ", stored, ": ", type),
                ]
            }
            parameters.append(String(concatenating: header.name, ": ", type, header.isRequired ? "" : " = nil"))
            assignments.append(String(concatenating: "self.", stored, " = ", header.name))
            let value =
                header.isSecret
                ? String(concatenating: "Redacted(", stored, ")")
                : isOptional ? String(concatenating: stored, " as Any") : stored
            children.append(String(concatenating: SwiftLiteral.string(label), ": ", value, ","))
        }
        // Swift synthesizes the same initializer for an internal struct whose every property is stored as it is
        // named and required (an optional `let` has no default in it).
        let synthesized = access == .internal && headers.allSatisfy { $0.isRequired && !$0.deprecated }
        let redacts = headers.contains(where: \.isSecret)
        let doc = String(concatenating: "The documented headers of `", SwiftNames.unescaped(response.name), "`.")
        return [
            .name: .string(name), .doc: .lines(DocComment.lines([doc], indent: 8)),
            .conformances: .string(redacts ? "Sendable, Hashable, SecretRedacting" : "Sendable, Hashable"),
            .properties: .objects(properties), .storage: .lines(storage),
            .writesInit: .bool(!synthesized), .arguments: argumentList(parameters),
            .assignments: .lines(assignments),
            .redacts: .bool(redacts), .children: .lines(children),
        ]
    }

    /// How a client method reads a body of `type`: JSON decoded, a sequence of JSON values each decoded as an item,
    /// text in its charset, bytes as they are;
    /// `label` (`body: `) before it.
    private static func decoding(_ body: ResponseDeclaration.Body, type: String, label: String) -> BranchExpression {
        switch body {
        case .json:
            .call(
                String(concatenating: label, "try response.decodeJSON"),
                [.text(String(concatenating: type, ".self")), .text("operation: operation.name")])
        case .jsonSequence:
            // The type is the array of the items (`[LogEntry]`), each value decoded as one.
            .call(
                String(concatenating: label, "try response.decodeJSONSequence"),
                [.text(String(type.dropFirst().dropLast()) + ".self"), .text("operation: operation.name")])
        case .text: .text(String(concatenating: label, "try response.decodeText(operation: operation.name)"))
        case .binary: .text(String(concatenating: label, "response.body"))
        }
    }
}

/// An expression in a client method's `switch` over the response: on one line when it fits, else broken as
/// swift-format breaks it: a call's arguments one per line, an array's elements as many per line as fit.
///
/// Not `indirect`: a call's arguments are an array, which holds them out of line already, and a box for
/// each expression would be an allocation more.
private enum BranchExpression {
    case text(String)
    /// `head(arguments)`.
    case call(String, [BranchExpression])
    /// `head[elements]`.
    case array(String, [String])

    /// The expression on one line.
    var line: String {
        switch self {
        case .text(let text): text
        case .call(let head, let arguments):
            String(concatenating: head, "(", String(joining: arguments.map(\.line), separator: ", "), ")")
        case .array(let head, let elements):
            String(concatenating: head, "[", String(joining: elements, separator: ", "), "]")
        }
    }

    /// The lines of the expression starting at `column`, `suffix` after it, each but the first indented
    /// from the first's indentation.
    func lines(column: Int, suffix: String = "") -> [String] {
        let flat = line + suffix
        guard column + DocComment.width(of: flat) > DocComment.lineWidth else { return [flat] }
        switch self {
        case .text: return [flat]
        case .call(let head, let arguments):
            var lines = [head + "("]
            for (index, argument) in arguments.enumerated() {
                let comma = index == arguments.count - 1 ? "" : ","
                lines += argument.lines(column: column + 4, suffix: comma).map { "    " + $0 }
            }
            return lines + [")" + suffix]
        case .array(let head, let elements):
            // Elements fill each line, every one with a comma after it.
            var lines = [head + "["]
            var current = ""
            for element in elements {
                let next = current.isEmpty ? element + "," : current + " " + element + ","
                if !current.isEmpty, column + 4 + DocComment.width(of: next) > DocComment.lineWidth {
                    lines.append("    " + current)
                    current = element + ","
                } else {
                    current = next
                }
            }
            lines.append("    " + current)
            return lines + ["]" + suffix]
        }
    }
}

extension ResponseDeclaration.Status {
    fileprivate var isRangeOrDefault: Bool {
        if case .code = self { false } else { true }
    }
}

/// The names the client's files share.
struct ClientNames: Sendable {
    /// The client type's name (`EvalClient`).
    let client: String
    /// Each operation's outcome enum, by index in the model's operations.
    let outcomes: [String]
    /// Every name a type nested in an outcome must not take, lest it hide a type that the outcome refers to:
    /// the model's types, the client and the outcomes.
    let typeNames: Set<String>
}
