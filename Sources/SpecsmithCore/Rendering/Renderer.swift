import Dispatch
import Foundation
import SpecsmithDiagnostics
import SpecsmithYAML

/// Stage 4: lays a ``GenerationModel`` out as Swift files through the templates.
///
/// This is where the model becomes the plain values mustache reads (dictionaries of strings, flags
/// and lists). Every Swift spelling that depends on the runtime's API, such as a rule's expression,
/// and every wrapped doc-comment line is decided here, so templates only place lines.
///
/// Files, each present only when it has something to hold: `Models.swift` (types), `Validation.swift`
/// (their checks), `Redaction.swift` (mirrors that hide secrets), `Servers.swift` and
/// `Operations.swift` (request builders).
struct Renderer {
    let templates: TemplateSet

    /// How doc comments name the API: `the Petstore API` for the title `Petstore`, but `the Tradovate API`
    /// and `the USPTO Data Set API` for titles that already say so (`Tradovate API`, not `Tradovate API API`),
    /// and `this API` for an empty title.
    static func theAPI(_ title: String) -> String {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "this API" }
        let saysAPI = trimmed.split { !$0.isLetter && !$0.isNumber }.contains { $0.lowercased() == "api" }
        return saysAPI ? "the \(trimmed)" : "the \(trimmed) API"
    }

    func render(_ model: GenerationModel) throws(TemplateError) -> [GeneratedFile] {
        let base: TemplateContext = [
            .spec: .string(model.spec),
            .module: .string(model.module),
            .title: .string(model.title),
            .access: .string(model.access.rawValue),
        ]
        // The files, and slices of the model's types, render independently: on as many cores as
        // there are. The result does not depend on which finishes first. What the files of the
        // operations share is worked out first; the largest parts come first, so that no core is
        // left with one of them at the end.
        //
        // The client's files need its names made unique among the model's (``clientNames(_:)``), and their
        // operations shared out by weight: both are worked out by a part of the first section, and the client's
        // files render in the second, beside the files of models, rather than on one core before either section.
        var layout = OperationLayout(
            builderFiles: Self.operationFiles(
                model.operations, weight: model.operations.count * Self.requestBuilderWeight),
            clientFiles: [])
        // Each type's compile weight sizes both its render slice and its file of models. Weighed on every core:
        // each struct is copied out of its box to be weighed (discourse's types took 0.45M instructions on one).
        var typeWeights = Array(repeating: 0, count: model.types.count)
        Concurrently.update(&typeWeights, concurrently: true) { index, weight in
            weight = Self.compileWeight(model.types[index])
        }
        let typeWeight = typeWeights.reduce(0, +)
        // Each slice puts its types' texts straight in their places, for the parts that write the files of models
        // to take: this thread then neither gathers them nor frees the slices' lists of them.
        let typeTexts = Handover<TemplateValue>(count: model.types.count)
        var parts: [Part] = []
        if !model.operations.isEmpty {
            parts += [.clientNames] + layout.builderFiles.indices.map(Part.operations) + [.servers]
        }
        if !model.types.isEmpty {
            parts.append(.redaction)
            // The hash of each type's name places it in a file of models: where there are several, each slice
            // works out those of its types, rather than one core all of them.
            let hashesNames = Self.fileCount(weight: typeWeight) > 1
            parts += Self.slices(weights: typeWeights, count: Self.typeSlices).map {
                Part.types($0, hashesNames: hashesNames, texts: typeTexts)
            }
        }
        let work = parts
        let firstLayout = layout
        var rendered = Self.results(work.count) { index throws(TemplateError) in
            try renderPart(work[index], of: model, layout: firstLayout, base: base)
        }
        // Each part's result is moved out of its slot, not copied: the slots then free nothing here. The lists
        // are made about large enough at once: there are about as many checks as types.
        var typeHashes: [UInt64] = []
        var checks: [[TemplateContext]] = []
        var checkHashes: [UInt64] = []
        checks.reserveCapacity(work.count)
        typeHashes.reserveCapacity(model.types.count)
        checkHashes.reserveCapacity(model.types.count)
        var checkBytes = 0
        var files: [String: GeneratedFile] = [:]
        var firstError: TemplateError?
        var clientNames: ClientNames?
        for index in rendered.indices {
            switch rendered[index].take()! {
            case .failure(let error): firstError = firstError ?? error
            case .success(.types(let hashes, let sliceChecks)):
                typeHashes += hashes
                checks.append(sliceChecks.contexts)
                checkHashes += sliceChecks.hashes
                checkBytes += sliceChecks.bytes
            case .success(.file(let file?)): files[file.name] = file
            case .success(.file(nil)): break
            case .success(.clientNames(let names, let clientFiles)):
                clientNames = names
                layout.clientFiles = clientFiles
            }
        }
        let clientParts = clientNames == nil ? 0 : layout.clientFiles.count
        let clientLayout = layout
        if let firstError {
            // The client's files were once the first parts: an error of theirs is still the one reported.
            _ = try Self.concurrently(clientParts) { [clientNames] index throws(TemplateError) in
                try renderPart(.client(file: index, names: clientNames!), of: model, layout: clientLayout, base: base)
            }
            throw firstError
        }
        // Each client file's part takes a copy of the names, and the last to finish frees them (a set of every
        // type's name: 36K instructions on this thread after the section).
        let clientFileNames = Handover(
            joining: [clientNames.take().map { Array(repeating: $0, count: clientParts) } ?? []])
        // The files of the models and of their checks are known once every type is rendered; they render
        // concurrently too, after the client's files. Each finds its items (``fileItems(count:files:number:hash:)``)
        // and takes its types' texts or checks' contexts from a handover, to free them when done, rather than this
        // thread after the section (discourse's checks' contexts took about 0.5M instructions to free here).
        // The checks' files render before the models' files: a models file only joins texts that the first
        // section rendered, so it is quick, and quick parts last leave no core waiting on a slow one at the end.
        let checkFiles = checkHashes.isEmpty ? 0 : Self.fileCount(weight: checkBytes / Self.checkBytesPerWeight)
        let modelFiles = model.types.isEmpty ? 0 : Self.fileCount(weight: typeWeight)
        let checkContexts = Handover(joining: consume checks)
        let (typeNameHashes, checkNameHashes) = (typeHashes, checkHashes)
        var secondRendered = Self.results(clientParts + checkFiles + modelFiles) { index throws(TemplateError) in
            if index < clientParts {
                let names = clientFileNames.take(index)
                return try renderPart(.client(file: index, names: names), of: model, layout: clientLayout, base: base)
            }
            let contents: String
            let name: String
            if index < clientParts + checkFiles {
                let number = index - clientParts
                let items = Self.fileItems(count: checkNameHashes.count, files: checkFiles, number: number) {
                    checkNameHashes[$0]
                }
                if items.isEmpty { return .file(nil) }
                contents = try templates.render(
                    "validation", [.structs: .objects(items.map(checkContexts.take))], base: base)
                name = Self.fileName("Validation", number)
            } else {
                let number = index - clientParts - checkFiles
                let items = Self.fileItems(count: model.types.count, files: modelFiles, number: number) {
                    typeNameHashes[$0]
                }
                if items.isEmpty { return .file(nil) }
                contents = try templates.render("models", [.types: .list(items.map(typeTexts.take))], base: base)
                name = Self.fileName("Models", number)
            }
            return .file(GeneratedFile(name: name, contents: contents))
        }
        // Taken in the files' order, the client's, the models', the checks': so is the first error. Moved out of
        // their slots, as the first section's results are.
        let checkParts = clientParts..<clientParts + checkFiles
        var groupFiles: [GeneratedFile] = []
        for index in Array(0..<clientParts) + Array(checkParts.upperBound..<secondRendered.count) + Array(checkParts) {
            guard case .file(let file?) = try secondRendered[index].take()!.get() else { continue }
            if index < clientParts { files[file.name] = file } else { groupFiles.append(file) }
        }
        // The numbered files in number order, which is their parts' order: their names are known, rather than
        // sorted (a numeric comparison through Foundation took about 20K instructions, on one core).
        let order =
            ["Redaction.swift", "Servers.swift"] + layout.builderFiles.indices.map { Self.fileName("Operations", $0) }
            + layout.clientFiles.indices.map { Self.fileName("Client", $0) }
        return groupFiles + order.compactMap { files[$0] }
    }

    /// What one generated file holds at most, in compile weight (``compileWeight(_:)``): about a second
    /// of a debug build on the benchmark machine.
    ///
    /// In a debug build the compiler's batch mode gives each core an equal count of the module's files,
    /// a run of them in name order. Files that each take about as long to compile keep every core busy
    /// whatever the run: a kind that compiles slowly per line (models, the client's methods) is spread
    /// over more files than one that compiles fast (request builders), rather than every kind by size.
    static let fileWeight = 1_000

    /// About how long a type's declaration takes to compile in a debug build, in milliseconds on this
    /// project's 2-core benchmark machine, nested types included. Fitted to the models of
    /// tradovate-2021 and discourse compiled a file at a time (`specsmith-bench compile --per-file`),
    /// within 15%: a struct costs most, for the conformances the compiler derives (`Codable`,
    /// `Hashable`), and each stored property or enum case a little.
    static func compileWeight(_ declaration: TypeDeclaration) -> Int {
        switch declaration {
        case .structure(let s): 23 + 3 * s.properties.count + s.nested.reduce(0) { $0 + compileWeight($1) }
        case .enumeration(let e): 8 + 2 * e.cases.count
        case .union(let u): 23 + 4 * u.cases.count + u.nested.reduce(0) { $0 + compileWeight($1) }
        case .alias: 1
        }
    }

    /// How many slices, at most, the types are rendered in. Many more than there are cores, so that no
    /// core is left rendering a heavy slice alone at the end: in 9 slices of equal count, one of
    /// discourse's took 1.7 ms, the last 1.4 ms of a 5.1 ms phase with the other core idle; in 32
    /// slices of equal weight, the phase takes 4.5 ms.
    static let typeSlices = 32

    /// Consecutive ranges of the indices of `weights`, in order and covering them all, of about equal
    /// weight: at most `count` of them, each closed as soon as it holds its share of the total. A
    /// declaration's compile weight stands for its rendering work too: both grow with what it declares.
    static func slices(weights: [Int], count: Int) -> [Range<Int>] {
        let share = max(1, (weights.reduce(0, +) + count - 1) / count)
        var slices: [Range<Int>] = []
        var start = 0
        var weight = 0
        for (index, itemWeight) in weights.enumerated() {
            weight += itemWeight
            if weight >= share {
                slices.append(start..<index + 1)
                start = index + 1
                weight = 0
            }
        }
        if start < weights.count { slices.append(start..<weights.count) }
        return slices
    }

    /// The compile weight of an operation's client method: an `async` method and its outcome enum,
    /// about 4 ms and 7 more for each of its arguments (fitted as ``compileWeight(_:)`` is, to the
    /// client files of four corpus documents, within 12%: from 17 ms for tradovate's methods of two
    /// arguments to 60 ms for k8s's of eight). Each struct of a response's headers is weighed as a model's
    /// struct with as many properties (not fitted: the client read no headers when those were measured).
    static func clientMethodWeight(_ operation: OperationDeclaration) -> Int {
        let arguments =
            (operation.body == nil ? 0 : 1) + operation.parameters.count + operation.apiKeys.count
            + (operation.basicAuth == nil ? 0 : 1) + (operation.bearerAuth == nil ? 0 : 1)
        var weight = 4 + 7 * arguments
        for response in operation.responses where !response.headers.isEmpty {
            weight += 23 + 3 * response.headers.count
        }
        return weight
    }

    /// The compile weight of an operation's request builder: 2 to 6 ms in the same four documents.
    static let requestBuilderWeight = 3

    /// Bytes of checks per unit of compile weight: their lines are alike, so their size tells their cost
    /// (about 120 KB per ``fileWeight``).
    static let checkBytesPerWeight = 120

    /// How many files `weight` in all is spread over: 1, or the power of two that keeps each within
    /// ``fileWeight``.
    static func fileCount(weight: Int) -> Int {
        var count = 1
        while weight / count > fileWeight { count *= 2 }
        return count
    }

    /// The indices of the items (types' texts, or checks' contexts; `count` of them) in file number `number`
    /// (``fileName(_:_:)``) of `files` (``fileCount(weight:)``): all of them in a file alone; else each item is
    /// in the file its name hashes to (`hash(index)`, the ``stableHash(_:)`` of the name of item `index`, asked
    /// only where there are several files), so that adding a type changes one file while the others keep their
    /// place. A file that no item hashes to is not written.
    ///
    /// Each file's part finds its own items, every part reading every hash: on one core before the parts, each
    /// item appended to its file's list took about 160 instructions (discourse's types and checks 52K).
    static func fileItems(count: Int, files: Int, number: Int, hash: (Int) -> UInt64) -> [Int] {
        if files == 1 { return Array(0..<count) }
        return (0..<count).filter { hash($0) % UInt64(files) == UInt64(number) }
    }

    /// FNV-1a of the UTF-8 bytes: the same on every run and machine, unlike `Hasher`.
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    /// A piece of the output that renders on its own.
    private enum Part: Sendable {
        /// The declarations of `model.types[range]`, for `Models.swift`, put in `texts` at their indices, and
        /// their checks, for `Validation.swift`; with the hashes of their names when `hashesNames`.
        case types(Range<Int>, hashesNames: Bool, texts: Handover<TemplateValue>)
        /// The request builders, or the client's methods (with the client's names), of the operations of one
        /// file (see ``operationFiles(_:weight:)``).
        case operations(file: Int), client(file: Int, names: ClientNames)
        case redaction, servers
        /// The client's names (``clientNames(_:)``), which its files need.
        case clientNames
    }

    /// The checks of a slice of the types, for `validation.mustache`: each type's context and the ``stableHash(_:)``
    /// of its qualified name (worked out by the slice whether or not the checks fill several files: on one core
    /// afterwards, the names would be freed there), and about how many bytes they write in all.
    private struct Checks: Sendable {
        var contexts: [TemplateContext]
        var hashes: [UInt64]
        var bytes: Int
    }

    /// What the parts that render operations share.
    private struct OperationLayout: Sendable {
        /// The indices of the operations in each file of the request builders, and of the client's methods
        /// (once the first section has shared them out), in `model.operations`.
        let builderFiles: [[Int]]
        var clientFiles: [[Int]]
    }

    private enum RenderedPart: Sendable {
        /// The ``stableHash(_:)`` of each type's name when it was asked for (else none), and the checks of the
        /// types that have any (nested ones too).
        case types([UInt64], Checks)
        /// A file, or none when there is nothing to hold.
        case file(GeneratedFile?)
        /// The client's name and each operation's outcome enum, unique among all the names in the model, and the
        /// indices of the operations in each of the client's files.
        case clientNames(ClientNames, files: [[Int]])
    }

    /// The indices of the operations in each file of a kind whose methods for all the operations weigh
    /// `weight`: one file within ``fileWeight``, else ``fileCount(weight:)`` files, each operation in the
    /// file its name hashes to. Like ``fileItems(count:files:number:hash:)``: adding an operation changes one file.
    /// The first file always exists; the others are extensions of what it declares (`isExtension`).
    static func operationFiles(_ operations: [OperationDeclaration], weight: Int) -> [[Int]] {
        let count = fileCount(weight: weight)
        var files = Array(repeating: [Int](), count: count)
        for (index, operation) in operations.enumerated() {
            files[count == 1 ? 0 : Int(stableHash(operation.name) % UInt64(count))].append(index)
        }
        return files
    }

    /// File number `index` of `name`: `name.swift`, then `name2.swift`...
    static func fileName(_ name: String, _ index: Int) -> String {
        index == 0 ? "\(name).swift" : "\(name)\(index + 1).swift"
    }

    /// File number `index` of `name` (``fileName(_:_:)``) rendered with `template`, the
    /// operations' contexts and `context`; none for a file other than the first without operations.
    ///
    /// Each operation's context says whether it is the file's `last`: its builder is told, since a key
    /// added here would copy the whole context (its entries are shared with the array it came in).
    private func operationFile(
        _ operations: [TemplateContext], index: Int, name: String, template: String, _ context: TemplateContext,
        base: TemplateContext
    ) throws(TemplateError) -> RenderedPart {
        if index > 0, operations.isEmpty { return .file(nil) }
        var part = context
        part[.operations] = .objects(operations)
        part[.isExtension] = .bool(index > 0)
        let contents = try templates.render(template, part, base: base)
        return .file(GeneratedFile(name: Self.fileName(name, index), contents: contents))
    }

    private func renderPart(
        _ part: Part, of model: GenerationModel, layout: OperationLayout, base: TemplateContext
    ) throws(TemplateError) -> RenderedPart {
        func file(_ name: String, template: String, _ context: TemplateContext) throws(TemplateError) -> RenderedPart {
            .file(GeneratedFile(name: name, contents: try templates.render(template, context, base: base)))
        }
        switch part {
        case .types(let range, let hashesNames, let texts):
            var text = TextWriter()
            var placed = PlacedTexts()
            for index in range {
                let declaration = model.types[index]
                texts.put(
                    index,
                    try renderType(
                        declaration, indent: 0, access: model.access, base: base, text: &text, placed: &placed))
            }
            let hashes = hashesNames ? model.types[range].map { Self.stableHash($0.name) } : []
            var checks = Checks(contexts: [], hashes: [], bytes: 0)
            for entry in Self.allTypes(Array(model.types[range]), prefix: nil) {
                let context: TemplateContext? =
                    switch entry.declaration {
                    case .structure(let s): validationContext((entry.qualified, s), aliases: model.aliases)
                    case .union(let u): unionValidationContext(entry.qualified, u, aliases: model.aliases)
                    case .enumeration, .alias: nil
                    }
                guard let context else { continue }
                checks.bytes += Self.validationBytes(context)
                checks.hashes.append(Self.stableHash(entry.qualified))
                checks.contexts.append(context)
            }
            return .types(hashes, checks)
        case .redaction:
            var secretStructs: [(qualified: String, declaration: StructDeclaration)] = []
            Self.appendSecretStructs(model.types, prefix: nil, to: &secretStructs)
            let redacting = secretStructs.map(redactionContext)
            if redacting.isEmpty { return .file(nil) }
            return try file("Redaction.swift", template: "redaction", [.structs: .objects(redacting)])
        case .servers:
            return try file(
                "Servers.swift", template: "servers",
                [
                    .servers: .objects(model.servers.map(serverContext)),
                    .serverDoc: doc(["A server of \(Self.theAPI(model.title))."], indent: 0),
                    .importsRuntime: .bool(model.servers.contains { !$0.variables.isEmpty }),
                    .variableEnums: .objects(
                        model.servers.flatMap(\.variables).compactMap(\.enumeration).map { enumeration in
                            [
                                .name: .string(enumeration.name), .doc: doc(enumeration.doc, indent: 4),
                                .cases: .objects(
                                    enumeration.cases.map { [.name: .string($0.name), .literal: .string($0.literal)] }
                                ),
                            ]
                        }),
                ])
        case .operations(let file):
            let defaultServer = model.defaultServer
            let indices = layout.builderFiles[file]
            var text = TextWriter()
            let operations = indices.enumerated().map { position, index in
                operationContext(
                    model.operations[index], last: position == indices.count - 1, defaultServer: defaultServer,
                    aliases: model.aliases, access: model.access, text: &text)
            }
            let context: TemplateContext = [
                .operationsDoc: doc(["Builds the requests of \(Self.theAPI(model.title))'s operations."], indent: 0)
            ]
            return try operationFile(operations, index: file, name: "Operations", template: "operations", context, base: base)
        case .clientNames:
            let weight = model.operations.reduce(0) { $0 + Self.clientMethodWeight($1) }
            return .clientNames(clientNames(model), files: Self.operationFiles(model.operations, weight: weight))
        case .client(let file, let names):
            let indices = layout.clientFiles[file]
            var text = TextWriter()
            let operations = indices.enumerated().map { position, index in
                clientOperationContext(
                    model.operations[index], last: position == indices.count - 1, outcome: names.outcomes[index],
                    typeNames: names.typeNames, access: model.access, text: &text)
            }
            return try operationFile(operations, index: file, name: "Client", template: "client", clientContext(model, names: names), base: base)
        }
    }

    /// `body(0)` to `body(count - 1)`, run concurrently, in index order; the first error by index is thrown.
    private static func concurrently<T: Sendable>(
        _ count: Int, _ body: @Sendable (Int) throws(TemplateError) -> T
    ) throws(TemplateError) -> [T] {
        var values: [T] = []
        values.reserveCapacity(count)
        for result in results(count, body) { values.append(try result!.get()) }
        return values
    }

    /// What `body(0)` to `body(count - 1)`, run concurrently, give or throw, in index order: each is there
    /// (returned as the slots were filled, rather than unwrapped into an array of its own).
    private static func results<T: Sendable>(
        _ count: Int, _ body: @Sendable (Int) throws(TemplateError) -> T
    ) -> [Result<T, TemplateError>?] {
        let results = ConcurrentResults<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, Result { () throws(TemplateError) -> T in try body(index) })
        }
        return results.all
    }

    /// What concurrent iterations produce, one slot each, behind a lock (`Mutex` needs macOS 15).
    private final class ConcurrentResults<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<T, TemplateError>?]

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ result: Result<T, TemplateError>) {
            lock.lock()
            slots[index] = result
            lock.unlock()
        }

        var all: [Result<T, TemplateError>?] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
    }

    /// What a deprecated struct's documentation says of it, after its own (a blank line between). The
    /// struct itself is not `@available(*, deprecated)`: every use of it in generated code would warn (a
    /// property of its type, a client method returning it), and a user cannot silence those. Its
    /// initializer is, so user code that builds one warns.
    static func deprecatedTypeDoc(_ doc: [String]) -> [String] {
        (doc.isEmpty ? [] : [""]) + ["Deprecated in the API: creating one warns; one the API sends still decodes."]
    }

    private func doc(_ lines: [String], indent: Int) -> TemplateValue {
        .lines(DocComment.lines(lines, indent: indent))
    }

    // MARK: - Types

    /// Renders one type with its template (`struct`, `enum` or `alias`) at the left margin; nested
    /// types (`isNested`) are rendered first and handed to their parent as text indented by four
    /// spaces, so that templates never depend on how deep a type is. `indent` is where the text will
    /// finally stand, for wrapping doc comments. Contexts write their text with `text`, and the type's own
    /// text is written with `placed`.
    private func renderType(
        _ declaration: TypeDeclaration, indent: Int, isNested: Bool = false, access: AccessLevel, base: TemplateContext,
        text: inout TextWriter, placed: inout PlacedTexts
    ) throws(TemplateError) -> TemplateValue {
        var context: TemplateContext
        let template: String
        switch declaration {
        case .structure(let s):
            var nested: [TemplateValue] = []
            for type in s.nested {
                nested.append(
                    try renderType(
                        type, indent: indent + 4, isNested: true, access: access, base: base, text: &text,
                        placed: &placed))
            }
            context = structContext(s, nested: nested, indent: indent, access: access, text: &text)
            template = "struct"
        case .enumeration(let e):
            context = [
                .name: .string(e.name),
                .doc: doc(e.doc, indent: indent),
                .isOpen: .bool(e.rawType == "String"),
                .rawType: .string(e.rawType),
                .cases: .objects(
                    e.cases.map {
                        [
                            .name: .string($0.name), .member: .string(SwiftNames.unescaped($0.name)),
                            .literal: .string($0.literal),
                        ]
                    }
                ),
                // swift-format keeps a one-element list on one line.
                .singleCase: e.cases.count == 1 ? .string("." + SwiftNames.unescaped(e.cases[0].name)) : false,
            ]
            template = "enum"
        case .alias(let a):
            context = [.name: .string(a.name), .doc: doc(a.doc, indent: indent), .type: .string(a.type)]
            template = "alias"
        case .union(let u):
            var nested: [TemplateValue] = []
            for type in u.nested {
                nested.append(
                    try renderType(
                        type, indent: indent + 4, isNested: true, access: access, base: base, text: &text,
                        placed: &placed))
            }
            let discriminator = u.discriminator.map(SwiftLiteral.string) ?? ""
            // The statements of `init(from:)` and `encode(to:)` sit 8 columns into the union, those of a `do` 12.
            let cases: [TemplateContext] = u.cases.map { item in
                let member = SwiftNames.unescaped(item.name)
                let decode = String(concatenating: "try decoder.singleValueContainer().decode(", item.type, ".self)")
                let label = Self.caseLabel(item.values.map(SwiftLiteral.string), indent: indent + 8)
                let select = String(concatenating: "self = .", member, "(")
                return [
                    .name: .string(item.name),
                    .member: .string(member),
                    .type: .string(item.type),
                    .isIndirect: .bool(item.isIndirect),
                    .selectable: .bool(!item.values.isEmpty),
                    .select: .lines(
                        label.count == 1
                            ? Self.arm(label[0], select, [decode], indent: indent + 8)
                            : label + Self.call(select, [decode], indent: indent + 12).map { "    " + $0 }),
                    .decodeValue: .lines(
                        Self.call(String(concatenating: "let value = Self.", member, "("), [decode], indent: indent + 12)),
                    .decodeSelf: .lines(
                        Self.call(String(concatenating: "self = .", member, "("), [decode], indent: indent + 12)),
                    .encodeTagged: .lines(
                        item.tag.map { tag in
                            Self.call(
                                "try OneOfDecoding.encode(",
                                ["value", "discriminator: " + discriminator, "value: " + SwiftLiteral.string(tag), "to: encoder"],
                                indent: indent + 12)
                        } ?? []),
                    .isTagged: .bool(item.tag != nil),
                ]
            }
            let noMatch = Self.call(
                "throw OneOfDecoding.noMatch(", [SwiftLiteral.string(u.name), "in: decoder", "errors: errors"],
                indent: indent + 8)
            // A value that the discriminator selects no other case for is the fallback case's, else an error.
            let fallback = u.fallback.flatMap { name in u.cases.first { $0.name == name } }
            let unknownDiscriminator =
                fallback.map { item in
                    Self.arm(
                        "default:", String(concatenating: "self = .", SwiftNames.unescaped(item.name), "("),
                        [String(concatenating: "try decoder.singleValueContainer().decode(", item.type, ".self)")],
                        indent: indent + 8)
                }
                ?? Self.arm(
                    "default:", "throw OneOfDecoding.unknownDiscriminator(",
                    ["value", "property: " + discriminator, "in: decoder"], indent: indent + 8)
            context = [
                .name: .string(u.name),
                .doc: doc(u.doc, indent: indent),
                .cases: .objects(cases),
                .nested: .list(nested),
                .hasDiscriminator: .bool(u.discriminator != nil),
                // A case that writes its discriminator value encodes its struct into the union's own container.
                .hasTaggedCase: .bool(u.cases.contains { $0.tag != nil }),
                // Without a discriminator (or the property it names), a value that several cases decode is the
                // first whose checks pass; but not for a recursive union, whose cases would each decode the whole
                // depth again.
                .prefersValidCase: .bool(
                    !u.isRecursive && u.cases.count > 1
                        && u.cases.contains { $0.validates || !$0.rules.isEmpty }),
                .discriminator: .string(discriminator),
                .discriminatorName: .string(u.discriminator ?? ""),
                .unknownDiscriminator: .lines(unknownDiscriminator),
                .fallback: fallback.map { .string($0.type) } ?? false,
                .noMatch: .lines(noMatch),
                .noMatchGuard: .lines(
                    noMatch.count == 1 && Self.fits("guard let decoded else { " + noMatch[0] + " }", at: indent + 8)
                        ? ["guard let decoded else { " + noMatch[0] + " }"]
                        : ["guard let decoded else {"] + noMatch.map { "    " + $0 } + ["}"]),
            ]
            template = "union"
        }
        // Without the newline tidying ends with: the parent places it. Every type ends up in a file of models,
        // which is tidied as a whole: its text is tidied there once, not again for each type around it.
        return try templates.renderPlacedForTidying(
            template, context, base: base, indent: isNested ? 4 : 0, texts: &placed)
    }

    /// A struct's context, `nested` its nested types' texts. They are one of the literal's keys rather than
    /// set after it: a key more than a literal holds moves all of its entries to larger storage.
    private func structContext(
        _ s: StructDeclaration, nested: [TemplateValue], indent: Int, access: AccessLevel, text: inout TextWriter
    ) -> TemplateContext {
        let hasExplicitNulls = s.properties.contains(where: \.isExplicitNull)
        let keptType: String? = if case .kept(let valueType)? = s.extras?.kind { valueType } else { nil }
        // Asked once: each `s.extras != nil` copies the optional through its value witness (some 200
        // instructions), which in the loop over properties below was about 1% of discourse's rendering.
        let hasExtras = s.extras != nil
        // With kept extras, their dictionary is the initializer's last argument.
        let lastArgument = keptType == nil ? s.properties.lastIndex { !$0.isReadOnly } : nil
        let encodes = hasExplicitNulls || keptType != nil
        // Each property is handed on as a pointer into the array's buffer (see ``propertyContext``), by index:
        // `enumerated()` paired each with its offset in a tuple that the runtime destroyed (`tuple_destroy`). Whether
        // a coding key has a raw value or names a property's storage is told as each property's context is built,
        // not by a scan of its own that unescaped each name again.
        var needsCodingKeys = hasExtras
        let properties: [TemplateContext] = s.properties.withUnsafeBufferPointer { buffer in
            buffer.indices.map { index in
                propertyContext(
                    buffer.baseAddress! + index, last: index == lastArgument, encodes: encodes, hasExtras: hasExtras,
                    indent: indent, needsCodingKeys: &needsCodingKeys, text: &text)
            }
        }
        var context: TemplateContext = [
            .name: .string(s.name),
            .doc: doc(s.deprecated ? s.doc + Self.deprecatedTypeDoc(s.doc) : s.doc, indent: indent),
            .deprecated: .bool(s.deprecated),
            .properties: .objects(properties),
            .nested: .list(nested),
            .hasProperties: .bool(s.properties.contains { !$0.isReadOnly } || keptType != nil),
            .encodesExplicitly: .bool(encodes),
            .encodeDoc: .string(
                keptType == nil
                    ? "Encodes every property; a required one that may be null is written as `null` when `nil`."
                    : String(
                        concatenating: "Encodes every property",
                        hasExplicitNulls ? " (a required one that may be null as `null` when `nil`)" : "",
                        ", then each of `", SwiftNames.unescaped(s.extras?.name ?? ""),
                        "` whose name the schema does not declare.")),
            .needsCodingKeys: .bool(needsCodingKeys),
            // The declared wire names, which undeclared properties are told apart from.
            .codingKeysConformances: .string(hasExtras ? ", CaseIterable" : ""),
            .extras: .bool(hasExtras),
            .decodesExplicitly: .bool(hasExtras),
            .writesInit: .bool(!Self.initIsSynthesized(s, access: access)),
        ]
        // The keys of extras are new to the context: added without looking for them first. Their texts are
        // concatenated, not interpolated (an interpolation appends piece by piece).
        if let extras = s.extras {
            let name = SwiftNames.unescaped(extras.name)
            switch extras.kind {
            case .kept(let valueType):
                context.add(
                    .extrasDoc, doc(["The properties besides the declared ones, by name."], indent: indent + 4))
                let declaration = String(concatenating: "let ", extras.name, ": [String: ", valueType, "]")
                context.add(.extrasDeclaration, .string(declaration))
                context.add(.extrasIsPublic, true)
                let parameter = String(concatenating: extras.name, ": [String: ", valueType, "] = [:]")
                context.add(.extrasParameter, .lines([parameter]))
                context.add(.extrasAssignment, .string(String(concatenating: "self.", name, " = ", extras.name)))
                context.add(
                    .extrasDecode,
                    .lines(
                        Self.call(
                            String(concatenating: "self.", name, " = try UndeclaredProperties.decode("),
                            [String(concatenating: valueType, ".self"), "from: decoder", "declared: CodingKeys.self"],
                            indent: indent + 8)))
                context.add(
                    .extrasEncode,
                    .lines(
                        Self.call(
                            "try UndeclaredProperties.encode(", [name, "to: encoder", "declared: CodingKeys.self"],
                            indent: indent + 8)))
            case .forbidden:
                context.add(.extrasDoc, Self.forbiddenExtrasDoc(indent: indent + 4))
                context.add(.extrasDeclaration, Self.forbiddenExtrasDeclaration(extras.name, text: &text))
                context.add(.extrasAssignment, Self.forbiddenExtrasAssignment(name, text: &text))
                context.add(.extrasDecode, Self.forbiddenExtrasDecode(name, indent: indent + 8, text: &text))
            }
        }
        return context
    }

    /// The context of a struct's property `p`: `last` when it is the initializer's last argument, `encodes` when
    /// the struct's `encode(to:)` is written out, `hasExtras` when its `init(from:)` is. Sets `needsCodingKeys`
    /// when its coding key has a raw value or names its storage.
    ///
    /// `p` points into the struct's array of properties, as it does for the functions that write its texts:
    /// passed as a value, each property was copied for the call (retaining its ten references, about 500
    /// instructions with the release), as the optimizer cannot tell that writing to `text` leaves the array alone.
    private func propertyContext(
        _ p: UnsafePointer<PropertyDeclaration>, last: Bool, encodes: Bool, hasExtras: Bool, indent: Int,
        needsCodingKeys: inout Bool, text: inout TextWriter
    ) -> TemplateContext {
        let type = Self.propertyType(p, text: &text)
        let label = SwiftNames.unescaped(p.pointee.name)
        let aside = p.pointee.isStoredAside
        // What the initializer assigns and the coding keys name: `_label` for a property stored aside.
        let stored = aside ? String(concatenating: "_", label) : label
        let codingKey: TemplateValue
        if !aside && label == p.pointee.wireName {
            codingKey = Self.plainCodingKeyCase(p.pointee.name, text: &text)
        } else {
            codingKey = Self.codingKeyCase(aside ? stored : p.pointee.name, p.pointee.wireName, text: &text)
            needsCodingKeys = true
        }
        let parameter = Self.parameter(p, text: &text)
        let assignment = Self.assignment(p, stored: stored, text: &text)
        // Sized for every key it gets (ten, and those added below).
        var context = TemplateContext(capacity: 10 + (encodes ? 1 : 0) + (hasExtras ? 1 : 0) + (aside ? 3 : 0))
        context.add(.name, .string(p.pointee.name))
        context.add(.type, consume type)
        context.add(.doc, doc(p.pointee.doc, indent: indent + 4))
        context.add(.deprecated, .bool(p.pointee.deprecated))
        context.add(.parameter, consume parameter)
        context.add(.isArgument, .bool(!p.pointee.isReadOnly))
        context.add(.assignment, consume assignment)
        context.add(.isStoredAside, .bool(aside))
        context.add(.codingKey, consume codingKey)
        context.add(.last, .bool(last))
        if encodes {
            context.add(.encodeStatement, Self.encodeStatement(p, stored: stored, indent: indent + 8, text: &text))
        }
        if hasExtras {
            context.add(.decodeStatement, Self.decodeStatement(p, stored: stored, indent: indent + 8, text: &text))
        }
        // Only a property stored aside has storage to declare.
        if aside {
            context.add(
                .getter,
                p.pointee.isIndirect
                    ? text.text(stored, p.pointee.isOptional ? "?" : "", ".value") : .string(stored))
            context.add(
                .storageDeclaration,
                p.pointee.isIndirect
                    // Generated code in other files reads a deprecated one's storage.
                    ? text.text(
                        p.pointee.deprecated ? "let " : "private let ", stored, ": Indirect<", p.pointee.type,
                        p.pointee.isOptional ? ">?" : ">")
                    : text.text("let ", stored, ": ", p.pointee.type, p.pointee.isOptional ? "?" : ""))
            context.add(
                .storageDoc,
                .string(
                    String(
                        concatenating: "`", label,
                        p.pointee.isIndirect
                            ? "`, stored out of line: the schema is recursive."
                            : "`, stored under another name so that generated code reads it without a "
                                + "deprecation warning.")))
        }
        return context
    }

    /// The doc comment of a struct's forbidden extras at `indent`: laid out once for each of the first levels of
    /// nesting. Wrapping its long line again for each struct that has them (most of discourse's) cost about 5,000
    /// instructions a struct.
    private static func forbiddenExtrasDoc(indent: Int) -> TemplateValue {
        let level = indent / 4 - 1
        guard indent % 4 == 0, forbiddenExtrasDocs.indices.contains(level) else {
            return .lines(DocComment.lines([forbiddenExtrasDocText], indent: indent))
        }
        return forbiddenExtrasDocs[level]
    }

    // Forbidden extras' texts are written, as a property's are, by functions of their own with a `TextWriter`:
    // most of discourse's structs have them, and each was a `String` (or an array of one) made for the context.

    /// The declaration of forbidden extras, `name`: `let name: [String]`.
    private static func forbiddenExtrasDeclaration(_ name: String, text: inout TextWriter) -> TemplateValue {
        text.text("let ", name, ": [String]")
    }

    /// The initializer's assignment of forbidden extras, `name` without backticks: `self.name = []`.
    private static func forbiddenExtrasAssignment(_ name: String, text: inout TextWriter) -> TemplateValue {
        text.text("self.", name, " = []")
    }

    /// The statement of `init(from:)` that reads forbidden extras, `name` without backticks, as
    /// ``call(_:_:indent:)`` lays it out: nearly always one line, written directly.
    private static func forbiddenExtrasDecode(_ name: String, indent: Int, text: inout TextWriter) -> TemplateValue {
        let call = " = try UndeclaredProperties.keys(in: decoder, declared: CodingKeys.self)"
        text.beginLines()
        if fits(at: indent, "self.", name, call) {
            text.appendLine("self.", name, call)
        } else {
            text.appendLines(
                multilineCall(
                    String(concatenating: "self.", name, " = try UndeclaredProperties.keys("),
                    ["in: decoder", "declared: CodingKeys.self"]))
        }
        return text.endLines()
    }

    private static let forbiddenExtrasDocText =
        "The names this value arrived with that its schema does not declare, sorted: `validate()` reports each "
        + "(`additionalProperties: false`)."

    /// ``forbiddenExtrasDoc(indent:)`` at indents 4, 8... 32.
    private static let forbiddenExtrasDocs: [TemplateValue] = (1...8).map {
        .lines(DocComment.lines([forbiddenExtrasDocText], indent: $0 * 4))
    }

    // A property's texts are written by functions of their own, small enough that `TextWriter.text` is inlined
    // into them and the pieces it is not given cost nothing. In the closure that builds a property's context,
    // too large for the inliner to inline it, each was a call that counted and checked all ten pieces.

    /// A coding key's case that is the property's name: `case name`.
    private static func plainCodingKeyCase(_ name: String, text: inout TextWriter) -> TemplateValue {
        text.text("case ", name)
    }

    /// The type of `p` as declared: an optional's, `Type?`, written as a text, for which no `String` is made.
    private static func propertyType(_ p: UnsafePointer<PropertyDeclaration>, text: inout TextWriter) -> TemplateValue {
        p.pointee.isOptional ? text.text(p.pointee.type, "?") : .string(p.pointee.type)
    }

    /// The initializer's parameter for `p`: `name: Type`, `name: Type? = nil`, or with its default value.
    private static func parameter(_ p: UnsafePointer<PropertyDeclaration>, text: inout TextWriter) -> TemplateValue {
        if let defaultValue = p.pointee.defaultValue {
            p.pointee.isOptional
                ? text.text(p.pointee.name, ": ", p.pointee.type, "? = ", defaultValue)
                : text.text(p.pointee.name, ": ", p.pointee.type, " = ", defaultValue)
        } else if p.pointee.isOptional {
            p.pointee.isExplicitNull
                ? text.text(p.pointee.name, ": ", p.pointee.type, "?")
                : text.text(p.pointee.name, ": ", p.pointee.type, "? = nil")
        } else {
            text.text(p.pointee.name, ": ", p.pointee.type)
        }
    }

    /// The initializer's assignment of `p` to its storage, `stored`: `self.name = name`.
    private static func assignment(
        _ p: UnsafePointer<PropertyDeclaration>, stored: String, text: inout TextWriter
    ) -> TemplateValue {
        p.pointee.isReadOnly
            ? text.text("self.", stored, " = nil")
            : !p.pointee.isIndirect ? text.text("self.", stored, " = ", p.pointee.name)
            : p.pointee.isOptional ? text.text("self.", stored, " = ", p.pointee.name, ".map(Indirect.init)")
            : text.text("self.", stored, " = Indirect(", p.pointee.name, ")")
    }

    /// A coding key's case whose raw value is `wireName`: `case name = "wire_name"`. A wire name that needs no
    /// escape (nearly every one) is quoted where the case is written, without a `String` of its own for the
    /// literal, which cost an allocation and a free per key, about 1.5% of discourse's rendering.
    private static func codingKeyCase(_ name: String, _ wireName: String, text: inout TextWriter) -> TemplateValue {
        SwiftLiteral.isPlain(wireName)
            ? text.text("case ", name, " = \"", wireName, "\"")
            : text.text("case ", name, " = ", SwiftLiteral.string(wireName))
    }

    /// The statement of a struct's `encode(to:)` that encodes a property, stored as `stored`: `try
    /// container.encodeIfPresent(self.name, forKey: .name)`. Nearly always one line, written directly; else a
    /// call with an argument per line.
    private static func encodeStatement(
        _ p: UnsafePointer<PropertyDeclaration>, stored: String, indent: Int, text: inout TextWriter
    ) -> TemplateValue {
        let method = p.pointee.isOptional && !p.pointee.isExplicitNull ? "encodeIfPresent(" : "encode("
        let receiver = p.pointee.isStoredAside ? "" : "self."
        // What comes before the property's name is one literal of the four, not three pieces: a piece costs a
        // copy of its own.
        let head =
            p.pointee.isOptional && !p.pointee.isExplicitNull
            ? (p.pointee.isStoredAside ? "try container.encodeIfPresent(" : "try container.encodeIfPresent(self.")
            : (p.pointee.isStoredAside ? "try container.encode(" : "try container.encode(self.")
        text.beginLines()
        if fits(at: indent, head, stored, ", forKey: .", stored, ")") {
            text.appendLine(head, stored, ", forKey: .", stored, ")")
        } else {
            text.appendLines(
                multilineCall(
                    "try container." + method, [receiver + stored, String(concatenating: "forKey: .", stored)]))
        }
        return text.endLines()
    }

    /// The statement of a struct's `init(from:)` that decodes a property, stored as `key`: `self.name = try
    /// container.decodeIfPresent(String.self, forKey: .name)`. Written straight on one line, as nearly
    /// every one fits (a struct with kept or forbidden extras has one for each property), and only
    /// laid out by ``multilineCall(_:_:)`` when it does not.
    private static func decodeStatement(
        _ p: UnsafePointer<PropertyDeclaration>, stored key: String, indent: Int, text: inout TextWriter
    ) -> TemplateValue {
        // The text between the key and the type, and between the type and the key, is one literal each rather
        // than two pieces: a piece costs a copy of its own.
        let decode = p.pointee.isOptional ? " = try container.decodeIfPresent(" : " = try container.decode("
        let typeStart = p.pointee.isIndirect ? "Indirect<" : ""
        let typeEnd = p.pointee.isIndirect ? ">.self, forKey: ." : ".self, forKey: ."
        text.beginLines()
        if fits(at: indent, "self.", key, decode, typeStart, p.pointee.type, typeEnd, key, ")") {
            text.appendLine("self.", key, decode, typeStart, p.pointee.type, typeEnd, key, ")")
        } else {
            text.appendLines(
                multilineCall(
                    String(concatenating: "self.", key, decode),
                    [
                        String(concatenating: typeStart, p.pointee.type, p.pointee.isIndirect ? ">.self" : ".self"),
                        String(concatenating: "forKey: .", key),
                    ]))
        }
        return text.endLines()
    }

    /// A call on one line when it fits at `indent`, else one argument per line, as swift-format lays it out.
    static func call(_ head: String, _ arguments: [String], indent: Int) -> [String] {
        let line = String(concatenating: head, String(joining: arguments, separator: ", "), ")")
        return fits(line, at: indent) ? [line] : multilineCall(head, arguments)
    }

    /// A `switch` arm whose statement is a call, `case x: call(arguments)` on one line where it fits, else the
    /// call on lines of its own (``call(_:_:indent:)``), as swift-format lays it out.
    static func arm(_ label: String, _ head: String, _ arguments: [String], indent: Int) -> [String] {
        let line = String(concatenating: label, " ", head, String(joining: arguments, separator: ", "), ")")
        if fits(line, at: indent) { return [line] }
        return [label] + call(head, arguments, indent: indent + 4).map { "    " + $0 }
    }

    /// The label of a `switch` arm for `items`, `case a, b:` on one line where it fits, else filled line by line, as
    /// swift-format lays it out: the items that fit on each, the lines after the first indented by four spaces.
    static func caseLabel(_ items: [String], indent: Int) -> [String] {
        let line = String(concatenating: "case ", String(joining: items, separator: ", "), ":")
        if fits(line, at: indent) { return [line] }
        var lines: [String] = []
        var current = "case"
        for (index, item) in items.enumerated() {
            let piece = item + (index == items.count - 1 ? ":" : ",")
            let joined = String(concatenating: current, " ", piece)
            if index == 0 || fits(joined, at: indent) {
                current = joined
            } else {
                lines.append(current)
                current = "    " + piece
            }
        }
        return lines + [current]
    }

    private static func fits(_ line: String, at indent: Int) -> Bool {
        indent + DocComment.width(of: line) <= DocComment.lineWidth
    }

    /// Whether the pieces, one after the other, fit on a line at `indent`, as ``fits(_:at:)`` measures the
    /// line they make: without making it when their UTF-8 fits, as nearly always (a line is never wider
    /// than its UTF-8 is long).
    static func fits(
        at indent: Int, _ p0: String, _ p1: String, _ p2: String = "", _ p3: String = "", _ p4: String = "",
        _ p5: String = "", _ p6: String = "", _ p7: String = "", _ p8: String = "", _ p9: String = ""
    ) -> Bool {
        let length =
            p0.utf8.count + p1.utf8.count + p2.utf8.count + p3.utf8.count + p4.utf8.count + p5.utf8.count
            + p6.utf8.count + p7.utf8.count + p8.utf8.count + p9.utf8.count
        if indent + length <= DocComment.lineWidth { return true }
        return fits(String(concatenating: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9), at: indent)
    }

    /// A call with one argument per line: `head`, the arguments indented by four spaces with a comma
    /// after all but the last, `)`.
    static func multilineCall(_ head: String, _ arguments: [String]) -> [String] {
        [head] + arguments.enumerated().map { "    " + $0.element + ($0.offset == arguments.count - 1 ? "" : ",") } + [")"]
    }

    /// Every type, outermost first, with its qualified name (`Customer.Billing`).
    private static func allTypes(_ types: [TypeDeclaration], prefix: String?) -> [(qualified: String, declaration: TypeDeclaration)] {
        var result: [(qualified: String, declaration: TypeDeclaration)] = []
        result.reserveCapacity(types.count)
        appendTypes(types, prefix: prefix, to: &result)
        return result
    }

    /// Appends ``allTypes(_:prefix:)``'s entries to `result`: one array for the whole walk, where each
    /// type's nested ones were an array of their own, copied into their parent's.
    private static func appendTypes(
        _ types: [TypeDeclaration], prefix: String?,
        to result: inout [(qualified: String, declaration: TypeDeclaration)]
    ) {
        for declaration in types {
            let qualified = prefix.map { String(concatenating: $0, ".", declaration.name) } ?? declaration.name
            result.append((qualified, declaration))
            switch declaration {
            case .structure(let s): appendTypes(s.nested, prefix: qualified, to: &result)
            case .union(let u): appendTypes(u.nested, prefix: qualified, to: &result)
            case .enumeration, .alias: break
            }
        }
    }

    /// Every struct that holds a secret, outermost first, with its qualified name, appended to `result`. Only
    /// their names, and those of types with nested ones, are made: an entry for every type, made first to
    /// pick these few, was most of what rendering the redaction file cost.
    private static func appendSecretStructs(
        _ types: [TypeDeclaration], prefix: String?,
        to result: inout [(qualified: String, declaration: StructDeclaration)]
    ) {
        func qualified(_ name: String) -> String { prefix.map { String(concatenating: $0, ".", name) } ?? name }
        for declaration in types {
            switch declaration {
            case .structure(let s):
                let hasSecrets = s.hasSecrets
                guard hasSecrets || !s.nested.isEmpty else { continue }
                let name = qualified(s.name)
                if hasSecrets { result.append((name, s)) }
                appendSecretStructs(s.nested, prefix: name, to: &result)
            case .union(let u):
                if !u.nested.isEmpty { appendSecretStructs(u.nested, prefix: qualified(u.name), to: &result) }
            case .enumeration, .alias: break
            }
        }
    }

    /// A union validates the value of whichever case it holds: the constraints of the case's schema, at
    /// the union's own path, and a generated type's own checks.
    private func unionValidationContext(
        _ qualified: String, _ union: UnionDeclaration, aliases: [String: String]
    ) -> TemplateContext? {
        let validating = union.cases.filter { $0.validates || !$0.rules.isEmpty }
        guard !validating.isEmpty else { return nil }
        var writer = CheckWriter(hoists: true, aliases: aliases)
        var statements = ["switch self {"]
        for item in validating {
            let member = SwiftNames.unescaped(item.name)
            var checks = writer.statements(
                for: item.rules, value: "value", key: ".here", type: item.type, constantBase: member)
            if item.validates { checks.append("value.validate(into: &context)") }
            if checks.count == 1 {
                statements.append("case .\(member)(let value): \(checks[0])")
            } else {
                statements.append("case .\(member)(let value):")
                statements += checks.map { "    " + $0 }
            }
        }
        if validating.count < union.cases.count { statements.append("default: break") }
        statements.append("}")
        return [
            .name: .string(qualified), .statements: .lines(CheckWriter.laidOut(statements, indent: 8)),
            .constants: .objects(writer.constants),
        ]
    }

    // MARK: - Validation

    /// A struct's checks, one Swift statement each, or `nil` when it has nothing to check.
    private func validationContext(
        _ entry: (qualified: String, declaration: StructDeclaration), aliases: [String: String]
    ) -> TemplateContext? {
        var statements: [String] = []
        // Rules built once, in `static let`s: compiled patterns and value lists.
        var writer = CheckWriter(hoists: true, aliases: aliases)
        for property in entry.declaration.properties {
            guard property.validatesNested || !property.rules.isEmpty || !property.elementRules.isEmpty
                || !property.valueRules.isEmpty
            else { continue }
            let key = SwiftLiteral.string(property.wireName)
            // `validate(into context:)`'s parameter hides a property of that name.
            let reader = property.reader == "context" ? "self.context" : property.reader
            statements.append(taking: writer.statements(
                value: property.rules, elements: property.elementRules, values: property.valueRules, of: reader,
                key: key, type: property.type, constantBase: SwiftNames.unescaped(property.name)))
            if property.validatesNested {
                statements.append(String(concatenating: "context.validate(", reader, ", at: ", key, ")"))
            }
        }
        // The object breaks `not` when it meets every check of the subschema.
        for negation in entry.declaration.negations {
            statements += Self.negationStatements(negation, writer: &writer)
        }
        // `dependentRequired`: each dependent is there when its trigger is.
        for requirement in entry.declaration.dependentRequired {
            func reader(_ member: DependentRequirement.Member) -> String {
                member.reader == "context" ? "self.context" : member.reader
            }
            let checks = requirement.dependents.map {
                String(
                    concatenating: "context.check(present: ", reader($0), ", at: ", SwiftLiteral.string($0.wireName),
                    ", requiredBy: ", SwiftLiteral.string(requirement.triggerName), ")")
            }
            if let trigger = requirement.trigger {
                statements.append(String(concatenating: "if ", reader(trigger), " != nil {"))
                statements += checks.map { "    " + $0 }
                statements.append("}")
            } else {
                statements += checks
            }
        }
        // `if`, `then` and `else`, and `dependentSchemas`.
        for conditional in entry.declaration.conditionals {
            statements += Self.conditionalStatements(conditional, writer: &writer)
        }
        // `oneOf` and `anyOf` whose subschemas check the struct's properties.
        for choice in entry.declaration.choices {
            statements += Self.choiceStatements(choice, writer: &writer)
        }
        // `patternProperties` on the declared properties whose names a pattern matches.
        for check in entry.declaration.patternChecks {
            statements += Self.objectStatements(
                check.subschema, receiver: "context", value: nil, suffix: "ByName", writer: &writer)
        }
        if let extras = entry.declaration.extras {
            switch extras.kind {
            case .forbidden: statements.append("context.check(undeclaredKeys: \(extras.name))")
            case .kept(let valueType):
                // Each value at its name, directly under this object.
                statements.append(taking: writer.statements(
                    for: extras.rules, value: extras.name, key: ".here", type: "[String: \(valueType)]",
                    target: .values, constantBase: SwiftNames.unescaped(extras.name)))
                if let rule = extras.patternRule {
                    statements.append(taking: writer.statements(
                        for: [rule], value: extras.name, key: ".here", type: "[String: \(valueType)]",
                        constantBase: SwiftNames.unescaped(extras.name)))
                }
                if extras.validatesNested { statements.append("\(extras.name).validate(into: &context)") }
            }
        }
        if statements.isEmpty { return nil }
        return [
            .name: .string(entry.qualified), .statements: .lines(CheckWriter.laidOut(statements, indent: 8)),
            .constants: .objects(writer.constants),
        ]
    }

    /// The statements that check `not` on a struct: `context.checkNot(self, at: .here) { subschema, value in
    /// ... }` with the subschema's checks of the properties inside.
    private static func negationStatements(_ negation: ObjectSubschema, writer: inout CheckWriter) -> [String] {
        let opener = "context.checkNot(self, at: .here)"
        // A subschema that every object meets: any value breaks the `not`.
        guard !negation.checks.isEmpty else { return [opener + " { _, _ in }"] }
        let inner = objectStatements(negation, receiver: "subschema", value: "value", suffix: "Not", writer: &writer)
        // Checks that write nothing would leave a subschema every object meets, which they do not say.
        guard !inner.isEmpty else { return [] }
        return [opener + " { subschema, value in"] + inner.map { "    " + $0 } + ["}"]
    }

    /// The statements that check `if`, `then` and `else` on a struct: `if a != nil { ... } else { ... }`
    /// when the condition is only that properties are present, `context.checkIf(self) { subschema, value in
    /// ... } then: { context, value in ... } else: { ... }` otherwise, and `then`'s checks alone without a
    /// condition.
    private static func conditionalStatements(_ conditional: ObjectConditional, writer: inout CheckWriter)
        -> [String]
    {
        func indented(_ lines: [String]) -> [String] { lines.map { "    " + $0 } }
        guard let condition = conditional.condition else {
            return conditional.then.map {
                objectStatements($0, receiver: "context", value: nil, suffix: "Then", writer: &writer)
            } ?? []
        }
        if condition.isPresenceOnly {
            let readers = condition.checks.map { $0.reader == "context" ? "self.context" : $0.reader }
            guard let then = conditional.then else {
                let test = readers.map { $0 + " == nil" }.joined(separator: " || ")
                let otherwise = conditional.otherwise.map {
                    objectStatements($0, receiver: "context", value: nil, suffix: "Else", writer: &writer)
                }
                return ["if \(test) {"] + indented(otherwise ?? []) + ["}"]
            }
            var lines = ["if " + readers.map { $0 + " != nil" }.joined(separator: ", ") + " {"]
            lines += indented(objectStatements(then, receiver: "context", value: nil, suffix: "Then", writer: &writer))
            if let otherwise = conditional.otherwise {
                lines.append("} else {")
                lines += indented(
                    objectStatements(otherwise, receiver: "context", value: nil, suffix: "Else", writer: &writer))
            }
            return lines + ["}"]
        }
        func branch(_ subschema: ObjectSubschema, _ receiver: String, _ suffix: String) -> [String] {
            indented(objectStatements(subschema, receiver: receiver, value: "value", suffix: suffix, writer: &writer))
        }
        let conditionLines = branch(condition, "subschema", "If")
        // As for `not`: a condition whose checks write nothing would hold for every object.
        guard !conditionLines.isEmpty else { return [] }
        var lines = ["context.checkIf(self) { subschema, value in"] + conditionLines
        if let then = conditional.then { lines += ["} then: { context, value in"] + branch(then, "context", "Then") }
        if let otherwise = conditional.otherwise {
            lines += ["} else: { context, value in"] + branch(otherwise, "context", "Else")
        }
        return lines + ["}"]
    }

    /// The statements that check `oneOf` or `anyOf` on a struct: `context.checkOneOf(self, at: .here,
    /// subschemas: 2) { subschema, index, value in switch index { ... } }`, a case per subschema with its checks
    /// of the properties. Their constants are named after the property and the subschema (`emailOneOf2Pattern`).
    private static func choiceStatements(_ choice: ObjectChoice, writer: inout CheckWriter) -> [String] {
        let keyword = choice.isExclusive ? "OneOf" : "AnyOf"
        let count = choice.subschemas.count
        var lines = ["context.check\(keyword)(self, at: .here, subschemas: \(count)) { subschema, index, value in"]
        lines.append("    switch index {")
        for (index, subschema) in choice.subschemas.enumerated() {
            let suffix = keyword + String(index + 1)
            let checks = objectStatements(
                subschema, receiver: "subschema", value: "value", suffix: suffix, writer: &writer)
            lines.append("    case \(index):")
            lines += (checks.isEmpty ? ["break"] : checks).map { "        " + $0 }
        }
        return lines + ["    default:", "        break", "    }", "}"]
    }

    /// The checks of a subschema of a struct, recorded by `receiver`, on `value`'s properties (`value.name`),
    /// or on the struct's own (`name`) when `value` is `nil`; each rule's constants are named after the
    /// property and `suffix` (`postalCodeThenPattern`). For a subschema that no object meets, a `not: {}`.
    private static func objectStatements(
        _ subschema: ObjectSubschema, receiver: String, value: String?, suffix: String, writer: inout CheckWriter
    ) -> [String] {
        if subschema.matchesNothing { return ["\(receiver).checkNot(\(value ?? "self"), at: .here) { _, _ in }"] }
        var lines: [String] = []
        for check in subschema.checks {
            // `validate(into context:)`'s parameter hides a property of that name.
            let own = check.reader == "context" ? "self.context" : check.reader
            let reader = value.map { "\($0).\(check.reader)" } ?? own
            let key = SwiftLiteral.string(check.wireName)
            lines += writer.statements(
                for: check.rules, value: reader, key: key, type: check.type, receiver: receiver,
                constantBase: check.name + suffix)
            if check.mustBePresent { lines.append("\(receiver).check(present: \(reader), at: \(key))") }
        }
        // Its own `not` (in a subschema of `oneOf` or `anyOf`): the object breaks it when it meets every check.
        for negation in subschema.negations {
            let inner = objectStatements(
                negation, receiver: "subschema", value: "value", suffix: suffix + "Not", writer: &writer)
            // Checks that write nothing would leave a subschema every object meets, which they do not say.
            guard !inner.isEmpty else { continue }
            lines.append("\(receiver).checkNot(\(value ?? "self"), at: .here) { subschema, value in")
            lines += inner.map { "    " + $0 }
            lines.append("}")
        }
        return lines
    }

    /// About how many bytes `validation.mustache` writes for a type's checks: each constant and
    /// statement on a line of its own, and the extension, doc comment and signature around them.
    static func validationBytes(_ context: TemplateContext) -> Int {
        var bytes = 170
        if case .string(let name)? = context[.name] { bytes += 2 * name.utf8.count }
        if case .lines(let statements)? = context[.statements] {
            for statement in statements { bytes += 9 + statement.utf8.count }
        }
        if case .objects(let constants)? = context[.constants] {
            for constant in constants {
                bytes += 28
                for key in [TemplateKey.declaration, .value] {
                    if case .string(let text)? = constant[key] { bytes += text.utf8.count }
                }
            }
        }
        return bytes
    }

    /// The runtime rule for `rule`, its literals spelled for a value of Swift type `type`.
    static func expression(_ rule: ValidationRule, type: String) -> String {
        let (head, middle, tail) = expressionPieces(rule, type: type)
        return String(concatenating: head, middle, tail)
    }

    /// ``expression(_:type:)`` in three pieces that follow each other, as a check statement takes them: a
    /// literal head, the text worked out for the rule, a literal tail (`.maxLength(`, `64`, `)`). The
    /// statement is then made in one concatenation, without a `String` for the expression first; the
    /// expression interpolated cost about 750 instructions a rule.
    static func expressionPieces(_ rule: ValidationRule, type: String) -> (String, String, String) {
        switch rule {
        case .type(let types): (".type([", String(joining: types.map { "." + $0.rawValue }, separator: ", "), "])")
        case .listed: (".listed", "", "")
        case .format(let name): (".format(.", name == "date-time" ? "dateTime" : name, ")")
        case .enumeration(let values):
            (".enum([", String(joining: values.compactMap { literal($0, type: type) }, separator: ", "), "])")
        case .const(let value): (".const(", literal(value, type: type) ?? "nil", ")")
        case .rawEnumeration(let values):
            (".enum([", String(joining: values.map(SwiftLiteral.string), separator: ", "), "])")
        case .rawConst(let value): (".const(", SwiftLiteral.string(value), ")")
        case .maxLength(let n): (".maxLength(", String(n), ")")
        case .minLength(let n): (".minLength(", String(n), ")")
        case .pattern(let p): (".pattern(Pattern(", SwiftLiteral.raw(p), "))")
        case .minimum(let n): (".minimum(", decimal(n), ")")
        case .maximum(let n): (".maximum(", decimal(n), ")")
        case .exclusiveMinimum(let n): (".exclusiveMinimum(", decimal(n), ")")
        case .exclusiveMaximum(let n): (".exclusiveMaximum(", decimal(n), ")")
        case .multipleOf(let n): (".multipleOf(", decimal(n), ")")
        case .minItems(let n): (".minItems(", String(n), ")")
        case .maxItems(let n): (".maxItems(", String(n), ")")
        case .uniqueItems: (".uniqueItems", "", "")
        case .minProperties(let n): (".minProperties(", String(n), ")")
        case .maxProperties(let n): (".maxProperties(", String(n), ")")
        case .required(let name): (".required(", SwiftLiteral.string(name), ")")
        case .dependentRequired(let name, let trigger):
            (
                ".dependentRequired(",
                String(concatenating: SwiftLiteral.string(name), ", by: ", SwiftLiteral.string(trigger)), ")"
            )
        // A `not` is a statement of its own (see ``CheckWriter``), never an expression.
        case .not: (".not", "", "")
        // Members' rules are checked in a closure of their own (see ``CheckWriter``), never an expression.
        case .members: (".members", "", "")
        // A tuple's positions are checked in a closure of their own (see ``CheckWriter``), never an expression.
        case .prefixItems: (".prefixItems", "", "")
        // `contains` checks its subschema in a closure of its own (see ``CheckWriter``), never an expression.
        case .contains: (".contains", "", "")
        // Values by pattern are checked in a closure of their own (see ``CheckWriter``), never an expression.
        case .patternProperties: (".patternProperties", "", "")
        // Names' rules are checked by statements of their own (see ``CheckWriter``), never an expression.
        case .propertyNames: (".propertyNames", "", "")
        // A property's rules are checked in a closure of their own (see ``CheckWriter``), never an expression.
        case .property: (".property", "", "")
        // `if`, `then` and `else` are a statement of their own (see ``CheckWriter``), never an expression.
        case .conditional: (".conditional", "", "")
        }
    }

    /// A Swift literal of `value` for a value of Swift type `type`, or `nil` when no value of that type
    /// can equal it (so it can never match, and is left out).
    static func literal(_ value: JSONValue, type: String) -> String? {
        switch (value, type) {
        case (.string(let s), "String"): return SwiftLiteral.string(s)
        case (.number(let n), "Int"), (.number(let n), "Int64"):
            // JSON Schema: 1.0 is the integer 1.
            guard let integer = ExactInteger.parse(n.text) else { return nil }
            return integer
        case (.number(let n), "Int32"):
            guard let integer = ExactInteger.parse(n.text), Int32(integer) != nil else { return nil }
            return integer
        case (.number(let n), "Double"), (.number(let n), "Float"): return n.text
        case (.bool(let b), "Bool"): return b ? "true" : "false"
        case (_, "JSONValue"): return jsonLiteral(value)
        default: return nil
        }
    }

    /// A ``JSONValue`` literal: `nil`, `true`, `1`, `"a"`, `[1, "a"]`, `["k": 1]`.
    static func jsonLiteral(_ value: JSONValue) -> String {
        switch value {
        case .null: "nil"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.text
        case .string(let s): SwiftLiteral.string(s)
        case .array(let items): "[" + items.map(jsonLiteral).joined(separator: ", ") + "]"
        case .object(let map):
            map.isEmpty ? "[:]" : "[" + map.map { "\(SwiftLiteral.string($0.key)): \(jsonLiteral($0.value))" }.joined(separator: ", ") + "]"
        }
    }

    /// An exact decimal literal: an integer literal when it fits in 64 bits, else the spec's text.
    private static func decimal(_ number: YAMLNumber) -> String {
        number.isInteger && Int64(number.text) != nil ? number.text : SwiftLiteral.string(number.text)
    }

    // MARK: - Redaction

    private func redactionContext(_ entry: (qualified: String, declaration: StructDeclaration)) -> TemplateContext {
        let properties = entry.declaration.properties
        let children = properties.enumerated().map { index, p in
            let value = p.isSecret ? "Redacted(\(p.reader))" : p.isOptional ? "\(p.reader) as Any" : p.reader
            return "\(SwiftLiteral.string(SwiftNames.unescaped(p.name))): \(value),"
        }
        return [.name: .string(entry.qualified), .children: .lines(children)]
    }

    // MARK: - Servers and operations

    /// A server's case and its branch of `url`: a plain case and `URL(string:)`, or with variables a case
    /// whose associated values are the variables (defaults as default values) and a `ServerURL.expand`.
    private func serverContext(_ server: ServerDeclaration) -> TemplateContext {
        let member = SwiftNames.unescaped(server.name)
        guard !server.variables.isEmpty else {
            return [
                .doc: doc(server.doc, indent: 4), .declaration: .lines(["case \(server.name)"]),
                .urlCase: .lines(["case .\(member): URL(string: \(SwiftLiteral.string(server.url)))!"]),
            ]
        }
        var lines = server.doc
        lines += ["", "- Parameters:"]
        lines += server.variables.map { "  - \(SwiftNames.unescaped($0.name)): " + ($0.doc.first ?? "The `\($0.wireName)` variable.") }
        let parameters = server.variables.map { "\($0.name): \($0.type)" + ($0.defaultValue.map { " = \($0)" } ?? "") }
        let bindings = server.variables.map { "let \($0.name)" }.joined(separator: ", ")
        func values(_ variables: [ServerVariableDeclaration]) -> String {
            let entries = variables.map {
                "\(SwiftLiteral.string($0.wireName)): \($0.name)\($0.enumeration == nil ? "" : ".rawValue")"
            }
            return entries.isEmpty ? "[:]" : "[" + entries.joined(separator: ", ") + "]"
        }
        // Variables that stand for pieces of URL go in as written; the others percent-encoded.
        let asWritten = server.variables.filter(\.isWrittenAsIs)
        var arguments = [SwiftLiteral.string(server.url), values(server.variables.filter { !$0.isWrittenAsIs })]
        if !asWritten.isEmpty { arguments.append("asWritten: " + values(asWritten)) }
        let expansion = Self.call("ServerURL.expand(", arguments, indent: 12)
        return [
            .doc: doc(lines, indent: 4),
            .declaration: .lines(Self.call("case \(server.name)(", parameters, indent: 4)),
            .urlCase: .lines(["case .\(member)(\(bindings)):"] + expansion.map { "    " + $0 }),
        ]
    }

    /// How many arguments `operation`'s request builder and client method take at most: the body and its
    /// own, the parameters, API keys, credentials, bearer token and server.
    static func argumentCount(_ operation: OperationDeclaration) -> Int {
        (operation.body.map { 1 + $0.arguments.count } ?? 0) + operation.parameters.count + operation.apiKeys.count + 3
    }

    /// The context of `operation`'s request builder; `last` when it is the last of its file. Its steps are
    /// written with `text`.
    private func operationContext(
        _ operation: OperationDeclaration, last: Bool, defaultServer: String?, aliases: [String: String],
        access: AccessLevel, text: inout TextWriter
    ) -> TemplateContext {
        var arguments: [String] = []
        var argumentDocs: [String] = []
        // Sized at once rather than grown by appending (a copy each time they double).
        let argumentCount = Self.argumentCount(operation)
        arguments.reserveCapacity(argumentCount)
        argumentDocs.reserveCapacity(argumentCount)
        var hasValidation = false
        if let body = operation.body {
            arguments.append(String(concatenating: "_ body: ", body.type, body.isOptional ? "? = nil" : ""))
            argumentDocs.append(String(concatenating: "  - body: ", body.doc.first ?? "The request body."))
            for argument in body.arguments {
                arguments.append(argument.declaration)
                argumentDocs.append(argument.documentationLine)
            }
            hasValidation = hasValidation || body.validates
        }
        for parameter in operation.parameters {
            arguments.append(parameter.argument)
            let doc = parameter.doc.first ?? parameter.defaultDoc
            argumentDocs.append(String(concatenating: "  - ", SwiftNames.unescaped(parameter.name), ": ", doc))
            hasValidation =
                hasValidation || !parameter.rules.isEmpty || !parameter.elementRules.isEmpty || !parameter.valueRules.isEmpty
                || parameter.validatesNested
        }
        for key in operation.apiKeys {
            arguments.append(key.argument)
            argumentDocs.append(key.documentation)
        }
        if let basic = operation.basicAuth {
            arguments.append(Self.basicCredentialsArgument)
            argumentDocs.append("  - basicCredentials: " + Self.basicCredentialsDoc(basic))
        }
        if let bearer = operation.bearerAuth {
            arguments.append(operation.bearerIsOptional ? "bearerToken: String? = nil" : "bearerToken: String")
            let description = bearer.isEmpty ? "The access token, sent as `Authorization: Bearer <token>`." : bearer.joined(separator: " ")
            argumentDocs.append("  - bearerToken: " + description)
        }
        arguments.append("server: Server" + ((operation.server ?? defaultServer).map { " = \($0)" } ?? ""))
        argumentDocs.append("  - server: The server to send the request to.")

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
        lines.append("- Parameters:")
        lines += argumentDocs
        if let response = operation.responseType {
            lines.append(String(concatenating: "- Returns: The request, whose response decodes as ", Self.describe(response), "."))
        } else {
            lines.append("- Returns: The request.")
        }
        lines.append(
            hasValidation
                ? "- Throws: `ValidationError` if a value breaks a constraint of the spec, `RequestError` if the request cannot be built."
                : "- Throws: `RequestError` if the request cannot be built.")

        // Parameters and body are checked together, so one error reports every violation.
        var checks: [String] = []
        var writer = CheckWriter(hoists: false, aliases: aliases)
        for parameter in operation.parameters {
            checks.append(taking: writer.statements(
                value: parameter.rules, elements: parameter.elementRules, values: parameter.valueRules,
                of: parameter.name, key: parameter.validationKey, type: parameter.type,
                constantBase: SwiftNames.unescaped(parameter.name)))
            if parameter.validatesNested {
                checks.append("context.validate(\(parameter.name), at: \(parameter.validationKey))")
            }
        }
        if let body = operation.body {
            checks.append(taking: writer.statements(
                value: body.rules, elements: body.elementRules, values: body.valueRules, of: "body", key: ".here",
                type: body.type, constantBase: "body"))
        }
        var validations: [String] = []
        let body = operation.body.flatMap { $0.validatesNested ? $0 : nil }
        if checks.isEmpty, let body {
            validations = ["try body\(body.isOptional ? "?" : "").validate()"]
        } else if !checks.isEmpty {
            if let body { checks.append("body\(body.isOptional ? "?" : "").validate(into: &context)") }
            validations = CheckWriter.laidOut(
                ["try ValidationContext.validate { context in"] + checks.map { "    " + $0 } + ["}"], indent: 8)
        }

        // The steps that build the request, as lines of `text` (``TextWriter``).
        text.beginLines()
        // A multipart part's headers go with its body (``bodyCall(_:encodings:partHeaders:)``).
        for parameter in operation.parameters where parameter.part == nil {
            let name = SwiftLiteral.string(parameter.wireName)
            let value = Self.wireValue(parameter)
            let style = parameter.style
            if parameter.location == .querystring {
                // The whole query string (3.2), written as its content says; its name is not sent.
                if parameter.isForm {
                    text.appendLines(
                        Self.bodyCall(
                            "try request.setQueryString(", value: "form: " + parameter.name,
                            encodings: parameter.encodings))
                } else if parameter.isJSON {
                    text.appendLine("try request.setQueryString(json: ", parameter.name, ")")
                } else {
                    text.appendLine("request.setQueryString(", value, ")")
                }
                continue
            }
            if parameter.isJSON {
                switch parameter.location {
                case .query: text.appendLine("try request.addQueryItem(", name, ", json: ", parameter.name, ")")
                case .header: text.appendLine("try request.setHeader(", name, ", json: ", parameter.name, ")")
                case .cookie: text.appendLine("try request.addCookie(", name, ", json: ", parameter.name, ")")
                case .path, .querystring: break
                }
                continue
            }
            // `allowReserved` is nearly always false, and then not written.
            let reserved = parameter.allowReserved ? ", allowReserved: true" : ""
            let explode = parameter.explode ? "true" : "false"
            switch (parameter.location, parameter.shape) {
            case (.query, .value):
                text.appendLine("request.addQueryItem(", name, ", ", value, reserved, ")")
            case (.query, .array):
                if parameter.style == "form" && parameter.explode {
                    text.appendLine("request.addQueryItems(", name, ", ", value, reserved, ")")
                } else {
                    text.appendLine(
                        "request.addQueryItems(", name, ", ", value, ", style: .", style, ", explode: ", explode,
                        reserved, ")")
                }
            case (.query, .object):
                text.appendLine(
                    "try request.addQueryObject(", name, ", ", value, ", style: .", style, ", explode: ", explode,
                    reserved, ")")
            case (.header, .array):
                // `simple` style: the values joined with commas (dates as RFC 3339 text); none when empty.
                text.appendLine("try request.setHeader(", name, ", ", value, ")")
            case (.header, .object):
                text.appendLine("try request.setHeaderObject(", name, ", ", value, ", explode: ", explode, ")")
            case (.header, .value):
                text.appendLine("try request.setHeader(", name, ", ", value, ")")
            case (.cookie, _) where parameter.style == "cookie":
                // OpenAPI 3.2's `cookie` style: as given, and always exploded.
                let call = parameter.shape == .object ? "try request.addCookieObject(" : "try request.addCookie("
                text.appendLine(call, name, ", ", value, ", style: .cookie)")
            case (.cookie, .value):
                text.appendLine("request.addCookie(", name, ", ", value, ")")
            case (.cookie, .array):
                text.appendLine("request.addCookie(", name, ", ", value, ", explode: ", explode, ")")
            case (.cookie, .object):
                text.appendLine("try request.addCookieObject(", name, ", ", value, ", explode: ", explode, ")")
            case (.path, _), (.querystring, _):
                break
            }
        }
        for key in operation.apiKeys {
            let name = SwiftLiteral.string(key.wireName)
            switch key.location {
            case .header, .path, .querystring: text.appendLine("try request.setHeader(", name, ", ", key.name, ")")
            case .query: text.appendLine("request.addQueryItem(", name, ", ", key.name, ")")
            case .cookie: text.appendLine("request.addCookie(", name, ", ", key.name, ")")
            }
        }
        if operation.basicAuth != nil { text.appendLine("try request.setBasicCredentials(basicCredentials)") }
        if operation.bearerAuth != nil { text.appendLine("try request.setBearerToken(bearerToken)") }
        if let body = operation.body {
            let contentType = SwiftLiteral.string(body.contentType)
            switch body.encoding {
            case .json:
                if body.contentType == "application/json" {
                    text.appendLine("try request.setJSONBody(body)")
                } else {
                    text.appendLines(Self.call(
                        "try request.setJSONBody(", ["body", "contentType: " + contentType], indent: 8))
                }
            case .form:
                text.appendLines(Self.bodyCall("try request.setFormBody(", encodings: body.encodings))
            case .multipart:
                text.appendLines(Self.bodyCall(
                    "try request.setMultipartBody(", encodings: body.encodings,
                    partHeaders: operation.parameters.filter { $0.part != nil }))
            case .text where body.isKeyedByRange:
                text.appendLine("try request.setTextBody(body, contentType: contentType, within: ", contentType, ")")
            case .binary where body.isKeyedByRange:
                text.appendLine("try request.setBinaryBody(body, contentType: contentType, within: ", contentType, ")")
            case .text:
                if body.contentType.lowercased().hasPrefix("text/plain") {
                    text.appendLine("request.setTextBody(body)")
                } else {
                    text.appendLine("request.setTextBody(body, contentType: ", contentType, ")")
                }
            case .binary:
                if body.contentType == "application/octet-stream" {
                    text.appendLine("request.setBinaryBody(body)")
                } else {
                    text.appendLine("request.setBinaryBody(body, contentType: ", contentType, ")")
                }
            }
        }
        text.appendLines(Self.acceptStep(operation.accept))
        // A request without steps is never mutated.
        let binding = text.hasNoLines ? "let" : "var"
        let steps = text.endLines()

        let path = pathLiteral(operation)
        let method = Self.methodMember(operation.method)
        // The width of `    public static func name(arguments) throws -> PreparedRequest {`, without writing it.
        let oneLine =
            "    ".utf8.count + access.rawValue.utf8.count + " static func ".utf8.count + DocComment.width(of: operation.name)
            + "(".utf8.count + Self.width(ofArguments: arguments) + ") throws -> PreparedRequest {".utf8.count
        return [
            .name: .string(operation.name),
            .doc: doc(lines, indent: 4),
            .deprecated: .bool(operation.deprecated),
            .arguments: Self.argumentList(arguments),
            .oneLine: .bool(oneLine <= DocComment.lineWidth),
            .validations: .lines(validations),
            .method: .string(method),
            .path: .string(path),
            // `var request = RequestBuilder(method: .get, server: server.url, path: )` at 8 spaces.
            .requestOneLine: .bool(
                8 + 67 + DocComment.width(of: method) + DocComment.width(of: path) <= DocComment.lineWidth),
            .binding: .string(binding),
            .steps: steps,
            .last: .bool(last),
        ]
    }

    /// The `HTTPRequest.Method` member that names `method` after a dot: `get` for `GET`, and for a method HTTPTypes
    /// has no constant for in every version Specsmith works with (`QUERY`, an `additionalOperations` key such as
    /// `COPY`), `named("COPY")`, SpecsmithRuntime's.
    static func methodMember(_ method: String) -> String {
        switch method {
        case "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE": method.lowercased()
        default: "named(" + SwiftLiteral.string(method) + ")"
        }
    }

    /// The statement that sets a form or multipart body, with the properties written as their Encoding
    /// Objects say (`encodings: ["tags": .style(.form, explode: false, allowReserved: false)]`), a multipart
    /// part's `partHeaders` among them (`headers: [.header("X-Locale", namesXLocale)]`), on one line when it
    /// fits, else with a line per property (an entry too long for its line with a line per argument, and a list
    /// of headers too long for its own with a line per header).
    /// `value` is what is written: the body, or a form querystring parameter.
    private static func bodyCall(
        _ head: String, value: String = "body", encodings: [PropertyEncoding], partHeaders: [ParameterDeclaration] = []
    ) -> [String] {
        guard !encodings.isEmpty else { return [head + value + ")"] }
        // Each entry as a call's head, arguments and part headers, or as a value.
        let entries = encodings.map { encoding -> (head: String, arguments: [String], headers: [String]) in
            let key = SwiftLiteral.string(encoding.property) + ": "
            switch encoding.kind {
            case .style(let style, let explode, let allowReserved):
                return (key + ".style(.\(style), explode: \(explode), allowReserved: \(allowReserved))", [], [])
            case .json:
                return (key + ".json", [], [])
            case .part(let contentType, let transferEncoding):
                var arguments: [String] = []
                switch contentType {
                case .fixed(let type)?: arguments.append("contentType: " + SwiftLiteral.string(type))
                case .chosen(let argument, let range)?:
                    arguments += ["contentType: " + argument.name, "within: " + SwiftLiteral.string(range)]
                case nil: break
                }
                if let transferEncoding {
                    arguments.append("transferEncoding: " + SwiftLiteral.string(transferEncoding))
                }
                let headers = partHeaders.filter { $0.part == encoding.property }.map(partHeader)
                return (key + "MultipartEncoding(", arguments, headers)
            }
        }
        let texts = entries.map { entry in
            let headers = entry.headers.isEmpty ? [] : ["headers: [" + entry.headers.joined(separator: ", ") + "]"]
            let arguments = entry.arguments + headers
            return arguments.isEmpty ? entry.head : entry.head + arguments.joined(separator: ", ") + ")"
        }
        let line = head + value + ", encodings: [" + texts.joined(separator: ", ") + "])"
        if fits(line, at: 8) { return [line] }
        // One entry on a line of its own would end in a comma, which swift-format refuses: its list keeps one line.
        if texts.count == 1, fits("encodings: [" + texts[0] + "]", at: 12) {
            return [head, "    " + value + ",", "    encodings: [" + texts[0] + "]", ")"]
        }
        var lines = [head, "    " + value + ",", "    encodings: ["]
        for (entry, text) in zip(entries, texts) {
            if entry.arguments.isEmpty && entry.headers.isEmpty || fits(text + ",", at: 16) {
                lines.append("        " + text + ",")
                continue
            }
            var arguments = entry.arguments
            var headerLines: [String] = []
            if !entry.headers.isEmpty {
                let headers = "headers: [" + entry.headers.joined(separator: ", ") + "]"
                if fits(headers, at: 20) {
                    arguments.append(headers)
                } else {
                    headerLines = ["headers: ["] + entry.headers.map { "    " + $0 + "," } + ["]"]
                }
            }
            if headerLines.isEmpty {
                lines += multilineCall(entry.head, arguments).map { "        " + $0 }
            } else {
                lines.append("        " + entry.head)
                lines += arguments.map { "            " + $0 + "," }
                lines += headerLines.map { "            " + $0 }
                lines.append("        )")
            }
            lines[lines.count - 1] += ","
        }
        return lines + ["    ]", ")"]
    }

    /// A multipart part's header as `MultipartEncoding.Header` writes it: in `simple` style as a header
    /// parameter is (`.header("X-Tags", tags)`, an object's with its `explode`), or as JSON text for JSON
    /// `content`.
    private static func partHeader(_ header: ParameterDeclaration) -> String {
        let name = SwiftLiteral.string(header.wireName)
        if header.isJSON { return ".header(\(name), json: \(header.name))" }
        if header.shape == .object {
            return ".header(\(name), object: \(header.name), explode: \(header.explode))"
        }
        return ".header(\(name), \(wireValue(header)))"
    }

    /// The statement that sets `Accept`: `request.acceptJSON()` for `application/json` alone,
    /// `request.acceptJSON("application/vnd.api+json", "application/problem+json")` for other JSON media
    /// types, `request.accept("text/csv")` for another, and `request.accept("application/json",
    /// "text/plain;q=0.5")` for JSON with others after it at a lower preference; none for none.
    private static func acceptStep(_ mediaTypes: [String]) -> [String] {
        guard let first = mediaTypes.first else { return [] }
        if mediaTypes == ["application/json"] { return ["request.acceptJSON()"] }
        let call = Translator.isJSON(first) && !mediaTypes.contains { $0.hasSuffix(";q=0.5") } ? "acceptJSON" : "accept"
        return Self.call("request.\(call)(", mediaTypes.map(SwiftLiteral.string), indent: 8)
    }

    /// How the `basicCredentials` argument is declared, in a request builder and a client method alike.
    static let basicCredentialsArgument = "basicCredentials: BasicCredentials? = nil"

    /// The `basicCredentials` argument's documentation: the scheme's description, or how it is sent.
    static func basicCredentialsDoc(_ description: [String]) -> String {
        description.isEmpty
            ? "The user name and password, sent as `Authorization: Basic`; `nil` leaves the header to a middleware."
            : description.joined(separator: " ")
    }

    /// Whether the initializer the struct template writes is the one Swift synthesizes, which `swift format`
    /// asks to leave out: internal access, every property a plain argument without a default, and no other
    /// initializer in the struct (decoding undeclared properties) that would stop Swift synthesizing it.
    static func initIsSynthesized(_ s: StructDeclaration, access: AccessLevel) -> Bool {
        access == .internal && s.extras == nil && !s.deprecated
            && s.properties.allSatisfy { p in
                !p.isReadOnly && !p.isStoredAside && !p.isIndirect && p.defaultValue == nil
                    && (!p.isOptional || p.isExplicitNull)
            }
    }

    /// Arguments for a signature: each with its text and whether it is the last (no comma after it).
    static func argumentList(_ arguments: [String]) -> TemplateValue {
        .objects(
            arguments.enumerated().map { [.text: .string($0.element), .last: .bool($0.offset == arguments.count - 1)] }
        )
    }

    /// The width of the arguments on one line, `a: A, b: B`.
    static func width(ofArguments arguments: [String]) -> Int {
        arguments.reduce(2 * max(0, arguments.count - 1)) { $0 + DocComment.width(of: $1) }
    }

    /// A type for prose: ``Item`` as a symbol link, `[Item]` as "an array of ``Item``".
    private static func describe(_ type: String) -> String {
        // Type names are ASCII: bytes tell, and the UTF-8 is sliced. (Dropping `Character`s walked the
        // text's grapheme breaks, most of some 2,500 instructions an operation.)
        let bytes = type.utf8
        if bytes.last == UInt8(ascii: "?") {
            return String(concatenating: describe(String(Substring(bytes.dropLast()))), " or `nil`")
        }
        let isCollection = bytes.first == UInt8(ascii: "[")
        if isCollection, bytes.last == UInt8(ascii: "]"), !bytes.contains(UInt8(ascii: ":")) {
            let element = String(Substring(bytes.dropFirst().dropLast()))
            if element.utf8.last == UInt8(ascii: "?") {
                // `[Int?]`: a link to `Int`, and what the `?` says in words.
                return String(concatenating: describe("[" + element.dropLast() + "]"), " (items may be `nil`)")
            }
            return element.utf8.first == UInt8(ascii: "[")
                ? String(concatenating: "an array of `", element, "`") : String(concatenating: "an array of ``", element, "``")
        }
        return isCollection ? String(concatenating: "`", type, "`") : String(concatenating: "``", type, "``")
    }

    /// The path template as a ``RequestPath`` literal: each `{name}` becomes an interpolation of the
    /// matching argument, which the runtime percent-encodes, and the template's own text is
    /// percent-encoded here (`/café` is `/caf%C3%A9`), so that the path is a valid request target.
    private func pathLiteral(_ operation: OperationDeclaration) -> String {
        // Names compare by code points, as in the spec: `{é}` and `{e\u{301}}` are two parameters.
        var values: [CodePointKey: String] = [:]
        for parameter in operation.parameters where parameter.location == .path {
            values[CodePointKey(parameter.wireName)] = Self.pathInterpolation(parameter)
        }
        var literal = "\""
        var rest = Substring(operation.path)
        // Braces are ASCII: searching the UTF-8 finds them without walking characters.
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            literal += Self.encodedPathText(rest[..<open])
            let name = rest.utf8.index(after: open)
            guard let close = rest.utf8[name...].firstIndex(of: UInt8(ascii: "}")),
                let value = values[CodePointKey(String(rest[name..<close]))]
            else {
                literal += "%7B"
                rest = rest[name...]
                continue
            }
            literal += "\\(\(value))"
            rest = rest[rest.utf8.index(after: close)...]
        }
        return String(concatenating: literal, Self.encodedPathText(rest), "\"")
    }

    /// The parameter's value as the request builder takes it: a date, or each date of an array, as RFC
    /// 3339 text; any other value as it is.
    private static func wireValue(_ parameter: ParameterDeclaration) -> String {
        let optional = parameter.isOptional && parameter.location != .path
        switch parameter.ruleType {
        case "Date":
            return optional ? "\(parameter.name).map(DateTime.string(from:))" : "DateTime.string(from: \(parameter.name))"
        case "[Date]":
            return "\(parameter.name)\(optional ? "?" : "").map(DateTime.string(from:))"
        default:
            return parameter.name
        }
    }

    /// A path template's own text, percent-encoded as RFC 3986 says a path is: `/`, unreserved characters,
    /// sub-delimiters, `:`, `@` and `%` with two hex digits (already encoded) stay; every other byte of the
    /// UTF-8, a quote and a backslash among them, is `%HH`. So the text needs no escape in a literal.
    /// Nearly every path keeps all its bytes, and is copied as it is.
    static func encodedPathText(_ text: Substring) -> String {
        var text = text
        let encoded = text.withUTF8 { bytes -> [UInt8]? in
            guard let first = bytes.indices.first(where: { !isKeptInPath(bytes, at: $0) }) else { return nil }
            let digits = Array("0123456789ABCDEF".utf8)
            var encoded = Array(bytes[..<first])
            encoded.reserveCapacity(bytes.count + 8)
            for index in first..<bytes.count {
                let byte = bytes[index]
                if isKeptInPath(bytes, at: index) {
                    encoded.append(byte)
                } else {
                    encoded += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 15)]]
                }
            }
            return encoded
        }
        return encoded.map { String(decoding: $0, as: UTF8.self) } ?? String(text)
    }

    /// Whether the byte at `index` of a path's UTF-8 stays as it is (``encodedPathText(_:)``).
    private static func isKeptInPath(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func isHex(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "%"):
            return index + 2 < bytes.count && isHex(bytes[index + 1]) && isHex(bytes[index + 2])
        // The other unreserved characters, the sub-delimiters, `:`, `@` and `/`.
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    /// What a path parameter's interpolation holds: `id`, `id, style: .label`,
    /// `ids, style: .matrix("ids"), explode: true`, `object: point, style: .simple, explode: false`, `json: filter`.
    private static func pathInterpolation(_ parameter: ParameterDeclaration) -> String {
        if parameter.isJSON { return "json: \(parameter.name)" }
        let value = wireValue(parameter)
        let style =
            switch parameter.style {
            case "label": ".label"
            case "matrix": ".matrix(\(SwiftLiteral.string(parameter.wireName)))"
            default: ".simple"
            }
        switch parameter.shape {
        case .value:
            return parameter.style == "simple" ? value : "\(value), style: \(style)"
        case .array:
            // `simple` arrays are written the same exploded or not.
            return parameter.style == "simple" ? value : "\(value), style: \(style), explode: \(parameter.explode)"
        case .object:
            return "object: \(value), style: \(style), explode: \(parameter.explode)"
        }
    }
}

/// Integer text from a JSON number: `3`, `-7`, and `1.0` or `2e2` when they are whole numbers that fit
/// in 64 bits.
enum ExactInteger {
    static func parse(_ text: String) -> String? {
        if Int64(text) != nil { return text }
        guard let decimal = Decimal(string: text), decimal == decimal.rounded(), let value = Int64(exactly: NSDecimalNumber(decimal: decimal).int64Value),
            Decimal(value) == decimal
        else { return nil }
        return String(value)
    }
}

extension Decimal {
    fileprivate func rounded() -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
