import Foundation
import SpecsmithCore
import SpecsmithDiagnostics
import Testing

/// Hostile documents through the generation stages (document to generation model to files): long chains
/// of references and aliases, many names that make the same Swift name, compositions nested past
/// ``LoadLimits/maxDepth``. Each must give the code or the located error that a small document of its
/// shape gives, at a cost that grows with the document, not with its square (the timings are in the
/// commits that made them so; the tests prove the results).
@Suite struct HostileGenerationTests {
    /// A fresh temporary folder for one test.
    let scratch: TemporaryFolder
    var folder: String { scratch.path }

    init() throws {
        scratch = try TemporaryFolder("specsmith-hostile-generation")
    }

    static let head = "openapi: 3.1.0\ninfo: {title: Hostile, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"

    /// Generates `text` as `spec.yaml` in the temporary folder: the files by name (or `nil`, as when
    /// there are errors) and the diagnostics as `spec.yaml:line:column: severity: message` lines.
    func generate(_ text: String, limits: LoadLimits = LoadLimits()) throws -> (
        files: [String: String]?, lines: [String]
    ) {
        try text.write(toFile: folder + "/spec.yaml", atomically: false, encoding: .utf8)
        let pipeline = Pipeline(templates: try TemplateSet.defaults(), loader: DocumentLoader(limits: limits))
        let job = GenerationJob(spec: folder + "/spec.yaml", output: folder + "/Out", module: "H")
        let result = pipeline.generate(job)
        let files = result.files.map { files in
            Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
        }
        return (files, result.diagnostics.map { $0.description.replacing(folder + "/", with: "") })
    }

    /// Every generated file's text, in name order, as one string to search.
    func allText(_ files: [String: String]?) -> String {
        (files ?? [:]).sorted { $0.key < $1.key }.map(\.value).joined()
    }

    // MARK: Chains of references and aliases

    @Test func aLongChainOfReferencesIsFollowedToItsEnd() throws {
        // A3000 is A2999 is ... is A0, a string of at most 10 characters: each alias is declared, and a
        // property of the last checks the first's limit.
        var text = Self.head + "    A0: {type: string, maxLength: 10}\n"
        for index in 1...3_000 {
            text += "    A\(index): {$ref: '#/components/schemas/A\(index - 1)'}\n"
        }
        text += "    Holder: {type: object, properties: {name: {$ref: '#/components/schemas/A3000'}}}\n"
        let (files, lines) = try generate(text, limits: LoadLimits(maxRefChain: 5_000))
        #expect(lines == [])
        let all = allText(files)
        #expect(all.contains("public typealias A3000 = A2999\n"))
        #expect(all.contains("public typealias A1 = A0\n"))
        #expect(all.contains("context.check(name, at: \"name\", .maxLength(10))"))
    }

    @Test func aLongChainOfAliasesEndsAtTheStructItNames() throws {
        // L3000 is L2999 is ... is [Item], each a reference with a description of its own: a property of
        // L3000 holds Items, which validate themselves. Such a chain is a level per link (each link's
        // constraints hold for the next), so it passes a raised maxDepth.
        var text = Self.head + "    Item: {type: object, properties: {code: {type: string, maxLength: 3}}}\n"
        text += "    L0: {type: array, items: {$ref: '#/components/schemas/Item'}}\n"
        for index in 1...3_000 {
            text += "    L\(index): {$ref: '#/components/schemas/L\(index - 1)', description: Link \(index).}\n"
        }
        text += "    Holder: {type: object, properties: {items: {$ref: '#/components/schemas/L3000'}}}\n"
        let (files, lines) = try generate(text, limits: LoadLimits(maxDepth: 5_000))
        #expect(lines == [])
        let all = allText(files)
        #expect(all.contains("public typealias L3000 = L2999\n"))
        #expect(all.contains("public typealias L0 = [Item]\n"))
        #expect(all.contains("context.validate(items, at: \"items\")"))
    }

    @Test func whatALongChainOfAliasesEndsAtDecidesItsNullabilityAndEnumChecks() throws {
        // E3000 leads through 3,000 documented links to a string enum, N3000 to a string or null: a property
        // of E3000 is checked as the enum (listed), one of N3000 is optional though required. Each chain is
        // walked once for all its links, not once for each link that is asked about.
        var text = Self.head + "    E0: {type: string, enum: [low, high]}\n"
        text += "    N0: {type: [string, 'null'], maxLength: 5}\n"
        for index in 1...3_000 {
            text += "    E\(index): {$ref: '#/components/schemas/E\(index - 1)', description: Link \(index).}\n"
            text += "    N\(index): {$ref: '#/components/schemas/N\(index - 1)', description: Link \(index).}\n"
        }
        text += "    Holder:\n      type: object\n      required: [level, note]\n      properties:\n"
        text += "        level: {$ref: '#/components/schemas/E3000'}\n"
        text += "        note: {$ref: '#/components/schemas/N3000'}\n"
        let (files, lines) = try generate(text, limits: LoadLimits(maxDepth: 5_000))
        #expect(lines == [])
        let all = allText(files)
        #expect(all.contains("    public let level: E3000\n"))
        #expect(all.contains("    public let note: N3000?\n"))
        #expect(all.contains("context.check(level, at: \"level\", .listed)"))
        #expect(all.contains("context.check(note, at: \"note\", .maxLength(5))"))
    }

