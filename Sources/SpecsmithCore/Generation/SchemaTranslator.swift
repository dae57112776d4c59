import Foundation
import SpecsmithDiagnostics
import struct SpecsmithPattern.Pattern
import SpecsmithYAML

/// Decides the Swift type of every schema: named types for component schemas, nested types for
/// inline objects and enums, plain Swift types for the rest, and the rules to check on each value.
struct SchemaTranslator {
    /// The document, read in place from its box (see ``DocumentBox``).
    var document: OpenAPIDocument {
        _read { yield documentBox.document }
    }
    private let documentBox: DocumentBox
    private(set) var diagnostics: [Diagnostic] = []
    /// Named (top-level) types, in the order they were declared.
    private(set) var declarations: [TypeDeclaration] = []
    /// Whether an array being typed may hold null items, as `nil`s (`[String?]`): true while typing a
    /// struct's properties, whose checks and coding handle optional items; false for aliases, unions,
    /// bodies and parameters, which request builders send.
    private var optionalItems = false
    /// Swift names of schemas that have a top-level type, by schema number (see ``number(of:)``).
    private(set) var names: [String?]
    /// Every top-level name in use, including those reserved by other generated declarations.
    private var takenNames: Set<HashedName>
    /// The number each top-level name numbered so far was given last, where the next search for it
    /// starts (see ``SwiftNames/unique(_:numbers:isTaken:)``).
    private var topLevelNumbers: [String: Int] = [:]
    /// Whether each schema's top-level declaration is being built (or was), by schema number: to stop at cycles.
    private var inProgress: [Bool]
    /// Whether each schema is a component schema of the root document, by schema number.
    private let isComponent: [Bool]
    /// Canonical ids of the root document's component schemas, in the order of `components/schemas`: each made
    /// once (a path, `#` and an escaped pointer).
    let componentSchemaIDs: [String]
    /// The schema number of each of them, in the same order.
    let componentNumbers: [Int]
    /// The qualified names of the inline types being declared, by the location of their schema.
    private var inlineInProgress: [SourceLocation: String] = [:]
    /// The nested types in scope where a type is being declared (its own, its owners' and theirs), which
    /// a top-level type named there must not be named like: the nested type would hide it.
    private var nestedInScope: [String] = []
    /// Set on a worker's copy (``worker()``), which records what it read of the shared state.
    private var journal: Journal?
    /// Where ``dereferenced(_:)`` ends for a reference to each schema that is only a reference, by
    /// schema number (see ``number(of:)``): each chain followed once, not once per use.
    let referenceEnds: [Int?]
    /// The canonical ids of the schemas that are a `oneOf` or `anyOf` or hold one in their `allOf` (see
    /// ``unionHolders(_:)``), so that an `allOf` of other parts is not searched for one.
    let unionHolders: Set<String>
    /// ``distribution(of:)`` of each schema in ``unionHolders`` with an `allOf`, by location, worked out once: a
    /// union that many properties refer to is asked about at each.
    private(set) var distributions: [SourceLocation: (schema: Schema, outcome: DistributionOutcome)] = [:]
    /// The parents that schemas extend with `allOf` beside their discriminator (OpenAPI's polymorphism), by the
    /// location of each parent's schema (see ``findFamilies()``): empty for a document without one.
    var families: [SourceLocation: Family] = [:]
    /// The top-level structs of the cases of the distributed unions being declared (`PetCat`), which follow
    /// the top-level type they were made for (see ``distributedUnion(named:schema:qualifiedName:distribution:)``).
    private var caseStructs: [TypeDeclaration] = []
    /// What a value of the schema each reference leads to must meet, by canonical id (see
    /// ``referencedRules(_:)``): worked out once per reference, not once per use.
    private var referencedRuleCache: [String: ReferencedRules] = [:]
    /// ``isNullable(_:)`` of what each reference that leads on to another one ends at, by schema number:
    /// each chain walked once (see ``chainAnswers(onCycle:mayFollow:step:)``).
    private var nullableThrough: [Bool?] = []
    /// ``openEnum(_:)`` of what each reference that leads on to another one ends at, by schema number.
    private var openEnumThrough: [Schema??] = []
    /// ``chainEnd(_:)`` of a reference to each schema that refers on, by schema number, where no cycle is met.
    private var chainEndThrough: [Schema?] = []
    /// What a subschema that is only a reference says of a value of a Swift type, by the reference's canonical
    /// id and the type (see ``subschemaRules(_:keyword:swiftType:references:)``): worked out once, so that
    /// subschemas that refer to shared ones (`if`, `then` and `else` each to the next) cost what the
    /// document holds, not a product of it.
    var subschemaCache: [String: SubschemaRules] = [:]

    /// Whether `format` is checked rather than only an annotation.
    let assertFormats: Bool

    init(document: OpenAPIDocument, reservedNames: Set<HashedName>, assertFormats: Bool = false) {
        self.documentBox = DocumentBox(document: document)
        self.assertFormats = assertFormats
        self.takenNames = reservedNames
        self.referenceEnds = Self.referenceEnds(document.schemas)
        self.unionHolders = Self.unionHolders(document.schemas)
        (componentSchemaIDs, componentNumbers) = Self.componentSchemaIDs(of: document)
        // Component schemas get their names first, so a reference can use a name before its type exists.
        let schemaCount = document.schemas.count
        names = Array(repeating: nil, count: schemaCount)
        inProgress = Array(repeating: false, count: schemaCount)
        var isComponent = Array(repeating: false, count: schemaCount)
        for number in componentNumbers { isComponent[number] = true }
        self.isComponent = isComponent
        takenNames.reserveCapacity(takenNames.count + componentSchemaIDs.count)
        var numbers: [String: Int] = [:]
        for (entry, number) in zip(document.components.schemas, componentNumbers) {
            let name = SwiftNames.unique(SwiftNames.type(entry.key), numbers: &numbers) {
                takenNames.contains(HashedName($0))
            }
            takenNames.insert(HashedName(name))
            names[number] = name
        }
        topLevelNumbers = numbers
        nullableThrough = chainAnswers(onCycle: false, mayFollow: { $0.ref != nil || !$0.allOf.isEmpty }) {
            $0.nullableStep($1)
        }
        openEnumThrough = chainAnswers(
            onCycle: .some(nil),
            mayFollow: { $0.ref != nil || !$0.allOf.isEmpty || $0.hasOneOfOrAnyOfAlone }
        ) { $0.openEnumStep($1) }
        chainEndThrough = chainAnswers(onCycle: nil, mayFollow: { $0.ref != nil }) { translator, schema in
            schema.ref.map { .follow(translator.number(of: $0)) } ?? .answer(schema)
        }
        for id in unionHolders {
            guard let schema = document.schemas[id], !schema.allOf.isEmpty || Self.saysOfAnObjectBesideUnion(schema)
            else { continue }
            distributions[schema.location] = (schema, distribution(of: schema))
        }
        findFamilies()
    }

    /// The canonical id and the schema number of each component schema, in the order of `components/schemas`.
    /// The loader reads the component schemas before any other, in that order, so the document's schema at each
    /// one's position is nearly always its own and its key the id: that key and position are taken when the key's
    /// bytes are the id's (the file, `#/components/schemas/` and a name that needs no escape), rather than the id
    /// made again (a pointer and two strings joined, some 4,700 instructions an id) and looked up.
    static func componentSchemaIDs(of document: OpenAPIDocument) -> (ids: [String], numbers: [Int]) {
        let components = document.components.schemas
        let schemas = document.schemas.entries
        var ids: [String] = []
        var numbers: [Int] = []
        ids.reserveCapacity(components.count)
        numbers.reserveCapacity(components.count)
        for index in components.indices {
            let name = components[index].key
            if index < schemas.count, isComponentID(schemas[index].key, file: document.file, name: name) {
                ids.append(schemas[index].key)
                numbers.append(index)
            } else {
                let id = document.componentSchemaID(name)
                guard let number = document.schemas.position(of: id) else {
                    preconditionFailure("no schema \(id) in this document")
                }
                ids.append(id)
                numbers.append(number)
            }
        }
        return (ids, numbers)
    }

    /// Whether `id` is ``OpenAPIDocument/componentSchemaID(_:)`` of `name` in `file`, for a name that needs no escape
    /// in a pointer or an id (false for any other, whose id is then made).
    private static func isComponentID(_ id: String, file: String, name: String) -> Bool {
        let middle: StaticString = "#/components/schemas/"
        let (fileCount, middleCount) = (file.utf8.count, middle.utf8CodeUnitCount)
        guard id.utf8.count == fileCount + middleCount + name.utf8.count, JSONPointer.isVerbatimInID(name) else {
            return false
        }
        // The parts compared with `memcmp`: `elementsEqual` over slices of a buffer steps byte by byte through
        // generic code. The id holds at least the middle, so it has bytes; the file or the name may have none.
        func holds(_ id: UnsafeBufferPointer<UInt8>, at offset: Int, _ part: UnsafeBufferPointer<UInt8>) -> Bool {
            part.isEmpty || memcmp(id.baseAddress! + offset, part.baseAddress!, part.count) == 0
        }
        let same = id.utf8.withContiguousStorageIfAvailable { id in
            file.utf8.withContiguousStorageIfAvailable { file in
                name.utf8.withContiguousStorageIfAvailable { name in
                    holds(id, at: 0, file)
                        && holds(id, at: fileCount, UnsafeBufferPointer(start: middle.utf8Start, count: middleCount))
                        && holds(id, at: fileCount + middleCount, name)
                }
            }
        }
        return same == true
    }

    /// Declares every component schema, in document order: on every core when there are enough
    /// (see ``worker()``).
    mutating func declareComponents(concurrency: LoadConcurrency = .sequential) {
        let components = document.components.schemas
        var declared: [WorkerItem?]?
        if let minimum = concurrency.minimumItems, components.count >= minimum {
            let translator = self
            declared = Concurrently.runs(components.count) { items, store in
                var worker = translator.worker()
                for index in items {
                    let entry = components[index]
                    worker.declare(number: translator.componentNumbers[index], schema: entry.value)
                    store(index, worker.takeItem())
                }
            }
        }
        // By index, each worker's item taken out of its slot: neither it nor the schema is copied.
        for index in components.indices {
            let number = componentNumbers[index]
            if let item = declared?[index].take(), adopt(item) {
                inProgress[number] = true
            } else {
                declare(number: number, schema: components[index].value)
            }
        }
    }

    /// Swift has no recursive type aliases: every alias whose type leads back to itself through other
    /// aliases only (`List = [List]`, `Tree = [String: Tree]`, `A = B` with `B = [A]`) becomes a
    /// `JSONValue`, with a warning at its schema. Aliases on the way through a struct, an enum or a
    /// union are fine: those are types of their own.
    mutating func breakAliasCycles() {
        var numbers: [String: Int] = [:]
        var aliases: [(index: Int, type: String)] = []
        for (index, declaration) in declarations.enumerated() {
            guard case .alias(let alias) = declaration else { continue }
            numbers[alias.name] = aliases.count
            aliases.append((index, alias.type))
        }
        guard !aliases.isEmpty else { return }
        // Each alias's edges to the aliases its type names.
        let edges = aliases.map { alias in
            alias.type.split { !($0.isLetter || $0.isNumber || $0 == "_") }.compactMap { numbers[String($0)] }
        }
        // An alias is on a cycle when its component holds another alias too, or it names itself.
        let component = Translator.stronglyConnectedComponents(edges)
        var sizes: [Int: Int] = [:]
        for number in component { sizes[number, default: 0] += 1 }
        for (number, alias) in aliases.enumerated()
        where sizes[component[number]]! > 1 || edges[number].contains(number) {
            guard case .alias(var declaration) = declarations[alias.index] else { continue }
            diagnostics.append(
                .warning(
                    "schema '\(declaration.name)' contains itself only through arrays, dictionaries or references "
                        + "(\(declaration.type)), which a Swift type alias cannot express; the value is a JSONValue",
                    at: declaration.location))
            declaration.type = "JSONValue"
            declarations[alias.index] = .alias(declaration)
        }
    }

    /// The top-level declarations, taken out: the translator keeps none, so that the caller's array is the only
    /// reference to them.
    mutating func takeDeclarations() -> [TypeDeclaration] {
        var taken: [TypeDeclaration] = []
        swap(&taken, &declarations)
        return taken
    }

    /// Reserves a top-level name (for an operation's inline body type, say) and returns it, unique.
    mutating func reserve(_ name: String) -> String {
        let unique = uniqueTopLevelName(name)
        take(unique)
        return unique
    }

    /// `name`, or numbered to be unlike every top-level name in use and every name in `alsoTaken`, the
    /// search starting where the last one for `name` ended. Only this translator, asking about top-level
    /// names alone, remembers where it ended: a worker's names last for one item, and the names in
    /// `alsoTaken` (nested types in scope) may be free again later.
    private mutating func uniqueTopLevelName(_ name: String, alsoTaken: [String]? = nil) -> String {
        if journal != nil || alsoTaken != nil {
            let bare = SwiftNames.unescaped(name)
            var numbers: [String: Int] = [:]
            numbers[bare] = topLevelNumbers[bare]
            return SwiftNames.unique(name, numbers: &numbers) { isTaken($0) || alsoTaken?.contains($0) == true }
        }
        // Moved out and back, so that the table is changed in place rather than copied.
        var numbers = topLevelNumbers
        topLevelNumbers = [:]
        defer { topLevelNumbers = numbers }
        return SwiftNames.unique(name, numbers: &numbers) { isTaken($0) }
    }

    /// Adds types that ``swiftType(for:suggestedName:owner:nested:)`` made without an owner as top-level
    /// declarations, and takes their names, so that no later top-level type is given one of them.
    private mutating func declareTopLevel(_ nested: NestedTypes) {
        declarations += nested.declarations
        for declaration in nested.declarations { take(declaration.name) }
    }

    /// The types declared inside one type, in order, or the top-level types made while typing one
    /// schema without an owner; with their names and numbers, to name the next one unlike them.
    private struct NestedTypes {
        private(set) var declarations: [TypeDeclaration] = []
        private(set) var names: Set<String> = []
        /// See ``SwiftNames/unique(_:numbers:isTaken:)``: within one owner, a name taken stays taken.
        var numbers: [String: Int] = [:]

        mutating func append(_ declaration: TypeDeclaration) {
            declarations.append(declaration)
            names.insert(declaration.name)
        }
    }

    // MARK: References

    /// The schema a value of `schema` is, through a chain of schemas that are each only a reference:
    /// ``OpenAPIDocument/dereferenced(_:)``, each chain looked up in ``referenceEnds`` rather than walked.
    func dereferenced(_ schema: Schema) -> Schema {
        guard let ref = schema.ref, schema.isPureReference else { return schema }
        let number = self.number(of: ref)
        return self.schema(numbered: referenceEnds[number] ?? number)
    }

    /// The canonical id of the schema that ``dereferenced(_:)`` ends at for a reference to the schema with this id:
    /// the id itself for a schema that is no reference.
    func referenceEnd(ofID id: String) -> String {
        guard let number = self.number(ofID: id), let end = referenceEnds[number] else { return id }
        return documentBox.document.schemas.entries[end].key
    }

    /// The schema a chain of references ends at, following also those that say more beside their `$ref`
    /// than a reference (`A1: {$ref: A0, description: ...}`, whose value is an `A0` meeting more rules):
    /// the first that is no reference, or the last before one met again.
    private func chainEnd(_ schema: Schema) -> Schema {
        guard let ref = schema.ref else { return schema }
        var number = self.number(of: ref)
        if let end = chainEndThrough[number] { return end }
        // A chain with a cycle ends where this walk meets a schema again.
        var current = schema
        var followed: Set<Int> = []
        while followed.insert(number).inserted {
            current = dereferenced(self.schema(numbered: number))
            guard let next = current.ref else { break }
            number = self.number(of: next)
        }
        return current
    }

    /// For each schema that is only a reference, where ``OpenAPIDocument/dereferenced(_:)`` ends when it
    /// reaches it through a reference: the first schema of its chain that says more than a reference; on
    /// a cycle, the member before it (the walk stops where the next has been seen); before a cycle, the
    /// member before the one the chain enters by. Each schema is visited once, without recursion.
    static func referenceEnds(_ schemas: OrderedMap<Schema>) -> [Int?] {
        let entries = schemas.entries
        var ends: [Int?] = Array(repeating: nil, count: entries.count)
        for first in entries.indices where entries[first].value.isPureReference && ends[first] == nil {
            var path: [Int] = []
            var positions: [Int: Int] = [:]
            var current = first
            var end = current
            while true {
                if let known = ends[current] {
                    end = known
                    break
                }
                let schema = entries[current].value
                guard schema.isPureReference, let ref = schema.ref, let next = schemas.position(of: ref.id) else {
                    end = current
                    break
                }
                if let start = positions[current] {
                    for index in start..<path.count {
                        ends[path[index]] = path[index == start ? path.count - 1 : index - 1]
                    }
                    end = path[path.count - 1]
                    path.removeSubrange(start...)
                    break
                }
                positions[current] = path.count
                path.append(current)
                current = next
            }
            for number in path { ends[number] = end }
        }
        return ends
    }

    /// Where a walk along references goes from a schema: to an answer, found without following a
    /// reference, or on to the schema with this number (see ``number(of:)``).
    private enum ChainStep<Answer> {
        case answer(Answer)
        case follow(Int)
    }

    /// For each schema whose walk goes on to another (`mayFollow`, asked first, is false of those that
    /// cannot), the answer its walk ends at, by schema number; a walk that comes back to a schema it passed
    /// answers `onCycle`, or is left out when that is `nil`. Each schema is stepped once: chains of
    /// documented aliases (`A2: {$ref: A1, description: ...}`) cost their length, not its square, however
    /// often a chain is asked about. `step` is given the translator rather than capturing it, which would
    /// copy it.
    private func chainAnswers<Answer>(
        onCycle: Answer?,
        mayFollow: (Schema) -> Bool,
        step: (SchemaTranslator, Schema) -> ChainStep<Answer>
    ) -> [Answer?] {
        let entries = document.schemas.entries
        var answers: [Answer?] = Array(repeating: nil, count: entries.count)
        var path: [Int] = []
        var onPath: Set<Int> = []
        for first in entries.indices where mayFollow(entries[first].value) && answers[first] == nil {
            var number = first
            var answer: Answer?
            walk: while true {
                if let known = answers[number] {
                    answer = known
                    break
                }
                switch step(self, dereferenced(entries[number].value)) {
                case .answer(let found):
                    answer = found
                    break walk
                case .follow(let next):
                    guard onPath.insert(number).inserted else {
                        answer = onCycle
                        break walk
                    }
                    path.append(number)
                    number = next
                }
            }
            if let answer { for number in path { answers[number] = answer } }
            path.removeAll(keepingCapacity: true)
            onPath.removeAll(keepingCapacity: true)
        }
        return answers
    }

    /// The answer a walk that starts with `first` ends at, through `answers` where a chain was walked
    /// before (a reference to a schema the table lacks leads to one whose step answers).
    private func chainAnswer<Answer>(
        _ first: ChainStep<Answer>,
        _ answers: [Answer?],
        ending: Answer,
        step: (SchemaTranslator, Schema) -> ChainStep<Answer>
    ) -> Answer {
        var next = first
        for _ in 0..<YAMLLimits().maxDepth {
            switch next {
            case .answer(let answer): return answer
            case .follow(let number):
                if let known = answers[number] { return known }
                next = step(self, dereferenced(schema(numbered: number)))
            }
        }
        return ending
    }

    /// The schema a reference leads to, as ``OpenAPIDocument/schema(for:)`` finds it, read in the box: that
    /// method, called on ``document``, would copy the document out of the box first.
    func referencedSchema(_ reference: SchemaReference) -> Schema {
        schema(numbered: number(of: reference))
    }

    /// The number of the schema a reference leads to: its position in the document's schemas, found with one
    /// look-up of its canonical id (in ``SchemaNumbers``, which hashes it more cheaply). The tables the translator
    /// keeps by schema are arrays indexed by it, so that a reference read once costs no further hashing of its long
    /// id in each of them.
    func number(of reference: SchemaReference) -> Int {
        guard let number = documentBox.numbers.number(of: reference.id) else {
            preconditionFailure("no schema \(reference.id) in this document")
        }
        return number
    }

    /// The number of the schema with this canonical id, if the document has one (see ``number(of:)``).
    func number(ofID id: String) -> Int? {
        documentBox.numbers.number(of: id)
    }

