import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

@testable import SpecsmithCore

@Suite("Loading: JSON Schema 2020-12 keywords")
struct KeywordsOf31LoadingTests {
    @Test("contains, minContains and maxContains are read, in 3.0 with a warning; each applies to arrays")
    func containsIsReadWithItsCounts() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A:
                  type: array
                  contains: {minimum: 90}
                  minContains: 2
                  maxContains: 3
                B: {type: string, contains: {}}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "c.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "c.yaml:8:7: warning: \"contains\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "c.yaml:9:7: warning: \"minContains\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "c.yaml:10:7: warning: \"maxContains\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "c.yaml:11:23: warning: \"contains\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "c.yaml:11:23: warning: \"contains\" applies to arrays; it has no effect on type string",
            ]
        )
        let a = try #require(result.document?.components.schemas["A"])
        #expect(a.contains?.minimum?.text == "90")
        #expect(a.minContains == 2 && a.maxContains == 3)
    }

    @Test("unevaluatedProperties and unevaluatedItems say what additionalProperties and items would, where they can")
    func unevaluatedKeywordsStandForAdditionalPropertiesAndItems() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Closed: {type: object, properties: {a: {}}, unevaluatedProperties: false}
                Merged: {allOf: [{$ref: '#/components/schemas/Closed'}], unevaluatedProperties: {type: string}}
                Open: {type: object, additionalProperties: true, unevaluatedProperties: false}
                Union: {oneOf: [{type: object}], unevaluatedProperties: false}
                Tuple: {type: array, prefixItems: [{}], unevaluatedItems: false}
                Listed: {type: array, unevaluatedItems: {type: integer}}
                Counted: {type: array, contains: {}, unevaluatedItems: false}
                Wrong: {type: string, unevaluatedItems: false}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "u.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "u.yaml:9:38: warning: \"unevaluatedProperties\" beside \"oneOf\" is not supported; ignored",
                "u.yaml:12:42: warning: \"unevaluatedItems\" beside \"contains\" is not supported; ignored",
                "u.yaml:13:27: warning: \"unevaluatedItems\" applies to arrays; it has no effect on type string",
            ]
        )
        let schemas = try #require(result.document?.components.schemas)
        #expect(schemas["Closed"]?.additionalProperties == .bool(false))
        guard case .schema(let values)? = schemas["Merged"]?.additionalProperties else {
            Issue.record("unevaluatedProperties beside allOf is not read as a schema")
            return
        }
        #expect(values.types == [.string])
        #expect(schemas["Open"]?.additionalProperties == .bool(true))
        #expect(schemas["Union"]?.additionalProperties == nil)
        #expect(schemas["Tuple"]?.items?.not != nil)
        #expect(schemas["Listed"]?.items?.types == [.integer])
        #expect(schemas["Counted"]?.items == nil)

        let old = DocumentLoader().load(
            bytes: Array(text.replacingOccurrences(of: "3.1.0", with: "3.0.3").utf8), file: "u.yaml")
        #expect(
            old.diagnostics.first?.description
                == "u.yaml:6:49: warning: \"unevaluatedProperties\" is OpenAPI 3.1; it is read anyway in this 3.0 document"
        )
        #expect(old.document?.components.schemas["Closed"]?.additionalProperties == .bool(false))
    }

    @Test("dependentSchemas that only require names join dependentRequired; others are kept as schemas")
    func dependentSchemasThatRequireAreDependentRequired() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Card:
                  type: object
                  dependentRequired: {card: [address]}
                  dependentSchemas:
                    card: {required: [address, cvc]}
                    cvc: {required: [card], properties: {card: {type: string}}}
                    zip: 7
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "d.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "d.yaml:8:7: warning: \"dependentRequired\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "d.yaml:9:7: warning: \"dependentSchemas\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "d.yaml:12:14: error: expected a mapping (Schema object) for \"zip\", found the integer 7",
            ]
        )
        let card = try #require(result.document?.components.schemas["Card"])
        #expect(card.dependentRequired["card"] == ["address", "cvc"])
        #expect(card.dependentRequired["cvc"] == nil)
        #expect(card.dependentSchemas["cvc"]?.required == ["card"])
        #expect(card.dependentSchemas["card"] == nil)
    }

    @Test("if, then and else are read; if without then or else, and then or else without if, are warned about")
    func ifThenElseAreRead() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Address:
                  type: object
                  properties: {country: {type: string}, postalCode: {type: string}}
                  if: {properties: {country: {const: US}}, required: [country]}
                  then: {properties: {postalCode: {pattern: '^[0-9]{5}$'}}}
                  else: false
                Lone:
                  if: {minimum: 1}
                Orphan:
                  else: {maximum: 2}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "c.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "c.yaml:13:7: warning: \"if\" without \"then\" or \"else\" says nothing; ignored",
                "c.yaml:15:7: warning: \"else\" without \"if\" says nothing; ignored",
            ]
        )
        let schemas = try #require(result.document?.components.schemas)
        let address = try #require(schemas["Address"])
        #expect(address.if?.required == ["country"])
        #expect(address.then?.properties["postalCode"]?.pattern == "^[0-9]{5}$")
        #expect(address.else?.not == Schema(location: address.else!.location))
        #expect(schemas["Lone"]?.if == nil)
        #expect(schemas["Orphan"]?.else == nil)

        let old = DocumentLoader().load(
            bytes: Array(text.replacingOccurrences(of: "3.1.0", with: "3.0.3").utf8), file: "c.yaml")
        #expect(
            old.diagnostics.first?.description
                == "c.yaml:9:7: warning: \"if\" is OpenAPI 3.1; it is read anyway in this 3.0 document"
        )
    }

    @Test("patternProperties is read, in 3.0 with a warning; a pattern the runtime cannot use is an error")
    func patternPropertiesAreReadByPattern() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  patternProperties:
                    "^x-": {type: string}
                    "(": {type: integer}
                B:
                  type: object
                  properties:
                    a: {$ref: '#/components/schemas/A'}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "p.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "p.yaml:8:7: warning: \"patternProperties\" is OpenAPI 3.1; it is read anyway in this 3.0 document"
            ]
        )
        let document = try #require(result.document)
        #expect(document.components.schemas["A"]?.patternProperties.keys.map { $0 } == ["^x-", "("])
        let pipeline = Pipeline(templates: try TemplateSet.defaults())
        let translated = pipeline.translate(document, job: GenerationJob(spec: "p.yaml", output: "", module: "P"))
        #expect(
            translated.diagnostics.map(\.description) == [
                "p.yaml:10:14: error: patternProperties pattern '(' is not a regular expression the generated code can use"
            ]
        )
    }
}