    // MARK: Names that make the same Swift name

    /// `a-b`, `a_b`, `a.b`, ... `a-_b`: thousands of distinct names that all make `AB` (or `aB`).
    static func collidingNames(_ count: Int) -> [String] {
        let separators = Array("-_. ~+*!")
        return (0..<count).map { index in
            var rest = index / separators.count
            var name = "a" + String(separators[index % separators.count])
            while rest > 0 {
                name.append(separators[rest % separators.count])
                rest /= separators.count
            }
            return name + "b"
        }
    }

    @Test func thousandsOfSchemasWithOneSwiftNameAreNumberedInOrderSkippingTakenNumbers() throws {
        var text = Self.head + "    AB3: {type: object, properties: {x: {type: string}}}\n"
        for name in Self.collidingNames(2_000) {
            text += "    '\(name)': {type: object, properties: {x: {type: string}}}\n"
        }
        let (files, lines) = try generate(text)
        #expect(lines == [])
        let structs = allText(files).split(separator: "\n").filter { $0.hasPrefix("public struct ") }
            .map { $0.dropFirst("public struct ".count).prefix { $0 != ":" } }
        // AB3 is the first schema's; the others are AB, AB2, AB4, AB5, ... AB2001.
        #expect(structs.count == 2_001)
        #expect(Set(structs) == Set(["AB", "AB2"] + (3...2_001).map { "AB\($0)" }))
    }

    @Test func thousandsOfPropertiesWithOneSwiftNameAreNumberedWithTheirNestedTypes() throws {
        var text = Self.head + "    O:\n      type: object\n      properties:\n"
        let names = Self.collidingNames(2_000)
        for name in names {
            text += "        '\(name)': {type: object, properties: {x: {type: string}}}\n"
        }
        let (files, lines) = try generate(text)
        #expect(lines == [])
        let all = allText(files)
        #expect(all.contains("    public let aB: AB?\n    public let aB2: AB2?\n    public let aB3: AB3?\n"))
        #expect(all.contains("    public let aB2000: AB2000?\n"))
        #expect(all.contains("        case aB2000 = \"\(names[1_999])\"\n"))
        #expect(all.contains("    public struct AB2000: Codable"))
        #expect(!all.contains("AB2001"))
    }

    @Test func thousandsOfOperationIDsWithOneSwiftNameAreNumbered() throws {
        var text = "openapi: 3.1.0\ninfo: {title: Hostile, version: '1'}\npaths:\n"
        for (index, name) in Self.collidingNames(2_000).enumerated() {
            text += "  /p\(index): {get: {operationId: '\(name)', responses: {'204': {description: none}}}}\n"
        }
        let (files, lines) = try generate(text)
        #expect(lines == [])
        let all = allText(files)
        #expect(all.contains("public static func aB(server: Server)"))
        #expect(all.contains("public static func aB2(server: Server)"))
        #expect(all.contains("public static func aB2000(server: Server)"))
        #expect(all.contains("public func aB2000() async throws -> AB2000Outcome"))
        #expect(!all.contains("aB2001"))
    }

    // MARK: allOf, anyOf and oneOf nested past maxDepth

    /// S0 to S`count - 1`, each a `keyword` whose first part is a reference to the next, and the last
    /// an object.
    static func compositionChain(_ keyword: String, _ count: Int) -> String {
        var text = head
        for index in 0..<count {
            text += "    S\(index): {\(keyword): [{$ref: '#/components/schemas/S\(index + 1)'}, {type: object}]}\n"
        }
        return text + "    S\(count): {type: object, properties: {x: {type: string}}}\n"
    }