    /// The schema with this number (see ``number(of:)``).
    func schema(numbered number: Int) -> Schema {
        documentBox.document.schemas.entries[number].value
    }

    /// Holds the document for the translator. A call from a mutating method of the translator to a non-mutating
    /// one (`isUnion(_:)` from `swiftType`, say) copies the whole translator to the stack first, and the
    /// document's fields, held inline, were four fifths of its 870 bytes (some fifteen thousand copies in a
    /// generation of tradovate-2021). In a box the document is one reference. Read it through ``document`` (a
    /// field of it in place) or the translator's helpers: a method called on ``document`` copies it out.
    /// Beside it, the number of each of its schemas by id, made once and shared with the workers.
    final class DocumentBox: Sendable {
        let document: OpenAPIDocument
        let numbers: SchemaNumbers

        init(document: OpenAPIDocument) {
            self.document = document
            numbers = SchemaNumbers(document.schemas)
        }
    }

    // MARK: Workers

    /// What a worker's copy read of the shared state and added to it. The names are hashed by the worker, so
    /// that ``adopt(_:)`` hashes none again.
    fileprivate struct Journal {
        /// The top-level names it took: a few per item, searched in order.
        var taken: [HashedName] = []
        /// The names it found free in the shared table, in order.
        var free: [HashedName] = []
        /// Whether it met a reference to a schema that is not a component, whose type only the shared
        /// translator may declare.
        var needsShared = false
    }

    /// What a worker's copy made of one item, for ``adopt(_:)``.
    struct WorkerItem {
        fileprivate var declarations: [TypeDeclaration]
        fileprivate var diagnostics: [Diagnostic]
        fileprivate var journal: Journal
    }

    /// A copy of this translator that translates items (operations) on another thread, one after the
    /// other, handing each over with ``takeItem()``. It reads this translator's names and writes its
    /// own: ``adopt(_:)`` takes an item's declarations, diagnostics and names over when what it read
    /// still holds. One copy serves many items: copying a translator counts references on every part
    /// of the document, and threads that count on the same objects slow each other down.
    func worker() -> SchemaTranslator {
        var copy = self
        copy.declarations = []
        copy.diagnostics = []
        copy.journal = Journal()
        return copy
    }

    /// What a worker made of the item it translated last; the worker starts afresh for the next.
    mutating func takeItem() -> WorkerItem {
        let item = WorkerItem(declarations: declarations, diagnostics: diagnostics, journal: journal ?? Journal())
        declarations = []
        diagnostics = []
        journal = Journal()
        return item
    }

    /// Takes over what a worker made of an item, in the order of the items: its declarations,
    /// diagnostics and names. False, taking nothing, when a name it found free has been taken since (by
    /// an earlier item), or when it met what only this translator may do: translate the item again with
    /// this translator. A worker differs from this translator only in what it finds in ``takenNames``,
    /// so when every name it asked about is still free, it decided as this translator would have.
    mutating func adopt(_ item: WorkerItem) -> Bool {
        guard !item.journal.needsShared, !item.journal.free.contains(where: { takenNames.contains($0) }) else {
            return false
        }
        takenNames.formUnion(item.journal.taken)
        declarations += item.declarations
        diagnostics += item.diagnostics
        return true
    }

    /// Whether a top-level name is in use. A worker notes each name it finds free.
    private mutating func isTaken(_ name: String) -> Bool {
        let hashed = HashedName(name)
        if takenNames.contains(hashed) { return true }
        guard journal != nil else { return false }
        if journal!.taken.contains(hashed) { return true }
        journal!.free.append(hashed)
        return false
    }

    /// Takes a top-level name: a worker in its journal, so that the shared table stays as it was. A worker
    /// nearly always takes the name it found free last, whose hash it reuses.
    private mutating func take(_ name: String) {
        if journal != nil {
            let last = journal!.free.last
            journal!.taken.append(last?.name == name ? last! : HashedName(name))
        } else {
            takenNames.insert(HashedName(name))
        }
    }

    /// Declares a top-level type called `name` for an inline schema (an operation's body, say) when
    /// the schema needs one, and returns the Swift type to use for it.
    ///
    /// With `nullableMembers` (a JSON body's schema), an inline array's items or dictionary's values that may be
    /// null are optional (`[Int?]`), as in a struct's property: a body holds them as JSON does.
    mutating func topLevelType(for schema: Schema, suggestedName: String, nullableMembers: Bool = false) -> String {
        if schema.ref != nil || !needsOwnType(schema) {
            let outerOptionalItems = optionalItems
            optionalItems = nullableMembers
            defer { optionalItems = outerOptionalItems }
            var nested = NestedTypes()
            let type = swiftType(for: schema, suggestedName: suggestedName, owner: nil, nested: &nested)
            declareTopLevel(nested)
            declarations += caseStructs
            caseStructs = []
            return type.name
        }
        let name = reserve(SwiftNames.type(suggestedName))
        appendTopLevel(named: name, schema: schema)
        return name
    }

    /// The rules each element of an array must meet: those of strings and numbers, and of arrays and
    /// dictionaries with their members' in turn (nothing for elements of generated types, which check
    /// themselves).
    mutating func elementRules(for schema: Schema) -> [ValidationRule] {
        // Most values are of a plain schema without items (every property is asked): no shape is worked out.
        if schema.items == nil, Self.isOwnShape(schema) { return [] }
        let shape = resolvedShape(schema)
        // A tuple's items are checked by position (``tupleRule(_:itemType:)``), `items` after them; `items: false`
        // is a `maxItems` of 0 (see ``rules(for:swiftType:)``).
        guard let items = shape.items, shape.prefixItems.isEmpty, !Self.isFalseSchema(items) else { return [] }
        return memberRules(items)
    }

    /// The rules each value of a dictionary must meet (the schema of `additionalProperties`), when the
    /// value of `schema` is a dictionary of Swift type `swiftType`.
    mutating func valueRules(for schema: Schema, swiftType: String) -> [ValidationRule] {
        // Asked of every property: the type is looked at before any shape is worked out.
        guard Self.isDictionaryType(swiftType) else { return [] }
        let shape = resolvedShape(schema)
        // With `patternProperties`, values are checked by their names (``patternRules(_:valueType:_:)``).
        guard shape.patternProperties.isEmpty, case .schema(let valueSchema)? = shape.additionalProperties
        else { return [] }
        return memberRules(valueSchema)
    }

    /// Whether a Swift type is a dictionary (`[String: ...]`): its first byte tells most types apart without
    /// `hasPrefix`, which goes through the standard library's general comparison (some 60 instructions).
    private static func isDictionaryType(_ swiftType: String) -> Bool {
        swiftType.firstByte == UInt8(ascii: "[") && swiftType.hasPrefix("[String: ")
    }

    /// Whether a schema is its own ``resolvedShape(_:)``: it refers to nothing and has no `allOf`, `oneOf` or
    /// `anyOf`. Told from its own keywords, without the copies that working the shape out makes.
    private static func isOwnShape(_ schema: Schema) -> Bool {
        schema.ref == nil && schema.allOf.isEmpty && schema.oneOf.isEmpty && schema.anyOf.isEmpty
    }

    /// The schema that says what a value of `schema` is (its type, format, `items` and
    /// `additionalProperties`): through references, a nullable wrapper and an `allOf` of plain parts.
    private func resolvedShape(_ schema: Schema) -> Schema {
        var shape = chainEnd(schema)
        if let wrapped = nullableWrapped(shape) { shape = chainEnd(wrapped) }
        if case .plain(let plain)? = plainAllOf(shape) { shape = plain }
        return shape
    }

    /// The schema a value of `schema` is and its `allOf` parts, when they are plain parts (see ``plainAllOf(_:)``),
    /// references followed; else none.
    private func plainParts(_ schema: Schema) -> [Schema] {
        var base = chainEnd(schema)
        if let wrapped = nullableWrapped(base) { base = chainEnd(wrapped) }
        guard case .plain? = plainAllOf(base) else { return [] }
        return [base] + allOfParts(base)
    }

    /// The properties of a form or multipart body's object, `allOf` parts merged.
    func bodyProperties(_ body: Schema) -> OrderedMap<Schema> {
        let shape = resolvedShape(body)
        return (mergedAllOf(shape) ?? shape).properties
    }

    /// JSON's scalar types, which a query item, a form field or a text part writes as text.
    private static let scalarSchemaTypes: Set<SchemaType> = [.string, .integer, .number, .boolean]

    /// The rules of an array's element or a dictionary's value: a string or a number's, or an array or
    /// dictionary's own with ``ValidationRule/members(_:)`` for its members in turn (other members check
    /// themselves); a string `enum` is `listed`. `references` are those followed to get here: an alias
    /// that contains itself (`List = [List]`) ends the descent.
    mutating func memberRules(_ member: Schema, references: Set<String> = []) -> [ValidationRule] {
        if let ref = member.ref, !references.isEmpty, references.contains(ref.id) { return [] }
        let element = member.ref.map { dereferenced(referencedSchema($0)) } ?? member
        // A struct checks itself (the commonest member, so asked first).
        if isObjectWithProperties(element) { return [] }
        // A string enum, also one that may be null (`anyOf: [{$ref: Status}, {type: 'null'}]`).
        if openEnum(nullableWrapped(member) ?? member) != nil {
            return rules(for: member, swiftType: Self.openEnumType)
        }
        let shape = resolvedShape(member)
        let shapeTypes = shape.nonNullTypes
        if !shape.prefixItems.isEmpty, shapeTypes.isEmpty || shapeTypes == [.array], !needsOwnType(shape) {
            // A tuple: its own rules, with its items' by position.
            return rules(for: member, swiftType: "[" + tupleItemType(shape) + "]")
        }
        if !shape.patternProperties.isEmpty, shapeTypes == [.object], !needsOwnType(shape) {
            // A dictionary whose values are checked by their names.
            return rules(for: member, swiftType: "[String: " + patternValueType(shape) + "]")
        }
        if shape.items != nil || shape.additionalProperties != nil, !needsOwnType(shape) {
            var references = references
            if let ref = member.ref { references.insert(ref.id) }
            var inner: Schema?
            var stands = ""
            if let items = shape.items, shapeTypes.isEmpty || shapeTypes == [.array] {
                (inner, stands) = (items, "[JSONValue]")
            } else if case .schema(let values)? = shape.additionalProperties, shapeTypes == [.object] {
                (inner, stands) = (values, "[String: JSONValue]")
            }
            if let inner {
                // An array or a dictionary: its own rules (the type stands for any of its kind), then its members'.
                var rules = rules(for: member, swiftType: stands)
                // `items: false` is a `maxItems` of 0 among the array's own rules.
                let members = Self.isFalseSchema(inner) ? [] : memberRules(inner, references: references)
                if !members.isEmpty { rules.append(.members(members)) }
                return rules
            }
        }
        // A value of no type, or of several types, is a JSONValue: its rules apply as JSON Schema applies them
        // (`maxLength` to a string, `multipleOf` to a number), and `enum` and `const` compare it as JSON.
        if shapeTypes.isEmpty, shape.items == nil, shape.properties.isEmpty, !needsOwnType(shape) {
            return rules(for: member, swiftType: "JSONValue")
        }
        if shapeTypes.count > 1 || shape.types == [.null] { return rules(for: member, swiftType: "JSONValue") }
        // A string, a number or a boolean, also when an `allOf` of plain parts says so.
        guard shapeTypes.count == 1, Self.scalarSchemaTypes.contains(shapeTypes[0]),
            !(shapeTypes == [.string] && shape.format == "date-time")
        else { return [] }
        return rules(for: member, swiftType: plainType(of: shape))
    }

    /// The rules a value of this schema must meet (following references to plain-typed schemas),
    /// keeping those that apply to its Swift type: as in JSON Schema, `maxLength` says nothing about
    /// a number, and `uniqueItems` nothing about a string.
    ///
    /// A `pattern` the runtime cannot compile is an error at its value, so generated code never
    /// traps on it.
    mutating func rules(for schema: Schema, swiftType: String) -> [ValidationRule] {
        if let wrapped = nullableWrapped(schema) {
            let inner = rules(for: wrapped, swiftType: swiftType)
            return inner + besideRules(of: schema, around: wrapped, swiftType: swiftType, besides: inner)
        }
        // A reference to a nullable union: its rules, and those of what is said beside the reference.
        if let ref = schema.ref, case let target = dereferenced(referencedSchema(ref)),
            nullableWrapped(target) != nil
        {
            let inner = rules(for: target, swiftType: swiftType)
            if schema.isPureReference { return inner }
            return inner + besideRules(of: schema, around: target, swiftType: swiftType, besides: inner)
        }
        let own = ownRules(schema)
        // Many values state no rule (`{type: string}`): nothing below would add one, and its steps (lists made,
        // mapped and filtered, open enums looked for twice) are spared. Without a keyword of its own (so without
        // `enum`), a reference, `allOf` parts, `not` or conditions, no rule is gathered and the schema is no open
        // enum; items and keys are asked about only for arrays, dictionaries and JSONValues (the types whose
        // ``RuleTarget`` accepts items or keys), told before that target is made.
        if own.isEmpty, schema.ref == nil, schema.allOf.isEmpty, schema.not == nil, !Self.hasConditions(schema),
            swiftType.firstByte != UInt8(ascii: "["), swiftType != "JSONValue"
        {
            return []
        }
        let target = RuleTarget(swiftType)
        var rules = located(own, in: schema)
        // A generated struct or union checks what its schema says beside its properties or cases itself.
        let checksItself =
            (schema.not != nil || Self.hasConditions(schema))
            && (isObjectWithProperties(schema) || mergedAllOf(schema) != nil || isUnion(schema))
        var negated = checksItself ? [] : schema.not.map { [$0] } ?? []
        var conditioned = !checksItself && Self.hasConditions(schema) ? [schema] : []
        if let ref = schema.ref {
            let referenced = referencedRules(ref)
            rules = referenced.rules + rules
            negated = referenced.negated + negated
            conditioned = referenced.conditioned + conditioned
        }
        // The constraints of `allOf` parts hold too (a part that is a generated type checks itself).
        for part in allOfParts(schema) {
            rules += located(ownRules(part, enumAsValues: true), in: part)
            negated += part.not.map { [$0] } ?? []
            if Self.hasConditions(part) { conditioned.append(part) }
        }
        // A value of a generated string enum: its raw value meets a string's rules too.
        let enumeration = target.accepts(.listed) ? openEnum(schema) : nil
        if let enumeration { rules = rawValueRules(rules, enumeration: enumeration) }
        // Text that is no generated enum (a text body is a String) is checked against the listed values.
        if swiftType == "String", let values = openEnum(schema)?.enum {
            rules.removeAll { $0.rule == .listed }
            if !rules.contains(where: { $0.rule == .enumeration(values) }) {
                rules.append((.enumeration(values), schema.location))
            }
        }
        checkPatterns(rules)
        var applying = rules.map(\.rule).filter {
            target.accepts($0) || enumeration != nil && RuleTarget.string.accepts($0)
        }
        if applying.count < rules.count, swiftType != "JSONValue", !Self.scalarTypes.contains(swiftType),
            let dropped = rules.first(where: { entry in
                switch entry.rule {
                case .enumeration, .const: true
                default: false
                }
            })
        {
            let kind =
                swiftType == "Date" ? "a date-time string (a Date)"
                : swiftType == "Data" ? "a byte or binary string (Data)"
                : swiftType.hasPrefix("[") ? "an array or object"
                : "a generated type (\(swiftType))"
            diagnostics.append(.warning("enum and const of \(kind) are not checked yet", at: dropped.location))
        }
        for subschema in negated {
            if case .rule(let rule) = notRule(subschema, swiftType: swiftType) { applying.append(rule) }
        }
        for schema in conditioned {
            applying += conditionalRules(schema, swiftType: swiftType) ?? []
        }
        if target.acceptsItems {
            let shape = resolvedShape(schema)
            // `items: false` without positions allows no item: a `maxItems` of 0. A JSONValue (a value of several
            // types) that is an array meets `items` by position too, since no element check reaches its items.
            if !shape.prefixItems.isEmpty || shape.items.map(Self.isFalseSchema) == true
                || swiftType == "JSONValue" && shape.items != nil
            {
                applying = tupleRules(shape, itemType: swiftType == "JSONValue" ? "JSONValue" : tupleItemType(shape), applying)
            }
            if let contains = shape.contains, let rule = containsRule(contains, in: shape, arrayType: swiftType) {
                applying.append(rule)
            }
            // An allOf of plain parts is one schema with the first `items` (see ``plainAllOf(_:)``): the positions,
            // `contains` and other `items` of the schema and its parts hold too, each as its own schema says. The
            // item type is made only for such parts (a `String` cut out of every array's type cost some 1,700
            // instructions).
            let parts = plainParts(schema)
            let itemType =
                parts.isEmpty ? ""
                : swiftType.hasPrefix("[") && !swiftType.hasPrefix("[String: ")
                    ? String(swiftType.dropFirst().dropLast()) : "JSONValue"
            for part in parts {
                var array = Schema(location: part.location)
                array.prefixItems = part.prefixItems
                if part.items != shape.items || !part.prefixItems.isEmpty { array.items = part.items }
                if !array.prefixItems.isEmpty || array.items != nil {
                    applying = tupleRules(array, itemType: itemType, applying)
                }
                if let contains = part.contains, let rule = containsRule(contains, in: part, arrayType: swiftType) {
                    applying.append(rule)
                }
            }
        }
        if target.acceptsKeys {
            let shape = resolvedShape(schema)
            // `additionalProperties: false` alone closes the object too: no name is allowed. On a JSONValue, a
            // schema alone holds for every value (a dictionary checks each value instead, see ``valueRules``).
            let isClosed = shape.additionalProperties == .bool(false)
            if shape.properties.isEmpty, !shape.patternProperties.isEmpty || isClosed {
                let valueType = swiftType == "JSONValue" ? "JSONValue" : patternValueType(shape)
                applying.append(patternRule(shape, valueType: valueType))
            } else if shape.properties.isEmpty, swiftType == "JSONValue", case .schema? = shape.additionalProperties,
                case let rule = patternRule(shape, valueType: "JSONValue"),
                case .patternProperties(_, _, let rest, _) = rule, !rest.isEmpty
            {
                applying.append(rule)
            }
        }
        if target.acceptsKeys, let names = propertyNames(of: schema) {
            let rules = nameRules(names)
            if !rules.isEmpty { applying.append(.propertyNames(rules)) }
        }
        // A constraint that two parts state alike is checked once. The lists are short: comparing each
        // rule with those before it costs less than hashing them.
        guard applying.count > 1 else { return applying }
        var distinct: [ValidationRule] = []
        distinct.reserveCapacity(applying.count)
        for rule in applying where !distinct.contains(rule) { distinct.append(rule) }
        return distinct
    }

    /// The rules that a nullable union (`anyOf: [{$ref: Level}, {type: 'null'}]`) states beside its `oneOf` or
    /// `anyOf`, or a reference to one beside its `$ref`, which hold for a value that is not null too, as JSON
    /// Schema applies every keyword: a `maxLength` beside `anyOf: [{type: string}, {type: 'null'}]`, an `enum:
    /// [low, null]` that narrows the referenced enum. Only those that `inner`, the rules of what `wrapper` wraps
    /// or refers to, does not already state.
    private mutating func besideRules(
        of wrapper: Schema, around wrapped: Schema, swiftType: String, besides inner: [ValidationRule]
    ) -> [ValidationRule] {
        var beside = wrapper
        beside.oneOf = []
        beside.anyOf = []
        var own = located(ownRules(beside, enumAsValues: true), in: beside)
        guard !own.isEmpty else { return [] }
        // A value of a generated string enum: `enum` and `const` narrow its list, its raw value meets the rest.
        let target = RuleTarget(swiftType)
        let enumeration = target.accepts(.listed) ? openEnum(wrapped) : nil
        if let enumeration { own = rawValueRules(own, enumeration: enumeration) }
        checkPatterns(own)
        var result: [ValidationRule] = []
        for rule in own.map(\.rule) where !inner.contains(rule) && !result.contains(rule) {
            if target.accepts(rule) || enumeration != nil && RuleTarget.string.accepts(rule) {
                result.append(rule)
            }
        }
        return result
    }