@Suite("Loading: null that enum or const refuse")
struct NullRefusedByValuesTests {
    @Test("in 3.1, type: [T, null] beside an enum without null or a const that is not null allows no null")
    func nullLeavesTheTypeListWithAWarning() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Listed: {type: [string, 'null'], enum: [a, b]}
                ListedWithNull: {type: [string, 'null'], enum: [a, null]}
                Constant: {type: [integer, 'null'], const: 3}
                NullConstant: {type: [integer, 'null'], const: null}
                OnlyNull: {type: ['null'], enum: [a]}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "n.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "n.yaml:6:38: warning: \"type\" allows null but \"enum\" does not list null, and JSON Schema applies "
                    + "both: null is not valid here",
                "n.yaml:8:41: warning: \"type\" allows null but \"const\" is not null, and JSON Schema applies both: "
                    + "null is not valid here",
                "n.yaml:10:39: warning: \"enum\" value \"a\" is not of type null",
            ]
        )
        let schemas = try #require(result.document?.components.schemas)
        #expect(schemas["Listed"]?.types == [.string] && schemas["Listed"]?.isNullable == false)
        #expect(schemas["Constant"]?.types == [.integer] && schemas["Constant"]?.isNullable == false)
        #expect(schemas["ListedWithNull"]?.types == [.string, .null] && schemas["ListedWithNull"]?.isNullable == true)
        #expect(schemas["NullConstant"]?.types == [.integer, .null] && schemas["NullConstant"]?.isNullable == true)
        #expect(schemas["OnlyNull"]?.types == [.null])
    }

    @Test("in 3.0, nullable: true beside an enum without null allows null, as most 3.0 documents mean it")
    func nullableOf30StillAllowsNull() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Listed: {type: string, nullable: true, enum: [a, b]}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "n.yaml")
        #expect(result.diagnostics.isEmpty)
        let listed = try #require(result.document?.components.schemas["Listed"])
        #expect(listed.types == [.string, .null] && listed.isNullable)
    }

    /// A schema's reader tells absent keywords by the lengths of their names; each keyword must still be
    /// found where a schema has it, after other keys or alone.
    @Test("every schema keyword is found where a schema has it")
    func everyKeywordIsFound() throws {
        let session = LoadSession(limits: LoadLimits())
        for keyword in SchemaKeyword.allCases {
            #expect(keyword.nameLength == keyword.rawValue.utf8.count, "\(keyword)")
            let other = keyword == .title ? "format" : "title"
            for text in ["{'\(keyword.rawValue)': 1}", "{x-a: 1, \(other): 2, '\(keyword.rawValue)': 3}"] {
                let node = try YAMLLoader.load(Array(text.utf8), file: "k.yaml")
                guard let reader = SchemaReader(session, node, file: "k.yaml", key: nil) else {
                    Issue.record("\(text) is no mapping")
                    continue
                }
                #expect(reader.index(of: keyword) == (text.hasPrefix("{x-") ? 2 : 0), "\(keyword)")
            }
        }
    }
}