    @Test(arguments: ["allOf", "anyOf", "oneOf"])
    func aChainOfPartsThroughReferencesDeeperThanMaxDepthIsOneErrorAtItsStart(keyword: String) throws {
        let (files, lines) = try generate(Self.compositionChain(keyword, 5_000))
        #expect(files == nil)
        #expect(
            lines == [
                "spec.yaml:6:9: error: allOf, anyOf, oneOf and $ref nest 5001 levels deep from this schema, counting the "
                    + "schemas their $refs lead to, more than the limit of 256 (maxDepth)"
            ])
    }

    @Test func theDepthLimitIsTheConfiguredMaxDepth() throws {
        let text = Self.compositionChain("allOf", 40)
        let (files, lines) = try generate(text, limits: LoadLimits(maxDepth: 32))
        #expect(files == nil)
        #expect(
            lines == [
                "spec.yaml:6:9: error: allOf, anyOf, oneOf and $ref nest 41 levels deep from this schema, counting the "
                    + "schemas their $refs lead to, more than the limit of 32 (maxDepth)"
            ])
        let (allowed, allowedLines) = try generate(text, limits: LoadLimits(maxDepth: 41))
        #expect(allowedLines == [])
        #expect(allText(allowed).contains("public struct S0: Codable"))
    }

    @Test func aChainOfReferencesBesideADescriptionDeeperThanMaxDepthIsOneErrorAtItsStart() throws {
        // Each link's constraints hold for the next (a property of A300 is checked against A0's maxLength),
        // so the translator follows such a chain too: 301 levels.
        var text = Self.head + "    A0: {type: string, maxLength: 10}\n"
        for index in 1...300 {
            text += "    A\(index): {$ref: '#/components/schemas/A\(index - 1)', description: Link \(index).}\n"
        }
        let (files, lines) = try generate(text)
        #expect(files == nil)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("spec.yaml:") == true)
        #expect(lines.first?.contains("error: allOf, anyOf, oneOf and $ref nest 301 levels deep") == true)
    }

    @Test func partsNestedInlineAndThroughReferencesCountTogether() throws {
        // Each of 150 schemas nests two allOfs inline before referring to the next: 301 levels.
        var text = Self.head
        for index in 0..<150 {
            text += "    S\(index): {allOf: [{allOf: [{$ref: '#/components/schemas/S\(index + 1)'}]}]}\n"
        }
        text += "    S150: {type: string}\n"
        let (files, lines) = try generate(text)
        #expect(files == nil)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("spec.yaml:6:9: error: allOf, anyOf, oneOf and $ref nest 301 levels deep") == true)
    }

    @Test func everyChainThatPassesTheLimitIsReportedOnceAndACycleAtItsFirstSchema() throws {
        // Two chains that share their end, and a cycle of 300 (S0 refers back to the last).
        var text = Self.head
        for index in 0..<300 {
            text += "    A\(index): {allOf: [{$ref: '#/components/schemas/A\(index + 1)'}]}\n"
            let next = index == 299 ? "A300" : "B\(index + 1)"
            text += "    B\(index): {allOf: [{$ref: '#/components/schemas/\(next)'}]}\n"
        }
        text += "    A300: {type: string}\n"
        for index in 0..<300 {
            text += "    C\(index): {oneOf: [{$ref: '#/components/schemas/C\((index + 1) % 300)'}, {type: string}]}\n"
        }
        let (files, lines) = try generate(text)
        #expect(files == nil)
        let located = lines.map { $0.prefix { $0 != " " } }
        #expect(located == ["spec.yaml:6:9:", "spec.yaml:7:9:", "spec.yaml:607:9:"])
    }

    @Test func schemasThatReferToThemselvesOrNestWithinTheLimitGenerate() throws {
        var text = Self.compositionChain("allOf", 200)
        text += "    Node:\n      allOf:\n        - {$ref: '#/components/schemas/Base'}\n"
        text += "        - {type: object, properties: {children: {type: array, items: "
        text += "{$ref: '#/components/schemas/Node'}}}}\n"
        text += "    Base: {type: object, properties: {id: {type: string}}}\n"
        let (files, lines) = try generate(text)
        #expect(!lines.contains { $0.contains("error") })
        #expect(allText(files).contains("public struct Node: Codable"))
    }

    // MARK: Subschemas that refer to shared ones

    @Test func conditionsThatReferToSharedOnesAreWorkedOutOnceAndStaySmall() throws {
        // S0's if, then and else each refer to S1, whose do to S2, and so on: checked in full, the rules
        // would nest 3^40 deep. Each reference is worked out once, and a subschema of more than 256 rules
        // is warned about (at the if of the first too large) and left out.
        var text = Self.head
        for index in 0..<40 {
            let next = "{$ref: '#/components/schemas/S\(index + 1)'}"
            text += "    S\(index): {type: integer, if: \(next), then: \(next), else: {not: \(next)}}\n"
        }
        text += "    S40: {type: integer, minimum: 1}\n"
        text += "    Holder: {type: object, properties: {n: {$ref: '#/components/schemas/S0'}}}\n"
        let clock = ContinuousClock()
        let start = clock.now
        let (files, lines) = try generate(text)
        #expect(clock.now - start < .seconds(20))
        #expect(lines.count == 1)
        let warning = "warning: 'if' with more than 256 rules, counting those of its subschemas"
        #expect(lines.first?.contains(warning) == true)
        #expect(!allText(files).contains("checkIf(n"))
    }
}