    /// The rules of a value of a generated string enum: that it is listed, and what the schema says of
    /// its raw value beside the list, as JSON Schema applies every keyword. The enum's own `maxLength`,
    /// `minLength`, `pattern` and asserted `format` hold for every value of it, also where a reference
    /// leads to it; an `enum` or `const` that does not allow every listed value narrows the list
    /// (`{$ref: Status, enum: [active, paused]}`).
    private func rawValueRules(
        _ rules: [(rule: ValidationRule, location: SourceLocation)],
        enumeration: Schema
    ) -> [(rule: ValidationRule, location: SourceLocation)] {
        // In the order the keywords are checked: the enum's own (its lengths and pattern, then `listed`)
        // first, then those beside a reference to it.
        var result: [(rule: ValidationRule, location: SourceLocation)] = []
        for entry in located(ownRules(enumeration), in: enumeration) + rules {
            let rule: ValidationRule?
            switch entry.rule {
            case .enumeration(let values):
                let listed = enumeration.enum ?? []
                // A list that allows every listed value says no more than `listed`.
                rule = listed.allSatisfy(values.contains) ? nil : .rawEnumeration(values.compactMap(\.stringValue))
            case .const(let value):
                // A const that is no string allows no value of a string enum: an empty list.
                rule = value.stringValue.map(ValidationRule.rawConst) ?? .rawEnumeration([])
            default: rule = entry.rule
            }
            guard let rule, !result.contains(where: { $0.rule == rule }) else { continue }
            result.append((rule, entry.location))
        }
        return result
    }

    /// The rules, and the `not` and conditional subschemas, of the schema a reference leads to and of its
    /// `allOf` parts; and in turn of the schema its own reference leads to (`A1: {$ref: A0, description: ...}`,
    /// where dereferencing stops), innermost first: up to a generated type (which checks itself) or a reference
    /// met before. A chain is no longer than ``CompositionDepth`` allows, and each link is worked out once.
    private mutating func referencedRules(_ ref: SchemaReference) -> ReferencedRules {
        var links: [(id: String, own: ReferencedRules)] = []
        var inner = ReferencedRules()
        var next: SchemaReference? = ref
        var followed: Set<String> = []
        // What a cycle gathers depends on where it is entered, so it is not remembered.
        var isCycle = false
        while let current = next {
            if let known = referencedRuleCache[current.id] {
                inner = known
                break
            }
            guard !hasStructOrEnum(current) else { break }
            guard followed.insert(current.id).inserted else {
                isCycle = true
                break
            }
            let target = dereferenced(referencedSchema(current))
            var own = ReferencedRules(
                rules: located(ownRules(target), in: target), negated: target.not.map { [$0] } ?? [],
                conditioned: Self.hasConditions(target) ? [target] : [])
            for part in allOfParts(target) {
                own.rules += located(ownRules(part, enumAsValues: true), in: part)
                own.negated += part.not.map { [$0] } ?? []
                if Self.hasConditions(part) { own.conditioned.append(part) }
            }
            links.append((current.id, own))
            next = target.ref
        }
        for link in links.reversed() {
            inner = ReferencedRules(
                rules: inner.rules + link.own.rules, negated: inner.negated + link.own.negated,
                conditioned: inner.conditioned + link.own.conditioned)
            if !isCycle { referencedRuleCache[link.id] = inner }
        }
        return inner
    }

    /// What ``referencedRules(_:)`` gathers.
    struct ReferencedRules {
        var rules: [(rule: ValidationRule, location: SourceLocation)] = []
        var negated: [Schema] = []
        /// Schemas with `if`/`then`/`else` or `dependentSchemas` (see ``conditionalRules(_:swiftType:references:)``).
        var conditioned: [Schema] = []
    }

    /// Each rule of a schema with where it is written: a `pattern` at its value, any other at the schema.
    func located(_ rules: [ValidationRule], in schema: Schema)
        -> [(rule: ValidationRule, location: SourceLocation)]
    {
        rules.map { rule in
            if case .pattern = rule, let location = schema.patternLocation { return (rule, location) }
            return (rule, schema.location)
        }
    }

    /// Records a warning (for the extensions in other files, which cannot change ``diagnostics``).
    mutating func warn(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// A pattern the runtime cannot compile is an error at its value.
    mutating func checkPatterns(_ rules: [(rule: ValidationRule, location: SourceLocation)]) {
        for case (.pattern(let source), let location) in rules where !Self.compiles(source) {
            diagnostics.append(
                .error("pattern '\(source)' is not a regular expression the generated code can use", at: location))
        }
    }

    /// The JSON type of every value of a Swift type the generator spells, or `nil` for `JSONValue` and
    /// generated types.
    static func jsonType(of swiftType: String) -> SchemaType? {
        switch swiftType {
        case "String", "Date", "Data": .string
        case "Int", "Int32", "Int64": .integer
        case "Double", "Float": .number
        case "Bool": .boolean
        case _ where swiftType.hasPrefix("[String: "): .object
        case _ where swiftType.hasPrefix("["): .array
        default: nil
        }
    }

    /// Whether the runtime's `Pattern` accepts the ECMA-262 pattern: the same translation generated code uses.
    private static func compiles(_ pattern: String) -> Bool {
        Pattern.problem(in: pattern) == nil
    }

    /// The formats the runtime can assert.
    static let assertableFormats: Set<String> = ["date", "time", "date-time", "uuid", "email", "uri"]

    /// Members a generated struct has besides its properties, which a property of the same name would
    /// clash with: the redaction mirror of a struct with secrets, and `Hashable`'s `hashValue` (reading
    /// a property of that name is ambiguous).
    static let reservedMemberNames: Set<String> = ["customMirror", "hashValue"]

    /// Members a string enum (an `OpenEnum`) declares besides its cases, which a case of the same name
    /// would clash with: the case that keeps unlisted values, and the list of the others.
    static let openEnumMemberNames: Set<String> = ["unknown", "allCases"]

    /// Stands for the Swift type of a generated string enum where its name does not matter: only which
    /// rules apply to a value of it.
    private static let openEnumType = "OpenEnum"

    /// Swift types whose values the generated code can spell as literals for `enum` and `const`.
    static let scalarTypes: Set<String> = ["String", "Int", "Int32", "Int64", "Double", "Float", "Bool"]

    /// A Swift type as the rules see it: which of them apply to a value of it (``accepts(_:)``). Made once
    /// for the rules of a value, not once per rule: telling the kinds of type apart compares strings.
    struct RuleTarget {
        /// `[String: ...]`.
        let isDictionary: Bool
        /// `[...]` but no dictionary.
        let isArray: Bool
        /// A JSONValue, which may be of any JSON type: the runtime applies each rule when the value is of its type.
        let isAny: Bool
        let isString: Bool
        /// One of the Swift types of JSON numbers.
        let isNumber: Bool
        /// One of ``SchemaTranslator/scalarTypes``.
        let isScalar: Bool

        /// A `String`'s, for the raw value of a generated string enum.
        static let string = RuleTarget("String")

        init(_ swiftType: String) {
            let isCollection = swiftType.firstByte == UInt8(ascii: "[")
            isDictionary = isCollection && swiftType.hasPrefix("[String: ")
            isArray = isCollection && !isDictionary
            // Compared only with the names of its length: most types (generated ones, collections) have none, and
            // comparing two different strings goes through the standard library's slow path each time.
            var isAny = false
            var isString = false
            var isNumber = false
            var isBool = false
            switch swiftType.utf8.count {
            case 3: isNumber = swiftType == "Int"
            case 4: isBool = swiftType == "Bool"
            case 5: isNumber = swiftType == "Int32" || swiftType == "Int64" || swiftType == "Float"
            case 6:
                isString = swiftType == "String"
                isNumber = !isString && swiftType == "Double"
            case 9: isAny = swiftType == "JSONValue"
            default: break
            }
            self.isAny = isAny
            self.isString = isString
            self.isNumber = isNumber
            isScalar = isString || isNumber || isBool
        }

        /// Whether `prefixItems` and `contains` apply.
        var acceptsItems: Bool { isArray || isAny }

        /// Whether `patternProperties`, `propertyNames` and the rules of a key or a named value apply.
        var acceptsKeys: Bool { isDictionary || isAny }

        func accepts(_ rule: ValidationRule) -> Bool {
            switch rule {
            case .type:
                return isAny
            case .maxLength, .minLength, .pattern, .format:
                return isString || isAny
            case .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .multipleOf:
                return isNumber || isAny
            case .minItems, .maxItems, .uniqueItems:
                return isArray || isAny
            case .minProperties, .maxProperties, .required, .dependentRequired:
                return isDictionary || isAny
            case .listed, .rawEnumeration, .rawConst:
                return !isArray && !isDictionary && !isScalar && !isAny
            case .enumeration, .const:
                return isScalar || isAny
            case .not, .conditional:
                return true
            case .members:
                return isArray || isDictionary
            case .prefixItems, .contains:
                return acceptsItems
            case .patternProperties, .propertyNames, .property:
                return acceptsKeys
            }
        }
    }

    // MARK: - Declarations

    private mutating func declare(number: Int, schema: Schema) {
        guard let name = names[number], !inProgress[number] else { return }
        inProgress[number] = true
        // A top-level type sees no nested type of the one that referred to it.
        let outerScope = nestedInScope
        nestedInScope = []
        appendTopLevel(named: name, schema: schema)
        nestedInScope = outerScope
    }

    /// Declares a top-level type, followed by the structs of the cases of the distributed unions made for it
    /// (`PetCat` after `Pet`).
    private mutating func appendTopLevel(named name: String, schema: Schema) {
        let outerCaseStructs = caseStructs
        caseStructs = []
        declarations.append(declaration(named: name, schema: schema, qualifiedName: name))
        declarations += caseStructs
        caseStructs = outerCaseStructs
    }

    private mutating func declaration(named name: String, schema: Schema, qualifiedName: String) -> TypeDeclaration {
        // A type of its own starts afresh: only its struct properties allow null items.
        let outerOptionalItems = optionalItems
        optionalItems = false
        defer { optionalItems = outerOptionalItems }
        let distribution = self.distribution(of: schema)
        if case .success(let distribution)? = distribution {
            return .union(
                distributedUnion(named: name, schema: schema, qualifiedName: qualifiedName, distribution: distribution))
        }
        if !schema.allOf.isEmpty { warnAboutClosedParts(schema) }
        // A parent that schemas extend with allOf beside its discriminator is a union of them and its own struct.
        let family = families.isEmpty ? nil : families[schema.location]
        if let family { warnAboutExtensions(of: family, named: name) }
        let merged = mergedAllOf(schema)
        let conditionParts = merged == nil ? [schema] : [schema] + mergedParts(schema)
        let schema = merged ?? schema
        if isUnion(schema) {
            if let keyword = schema.if != nil ? "if" : schema.dependentSchemas.isEmpty ? nil : "dependentSchemas" {
                let location = schema.if?.location ?? schema.dependentSchemas.values.first?.location ?? schema.location
                let union = schema.oneOf.isEmpty ? "anyOf" : "oneOf"
                diagnostics.append(.warning("'\(keyword)' beside \(union) is not checked yet", at: location))
            }
            warnAboutKeywordsBesideUnion(schema, distribution)
            return .union(union(named: name, schema: schema, qualifiedName: qualifiedName))
        }
        let doc = Self.documentation(schema.description ?? schema.title.flatMap { $0 == name ? nil : $0 })
        if isObjectWithProperties(schema) {
            if case .failure(let failure)? = distribution {
                // Its own properties alone would make a struct that says less than the schema.
                diagnostics.append(.warning(failure.message(at: schema.location), at: schema.location))
                return .alias(AliasDeclaration(name: name, doc: doc, type: "JSONValue", location: schema.location))
            }
            if let family, let base = family.baseName {
                let declaration = structure(
                    named: base, schema: schema, qualifiedName: base,
                    doc: baseDocumentation(doc, of: family, named: name), conditionParts: conditionParts)
                caseStructs.append(.structure(declaration))
                return .union(polymorphicUnion(named: name, doc: doc, family: family, base: declaration))
            }
            let declaration = structure(
                named: name, schema: schema, qualifiedName: qualifiedName, doc: doc, conditionParts: conditionParts)
            return .structure(declaration)
        }
        if let enumeration = enumeration(named: name, schema: schema, doc: doc) {
            warnAboutListedValuesBreakingLengths(schema)
            return .enumeration(enumeration)
        }
        var nested = NestedTypes()
        let type = swiftType(for: schema, suggestedName: name + "Item", owner: nil, nested: &nested)
        declareTopLevel(nested)
        return .alias(AliasDeclaration(name: name, doc: doc, type: type.name, location: schema.location))
    }

    /// A listed value that breaks the `maxLength` or `minLength` beside the list (the spec contradicting
    /// itself) is refused by the checks of every value of the enum: a warning names it.
    private mutating func warnAboutListedValuesBreakingLengths(_ schema: Schema) {
        guard schema.maxLength != nil || schema.minLength != nil, let values = schema.enum else { return }
        for case .string(let value) in values {
            let length = value.unicodeScalars.count
            guard length > (schema.maxLength ?? .max) || length < (schema.minLength ?? 0) else { continue }
            diagnostics.append(
                .warning(
                    "the listed value \(SwiftLiteral.string(value)) breaks the maxLength or minLength beside it, "
                        + "so validation refuses it", at: schema.location))
            return
        }
    }

    /// JSON Schema applies an `allOf` part's `additionalProperties` to that part alone, so a part that
    /// closes (`false`, or a schema for the others) refuses the properties the other parts add. The
    /// merged struct applies it to what no part declares, as most specs mean: a warning says so.
    private mutating func warnAboutClosedParts(_ schema: Schema) {
        let parts = schema.allOf.map { part in
            part.ref.map { dereferenced(referencedSchema($0)) } ?? part
        }
        for (index, part) in parts.enumerated() {
            // `{}`, perhaps with a description, allows every value as `true` does.
            guard let extra = part.additionalProperties, !Self.allowsEverything(extra) else { continue }
            let others =
                parts.indices.filter { $0 != index }.flatMap { parts[$0].properties.keys } + schema.properties.keys
            guard let added = others.first(where: { part.properties[$0] == nil }) else { continue }
            diagnostics.append(
                .warning(
                    "additionalProperties of this allOf part is applied to the merged object, so '\(added)' from "
                        + "another part is allowed and not checked against it (JSON Schema would apply it to this part "
                        + "alone)", at: schema.allOf[index].location))
            return
        }
        // The schema's own `additionalProperties` (not `unevaluatedProperties`, which sees the parts'
        // properties) holds in JSON Schema for every property its own `properties` do not declare, those of
        // its parts too; the merged struct applies it to what no part declares.
        guard !schema.additionalPropertiesAreUnevaluated, let extra = schema.additionalProperties,
            !Self.allowsEverything(extra)
        else { return }
        let added = parts.lazy.flatMap(\.properties.keys).first { schema.properties[$0] == nil }
        guard let added else { return }
        diagnostics.append(
            .warning(
                "additionalProperties beside allOf is applied to the merged object, so '\(added)' from an allOf part "
                    + "is allowed and not checked against it (JSON Schema would apply it to every property not in "
                    + "this schema's own properties)", at: schema.location))
    }

    /// Whether `additionalProperties` allows every property: `true`, or `{}` perhaps with a description.
    private static func allowsEverything(_ extra: AdditionalProperties) -> Bool {
        switch extra {
        case .bool(let allows): return allows
        case .schema(let values):
            var bare = values
            (bare.title, bare.description, bare.example, bare.examples) = (nil, nil, nil, [])
            return bare == Schema(location: values.location)
        }
    }

    /// The struct for an object schema (its `allOf` parts merged). `conditionParts` are the schemas whose
    /// `not`, `if`/`then`/`else` and `dependentSchemas` it checks: its own, and the parts it merges.
    private mutating func structure(
        named name: String, schema: Schema, qualifiedName: String, doc: [String], conditionParts: [Schema]
    ) -> StructDeclaration {
        let scopeStart = nestedInScope.count
        defer { nestedInScope.removeSubrange(scopeStart...) }
        if schema.minProperties != nil || schema.maxProperties != nil {
            diagnostics.append(
                .warning(
                    "minProperties and maxProperties of an object with properties are not checked yet",
                    at: schema.location))
        }
        if let names = schema.propertyNames {
            diagnostics.append(
                .warning("propertyNames of an object with properties is not checked yet", at: names.location))
        }
        var nested = NestedTypes()
        var properties: [PropertyDeclaration] = []
        // Room for every property at once: each time the array grows, the declarations made so far move.
        properties.reserveCapacity(schema.properties.count)
        // Named from the entries in place: `keys` would copy every key into an array first.
        let swiftNames = SwiftNames.uniqued(
            schema.properties.entries.map { SwiftNames.member($0.key) }, taken: Self.reservedMemberNames)
        let requiredNames = schema.required
        // Names compare by code points, as the keys of `properties` do. A list of required names nearly always
        // follows the properties' order: each property is compared first with the next name not met yet. Any
        // other is looked for in the list, or in a set of a long one (asking each property of a long list would
        // be quadratic), made when first needed. A long list that follows the order all through (checked by one
        // pass of the same comparisons) needs no set: a property that is not the next name is not required,
        // since the keys are distinct.
        var nextRequired = 0
        var requiredSet: Set<CodePointKey>?
        let requiredFollowOrder = requiredNames.count > 16 && schema.properties.hasKeys(inOrder: requiredNames)
        var requiredFound = 0
        for (entry, swiftName) in zip(schema.properties, swiftNames) {
            let property = entry.value
            let outerOptionalItems = optionalItems
            optionalItems = true
            let type = swiftType(
                for: property, suggestedName: entry.key, owner: (name, qualifiedName, swiftNames), nested: &nested)
            optionalItems = outerOptionalItems
            let required: Bool
            if nextRequired < requiredNames.count, requiredNames[nextRequired].hasSameCodePoints(as: entry.key) {
                nextRequired += 1
                required = true
            } else if requiredFollowOrder {
                required = false
            } else if requiredNames.count > 16 {
                if requiredSet == nil { requiredSet = Set(requiredNames.map(CodePointKey.init)) }
                required = requiredSet!.contains(CodePointKey(entry.key))
            } else {
                required = requiredNames.contains { $0.hasSameCodePoints(as: entry.key) }
            }
            if required { requiredFound += 1 }
            let secret = isSecret(wireName: entry.key, schema: property)
            let propertyRules = rules(for: property, swiftType: type.ruleType)
            let resolved = property.ref.map { dereferenced(referencedSchema($0)) } ?? property
            // readOnly: sent by the server only, so optional and not an initializer argument (a value
            // built for a request leaves it out); writeOnly: sent by the client only, so optional.
            let readOnly = property.readOnly || resolved.readOnly
            let writeOnly = property.writeOnly || resolved.writeOnly
            // A schema that allows null allows it wherever it is referenced (GitHub's `nullable-simple-user`),
            // unless what is said beside the reference refuses it (`{$ref: Nullable, enum: [a]}`).
            let nullable = isNullable(property)
            // Most properties state no limits: the lines of their description are kept without a copy.
            var doc = Self.documentation(description(of: property))
            let limits = Self.limitsDocumentation(propertyRules, secret: secret)
            // A property without a description takes the limits' lines as they are, not copied into a new array.
            if !limits.isEmpty { doc = doc.isEmpty ? limits : doc + limits }
            properties.append(
                PropertyDeclaration(
                    name: swiftName,
                    wireName: entry.key,
                    type: type.name,
                    ruleType: type.ruleType,
                    isOptional: !required || nullable || readOnly || writeOnly,
                    isExplicitNull: required && nullable && !readOnly && !writeOnly,
                    isReadOnly: readOnly,
                    defaultValue: (property.default ?? resolved.default).flatMap {
                        defaultLiteral($0, schema: property, swiftType: type.ruleType)
                    },
                    doc: doc,
                    deprecated: property.deprecated,
                    isSecret: secret,
                    rules: propertyRules,
                    elementRules: elementRules(for: property),
                    valueRules: valueRules(for: property, swiftType: type.ruleType),
                    validatesNested: false,
                    valueStruct: type.structName))
        }
        // Looked up again only when some required name matched no property.
        if requiredFound < requiredNames.count {
            for required in requiredNames where schema.properties[required] == nil {
                diagnostics.append(
                    .warning(
                        "'\(required)' is required but not among the properties of '\(qualifiedName)', so nothing checks "
                            + "that it is present", at: schema.location))
            }
        }
        // The member that keeps or refuses the undeclared properties, named unlike every property, numbered as
        // ``SwiftNames/uniqued(_:taken:)`` numbers a name: the few names are compared, not hashed into a set.
        func extrasName(_ name: String) -> String {
            var numbers: [String: Int] = [:]
            return SwiftNames.unique(name, numbers: &numbers) { swiftNames.contains($0) }
        }
        var extras: ExtraProperties?
        switch schema.additionalProperties {
        case _ where !schema.patternProperties.isEmpty:
            // patternProperties: the undeclared values are kept, of the scalar type every pattern's schema and
            // additionalProperties share, and checked by their names; the declared ones, by ``patternChecks``.
            let valueType = patternValueType(schema)
            extras = ExtraProperties(
                kind: .kept(valueType: valueType),
                name: extrasName("additionalProperties"),
                patternRule: patternRule(schema, valueType: valueType))
        case .schema(let valueSchema)?:
            let type = swiftType(
                for: valueSchema, suggestedName: "AdditionalProperty", owner: (name, qualifiedName, swiftNames),
                nested: &nested)
            // Values that may be null are optional (`[String: String?]`), as a property's dictionary values are:
            // a null one decodes as `nil` and is written back as null.
            let valueType = isNullable(valueSchema) && type.name != "JSONValue" ? type.name + "?" : type.name
            extras = ExtraProperties(
                kind: .kept(valueType: valueType), name: extrasName("additionalProperties"),
                valueStruct: type.structName, rules: memberRules(valueSchema))
        case .bool(true)?:
            extras = ExtraProperties(
                kind: .kept(valueType: "JSONValue"), name: extrasName("additionalProperties"))
        case .bool(false)?:
            extras = ExtraProperties(kind: .forbidden, name: extrasName("undeclaredKeys"))
        case nil:
            break
        }
        var declaration = StructDeclaration(
            name: name, doc: doc, deprecated: schema.deprecated, properties: properties, nested: nested.declarations,
            extras: extras)
        if !schema.dependentRequired.isEmpty {
            declaration.dependentRequired = dependentRequirements(schema, properties: properties, extras: extras)
        }
        let scope = ObjectScope(schema: schema, properties: properties, extras: extras)
        (declaration.negations, declaration.conditionals) = objectChecks(conditionParts, in: scope)
        declaration.choices = objectChoices(conditionParts, in: scope)
        declaration.patternChecks = declaredPatternChecks(schema.patternProperties, in: scope)
        // Most structs check nothing beside their properties: their `doc`, shared with the caller's, is then left as
        // it is (appending even nothing to a shared array copies it).
        let checkDocumentation = Self.objectCheckDocumentation(declaration)
        if !checkDocumentation.isEmpty { declaration.doc += checkDocumentation }
        return declaration
    }

    /// The `dependentRequired` of a struct's schema, as checks of its properties: those it declares, or
    /// keeps with the undeclared ones. A property the struct has no place for is never present: as a
    /// trigger it requires nothing; as a dependent it is warned about and left out.
    private mutating func dependentRequirements(
        _ schema: Schema, properties: [PropertyDeclaration], extras: ExtraProperties?
    ) -> [DependentRequirement] {
        // A property the struct may lack, how it reads it; `.some(nil)` for one always present.
        func member(_ name: String) -> DependentRequirement.Member?? {
            if let property = properties.first(where: { $0.wireName == name }) {
                guard property.isOptional else { return .some(nil) }
                return DependentRequirement.Member(wireName: name, reader: property.reader)
            }
            guard let extras, case .kept = extras.kind else { return nil }
            return DependentRequirement.Member(wireName: name, reader: "\(extras.name)[\(SwiftLiteral.string(name))]")
        }
        var requirements: [DependentRequirement] = []
        for entry in schema.dependentRequired {
            guard let trigger = member(entry.key) else { continue }
            var dependents: [DependentRequirement.Member] = []
            for name in entry.value {
                switch member(name) {
                case .some(.some(let dependent)): dependents.append(dependent)
                case .some(nil): break
                case nil:
                    diagnostics.append(
                        .warning(
                            "dependentRequired names \(name), which the object neither declares nor keeps: not checked",
                            at: schema.location))
                }
            }
            if !dependents.isEmpty {
                requirements.append(
                    DependentRequirement(trigger: trigger, triggerName: entry.key, dependents: dependents))
            }
        }
        return requirements
    }

    /// A `default` as a Swift expression for an initializer argument: a literal of a plain type, or a
    /// case of a generated string enum; `nil` when the type has no literal form.
    private func defaultLiteral(_ value: JSONValue, schema: Schema, swiftType: String) -> String? {
        // An array of values that have literals (`default: []`, `[a, b]` of a string enum's items).
        if case .array(let items) = value, swiftType.hasPrefix("["), swiftType.hasSuffix("]"),
            !swiftType.hasPrefix("[String: ")
        {
            guard let itemSchema = resolvedShape(schema).items else { return items.isEmpty ? "[]" : nil }
            let itemType = String(swiftType.dropFirst().dropLast())
            var literals: [String] = []
            for item in items {
                guard let literal = defaultLiteral(item, schema: itemSchema, swiftType: itemType) else { return nil }
                literals.append(literal)
            }
            return "[" + literals.joined(separator: ", ") + "]"
        }
        if let enumeration = openEnum(schema), let text = value.stringValue {
            let strings = (enumeration.enum ?? []).compactMap(\.stringValue)
            let caseNames = SwiftNames.uniqued(strings.map(SwiftNames.member), taken: Self.openEnumMemberNames)
            guard let index = strings.firstIndex(of: text) else { return nil }
            let member = SwiftNames.unescaped(caseNames[index])
            // On an optional argument `.none` would be `nil`: that case is spelled with its type.
            return member == "none" ? "\(swiftType).none" : "." + member
        }
        guard Self.scalarTypes.contains(swiftType), !value.isNull else { return nil }
        return Renderer.literal(value, type: swiftType)
    }

    private func enumeration(named name: String, schema: Schema, doc: [String]) -> EnumDeclaration? {
        guard let values = schema.enum, !values.isEmpty else { return nil }
        let listed = schema.listedType
        let nonNull = values.filter { !$0.isNull }
        if listed == .none || listed == .one(.string), nonNull.allSatisfy({ $0.stringValue != nil }) {
            let strings = nonNull.compactMap(\.stringValue)
            let caseNames = SwiftNames.uniqued(strings.map(SwiftNames.member), taken: Self.openEnumMemberNames)
            return EnumDeclaration(
                name: name, doc: doc,
                cases: zip(caseNames, strings).map { EnumCase(name: $0, literal: SwiftLiteral.string($1)) },
                rawType: "String")
        }
        return nil
    }

    // MARK: - Types

    struct SwiftTypeName {
        var name: String
        /// The qualified name of the generated struct this type is or holds (an array's element), if any.
        var structName: String?
        /// For a type alias, the type it stands for, which decides the rules that apply.
        var underlying: String?
        /// Whether the referenced schema allows null.
        var isNullable = false

        var ruleType: String { underlying ?? name }
    }

    /// The type a nested type is declared in: its own name, which a nested type may not take, its
    /// qualified name, which prefixes the nested type's, and its members' names, which a nested type may
    /// not take either (`_123` is both the property and the type made from the name `123`).
    private typealias Owner = (name: String, qualifiedName: String, members: [String])

    /// The Swift type of a value of `schema`. Inline objects and enums become nested types named
    /// after `suggestedName`, appended to `nested`: inside `owner`, or top-level types when it is `nil`.
    private mutating func swiftType(
        for schema: Schema, suggestedName: String, owner: Owner?, nested: inout NestedTypes
    ) -> SwiftTypeName {
        // Most values (a property's string or number) say nothing but their type: each question before the type's
        // below answers no for them, and each would copy the translator to be asked.
        if Self.saysOnlyItsType(schema) {
            return typedSwiftType(for: schema, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        if let wrapped = nullableWrapped(schema) {
            var type = swiftType(for: wrapped, suggestedName: suggestedName, owner: owner, nested: &nested)
            type.isNullable = true
            return type
        }
        if let ref = schema.ref {
            return referencedType(ref)
        }
        if isObjectWithProperties(schema) || isExpressibleEnum(schema) || mergedAllOf(schema) != nil || isUnion(schema) {
            // An inline schema met again while its type is being declared (`child: {allOf: [{$ref: Node}],
            // properties: ...}` in Node: the merged type holds `child` again) is that type, recursive, rather
            // than a new one nested without end.
            if let qualified = inlineInProgress[schema.location] {
                return SwiftTypeName(name: qualified, structName: qualified)
            }
            // A nested type may not take the name of its owner, of its siblings, of a top-level type a
            // property uses (or `CodingKeys`, reserved as one), or of a member of its owner, which only a
            // name starting with `_` can be. The names in scope are checked where they are: copying them
            // per type would be quadratic.
            var numbers = nested.numbers
            nested.numbers = [:]
            let name = SwiftNames.unique(SwiftNames.type(suggestedName), numbers: &numbers) { candidate in
                candidate == owner?.name || isTaken(candidate) || nested.names.contains(candidate)
                    || (candidate.hasPrefix("_") && owner?.members.contains(candidate) == true)
            }
            nested.numbers = numbers
            let qualified = owner.map { String(concatenating: $0.qualifiedName, ".", name) } ?? name
            if owner != nil { nestedInScope.append(name) }
            // The property documents an inline type, and is deprecated if it says so: the type itself only
            // keeps a title (a deprecated type would warn at every use in generated code). Each keyword is set
            // only when it is there: setting one copies the schema's keywords out of their shared box.
            var inline = schema
            if inline.description != nil { inline.description = nil }
            if inline.deprecated { inline.deprecated = false }
            inlineInProgress[schema.location] = qualified
            let declaration = declaration(named: name, schema: inline, qualifiedName: qualified)
            inlineInProgress[schema.location] = nil
            if case .alias(let alias) = declaration {
                // An enum the translator could not express: use the plain type instead.
                return SwiftTypeName(name: alias.type)
            }
            nested.append(declaration)
            switch declaration {
            case .structure, .union: return SwiftTypeName(name: name, structName: qualified)
            default: break
            }
            return SwiftTypeName(name: name)
        }
        if let part = soleAllOfPart(schema) {
            // Beside a string or an array they say nothing (JSON Schema applies them to objects only).
            if Self.saysMoreOfAnObject(schema),
                isUnion(part.ref.map { dereferenced(referencedSchema($0)) } ?? part)
            {
                diagnostics.append(
                    .warning(
                        "required, additionalProperties and the like beside a reference to a union are not checked yet",
                        at: schema.location))
            }
            return swiftType(for: part, suggestedName: suggestedName, owner: owner, nested: &nested)
        }
        switch plainAllOf(schema) {
        case .plain(let plain)?:
            return swiftType(for: plain, suggestedName: suggestedName, owner: owner, nested: &nested)
        case .conflicting(let types)?:
            diagnostics.append(
                .warning(
                    "allOf parts of types \(types.map(\.rawValue).joined(separator: " and ")) allow no value; the value is a JSONValue",
                    at: schema.location))
            return SwiftTypeName(name: "JSONValue")
        case nil:
            break
        }
        if !schema.allOf.isEmpty {
            var path: Set<String> = []
            var cleared: Set<String> = []
            let message =
                if case .failure(let failure)? = distribution(of: schema) {
                    failure.message(at: schema.location)
                } else {
                    "allOf with "
                        + (allOfRefersBack(schema, path: &path, cleared: &cleared)
                            ? "a part that refers back to itself" : "an object part and a part with enum or items")
                        + " is not generated yet; the value is a JSONValue"
                }
            diagnostics.append(.warning(message, at: schema.location))
            return SwiftTypeName(name: "JSONValue")
        }
        return typedSwiftType(for: schema, suggestedName: suggestedName, owner: owner, nested: &nested)
    }

    /// Whether a schema is neither a reference nor a composition (`allOf`, `oneOf`, `anyOf`) and has no
    /// `properties` or `enum`: its Swift type is that of its `type`.
    private static func saysOnlyItsType(_ schema: Schema) -> Bool {
        schema.ref == nil && schema.allOf.isEmpty && schema.oneOf.isEmpty && schema.anyOf.isEmpty
            && schema.properties.isEmpty && schema.enum == nil
    }

    /// The Swift type of a value of `schema` by its `type` (and `format`, `items`, `additionalProperties`), once
    /// it is known to be no reference, composition, object with properties or enum.
    private mutating func typedSwiftType(
        for schema: Schema, suggestedName: String, owner: Owner?, nested: inout NestedTypes
    ) -> SwiftTypeName {
        guard case .one(let type) = schema.listedType else {
            let types = schema.nonNullTypes
            if types.isEmpty, schema.items != nil {
                return arrayType(schema, suggestedName: suggestedName, owner: owner, nested: &nested)
            }
            if Self.isRawBinary(schema) { return SwiftTypeName(name: "Data") }
            // Several types: a JSONValue, whose `type` its checks enforce. What it says of an object as a struct
            // would (its properties, and which are required) is not checked.
            if types.contains(.object), !schema.properties.isEmpty {
                let list = types.map(\.rawValue).joined(separator: ", ")
                warn(
                    "properties of a value whose type lists several types (\(list)) are not checked yet: the value is "
                        + "a JSONValue, and its properties and required say nothing", at: schema.location)
            }
            return SwiftTypeName(name: "JSONValue")
        }
        switch type {
        case .string:
            switch schema.format {
            case "date-time":
                if schema.maxLength != nil || schema.minLength != nil || schema.pattern != nil {
                    diagnostics.append(
                        .warning(
                            "maxLength, minLength and pattern of a date-time string are not checked: the value is a Date, "
                                + "whose text is not kept", at: schema.location))
                }
                return SwiftTypeName(name: "Date")
            // Bytes: base64 text in JSON (`byte`), raw content in a multipart part (`binary`).
            case "binary", "byte": return SwiftTypeName(name: "Data")
            default: return SwiftTypeName(name: "String")
            }
        case .integer:
            switch schema.format {
            case "int32": return SwiftTypeName(name: "Int32")
            case "int64": return SwiftTypeName(name: "Int64")
            default: return SwiftTypeName(name: "Int")
            }
        case .number:
            return SwiftTypeName(name: schema.format == "float" ? "Float" : "Double")
        case .boolean:
            return SwiftTypeName(name: "Bool")
        case .array:
            return arrayType(schema, suggestedName: suggestedName, owner: owner, nested: &nested)
        case .object:
            if !schema.patternProperties.isEmpty { return SwiftTypeName(name: "[String: " + patternValueType(schema) + "]") }
            if case .schema(let valueSchema) = schema.additionalProperties {
                let value = swiftType(
                    for: valueSchema, suggestedName: suggestedName + "Value", owner: owner, nested: &nested)
                return collection("[String: ", of: value, schema: valueSchema, members: "dictionary values")
            }
            return SwiftTypeName(name: "[String: JSONValue]")
        case .null:
            return SwiftTypeName(name: "JSONValue")
        }
    }

    private mutating func arrayType(
        _ schema: Schema, suggestedName: String, owner: Owner?, nested: inout NestedTypes
    ) -> SwiftTypeName {
        if !schema.prefixItems.isEmpty { return SwiftTypeName(name: "[" + tupleItemType(schema) + "]") }
        guard let items = schema.items else { return SwiftTypeName(name: "[JSONValue]") }
        let element = swiftType(for: items, suggestedName: suggestedName + "Item", owner: owner, nested: &nested)
        return collection("[", of: element, schema: items, members: "array items")
    }

    /// An array (`open` is `[`) or dictionary (`[String: `) of `member`. Members that may be null are
    /// optional (`[String?]`) in a struct's property; elsewhere a warning says that a null one does not
    /// decode. (A `JSONValue` holds null itself.)
    private mutating func collection(_ open: String, of member: SwiftTypeName, schema: Schema, members: String)
        -> SwiftTypeName
    {
        // Whether the member may be null is the schema's to say: a reference's target allows null unless
        // what is said beside the reference refuses it.
        if isNullable(schema) && member.name != "JSONValue" {
            if optionalItems { return SwiftTypeName(name: open + member.name + "?]", structName: member.structName) }
            diagnostics.append(
                .warning(
                    "\(members) that may be null are generated only in a struct's properties; here a null one does "
                        + "not decode", at: schema.location))
        }
        return SwiftTypeName(name: open + member.name + "]", structName: member.structName)
    }

    mutating func referencedType(_ ref: SchemaReference) -> SwiftTypeName {
        // The id is looked up once: a canonical id is a long string to hash, and most properties of a large
        // document are references. The tables are read by the schema's number.
        let number = self.number(of: ref)
        let isComponent = self.isComponent[number]
        if journal != nil, !isComponent {
            // Its name and declaration are the shared translator's to make; the worker's item is
            // translated again.
            journal!.needsShared = true
            return SwiftTypeName(name: "JSONValue")
        }
        let name: String
        if let known = names[number] {
            name = known
        } else {
            // A reference to a schema that is not a component: it gets a top-level type of its own, named
            // unlike the nested types in scope.
            name = uniqueTopLevelName(SwiftNames.type(ref.name.isEmpty ? "Schema" : ref.name), alsoTaken: nestedInScope)
            take(name)
            names[number] = name
        }
        let target = schema(numbered: number)
        // A component is declared in its turn (``declareComponents(concurrency:)``), any other schema here.
        if !isComponent { declare(number: number, schema: target) }
        let resolved = dereferenced(target)
        if needsOwnType(resolved) {
            let isStruct = isObjectWithProperties(resolved) || mergedAllOf(resolved) != nil || isUnion(resolved)
            return SwiftTypeName(name: name, structName: isStruct ? name : nil, isNullable: isNullable(resolved))
        }
        // An alias of a string enum, through an allOf of one part, a chain of references that say more
        // (`Documented: {$ref: Status, description: ...}`) or a union with null (`MaybeStatus: {anyOf: [{$ref:
        // Status}, {type: 'null'}]}`), is checked as the enum, not as its strings.
        if openEnum(resolved) != nil {
            return SwiftTypeName(name: name, isNullable: isNullable(resolved))
        }
        return SwiftTypeName(
            name: name, structName: referencedElementStruct(resolved), underlying: plainType(of: chainEnd(resolved)),
            isNullable: isNullable(resolved))
    }

    /// For an array or dictionary schema that an alias stands for (`Pets = [Pet]`, `PetMap = [String:
    /// Pet]`, `Grid = [[Pet]]`), the generated struct or union its items or values are by reference, if
    /// any: a value of the alias then validates each of them.
    private func referencedElementStruct(_ schema: Schema) -> String? {
        var member = nullableWrapped(schema) ?? schema
        // An alias of a struct or union that may be null (`MaybeOwner = Owner`).
        if let ref = member.ref {
            let number = self.number(of: ref)
            let resolved = dereferenced(self.schema(numbered: number))
            if isObjectWithProperties(resolved) || mergedAllOf(resolved) != nil || isUnion(resolved) {
                return names[number]
            }
            member = resolved
        }
        // Arrays of arrays nest no deeper than a document can.
        for _ in 0..<YAMLLimits().maxDepth {
            let values: Schema? = if case .schema(let s)? = member.additionalProperties { s } else { nil }
            guard let next = member.items ?? values else { return nil }
            guard let ref = next.ref else {
                member = next
                continue
            }
            let number = self.number(of: ref)
            let resolved = dereferenced(self.schema(numbered: number))
            if isObjectWithProperties(resolved) || mergedAllOf(resolved) != nil || isUnion(resolved) {
                return names[number]
            }
            member = resolved
        }
        return nil
    }

    /// The Swift type an alias stands for, as far as rules care: a scalar, `[...]`, `[String: ...]` or
    /// `JSONValue`.
    private func plainType(of schema: Schema) -> String {
        if let wrapped = nullableWrapped(schema) {
            return plainType(of: wrapped.ref.map { dereferenced(referencedSchema($0)) } ?? wrapped)
        }
        if case .plain(let plain)? = plainAllOf(schema) { return plainType(of: plain) }
        guard case .one(let type) = schema.listedType else {
            return schema.items != nil ? plainArrayType(schema) : Self.isRawBinary(schema) ? "Data" : "JSONValue"
        }
        switch type {
        case .string:
            return schema.format == "date-time" ? "Date" : schema.format == "binary" || schema.format == "byte" ? "Data" : "String"
        case .integer: return schema.format == "int32" ? "Int32" : schema.format == "int64" ? "Int64" : "Int"
        case .number: return schema.format == "float" ? "Float" : "Double"
        case .boolean: return "Bool"
        case .array: return plainArrayType(schema)
        case .object: return "[String: JSONValue]"
        case .null: return "JSONValue"
        }
    }

    /// The Swift type of an array as the rules see it: of its items' scalar type (`[String]`, a tuple's common
    /// type), else of JSONValues, which stand for any other item (an enum, a generated type) to the rules.
    private func plainArrayType(_ schema: Schema) -> String {
        // Only items of a scalar type are looked into: an array of arrays may hold itself (`List = [List]`).
        func isScalar(_ item: Schema) -> Bool {
            let types = resolvedShape(item).nonNullTypes
            return types.count == 1 && Self.scalarSchemaTypes.contains(types[0])
        }
        let items = schema.prefixItems + (schema.items.map { Self.isFalseSchema($0) ? [] : [$0] } ?? [])
        guard !items.isEmpty, items.allSatisfy(isScalar) else { return "[JSONValue]" }
        return "[" + (schema.prefixItems.isEmpty ? commonScalarType(items) : tupleItemType(schema)) + "]"
    }

    // MARK: - Schema shapes

    /// Whether a schema describes raw binary data as OpenAPI 3.1 does (its "Working with Binary Data"): a
    /// `contentMediaType` without `type` or `contentEncoding` (`{contentMediaType: image/png}`), the
    /// successor of 3.0's `format: binary`. Its value is `Data`.
    static func isRawBinary(_ schema: Schema) -> Bool {
        schema.contentMediaType != nil && schema.contentEncoding == nil && schema.listedType == .none
            && schema.items == nil && schema.properties.isEmpty
    }

    func isObjectWithProperties(_ schema: Schema) -> Bool {
        guard schema.ref == nil, !schema.properties.isEmpty else { return false }
        let listed = schema.listedType
        return listed == .none || listed == .one(.object)
    }

    func needsOwnType(_ schema: Schema) -> Bool {
        isObjectWithProperties(schema) || isExpressibleEnum(schema) || mergedAllOf(schema) != nil || isUnion(schema)
    }

    /// `oneOf` or `anyOf`: an enum with a case per schema; with an `allOf` (beside it, or holding it), a case per
    /// combination of the parts (see ``distribution(of:)``). Not one whose subschemas only constrain the
    /// properties beside them (see ``choosesAmongOwnProperties(_:)``): that is a struct.
    func isUnion(_ schema: Schema) -> Bool {
        guard schema.ref == nil else { return false }
        guard schema.allOf.isEmpty else {
            guard case .success? = distribution(of: schema) else { return false }
            return true
        }
        return (!schema.oneOf.isEmpty || !schema.anyOf.isEmpty) && nullableWrapped(schema) == nil
            && !Self.choosesAmongOwnProperties(schema)
    }

    /// The one schema of a `oneOf` or `anyOf` whose other parts allow only null (OpenAPI 3.1's way of
    /// saying nullable: `anyOf: [{$ref: User}, {type: 'null'}]`); `nil` for any other schema. Such a value
    /// is that schema's type, optional.
    func nullableWrapped(_ schema: Schema) -> Schema? {
        guard schema.hasOneOfOrAnyOfAlone, schema.ref == nil, schema.allOf.isEmpty, schema.properties.isEmpty,
            schema.items == nil
        else { return nil }
        let parts = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        var wrapped: Schema?
        for part in parts {
            if Self.isNullSchema(part) { continue }
            guard wrapped == nil else { return nil }
            wrapped = part
        }
        guard var inner = wrapped, parts.count > 1 else { return nil }
        // The wrapper's words document the value when it has them.
        if inner.ref == nil, let description = schema.description { inner.description = description }
        return inner
    }

    private mutating func union(named name: String, schema: Schema, qualifiedName: String) -> UnionDeclaration {
        let scopeStart = nestedInScope.count
        defer { nestedInScope.removeSubrange(scopeStart...) }
        let members = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        if let negated = schema.not {
            let keyword = schema.oneOf.isEmpty ? "anyOf" : "oneOf"
            diagnostics.append(.warning("'not' beside \(keyword) is not checked yet", at: negated.location))
        }
        var nested = NestedTypes()
        var cases: [UnionDeclaration.Case] = []
        // The member each case is, by position.
        var caseMembers: [Int] = []
        let mappedMembers = schema.discriminator.map { memberIndices($0, members: members) } ?? [:]
        if let discriminator = schema.discriminator {
            let keyword = schema.oneOf.isEmpty ? "anyOf" : "oneOf"
            warnAboutUnmappedValues(discriminator, mapped: mappedMembers, keyword: keyword)
        }
        for (index, member) in members.enumerated() {
            // `null` is no case: a value that may be null is an optional union.
            if Self.isNullSchema(member) { continue }
            caseMembers.append(index)
            let type = swiftType(
                for: member, suggestedName: "Option \(index + 1)", owner: (name, qualifiedName, []), nested: &nested)
            // A case that may be null itself (a nullable union inside) holds an optional.
            let caseType = type.isNullable && type.name != "JSONValue" ? type.name + "?" : type.name
            var values: [String] = []
            var tag: String?
            if let discriminator = schema.discriminator, let ref = member.ref {
                values = discriminator.mapping.entries.filter { mappedMembers[$0.key] == index }.map(\.key)
                // The implicit value, the schema's name, unless the mapping gives that value to a schema.
                if values.isEmpty, !ref.name.isEmpty, discriminator.mapping[ref.name] == nil { values = [ref.name] }
                // A struct that neither declares the property nor keeps undeclared ones drops it when decoded.
                let target = dereferenced(referencedSchema(ref))
                if let object = mergedAllOf(target) ?? (isObjectWithProperties(target) ? target : nil),
                    object.properties[discriminator.propertyName] == nil, object.additionalProperties == nil
                {
                    tag = values.first
                }
            }
            // An array or dictionary case checks its members' rules too.
            var caseRules = rules(for: member, swiftType: type.ruleType)
            let members =
                type.ruleType.hasPrefix("[String: ")
                ? valueRules(for: member, swiftType: type.ruleType)
                : type.ruleType.hasPrefix("[") ? elementRules(for: member) : []
            if !members.isEmpty { caseRules.append(.members(members)) }
            let beside = besideUnionRules(of: schema, member: member, type: type, besides: caseRules)
            caseRules = beside.type + caseRules + beside.others
            cases.append(
                UnionDeclaration.Case(
                    name: Self.caseName(for: type.name), type: caseType, values: values, validates: false,
                    valueStruct: type.structName, rules: caseRules, ruleType: type.ruleType, tag: tag))
        }
        let names = SwiftNames.uniqued(cases.map(\.name))
        for index in cases.indices { cases[index].name = names[index] }
        var doc = Self.documentation(schema.description ?? schema.title.flatMap { $0 == name ? nil : $0 })
        let keyword = schema.oneOf.isEmpty ? "anyOf" : "oneOf"
        let fallback = schema.discriminator.flatMap { discriminator in
            defaultCase(discriminator, members: members, keyword: keyword).flatMap { caseMembers.firstIndex(of: $0) }
        }
        if let fallback, let discriminator = schema.discriminator {
            doc += Self.defaultMappingDocumentation(discriminator, fallback: cases[fallback], after: doc)
            // The fallback takes its own values with every other.
            cases[fallback].values = []
        }
        return UnionDeclaration(
            name: name, doc: doc, cases: cases, discriminator: schema.discriminator?.propertyName,
            nested: nested.declarations, fallback: fallback.map { cases[$0].name })
    }

    /// The member of a union that a discriminator's `defaultMapping` (3.2) names, by position, as
    /// ``memberIndices(_:members:)`` finds a mapped one: a value without the property, or whose value selects no
    /// member, is of it. `nil` without one, and, with a warning, when it names none of the members.
    private mutating func defaultCase(_ discriminator: Discriminator, members: [Schema], keyword: String) -> Int? {
        guard let defaultMapping = discriminator.defaultMapping else { return nil }
        let target = referenceEnd(ofID: defaultMapping.id)
        if let index = members.firstIndex(where: { $0.ref?.id == defaultMapping.id })
            ?? members.firstIndex(where: { $0.ref.map { referenceEnd(ofID: $0.id) == target } ?? false })
        {
            return index
        }
        diagnostics.append(
            .warning(
                "discriminator defaultMapping names \(defaultMapping.written), which is none of the \(keyword) "
                    + "schemas: a value without \(discriminator.propertyName), or whose \(discriminator.propertyName) "
                    + "selects no schema, does not decode", at: defaultMapping.location))
        return nil
    }

    /// The paragraph a union's doc comment ends with when its discriminator's `defaultMapping` names a case.
    static func defaultMappingDocumentation(
        _ discriminator: Discriminator, fallback: UnionDeclaration.Case, after doc: [String]
    ) -> [String] {
        let sentence = String(
            concatenating: "A value without `", discriminator.propertyName, "`, or whose `", discriminator.propertyName,
            "` selects no other case, is `.", SwiftNames.unescaped(fallback.name),
            "` (the discriminator's `defaultMapping`).")
        return doc.isEmpty ? [sentence] : ["", sentence]
    }

    /// The rules that a union (`type: string, anyOf: [{maxLength: 2}, {minLength: 4}]`) states beside its `oneOf`
    /// or `anyOf`, for its case of `member`, whose Swift type is `type`: they hold whichever case the value is,
    /// as JSON Schema applies every keyword. Its `type` is a rule of a JSONValue case, and a case of another
    /// type than it states matches no value (a `not: {}`); the rest are those that apply to the case's type,
    /// and that `besides` (the case's own rules) does not already state. Those about the type come first.
    private mutating func besideUnionRules(
        of union: Schema, member: Schema, type: SwiftTypeName, besides: [ValidationRule]
    ) -> (type: [ValidationRule], others: [ValidationRule]) {
        var rules: [ValidationRule] = []
        let types = union.nonNullTypes
        if !types.isEmpty {
            let memberTypes = resolvedShape(member).nonNullTypes
            if type.ruleType == "JSONValue" {
                // A member that states types among the union's has its own `type` checked already.
                let narrower = !memberTypes.isEmpty && memberTypes.allSatisfy { memberType in
                    types.contains(memberType) || memberType == .integer && types.contains(.number)
                }
                if !narrower { rules.append(.type(union.types)) }
            } else if let jsonType = Self.jsonType(of: type.ruleType) ?? (type.structName != nil ? .object : nil) {
                if types.contains(jsonType) || jsonType == .integer && types.contains(.number) {
                    // A number case of a union of integers holds integers only.
                } else if jsonType == .number, types.contains(.integer) {
                    rules.append(.multipleOf(YAMLNumber(text: "1", isInteger: true)))
                } else {
                    rules.append(.not([]))
                }
            }
        }
        let others = besideRules(of: union, around: member, swiftType: type.ruleType, besides: besides)
        return (rules, others.filter { !rules.contains($0) })
    }

    /// A warning for each value of a discriminator's `mapping` that selects none of a union's members.
    private mutating func warnAboutUnmappedValues(
        _ discriminator: Discriminator, mapped: [String: Int], keyword: String
    ) {
        for entry in discriminator.mapping.entries where mapped[entry.key] == nil {
            diagnostics.append(
                .warning(
                    "discriminator mapping '\(entry.key)' names \(entry.value.written), which is none of the "
                        + "\(keyword) schemas: a value whose \(discriminator.propertyName) is '\(entry.key)' does "
                        + "not decode", at: entry.value.location))
        }
    }

    /// The union an `allOf` distributed over its `oneOf` or `anyOf` amounts to (see ``distribution(of:)``): a case
    /// per combination, named after its members (`cat`), holding the struct its parts merge into, named after the
    /// union and the case (`PetCat`): top-level beside a top-level union, else nested in it. When the cases are the
    /// members of one union, a discriminator selects the case by its member as in a plain union: the union's, the
    /// one beside the `allOf`, or that of a part every case shares (a base schema's, by its `mapping` or the
    /// members' names). With several unions each case is tried in order.
    private mutating func distributedUnion(
        named name: String, schema: Schema, qualifiedName: String, distribution: Distribution
    ) -> UnionDeclaration {
        let scopeStart = nestedInScope.count
        defer { nestedInScope.removeSubrange(scopeStart...) }
        var selection: (discriminator: Discriminator, members: [Schema])?
        // The member that the discriminator's `defaultMapping` names, by position.
        var defaultMember: Int?
        if distribution.unions.count == 1, distribution.cases.allSatisfy({ $0.members.count == 1 }) {
            let union = distribution.unions[0]
            if let discriminator = union.discriminator ?? schema.discriminator {
                let mapped = memberIndices(discriminator, members: union.members)
                warnAboutUnmappedValues(discriminator, mapped: mapped, keyword: union.keyword)
                selection = (discriminator, union.members)
                defaultMember = defaultCase(discriminator, members: union.members, keyword: union.keyword)
            } else if let discriminator = distribution.baseDiscriminators.first {
                selection = (discriminator, union.members)
                defaultMember = defaultCase(discriminator, members: union.members, keyword: union.keyword)
            }
        } else if let discriminator = schema.discriminator ?? distribution.unions.lazy.compactMap(\.discriminator).first
        {
            diagnostics.append(
                .warning(
                    "the discriminator on \(discriminator.propertyName) is not used yet where an allOf combines "
                        + "several oneOf or anyOf: each case is tried in order", at: schema.location))
        }
        let mapped = selection.map { memberIndices($0.discriminator, members: $0.members) } ?? [:]
        let isTopLevel = !qualifiedName.contains(".")
        var nested = NestedTypes()
        var cases: [UnionDeclaration.Case] = []
        for distributed in distribution.cases {
            let words = distributed.members.map { member in
                member.schema.ref.flatMap { $0.name.isEmpty ? nil : $0.name } ?? member.schema.title
                    ?? "Option \(member.position + 1)"
            }
            var caseSchema = caseSchema(distributed, of: schema)
            let descriptions = distributed.members.compactMap { member in
                member.schema.description
                    ?? member.schema.ref.flatMap { dereferenced(referencedSchema($0)).description }
            }
            caseSchema.description = descriptions.isEmpty ? nil : descriptions.joined(separator: "\n\n")
            let structName = SwiftNames.type(([name] + words).joined(separator: " "))
            let declaration: TypeDeclaration
            let qualified: String
            if isTopLevel {
                qualified = uniqueTopLevelName(structName)
                take(qualified)
                // A top-level type sees no nested type of the one it was made for.
                let outerScope = nestedInScope
                nestedInScope = []
                declaration = self.declaration(named: qualified, schema: caseSchema, qualifiedName: qualified)
                nestedInScope = outerScope
                caseStructs.append(declaration)
            } else {
                var numbers = nested.numbers
                let unique = SwiftNames.unique(structName, numbers: &numbers) { candidate in
                    candidate == name || isTaken(candidate) || nested.names.contains(candidate)
                }
                nested.numbers = numbers
                qualified = String(concatenating: qualifiedName, ".", unique)
                nestedInScope.append(unique)
                declaration = self.declaration(named: unique, schema: caseSchema, qualifiedName: qualified)
                nested.append(declaration)
            }
            var values: [String] = []
            var tag: String?
            if let selection, let member = distributed.members.first, let ref = member.schema.ref {
                let discriminator = selection.discriminator
                values = discriminator.mapping.entries.filter { mapped[$0.key] == member.position }.map(\.key)
                // The implicit value, the schema's name, unless the mapping gives that value to a schema.
                if values.isEmpty, !ref.name.isEmpty, discriminator.mapping[ref.name] == nil { values = [ref.name] }
                // A struct that neither declares the property nor keeps undeclared ones drops it when decoded.
                if case .structure(let structure) = declaration, structure.extras == nil,
                    !structure.properties.contains(where: { $0.wireName == discriminator.propertyName })
                {
                    tag = values.first
                }
            }
            cases.append(
                UnionDeclaration.Case(
                    name: SwiftNames.member(words.joined(separator: " ")), type: declaration.name, values: values,
                    validates: false, valueStruct: qualified, ruleType: declaration.name, tag: tag))
        }
        let names = SwiftNames.uniqued(cases.map(\.name))
        for index in cases.indices { cases[index].name = names[index] }
        var doc = Self.documentation(schema.description ?? schema.title.flatMap { $0 == name ? nil : $0 })
        let fallback = defaultMember.flatMap { member in
            distribution.cases.firstIndex { $0.members.first?.position == member }
        }
        if let fallback, let discriminator = selection?.discriminator {
            doc += Self.defaultMappingDocumentation(discriminator, fallback: cases[fallback], after: doc)
            // The fallback takes its own values with every other.
            cases[fallback].values = []
        }
        return UnionDeclaration(
            name: name, doc: doc, cases: cases, discriminator: selection?.discriminator.propertyName,
            nested: nested.declarations, fallback: fallback.map { cases[$0].name })
    }

    /// The member of a union each value of the discriminator's `mapping` selects, by position in `members`:
    /// the member that refers to the mapped schema itself, else the first whose reference leads to the same
    /// schema through schemas that are only references (`oneOf: [$ref: CatAlias]`, `CatAlias: {$ref: Cat}`,
    /// `mapping: {cat: Cat}`), since a value of one is a value of the other. A value that maps to no member
    /// selects nothing.
    private func memberIndices(_ discriminator: Discriminator, members: [Schema]) -> [String: Int] {
        func end(_ id: String) -> String { referenceEnd(ofID: id) }
        var selected: [String: Int] = [:]
        for entry in discriminator.mapping.entries {
            let id = entry.value.id
            let exact = members.firstIndex { $0.ref?.id == id }
            let target = end(id)
            selected[entry.key] = exact ?? members.firstIndex { $0.ref.map { end($0.id) == target } ?? false }
        }
        return selected
    }

    /// A case name from the Swift type of its value: `Dog` -> `dog`, `String` -> `string`.
    static func caseName(for type: String) -> String {
        switch type {
        case "String": "string"
        case "Int", "Int32", "Int64": "integer"
        case "Double", "Float": "number"
        case "Bool": "boolean"
        case "JSONValue": "value"
        case "Date": "date"
        case "Data": "data"
        case _ where type.hasPrefix("[String: "): "object"
        case _ where type.hasPrefix("["): "array"
        default: SwiftNames.member(type.split(separator: ".").last.map(String.init) ?? type)
        }
    }

    /// Whether a parameter's schema is one value, an array or an object (following references).
    func shape(of schema: Schema) -> ValueShape {
        var resolved = schema.ref.map { dereferenced(referencedSchema($0)) } ?? schema
        // A nullable union's value is shaped as its one schema is.
        if let wrapped = nullableWrapped(resolved) { return shape(of: wrapped) }
        if case .plain(let plain)? = plainAllOf(resolved) { resolved = plain }
        let listed = resolved.listedType
        if listed == .one(.array) || (listed == .none && resolved.items != nil) { return .array }
        if listed == .one(.object) || !resolved.properties.isEmpty || mergedAllOf(resolved) != nil
            || isUnion(resolved)
        {
            return .object
        }
        return .value
    }

    /// Why a parameter of `schema`, shaped `shape`, cannot be written as a query item, path segment,
    /// header or cookie, or `nil` when it can: bytes, a value of no single scalar type, and arrays of
    /// such values or of objects and arrays are not. Objects are written through their coding.
    func unwritableParameter(_ schema: Schema, shape: ValueShape) -> String? {
        func scalarProblem(_ schema: Schema) -> String? {
            let value = resolvedShape(schema)
            if isExpressibleEnum(value) { return nil }
            let types = value.nonNullTypes
            if types == [.string], let format = value.format, format == "byte" || format == "binary" {
                return "bytes (format \(format))"
            }
            guard types.count == 1, Self.scalarSchemaTypes.contains(types[0]) else {
                return "values of no single scalar type"
            }
            return nil
        }
        switch shape {
        case .value:
            return scalarProblem(schema)
        case .array:
            guard let items = resolvedShape(schema).items else { return "arrays of untyped items" }
            guard self.shape(of: items) == .value else { return "arrays of objects, unions or arrays" }
            return scalarProblem(items).map { "arrays of \($0)" }
        case .object:
            return nil
        }
    }

    /// Why a response header of `schema`, an object, cannot be read from its text in OpenAPI's `simple` style
    /// (`R=100,G=200` exploded, `R,100,G,200` not), or `nil` when it can: an object with properties, each a
    /// string, number, Boolean, date or string enum, and no other values (no `additionalProperties` or
    /// `patternProperties`, no union). An array or object property would need commas of its own.
    func unreadableHeaderObject(_ schema: Schema) -> String? {
        let value = resolvedShape(schema)
        let object = mergedAllOf(value) ?? value
        guard !isUnion(object), !object.properties.isEmpty else { return "objects" }
        let keepsOthers: Bool
        switch object.additionalProperties {
        case nil, .bool(false)?: keepsOthers = false
        case .schema(let others)?: keepsOthers = !Self.isFalseSchema(others)
        case .bool(true)?: keepsOthers = true
        }
        if keepsOthers || !object.patternProperties.isEmpty { return "objects with undeclared properties" }
        for entry in object.properties {
            guard shape(of: entry.value) == .value, unwritableParameter(entry.value, shape: .value) == nil else {
                return "objects with a property that is not a single scalar value"
            }
        }
        return nil
    }

    /// How a parameter or a response header whose `content` is text (`text/plain`) holds its value.
    enum TextContent {
        /// As the value its schema describes, whose text is what is sent or arrives (`42` for `text/plain` of an
        /// integer), written and read as a parameter or header of that schema: a string, number, Boolean, date
        /// or string enum.
        case value(Schema)
        /// As the text itself (`String`): without a schema, or with one of no single scalar type; with what that
        /// schema describes and the text does not carry (`objects`, `arrays`), for a warning, or `nil` when it
        /// describes nothing more than text (a union of values, bytes, any value).
        case text(unheld: String?)
    }

    /// How a parameter or response header whose `content` is text, with `schema` as its schema, holds its value.
    func textContent(_ schema: Schema?) -> TextContent {
        guard let schema else { return .text(unheld: nil) }
        let shape = shape(of: schema)
        if shape == .value, unwritableParameter(schema, shape: shape) == nil { return .value(schema) }
        switch shape {
        case .array: return .text(unheld: "arrays")
        case .object:
            let resolved = resolvedShape(schema)
            let isObject =
                resolved.nonNullTypes == [.object] || !resolved.properties.isEmpty || mergedAllOf(resolved) != nil
            return .text(unheld: isObject ? "objects" : nil)
        case .value: return .text(unheld: nil)
        }
    }

    /// The schema of a value whose `content` is text (`media`, of type `mediaType`): the scalar its schema
    /// describes (``textContent(_:)``), else a string; and, when that schema describes what text does not carry
    /// (`objects`), a warning about `subject` (`parameter 'note'`).
    func textValue(
        of media: MediaType, mediaType: String, subject: @autoclosure () -> String
    ) -> (schema: Schema, warning: Diagnostic?) {
        switch textContent(media.schema) {
        case .value(let valueSchema):
            return (valueSchema, nil)
        case .text(let unheld):
            var text = Schema(location: media.location)
            text.types = [.string]
            let warning = unheld.map { unheld in
                Diagnostic.warning(
                    "\(subject()) has \(mediaType) content that holds \(unheld), which text has no agreed form for; "
                        + "it is sent as the text given (String)",
                    at: media.schema?.location ?? media.location)
            }
            return (text, warning)
        }
    }

    /// How the properties of a form or multipart body are written where their Encoding Objects (or, in a
    /// multipart body, their schemas) say more than their types, and a warning for each Encoding Object that
    /// asks for what the body cannot write. A form property with a `style`, `explode` or `allowReserved` is
    /// written as a query parameter in that style (its `contentType` is then ignored, as OpenAPI says), an
    /// object's properties that are objects or arrays as their JSON text outside `deepObject` (a warning: no
    /// other style spells them); one with a JSON `contentType` as its JSON text. A multipart property's parts
    /// carry its `contentType`, unless that is the default for its type (text for scalars, JSON for objects,
    /// bytes for `binary` and `byte` strings); a list or a range of media types (`image/png, image/jpeg`) is
    /// the parts' of bytes or text to choose from, through an argument of the builder, and is not applied to
    /// objects, which are written only as JSON. Without one, raw binary (``isRawBinary(_:)``) carries its
    /// `contentMediaType`, and a string in a `contentEncoding` (base64 text) carries `Content-Transfer-Encoding`
    /// and the type of what it encodes: its `contentMediaType`, else `application/octet-stream` (OpenAPI 3.1.2,
    /// "Encoding `multipart` Media Types"). Part headers are arguments of their own
    /// (``Translator/partHeaders(of:typeBase:componentTypes:taken:schemas:_:)``); OpenAPI ignores them and styles
    /// elsewhere. A form property without an Encoding Object is written as its type says, by the runtime: nothing
    /// to do here.
    func bodyEncodings(
        _ encodings: OrderedMap<Encoding>, of body: Schema, isForm: Bool
    ) -> (applied: [PropertyEncoding], warnings: [Diagnostic]) {
        if isForm && encodings.isEmpty { return ([], []) }
        let properties = bodyProperties(body)
        var applied: [PropertyEncoding] = []
        var warnings: [Diagnostic] = []
        // A multipart property's `Content-Type` as its Encoding Object gives it, or the list or range of them
        // its builder argument chooses within.
        var partTypes: [String: String] = [:]
        var partRanges: [String: (range: String, defaultValue: String?)] = [:]
        for entry in encodings {
            let encoding = entry.value
            let property = properties[entry.key]
            var ignored: [String] = []
            if isForm, encoding.style != nil || encoding.explode != nil || encoding.allowReserved {
                let style = encoding.style ?? .form
                let shape = property.map { self.shape(of: $0) }
                if let property, let shape, shape != .object,
                    let problem = unwritableParameter(property, shape: shape)
                {
                    ignored.append("style \(style.rawValue), which cannot write \(problem)")
                } else {
                    let explode = encoding.explode ?? (style == .form)
                    applied.append(
                        PropertyEncoding(
                            property: entry.key,
                            kind: .style(style.rawValue, explode: explode, allowReserved: encoding.allowReserved)))
                    if style != .deepObject, let property, shape == .object,
                        let nested = unspelledMembers(of: property)
                    {
                        warnings.append(
                            .warning(
                                "style \(style.rawValue) cannot spell the objects and arrays that body property "
                                    + "'\(entry.key)' holds (\(nested)); each is written as its JSON text",
                                at: encoding.location))
                    }
                }
            } else if let contentType = encoding.contentType {
                let written = Translator.normalizedMediaType(contentType.trimmingCharacters(in: .whitespaces))
                let expected = property.map(defaultContentType)
                if written.contains(",") || written.contains("*") {
                    // A form's values have no media type on the wire: the list only describes them.
                    if !isForm {
                        if let expected, expected != "application/json", let types = Self.mediaTypeList(contentType) {
                            partRanges[entry.key] = (
                                types.joined(separator: ", "), Self.defaultWithin(types, typeDefault: expected)
                            )
                        } else {
                            ignored.append("contentType '\(contentType)', which names no one media type")
                        }
                    }
                } else if isForm {
                    // Passed on also where the type's default is JSON already: a union's value may be a string,
                    // which only this makes JSON text.
                    if Translator.isJSON(written) {
                        applied.append(PropertyEncoding(property: entry.key, kind: .json))
                    } else if written != expected {
                        ignored.append("contentType \(contentType)")
                    }
                } else if written == expected {
                    // What the property's type writes anyway.
                } else if expected == "application/json" && !Translator.isJSON(written) {
                    ignored.append("contentType \(contentType)")
                } else {
                    partTypes[entry.key] = contentType.trimmingCharacters(in: .whitespaces)
                }
            }
            if !ignored.isEmpty {
                let unapplied = ignored.joined(separator: ", ")
                warnings.append(
                    .warning(
                        "the encoding of body property '\(entry.key)' is not applied yet (\(unapplied)); it is written "
                            + "as its type says", at: encoding.location))
            }
        }
        guard !isForm else { return (applied, warnings) }
        // The properties the encoding names, then the others, in the schema's order.
        let names = encodings.keys + properties.keys.filter { encodings[$0] == nil }
        // The builder's arguments that choose within a list or range, named after their properties.
        let argumentNames = SwiftNames.uniqued(
            names.filter { partRanges[$0] != nil }.map { SwiftNames.member($0 + " content type") },
            taken: Translator.otherArgumentNames)
        var chosen = 0
        for name in names {
            var value = properties[name].map(resolvedShape)
            let isArray = value?.items != nil
            if let items = value?.items { value = resolvedShape(items) }
            let transferEncoding = value.flatMap { $0.nonNullTypes == [.string] ? $0.contentEncoding : nil }
            let contentType: PropertyEncoding.PartContentType?
            if let (range, defaultValue) = partRanges[name] {
                // The name is shown in a doc comment, which a line break would end.
                let shown = name.split(whereSeparator: \.isNewline).joined(separator: " ")
                contentType = .chosen(
                    BodyArgument(
                        name: argumentNames[chosen], type: "String", defaultValue: defaultValue,
                        documentation: "The media type of \(isArray ? "each" : "the") `\(shown)` part, within the "
                            + "spec's `\(range)`."),
                    range: range)
                chosen += 1
            } else if let fixed =
                partTypes[name]
                ?? value.flatMap({ value in
                    Self.isRawBinary(value) && value.contentMediaType != "application/octet-stream"
                        ? value.contentMediaType
                        : transferEncoding == nil ? nil : value.contentMediaType ?? "application/octet-stream"
                })
            {
                contentType = .fixed(fixed)
            } else {
                contentType = nil
            }
            guard contentType != nil || transferEncoding != nil else { continue }
            applied.append(
                PropertyEncoding(
                    property: name, kind: .part(contentType: contentType, transferEncoding: transferEncoding)))
        }
        return (applied, warnings)
    }

    /// The media types of an Encoding Object's `contentType` that lists several or a range, each trimmed
    /// (`["image/png", "image/*"]`), or `nil` when one is no media type or range.
    private static func mediaTypeList(_ contentType: String) -> [String]? {
        let types = contentType.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let isMediaType = { (type: String) in
            let essence = type.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let parts = essence.trimmingCharacters(in: .whitespaces).split(
                separator: "/", omittingEmptySubsequences: false)
            return parts.count == 2
                && parts.allSatisfy { part in
                    !part.isEmpty && part.utf8.allSatisfy { mediaTypeNameBytes.contains($0) || $0 == UInt8(ascii: "*") }
                }
        }
        return !types.isEmpty && types.allSatisfy(isMediaType) ? types : nil
    }

    /// The bytes of RFC 6838's restricted names: letters, digits and `!#$&-^_.+`.
    private static let mediaTypeNameBytes = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&-^_.+".utf8)

    /// What a part whose media type is chosen within `types` has by default: the first media type listed, or
    /// when that is a range, the default of the value's type (`typeDefault`: `application/octet-stream` for
    /// bytes, UTF-8 `text/plain` for text) if the list admits it; else `nil`, and the caller names one.
    private static func defaultWithin(_ types: [String], typeDefault: String) -> String? {
        if let first = types.first, !first.contains("*") { return first }
        let wanted = typeDefault.split(separator: "/")
        let admits = types.contains { listed in
            let pieces = Translator.normalizedMediaType(listed).split(separator: ";")[0].split(separator: "/")
            return (pieces[0] == "*" || pieces[0] == wanted[0]) && (pieces[1] == "*" || pieces[1] == wanted[1])
        }
        guard admits else { return nil }
        return typeDefault == "text/plain" ? "text/plain; charset=utf-8" : typeDefault
    }

    /// The properties of an object that are objects or arrays (`'range' and 'tags'`), which a `form`,
    /// `spaceDelimited` or `pipeDelimited` style cannot spell, and its additional properties when they are;
    /// `nil` when there are none.
    func unspelledMembers(of object: Schema) -> String? {
        var members = bodyProperties(object).entries.filter { shape(of: $0.value) != .value }.map { "'\($0.key)'" }
        if case .schema(let values)? = resolvedShape(object).additionalProperties, shape(of: values) != .value {
            members.append("its additional properties")
        }
        guard let last = members.popLast() else { return nil }
        return members.isEmpty ? last : members.joined(separator: ", ") + " and " + last
    }

    /// The media type a property of a form or multipart body is written as by default (OpenAPI 3.1.1's
    /// Encoding Object): text for scalars, bytes for `binary` and `byte` strings, raw binary and strings in a
    /// `contentEncoding`, JSON for an object, an array's items' type for an array.
    private func defaultContentType(of property: Schema) -> String {
        var value = resolvedShape(property)
        if let items = value.items { value = resolvedShape(items) }
        let types = value.nonNullTypes
        if types == [.string] && (value.format == "binary" || value.format == "byte" || value.contentEncoding != nil)
            || Self.isRawBinary(value)
        {
            return "application/octet-stream"
        }
        if types.count == 1 && Self.scalarSchemaTypes.contains(types[0]) { return "text/plain" }
        return "application/json"
    }

    /// A warning for each property of a multipart body that is a `format: byte` string (or an array of
    /// them): its bytes are sent as a binary part, not as base64 text.
    func byteParts(of body: Schema) -> [Diagnostic] {
        bodyProperties(body).compactMap { entry in
            var value = resolvedShape(entry.value)
            if let items = value.items { value = resolvedShape(items) }
            guard value.nonNullTypes == [.string], value.format == "byte" else { return nil }
            return .warning(
                "multipart property '\(entry.key)' (format byte) is sent as a binary part, not yet as base64 text",
                at: entry.value.location)
        }
    }

    /// The type rules see for a value of `schema` whose Swift type is `swiftType`: for a reference to
    /// a plain-typed schema (an alias), the type it stands for.
    func ruleType(of schema: Schema, swiftType: String) -> String {
        if let wrapped = nullableWrapped(schema) { return ruleType(of: wrapped, swiftType: swiftType) }
        // `allOf: [{$ref: Name}]` is the reference's type.
        if schema.ref == nil, schema.allOf.count == 1, schema.allOf[0].ref != nil, schema.properties.isEmpty {
            return ruleType(of: schema.allOf[0], swiftType: swiftType)
        }
        guard let ref = schema.ref else {
            // An array of aliases: `[When]` is `[Date]` to the rules and the request builders.
            if let items = schema.items, items.ref != nil, swiftType.hasPrefix("["), !swiftType.hasPrefix("[String: "),
                !swiftType.hasSuffix("?]")
            {
                return "[" + ruleType(of: items, swiftType: String(swiftType.dropFirst().dropLast())) + "]"
            }
            return swiftType
        }
        let resolved = dereferenced(referencedSchema(ref))
        // An alias of a string enum (also one that may be null) is the enum to the rules, not a string.
        return needsOwnType(resolved) || openEnum(resolved) != nil ? swiftType : plainType(of: resolved)
    }

    /// The parts of a schema's `allOf`, references followed and nested `allOf`s flattened, leaving out
    /// references to generated structs and unions (they check themselves) and references already seen.
    /// A string enum's values are a rule of the parts (`enum`).
    private func allOfParts(_ schema: Schema) -> [Schema] {
        flattenedAllOf(schema, leavingOutGeneratedTypes: true)
    }

    /// Every part of a schema's `allOf` that a merged struct merges, references followed and nested
    /// `allOf`s flattened, each reference once.
    private func mergedParts(_ schema: Schema) -> [Schema] {
        flattenedAllOf(schema, leavingOutGeneratedTypes: false)
    }

    /// The parts of `schema`'s `allOf` and of theirs, depth first, each reference followed once; with
    /// `leavingOutGeneratedTypes`, not those that lead to a struct or a union (nor their parts).
    private func flattenedAllOf(_ schema: Schema, leavingOutGeneratedTypes: Bool) -> [Schema] {
        var seen: Set<String> = []
        var parts: [Schema] = []
        func collect(_ schema: Schema) {
            for part in schema.allOf {
                var resolved = part
                if let ref = part.ref {
                    guard seen.insert(ref.id).inserted else { continue }
                    resolved = dereferenced(referencedSchema(ref))
                    if leavingOutGeneratedTypes,
                        isObjectWithProperties(resolved) || mergedAllOf(resolved) != nil || isUnion(resolved)
                    {
                        continue
                    }
                }
                parts.append(resolved)
                collect(resolved)
            }
        }
        collect(schema)
        return parts
    }

    /// What an `allOf` whose parts are not all objects (`allOf` of a reference to a string schema and a
    /// `maxLength`, say) comes to.
    enum PlainAllOf {
        /// One schema of the parts' common type, with the `format`, `items` and `additionalProperties`
        /// of the first part that has them; the parts' constraints are checked as rules (see ``rules(for:swiftType:)``).
        case plain(Schema)
        /// The parts have different types, so no value matches them all.
        case conflicting([SchemaType])
    }

    /// The plain type of an `allOf` of parts that are not all objects, or `nil` when the schema is
    /// something else (no `allOf`, a union, or parts that are generated types).
    func plainAllOf(_ schema: Schema) -> PlainAllOf? {
        guard schema.ref == nil, !schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty,
            mergedAllOf(schema) == nil
        else { return nil }
        // The schemas referred to so far, by number: a number is cheaper to hash than a long id, and it is the
        // look-up of the referenced schema too.
        var seen: Set<Int> = []
        // The parts after the schema itself, other than objects with properties.
        var parts: [Schema] = []
        // The type of each part (the schema first) that allows one type besides null, in order, each once: a part
        // that allows several narrows nothing the Swift type can say.
        var types: [SchemaType] = []
        func addType(of part: Schema) {
            let partTypes = part.nonNullTypes
            if partTypes.count == 1, !types.contains(partTypes[0]) { types.append(partTypes[0]) }
        }
        addType(of: schema)
        // Whether a part is an object with properties: with objects only, the parts merge into a struct. Such a
        // part counts as an object, and says nothing else here.
        var hasStruct = false
        func collect(_ schema: Schema) -> Bool {
            for part in schema.allOf {
                var resolved = part
                if let ref = part.ref {
                    let number = self.number(of: ref)
                    guard seen.insert(number).inserted else { continue }
                    resolved = dereferenced(self.schema(numbered: number))
                }
                if isUnion(resolved) { return false }
                if isObjectWithProperties(resolved) {
                    hasStruct = true
                    if !types.contains(.object) { types.append(.object) }
                    continue
                }
                addType(of: resolved)
                parts.append(resolved)
                guard collect(resolved) else { return false }
            }
            return true
        }
        guard collect(schema) else { return nil }
        // An integer is a number.
        if types.count == 2, types.contains(.integer), types.contains(.number) { types = [.integer] }
        guard types.count <= 1 else { return .conflicting(types) }
        // Objects that do not merge (an object with a part that is not one, without a type): not plain.
        if hasStruct { return nil }
        var plain = Schema(location: schema.location)
        plain.types = types + (schema.types.contains(.null) ? [.null] : [])
        plain.isNullable = schema.isNullable
        plain.format = schema.format ?? parts.lazy.compactMap(\.format).first
        plain.items = schema.items ?? parts.lazy.compactMap(\.items).first
        plain.additionalProperties = schema.additionalProperties ?? parts.lazy.compactMap(\.additionalProperties).first
        return .plain(plain)
    }

    /// An `allOf` of object schemas (by reference or inline) as one object schema: the parts'
    /// properties in order, their `required` names together, and the schema's own keywords. A property
    /// that several parts declare must meet every declaration: plain ones are joined in an `allOf` of
    /// their own, so each one's constraints are checked; a declaration by reference or of an object
    /// replaces the ones before it. `nil` when some part is not an object (then the parts cannot be
    /// merged soundly), or when a single part says everything (it is used as it is).
    func mergedAllOf(_ schema: Schema) -> Schema? {
        var seen: Set<String> = []
        var merged: [String: Schema] = [:]
        return mergedAllOf(schema, seen: &seen, merged: &merged)
    }

    /// `seen` holds the references being merged, outermost first: one met again is a cycle. `merged`
    /// holds what each reference merged to so far: two parts may share a part of their own (a diamond),
    /// which is merged once, however many times a chain of such shares meets it.
    func mergedAllOf(_ schema: Schema, seen: inout Set<String>, merged: inout [String: Schema]) -> Schema? {
        guard schema.ref == nil, !schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty else { return nil }
        // A single referenced part says everything: the reference's type is used as it is.
        if schema.allOf.count == 1, schema.properties.isEmpty, !Self.saysMoreOfAnObject(schema),
            schema.allOf[0].ref != nil
        {
            return nil
        }
        var result = schema
        result.allOf = []
        var properties = OrderedMap<Schema>()
        var required: [String] = []
        // A part whose additionalProperties evaluates the properties it does not declare leaves none for
        // unevaluatedProperties beside the allOf, which then says nothing. The parts' patternProperties are
        // merged, so unevaluatedProperties holds, as the merged additionalProperties, for the names no part
        // declares and no pattern matches: those JSON Schema leaves unevaluated.
        if schema.additionalPropertiesAreUnevaluated { result.additionalProperties = nil }
        var evaluatesOthers = false
        for part in schema.allOf {
            var resolved = part
            if let ref = part.ref, let done = merged[ref.id] {
                resolved = done
            } else {
                if let ref = part.ref {
                    guard seen.insert(ref.id).inserted else { return nil }
                    resolved = dereferenced(referencedSchema(ref))
                }
                if !resolved.allOf.isEmpty {
                    guard let inner = mergedAllOf(resolved, seen: &seen, merged: &merged) else { return nil }
                    resolved = inner
                }
                if let ref = part.ref {
                    seen.remove(ref.id)
                    merged[ref.id] = resolved
                }
            }
            let types = resolved.nonNullTypes
            // A part whose `oneOf` only constrains its own properties merges as the struct it is.
            guard types.isEmpty || types == [.object],
                resolved.oneOf.isEmpty && resolved.anyOf.isEmpty || Self.choosesAmongOwnProperties(resolved),
                resolved.enum == nil, resolved.items == nil, resolved.ref == nil
            else { return nil }
            for entry in resolved.properties {
                addProperty(entry.value, named: entry.key, to: &properties, seen: seen, merged: merged)
            }
            required += resolved.required.filter { name in !required.contains { $0.hasSameCodePoints(as: name) } }
            result.additionalProperties = Self.both(result.additionalProperties, resolved.additionalProperties)
            if resolved.additionalProperties != nil { evaluatesOthers = true }
            // Every part's patterns hold for every name of the object, so the struct checks them all: a pattern
            // that two parts give holds with both schemas.
            for entry in resolved.patternProperties {
                if let other = result.patternProperties[entry.key], other != entry.value {
                    var both = Schema(location: other.location)
                    both.allOf = [other, entry.value]
                    result.patternProperties[entry.key] = both
                } else {
                    result.patternProperties[entry.key] = entry.value
                }
            }
        }
        if schema.additionalPropertiesAreUnevaluated, !evaluatesOthers {
            result.additionalProperties = schema.additionalProperties
        }
        for entry in schema.properties {
            addProperty(entry.value, named: entry.key, to: &properties, seen: seen, merged: merged)
        }
        required += schema.required.filter { name in !required.contains { $0.hasSameCodePoints(as: name) } }
        guard !properties.isEmpty else { return nil }
        result.properties = properties
        result.required = required
        result.types = schema.types.contains(.null) ? [.object, .null] : [.object]
        return result
    }

    /// What two `additionalProperties` of an object's parts say of the properties no part declares, together:
    /// `false` closes it whatever the other says, `true` says nothing, and two schemas both hold.
    static func both(_ one: AdditionalProperties?, _ other: AdditionalProperties?) -> AdditionalProperties? {
        switch (one, other) {
        case (nil, _), (.bool(true)?, _): return other ?? one
        case (_, nil), (_, .bool(true)?): return one
        case (.bool(false)?, _), (_, .bool(false)?): return .bool(false)
        case (.schema(let first)?, .schema(let second)?):
            if first == second { return one }
            var both = Schema(location: first.location)
            both.allOf = [first, second]
            return .schema(both)
        }
    }

    /// Whether following the `allOf` parts' references from `schema` comes back to one on the way
    /// (`path` holds those on the way; `cleared`, those whose parts were followed without coming back).
    private func allOfRefersBack(_ schema: Schema, path: inout Set<String>, cleared: inout Set<String>) -> Bool {
        for part in schema.allOf {
            var resolved = part
            if let ref = part.ref {
                if cleared.contains(ref.id) { continue }
                guard path.insert(ref.id).inserted else { return true }
                resolved = dereferenced(referencedSchema(ref))
            }
            if allOfRefersBack(resolved, path: &path, cleared: &cleared) { return true }
            if let ref = part.ref {
                path.remove(ref.id)
                cleared.insert(ref.id)
            }
        }
        return false
    }

    /// Adds a property an `allOf` part declares to the ones merged so far: joined with an earlier
    /// declaration of the same name when both are plain, or both inline objects (whose properties then
    /// merge), so that each one's constraints hold; else in its place. `seen` and `merged` are those of
    /// the merge the property is part of, so that a declaration that refers back to it ends.
    private func addProperty(
        _ property: Schema, named name: String, to properties: inout OrderedMap<Schema>, seen: Set<String>,
        merged: [String: Schema]
    ) {
        func merges(_ schema: Schema) -> Bool {
            var (seen, merged) = (seen, merged)
            return mergedAllOf(schema, seen: &seen, merged: &merged) != nil
        }
        func isPlain(_ schema: Schema) -> Bool {
            schema.ref == nil && !isObjectWithProperties(schema) && !isUnion(schema) && !merges(schema)
        }
        func isInlineObject(_ schema: Schema) -> Bool {
            schema.ref == nil && (isObjectWithProperties(schema) || merges(schema))
        }
        // The same declaration met again (through a part two parts share) is already there.
        if let earlier = properties[name], earlier.location != property.location, Self.isAnnotationOnly(property) {
            // Annotations alone (`readOnly`, a description) say nothing new of the value: the earlier
            // declaration stays, with them.
            var kept = earlier
            kept.description = property.description ?? earlier.description
            kept.default = property.default ?? earlier.default
            kept.readOnly = earlier.readOnly || property.readOnly
            kept.writeOnly = earlier.writeOnly || property.writeOnly
            kept.deprecated = earlier.deprecated || property.deprecated
            properties[name] = kept
            return
        }
        guard let earlier = properties[name], earlier.location != property.location,
            isPlain(earlier) && isPlain(property) || isInlineObject(earlier) && isInlineObject(property)
        else {
            properties[name] = property
            return
        }
        var joined = Schema(location: property.location)
        joined.allOf = [earlier, property]
        joined.description = property.description ?? earlier.description
        joined.readOnly = earlier.readOnly || property.readOnly
        joined.writeOnly = earlier.writeOnly || property.writeOnly
        joined.deprecated = earlier.deprecated || property.deprecated
        properties[name] = joined
    }

    /// Whether a schema says nothing but annotations: a title, a description, a default, examples,
    /// `readOnly`, `writeOnly`, `deprecated` and extensions.
    static func isAnnotationOnly(_ schema: Schema) -> Bool {
        var probe = Schema(location: schema.location)
        probe.title = schema.title
        probe.description = schema.description
        probe.default = schema.default
        probe.example = schema.example
        probe.examples = schema.examples
        probe.readOnly = schema.readOnly
        probe.writeOnly = schema.writeOnly
        probe.deprecated = schema.deprecated
        probe.externalDocs = schema.externalDocs
        probe.extensions = schema.extensions
        return probe == schema
    }

    /// Whether `enum` lists only strings, for a string or untyped schema: that becomes a Swift
    /// ``OpenEnum``. Any other `enum` (integers, booleans, mixed) is checked as a value rule.
    private func isExpressibleEnum(_ schema: Schema) -> Bool {
        // Asked of nearly every schema, several times: the values are looked at in place, not filtered into a copy.
        guard schema.ref == nil, let values = schema.enum, values.contains(where: { !$0.isNull }) else { return false }
        let listed = schema.listedType
        return (listed == .none || listed == .one(.string))
            && values.allSatisfy { value in
                switch value {
                case .string, .null: true
                default: false
                }
            }
    }

    /// Whether a value of `schema` is a generated string enum (an `OpenEnum`), which does not check that
    /// its value is listed: whoever holds it does.
    func isOpenEnum(_ schema: Schema) -> Bool { openEnum(schema) != nil }

    /// The schema of the generated open enum that a value of `schema` is (inline, by reference, as the
    /// sole part of an `allOf`, or beside null in a `oneOf`/`anyOf`), or `nil` when its Swift type is no
    /// such enum.
    func openEnum(_ schema: Schema) -> Schema? {
        chainAnswer(openEnumStep(schema), openEnumThrough, ending: nil) { $0.openEnumStep($1) }
    }

    /// One step of ``openEnum(_:)``: references lead on, and so do sole parts and the one schema beside null
    /// (`Alias: {allOf: [{$ref: Kind}]}` and `anyOf: [{$ref: Kind}, {type: 'null'}]` are a `Kind`).
    private func openEnumStep(_ schema: Schema) -> ChainStep<Schema?> {
        var current = schema
        // Inline parts are no deeper than the document.
        for _ in 0..<YAMLLimits().maxDepth {
            if let ref = current.ref {
                return .follow(number(of: ref))
            } else if let part = soleAllOfPart(current) {
                current = part
            } else if let wrapped = nullableWrapped(current) {
                current = wrapped
            } else {
                return .answer(isExpressibleEnum(current) ? current : nil)
            }
        }
        return .answer(nil)
    }

    /// Whether a schema with no type of its own is a string enum through `allOf` (`Alias: {allOf: [{$ref:
    /// Kind}]}`, a type alias of `Kind`): a value of it is checked as the enum, not as its strings.
    private func isEnumAlias(_ schema: Schema) -> Bool {
        !schema.allOf.isEmpty && openEnum(schema) != nil
    }

    /// The one part of an `allOf` that is all a schema says of its value's type (`allOf: [{$ref: Kind}]`
    /// with a description beside it, as OpenAPI 3.0 writes a documented reference): the value is typed as
    /// that part. `nil` for any other schema.
    private func soleAllOfPart(_ schema: Schema) -> Schema? {
        guard schema.allOf.count == 1, schema.ref == nil, schema.oneOf.isEmpty, schema.anyOf.isEmpty,
            schema.listedType == .none, !isObjectWithProperties(schema), !isExpressibleEnum(schema)
        else { return nil }
        // What the schema says of an object beside the part makes a struct of its own, where the part is
        // one that can be merged (not a union: that keeps its type).
        if Self.saysMoreOfAnObject(schema), mergedAllOf(schema) != nil { return nil }
        return schema.allOf[0]
    }

    /// Whether a schema says of an object more than its parts do, besides `properties`: which names it
    /// requires or allows, or how many, or what it meets depending on its properties (`if`,
    /// `dependentSchemas`). Beside an `allOf` of one reference (`{allOf: [$ref: Base], required: [id]}`) that
    /// makes a struct of its own, which checks them.
    static func saysMoreOfAnObject(_ schema: Schema) -> Bool {
        !schema.required.isEmpty || schema.additionalProperties != nil || !schema.patternProperties.isEmpty
            || schema.minProperties != nil || schema.maxProperties != nil || !schema.dependentRequired.isEmpty
            || schema.propertyNames != nil || !schema.dependentSchemas.isEmpty || schema.if != nil
    }

    /// Whether a reference's target is declared as a struct or enum (which check themselves).
    private func hasStructOrEnum(_ ref: SchemaReference) -> Bool {
        needsOwnType(dereferenced(referencedSchema(ref)))
    }

    /// The `propertyNames` of `schema`, or of the schema it refers to.
    private func propertyNames(of schema: Schema) -> Schema? {
        if let names = schema.propertyNames { return names }
        guard let ref = schema.ref, !hasStructOrEnum(ref) else { return nil }
        return dereferenced(referencedSchema(ref)).propertyNames
    }

    /// The rules of a `propertyNames` schema that a name can break: a string's, with `enum` and `const`
    /// as values; `false` allows no name, as an empty `enum`.
    private mutating func nameRules(_ names: Schema) -> [ValidationRule] {
        let resolved = names.ref.map { dereferenced(referencedSchema($0)) } ?? names
        if Self.isFalseSchema(resolved) { return [.enumeration([])] }
        let rules = ownRules(resolved, enumAsValues: true).filter(RuleTarget.string.accepts)
        checkPatterns(rules.map { ($0, resolved.location) })
        return rules
    }

    /// Whether a value of `schema` may be null: the schema says so itself, or what its value is typed as
    /// does, through a reference (also one that says more, `{$ref: Nullable, description: ...}`, and a chain
    /// of them) or an `allOf` of one part (`{allOf: [{$ref: Nullable}], description: ...}`, as 3.0 documents
    /// a reference), since JSON Schema applies the target too. A link whose `type`, `enum` or `const` refuses
    /// null stops it. A response body of such a schema decodes as an optional.
    func isNullable(_ schema: Schema) -> Bool {
        // Most schemas lead nowhere: their own keywords answer, as the first step would, without the walk.
        if schema.ref == nil, schema.allOf.isEmpty {
            return Self.saysNullable(schema) || nullableWrapped(schema) != nil
        }
        return chainAnswer(nullableStep(schema), nullableThrough, ending: false) { $0.nullableStep($1) }
    }

    /// One step of ``isNullable(_:)``: an answer from the schema's own keywords, or the reference it leads on
    /// through (its own, or its sole `allOf` part's).
    private func nullableStep(_ schema: Schema) -> ChainStep<Bool> {
        var current = schema
        // Inline parts are no deeper than the document.
        for _ in 0..<YAMLLimits().maxDepth {
            if Self.saysNullable(current) || nullableWrapped(current) != nil { return .answer(true) }
            if current.ref == nil, current.allOf.isEmpty { return .answer(false) }
            if Self.refusesNull(current) { return .answer(false) }
            if let ref = current.ref { return .follow(number(of: ref)) }
            guard let part = soleAllOfPart(current) else { return .answer(false) }
            if let ref = part.ref { return .follow(number(of: ref)) }
            current = part
        }
        return .answer(false)
    }

    /// Whether a schema says by itself that null is allowed: `nullable: true`, `null` in its `type`, an `enum`
    /// that lists null where no `type` refuses it (`enum: [a, b, null]`), or a `oneOf`/`anyOf` with a part that
    /// is only null.
    private static func saysNullable(_ schema: Schema) -> Bool {
        schema.isNullable || schema.types.contains(.null)
            || (schema.types.isEmpty && schema.enum?.contains(.null) == true)
            || (schema.hasOneOfOrAnyOfAlone && (schema.oneOf + schema.anyOf).contains(where: isNullSchema))
    }

    /// Whether a schema's own keywords refuse null, whatever it refers to: a `type` without `null`, an `enum`
    /// that does not list it, a `const` that is not null.
    private static func refusesNull(_ schema: Schema) -> Bool {
        (!schema.types.isEmpty && !schema.types.contains(.null))
            || schema.enum.map { !$0.contains(.null) } ?? false
            || schema.const.map { $0 != .null } ?? false
    }

    /// Whether a schema allows only null (`{type: 'null'}`, `{const: null}`, `{enum: [null]}`): a part of a
    /// union that makes it nullable.
    static func isNullSchema(_ schema: Schema) -> Bool {
        guard schema.ref == nil else { return false }
        if schema.types == [.null] { return true }
        guard schema.types.isEmpty || schema.types.contains(.null) else { return false }
        return schema.const == .null || schema.enum == [.null]
    }

    private func description(of schema: Schema) -> String? {
        if let description = schema.description { return description }
        if let ref = schema.ref, !hasStructOrEnum(ref) {
            return dereferenced(referencedSchema(ref)).description
        }
        return nil
    }

    // MARK: - Rules

    /// The schema's own constraints that apply to its type, in the order they are checked:
    /// lengths and pattern, bounds, items, properties.
    ///
    /// A string `enum` is `listed` (the value is a generated open enum) unless `enumAsValues`, as in a
    /// `not` subschema or an `allOf` part, which list values of a plain type.
    func ownRules(_ schema: Schema, enumAsValues: Bool = false) -> [ValidationRule] {
        var rules: [ValidationRule] = []
        // One type is the Swift type's to enforce; several, or `null` alone, leave a JSONValue to check. Counted
        // in place: `nonNullTypes` and a `[.null]` to compare with would each make an array for every schema.
        let types = schema.types
        if types.count > 1 {
            var nonNull = 0
            for type in types where type != .null { nonNull += 1 }
            if nonNull > 1 { rules.append(.type(types)) }
        } else if types.count == 1, types[0] == .null {
            rules.append(.type(types))
        }
        if let n = schema.maxLength { rules.append(.maxLength(n)) }
        if let n = schema.minLength { rules.append(.minLength(n)) }
        if let p = schema.pattern { rules.append(.pattern(p)) }
        if assertFormats, let format = schema.format, Self.assertableFormats.contains(format) { rules.append(.format(format)) }
        if let n = schema.minimum { rules.append(.minimum(n)) }
        if let n = schema.exclusiveMinimum { rules.append(.exclusiveMinimum(n)) }
        if let n = schema.maximum { rules.append(.maximum(n)) }
        if let n = schema.exclusiveMaximum { rules.append(.exclusiveMaximum(n)) }
        if let n = schema.multipleOf { rules.append(.multipleOf(n)) }
        if isExpressibleEnum(schema), !enumAsValues {
            rules.append(.listed)
        } else if let values = schema.enum {
            rules.append(.enumeration(values))
        }
        if let value = schema.const { rules.append(.const(value)) }
        if let n = schema.minItems { rules.append(.minItems(n)) }
        if let n = schema.maxItems { rules.append(.maxItems(n)) }
        if schema.uniqueItems { rules.append(.uniqueItems) }
        if let n = schema.minProperties { rules.append(.minProperties(n)) }
        if let n = schema.maxProperties { rules.append(.maxProperties(n)) }
        if schema.properties.isEmpty {
            for name in schema.required { rules.append(.required(name)) }
            for entry in schema.dependentRequired {
                for name in entry.value { rules.append(.dependentRequired(name, by: entry.key)) }
            }
        }
        return rules
    }

    // MARK: - Tuples

    /// The Swift type of each item of a tuple (an array with `prefixItems`): the scalar type that every
    /// position and `items` share (`Double` for `[longitude, latitude]`), else `JSONValue`. Without
    /// `items` an item after the positions may be anything; with `items: false` there is none.
    private func tupleItemType(_ shape: Schema) -> String {
        guard let items = shape.items else { return "JSONValue" }
        return commonScalarType(Self.isFalseSchema(items) ? shape.prefixItems : shape.prefixItems + [items])
    }

    /// The Swift type of each value of a dictionary with `patternProperties`: the scalar type that every
    /// pattern's schema and `additionalProperties` share, else `JSONValue`. Without `additionalProperties`
    /// a value whose name matches no pattern may be anything; with `false` there is none.
    private func patternValueType(_ shape: Schema) -> String {
        let schemas = Array(shape.patternProperties.values)
        switch shape.additionalProperties {
        case .schema(let values)?: return commonScalarType(schemas + [values])
        case .bool(false)?: return commonScalarType(schemas)
        case .bool(true)?, nil: return "JSONValue"
        }
    }

    /// The scalar Swift type (`Double`, `String`) of every one of `schemas`, or `JSONValue` when they differ,
    /// one is not a plain scalar (an enum, a generated type, a nullable value) or there are none.
    private func commonScalarType(_ schemas: [Schema]) -> String {
        var common: String?
        for schema in schemas {
            let resolved = resolvedShape(schema)
            guard openEnum(schema) == nil, !isNullable(schema), !isNullable(resolved), !needsOwnType(resolved)
            else { return "JSONValue" }
            let type = plainType(of: resolved)
            guard Self.scalarTypes.contains(type), common == nil || common == type else { return "JSONValue" }
            common = type
        }
        return common ?? "JSONValue"
    }

    /// `rules` with a tuple's: its items' rules by position (``ValidationRule/prefixItems(_:rest:)``), for
    /// items of Swift type `itemType`; `items: false` is a `maxItems` of the positions' count.
    private mutating func tupleRules(_ shape: Schema, itemType: String, _ rules: [ValidationRule]) -> [ValidationRule] {
        var rules = rules
        let positions = shape.prefixItems.map { itemRules($0, itemType: itemType) }
        var rest: [ValidationRule] = []
        if let items = shape.items {
            if Self.isFalseSchema(items) {
                let count = positions.count
                if let index = rules.firstIndex(where: { if case .maxItems = $0 { true } else { false } }) {
                    if case .maxItems(let n) = rules[index], n > count { rules[index] = .maxItems(count) }
                } else {
                    rules.append(.maxItems(count))
                }
            } else {
                rest = itemRules(items, itemType: itemType)
            }
        }
        if positions.contains(where: { !$0.isEmpty }) || !rest.isEmpty { rules.append(.prefixItems(positions, rest: rest)) }
        return rules
    }

    /// The rules of a tuple's item of Swift type `itemType`: a member's, or for a `JSONValue` its type's
    /// and its schema's. An object with properties is checked for its type only: a warning says so.
    private mutating func itemRules(_ item: Schema, itemType: String, keyword: String = "prefixItems") -> [ValidationRule] {
        let shape = resolvedShape(item)
        guard itemType == "JSONValue" else {
            // A scalar item meets the schema's rules for its type, whatever type the schema states (`contains:
            // {minimum: 90}`); a string enum's values are listed.
            guard Self.scalarTypes.contains(itemType) else { return memberRules(item) }
            var rules = rules(for: item, swiftType: itemType)
            if let values = shape.enum, openEnum(item) != nil { rules.append(.enumeration(values)) }
            return rules
        }
        var rules = rules(for: item, swiftType: "JSONValue")
        if let values = shape.enum, openEnum(item) != nil { rules.append(.enumeration(values)) }
        if !shape.types.isEmpty, !rules.contains(where: { if case .type = $0 { true } else { false } }) {
            let types = isNullable(item) && !shape.types.contains(.null) ? shape.types + [.null] : shape.types
            rules.insert(.type(types), at: 0)
        }
        if isObjectWithProperties(shape) || mergedAllOf(shape) != nil || isUnion(shape) {
            diagnostics.append(
                .warning(
                    "an item of \(keyword) that is an object or a oneOf is checked for its type only",
                    at: item.location))
        }
        return rules
    }

    /// The rule of `contains` for an array of Swift type `arrayType` (`[String]`, a `JSONValue`): the
    /// subschema's rules on an item; `nil` when any number of items is allowed (`minContains: 0` without
    /// `maxContains`).
    private mutating func containsRule(_ contains: Schema, in shape: Schema, arrayType: String) -> ValidationRule? {
        let min = shape.minContains ?? 1
        guard min > 0 || shape.maxContains != nil else { return nil }
        let itemType =
            arrayType == "JSONValue" || arrayType == "[JSONValue]" || !arrayType.hasPrefix("[")
            ? "JSONValue" : String(arrayType.dropFirst().dropLast())
        var rules = itemRules(contains, itemType: itemType, keyword: "contains")
        let item = resolvedShape(contains)
        if itemType != "JSONValue", isObjectWithProperties(item) || mergedAllOf(item) != nil || isUnion(item) {
            diagnostics.append(
                .warning("contains of an object or a oneOf matches an item by its type only", at: contains.location))
        }
        // An item of a scalar type that the subschema's type excludes never matches it.
        let types = item.nonNullTypes
        if Self.scalarTypes.contains(itemType), !types.isEmpty,
            !types.contains(where: { Self.swiftTypes(of: $0).contains(itemType) })
        {
            rules = [.not([])]
        }
        return .contains(rules, min: min, max: shape.maxContains)
    }

    /// The scalar Swift types a value of JSON type `type` may have.
    private static func swiftTypes(of type: SchemaType) -> [String] {
        switch type {
        case .string: ["String"]
        case .integer: ["Int", "Int32", "Int64", "Double", "Float"]
        case .number: ["Double", "Float", "Int", "Int32", "Int64"]
        case .boolean: ["Bool"]
        case .array, .object, .null: []
        }
    }

    /// The rule of `patternProperties` for values of Swift type `valueType`: each pattern's schema's rules,
    /// and `additionalProperties`'s for values whose names match none. A pattern the runtime cannot use is
    /// an error at its schema.
    private mutating func patternRule(_ shape: Schema, valueType: String) -> ValidationRule {
        var patterns: [String] = []
        var rules: [[ValidationRule]] = []
        for entry in shape.patternProperties {
            if !Self.compiles(entry.key) {
                diagnostics.append(
                    .error(
                        "patternProperties pattern '\(entry.key)' is not a regular expression the generated code can use",
                        at: entry.value.location))
            }
            patterns.append(entry.key)
            rules.append(itemRules(entry.value, itemType: valueType, keyword: "patternProperties"))
        }
        var rest: [ValidationRule] = []
        if case .schema(let values)? = shape.additionalProperties {
            rest = itemRules(values, itemType: valueType, keyword: "additionalProperties")
        }
        return .patternProperties(patterns: patterns, rules: rules, rest: rest, closed: shape.additionalProperties == .bool(false))
    }

    /// Whether a schema allows no value at all (`false`, read as `not: {}`).
    static func isFalseSchema(_ schema: Schema) -> Bool {
        guard let not = schema.not, not.isEmpty else { return false }
        var rest = schema
        rest.not = nil
        return rest.isEmpty
    }

    // MARK: - Secrets

    /// Whether a property's value is a secret, never to be printed:
    /// `x-specsmith-secret: true` (or `false` to opt out) decides first; then `format: password`;
    /// then the name (case, `_` and `-` ignored): `password`, `passwd`, `secret`, `sec`, `token`,
    /// `apikey`, `privatekey`, `codeverifier`, `clientsecret`, `accesstoken`, `refreshtoken`,
    /// `idtoken`, or any name ending in `password`, `secret` or `token`.
    func isSecret(wireName: String, schema: Schema) -> Bool {
        if let marked = schema.extensions["x-specsmith-secret"], let value = try? marked.bool() {
            return value
        }
        if schema.format == "password" { return true }
        return Self.isSecretName(wireName)
    }

    /// Whether a wire name, lowercased and without `_` and `-`, is one of the secret names or ends in one of
    /// the secret endings that ``isSecret(wireName:schema:)`` lists. An ASCII name (nearly all) is compared in
    /// place, from its end; any other is lowercased by Unicode's rules first, so that `TOKEN` with a Kelvin sign
    /// still counts.
    static func isSecretName(_ wireName: String) -> Bool {
        if let answer = wireName.utf8.withContiguousStorageIfAvailable(isSecretASCIIName), let answer {
            return answer
        }
        let key = wireName.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" }
        return Array(String(key).utf8).withUnsafeBufferPointer(isSecretKey)
    }

    /// ``isSecretName(_:)`` for a name given as UTF-8; `nil` when it is not all ASCII.
    private static func isSecretASCIIName(_ name: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !name.contains(where: { $0 >= 0x80 }) else { return nil }
        return isSecretKey(name)
    }

    /// Whether a name, its capitals lowered and its `_` and `-` passed over, names a secret. No key is copied
    /// out: a word is compared from the name's end, and only a word that ends with the name's last letter (most
    /// names end with none of theirs). The switch says which words end with each letter: walking lists of the
    /// names and endings for every property cost some 350 instructions a name.
    private static func isSecretKey(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = name.count - 1
        while end >= 0, isNameSeparator(name[end]) { end -= 1 }
        guard end >= 0 else { return false }
        // A name that is a suffix's word is among the names too (`token`), so a suffix answers for both.
        switch lowered(name[end]) {
        case UInt8(ascii: "d"):
            return ends(name, with: "password", whole: false) || ends(name, with: "passwd", whole: true)
        case UInt8(ascii: "t"): return ends(name, with: "secret", whole: false)
        case UInt8(ascii: "n"): return ends(name, with: "token", whole: false)
        case UInt8(ascii: "c"): return ends(name, with: "sec", whole: true)
        case UInt8(ascii: "y"):
            return ends(name, with: "apikey", whole: true) || ends(name, with: "privatekey", whole: true)
        case UInt8(ascii: "r"): return ends(name, with: "codeverifier", whole: true)
        default: return false
        }
    }

    /// Whether the name, its capitals lowered and its `_` and `-` passed over, ends with `word` (lowercase
    /// ASCII); with `whole`, is `word`.
    private static func ends(_ name: UnsafeBufferPointer<UInt8>, with word: StaticString, whole: Bool) -> Bool {
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var index = name.count
        for letter in letters.reversed() {
            repeat { index -= 1 } while index >= 0 && isNameSeparator(name[index])
            guard index >= 0, lowered(name[index]) == letter else { return false }
        }
        return !whole || name[..<index].allSatisfy(isNameSeparator)
    }

    /// `_` or `-`, which secret names are compared without.
    private static func isNameSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// An ASCII capital lowered; any other byte as it is.
    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }


    // MARK: - Documentation

    /// A JSON value as JSON text, for documentation: `"a"`, `1`, `true`, `null`.
    static func jsonText(_ value: JSONValue) -> String {
        value.scalarText.map { "`\($0)`" } ?? "a JSON value"
    }

    /// Doc-comment lines from a description: one per line, trailing spaces dropped, blank lines
    /// inside kept (as paragraph breaks), blank lines at the ends dropped.
    static func documentation(_ text: String?) -> [String] {
        guard var text else { return [] }
        // Lines end at "\n", "\r\n", "\r", U+2028 or U+2029 (E2 80 A8 and E2 80 A9 in UTF-8); each
        // loses its trailing spaces and tabs. This runs for every description of a large document (Kubernetes'
        // run to hundreds of bytes): the bytes that may end a line are found with `memchr`, which reads many
        // bytes at a time, and most descriptions are one line that is kept as the string it is.
        var lines: [String] = []
        let isOneLine = text.withUTF8 { bytes -> Bool in
            let count = bytes.count
            // Where the next of each byte that may end a line is, at or after `from` (`count` when there is none).
            func next(_ byte: UInt8, from start: Int) -> Int {
                guard start < count, let base = bytes.baseAddress,
                    let found = memchr(base + start, Int32(byte), count - start)
                else { return count }
                return UnsafeRawPointer(found) - UnsafeRawPointer(base)
            }
            // Each is searched for again only once the scan has passed it, so every byte is read about once.
            var (lineFeed, carriageReturn, e2) = (next(0x0A, from: 0), next(0x0D, from: 0), next(0xE2, from: 0))
            let breaks = min(lineFeed, carriageReturn, e2) < count
            if !breaks, let last = bytes.last, last != UInt8(ascii: " "), last != UInt8(ascii: "\t") { return true }
            var start = 0
            var index = 0
            func endLine(at end: Int) {
                var trimmed = end
                while trimmed > start, bytes[trimmed - 1] == UInt8(ascii: " ") || bytes[trimmed - 1] == UInt8(ascii: "\t") {
                    trimmed -= 1
                }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<trimmed]), as: UTF8.self))
            }
            while true {
                if lineFeed < index { lineFeed = next(0x0A, from: index) }
                if carriageReturn < index { carriageReturn = next(0x0D, from: index) }
                if e2 < index { e2 = next(0xE2, from: index) }
                let found = min(lineFeed, carriageReturn, e2)
                guard found < count else { break }
                var after = found + 1
                if bytes[found] == 0x0D, after < count, bytes[after] == 0x0A {
                    after += 1
                } else if bytes[found] == 0xE2 {
                    // Another character that starts with E2 (`–`, `“`) ends no line.
                    guard found + 2 < count, bytes[found + 1] == 0x80, bytes[found + 2] & 0xFE == 0xA8 else {
                        index = after
                        continue
                    }
                    after = found + 3
                }
                endLine(at: found)
                index = after
                start = index
            }
            endLine(at: count)
            return false
        }
        if isOneLine { return [text] }
        let first = lines.firstIndex { !$0.isEmpty } ?? lines.endIndex
        let last = lines.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? first
        return Array(lines[first..<max(first, last)])
    }

    /// A sentence that states a property's limits, as a paragraph after its description.
    static func limitsDocumentation(_ rules: [ValidationRule], secret: Bool) -> [String] {
        guard !rules.isEmpty || secret else { return [] }
        var sentences = limitSentences(rules)
        if secret { sentences.append("Secret: printed as `<redacted>`.") }
        return sentences.isEmpty ? [] : [sentences.joined(separator: " ")]
    }

    /// One sentence per limit, such as `At most 64 Unicode scalars.`
    static func limitSentences(_ rules: [ValidationRule]) -> [String] {
        var sentences: [String] = []
        var maxLength: Int?
        var minLength: Int?
        var required: [String] = []
        for rule in rules {
            switch rule {
            case .required(let name): required.append("`\(name)`")
            case .dependentRequired(let name, let trigger):
                sentences.append("Has the key `\(name)` when it has `\(trigger)`.")
            case .type(let types):
                let names = types.map(\.rawValue)
                let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
                sentences.append("Of type \(list).")
            case .maxLength(let n): maxLength = n
            case .minLength(let n): minLength = n
            default: break
            }
        }
        func scalars(_ n: Int) -> String { n == 1 ? "1 Unicode scalar" : "\(n) Unicode scalars" }
        switch (minLength, maxLength) {
        case let (min?, max?) where min == max: sentences.append("Exactly \(scalars(max)).")
        case let (min?, max?): sentences.append("From \(min) to \(scalars(max)).")
        case let (nil, max?): sentences.append("At most \(scalars(max)).")
        case let (min?, nil): sentences.append("At least \(scalars(min)).")
        case (nil, nil): break
        }
        // `minItems` and `maxItems` that agree are one sentence, where the first of them stands.
        var exactItems: Int?
        if let min = rules.lazy.compactMap({ if case .minItems(let n) = $0 { n } else { nil } }).first,
            rules.contains(.maxItems(min))
        {
            exactItems = min
        }
        var wroteExactItems = false
        for rule in rules {
            switch rule {
            case .pattern(let p): sentences.append("Matches `\(p)`.")
            case .minimum(let n): sentences.append("At least \(n).")
            case .exclusiveMinimum(let n): sentences.append("Greater than \(n).")
            case .maximum(let n): sentences.append("At most \(n).")
            case .exclusiveMaximum(let n): sentences.append("Less than \(n).")
            case .multipleOf(let n): sentences.append("A multiple of \(n).")
            case .minItems(let n) where n == exactItems, .maxItems(let n) where n == exactItems:
                if !wroteExactItems { sentences.append("Exactly \(n) item\(n == 1 ? "" : "s").") }
                wroteExactItems = true
            case .minItems(let n): sentences.append("At least \(n) item\(n == 1 ? "" : "s").")
            case .maxItems(0): sentences.append("Has no items.")
            case .maxItems(let n): sentences.append("At most \(n) item\(n == 1 ? "" : "s").")
            case .uniqueItems: sentences.append("Items are unique.")
            case .minProperties(let n): sentences.append("At least \(n) entr\(n == 1 ? "y" : "ies").")
            case .maxProperties(let n): sentences.append("At most \(n) entr\(n == 1 ? "y" : "ies").")
            case .enumeration(let values):
                let list = values.map(Self.jsonText).joined(separator: ", ")
                sentences.append(values.isEmpty ? "No value is allowed." : "One of \(list).")
            case .const(let value): sentences.append("Always \(Self.jsonText(value)).")
            case .rawEnumeration(let values):
                let list = values.map { Self.jsonText(.string($0)) }.joined(separator: ", ")
                sentences.append(values.isEmpty ? "No value is allowed." : "One of \(list).")
            case .rawConst(let value): sentences.append("Always \(Self.jsonText(.string(value))).")
            case .format(let name): sentences.append("A valid `\(name)`.")
            case .not(let inner):
                // `Not allowed: at least 10 and at most 20.`
                let phrases = limitSentences(inner).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                sentences.append(phrases.isEmpty ? "Never allowed." : "Not allowed: \(phrases.joined(separator: " and ")).")
            case .property(let name, let inner):
                let phrases = limitSentences(inner).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                if !phrases.isEmpty { sentences.append("Its `\(name)`: \(phrases.joined(separator: " and ")).") }
            case .propertyNames([.enumeration([])]): sentences.append("Has no keys.")
            case .propertyNames(let inner):
                let phrases = limitSentences(inner).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                sentences.append("Each name: \(phrases.joined(separator: " and ")).")
            case .prefixItems(let positions, let rest):
                for (index, rules) in positions.enumerated() {
                    let phrases = limitSentences(rules).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                    if !phrases.isEmpty { sentences.append("Item \(index): \(phrases.joined(separator: " and ")).") }
                }
                let phrases = limitSentences(rest).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                if !phrases.isEmpty {
                    let items = positions.isEmpty ? "Each item" : "Items from \(positions.count)"
                    sentences.append("\(items): \(phrases.joined(separator: " and ")).")
                }
            case .contains(let rules, let min, let max):
                let phrases = limitSentences(rules).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                let what = phrases.isEmpty ? "" : ": \(phrases.joined(separator: " and "))"
                let count =
                    switch (min, max) {
                    case (let min, nil): "at least \(min) item\(min == 1 ? "" : "s")"
                    case (0, let max?): "at most \(max) item\(max == 1 ? "" : "s")"
                    case (let min, let max?) where min == max: "exactly \(min) item\(min == 1 ? "" : "s")"
                    case (let min, let max?): "from \(min) to \(max) items"
                    }
                sentences.append("Contains \(count)\(what).")
            case .patternProperties(let patterns, let rules, let rest, let closed):
                for (pattern, rules) in zip(patterns, rules) {
                    let phrases = limitSentences(rules).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                    if !phrases.isEmpty { sentences.append("Names matching `\(pattern)`: \(phrases.joined(separator: " and ")).") }
                }
                let phrases = limitSentences(rest).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                if closed {
                    sentences.append(patterns.isEmpty ? "Has no keys." : "No other names.")
                } else if !phrases.isEmpty {
                    let names = patterns.isEmpty ? "Each value" : "Other names"
                    sentences.append("\(names): \(phrases.joined(separator: " and ")).")
                }
            case .conditional(let condition, let then, let otherwise):
                // `If at least 10: a multiple of 5. Otherwise: at most 5.`
                func phrase(_ rules: [ValidationRule]) -> String {
                    limitSentences(rules).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                        .joined(separator: " and ")
                }
                // `If it has the key `burst`: ...`, `If of type string: ...`.
                let condition = phrase(condition)
                guard !condition.isEmpty else { break }
                let when = condition.hasPrefix("has ") ? "it " + condition : condition
                let (thenPhrase, elsePhrase) = (phrase(then), phrase(otherwise))
                if !thenPhrase.isEmpty { sentences.append("If \(when): \(thenPhrase).") }
                if !elsePhrase.isEmpty {
                    let otherwise = thenPhrase.isEmpty ? "Unless \(when)" : "Otherwise"
                    sentences.append("\(otherwise): \(elsePhrase).")
                }
            case .type, .maxLength, .minLength, .listed, .members, .required, .dependentRequired: break
            }
        }
        if !required.isEmpty {
            let list = required.count > 1 ? required.dropLast().joined(separator: ", ") + " and " + required.last! : required[0]
            sentences.append("Has the key\(required.count > 1 ? "s" : "") \(list).")
        }
        return sentences
    }
}

/// Swift literal spelling.
enum SwiftLiteral {
    /// A string literal that holds `text` exactly: quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        if let quoted = text.utf8.withContiguousStorageIfAvailable(quotedIfPlain), let quoted { return quoted }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || (scalar.value > 0x9F && scalar.properties.generalCategory == .format) || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator:
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Printable ASCII without quotes or backslashes (nearly every name and key) needs no escape: it is
    /// copied between quotes straight into the literal's storage. `nil` for any other text.
    private static func quotedIfPlain(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        guard text.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else {
            return nil
        }
        return String(unsafeUninitializedCapacity: text.count + 2) { literal in
            literal[0] = UInt8(ascii: "\"")
            for (offset, byte) in text.enumerated() { literal[offset + 1] = byte }
            literal[text.count + 1] = UInt8(ascii: "\"")
            return text.count + 2
        }
    }
}

extension SwiftLiteral {
    /// A raw string literal (`#"..."#`) for text full of backslashes, such as a regular expression;
    /// an ordinary escaped literal when the text holds characters a one-line literal cannot.
    static func raw(_ text: String) -> String {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return string(text) }
        // More `#`s than any run of `#` after a quote or a backslash in the text.
        var longest = 0
        var run = -1
        for character in text {
            if character == "\"" || character == "\\" {
                run = 0
            } else if character == "#", run >= 0 {
                run += 1
                longest = max(longest, run)
            } else {
                run = -1
            }
        }
        if longest == 0, !text.contains("\""), !text.contains("\\") { return string(text) }
        let hashes = String(repeating: "#", count: longest + 1)
        return hashes + "\"" + text + "\"" + hashes
    }
}

/// What a schema's `type` lists besides `null` (its ``Schema/nonNullTypes``), as most questions ask it: no type,
/// one type, or several (a type listed twice counts twice, as in `nonNullTypes`).
enum ListedType: Equatable {
    case none
    case one(SchemaType)
    case several
}

extension Schema {
    /// ``ListedType`` of the schema, read from its `type` in place: the translator asks this of schemas thousands of
    /// times a generation, and `nonNullTypes` returns an array, with a reference to count (and a new array when
    /// `null` is listed).
    var listedType: ListedType {
        let types = self.types
        if types.count == 1 { return types[0] == .null ? .none : .one(types[0]) }
        var listed = ListedType.none
        for type in types where type != .null {
            guard case .none = listed else { return .several }
            listed = .one(type)
        }
        return listed
    }
}
