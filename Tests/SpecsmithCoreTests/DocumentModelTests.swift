import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

@testable import SpecsmithCore

@Suite("Document model")
struct DocumentModelTests {
    @Test("3.0 nullable and boolean exclusive bounds read into the same model as their 3.1 forms")
    func versionFormsAgree() throws {
        let old = LoadingFixtures.load("bounds-30.yaml")
        let new = LoadingFixtures.load("bounds-31.yaml")
        #expect(LoadingFixtures.lines(old) == [])
        #expect(LoadingFixtures.lines(new) == [])
        let a = try #require(try LoadingFixtures.document(old).components.schemas["Measure"])
        let b = try #require(try LoadingFixtures.document(new).components.schemas["Measure"])
        #expect(a.properties.keys == b.properties.keys)
        for (name, x) in zip(a.properties.keys, a.properties.values) {
            let y = try #require(b.properties[name])
            #expect(x.types == y.types, "\(name)")
            #expect(x.isNullable == y.isNullable, "\(name)")
            #expect(x.minimum == y.minimum, "\(name)")
            #expect(x.maximum == y.maximum, "\(name)")
            #expect(x.exclusiveMinimum == y.exclusiveMinimum, "\(name)")
            #expect(x.exclusiveMaximum == y.exclusiveMaximum, "\(name)")
            #expect(x.multipleOf == y.multipleOf, "\(name)")
        }
        let label = try #require(a.properties["label"])
        #expect(label.types == [.string, .null])
        #expect(label.isNullable)
        #expect(label.nonNullTypes == [.string])
        let count = try #require(a.properties["count"])
        #expect(count.minimum == nil)
        #expect(count.exclusiveMinimum == YAMLNumber(text: "0", isInteger: true))
        #expect(count.maximum?.text == "10")
        #expect(count.exclusiveMaximum == nil)
        let ratio = try #require(a.properties["ratio"])
        // Exact decimal text is kept.
        #expect(ratio.exclusiveMaximum == YAMLNumber(text: "1.50", isInteger: false))
        #expect(ratio.multipleOf?.text == "0.01")
    }

    @Test("specs/eval.yaml loads with no errors and no warnings, extensions kept")
    func evalSpec() throws {
        let testFile = "\(#filePath)"
        let root = testFile[..<testFile.range(of: "/Tests/SpecsmithCoreTests/")!.lowerBound]
        let result = DocumentLoader().load(file: root + "/specs/eval.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.version == .v31)
        #expect(document.info.title == "eval")
        #expect(
            document.servers.map(\.url) == ["https://live.tradovateapi.com/v1", "https://demo-d.tradovateapi.com/v1"]
        )
        #expect(document.servers.map { $0.extensions["x-specsmith-name"]?.scalar?.text } == ["live", "demo"])
        #expect(
            document.paths.keys == [
                "/auth/oauthtoken", "/auth/accesstokenrequest", "/auth/renewaccesstoken", "/auth/me",
            ]
        )
        #expect(
            document.operations.map(\.operationId) == ["o-auth-token", "accessTokenRequest", "renewAccessToken", "me"]
        )
        #expect(
            document.components.schemas.keys == [
                "OAuthToken", "OAuthTokenResponse", "AccessTokenRequest", "AccessTokenResponse", "OAuthMeResponse",
            ]
        )
        let token = try #require(document.components.schemas["OAuthToken"])
        #expect(token.required == ["grant_type"])
        #expect(token.properties["code"]?.extensions["x-specsmith-secret"]?.scalar?.text == "true")
        #expect(token.properties["code"]?.maxLength == 8192)
        let response = try #require(document.components.schemas["AccessTokenResponse"])
        #expect(
            response.properties["userStatus"]?.enum?.map(\.stringValue) == [
                "Active", "Closed", "Initiated", "TemporaryLocked", "UnconfirmedEmail",
            ]
        )
        #expect(response.properties["userId"]?.exclusiveMinimum?.text == "0")
        #expect(response.properties["expirationTime"]?.format == "date-time")

        let request = try #require(document.paths["/auth/accesstokenrequest"]?.operation(.post))
        #expect(request.security == [])
        #expect(request.requestBody?.required == true)
        #expect(request.requestBody?.content["application/json"]?.schema?.ref?.componentName == "AccessTokenRequest")
        let renew = try #require(document.paths["/auth/renewaccesstoken"]?.operation(.get))
        #expect(renew.security?.first?.schemes.keys == ["bearerAuth"])
        #expect(document.components.securitySchemes["bearerAuth"]?.type == .http)
        #expect(document.components.securitySchemes["bearerAuth"]?.scheme == "bearer")
    }

    @Test("enum, default and example values become JSON values with exact numbers and ordered keys")
    func jsonValues() throws {
        let text = """
            openapi: 3.1.0
            info: {title: Values, version: "1"}
            components:
              schemas:
                Thing:
                  enum: [1, 2.50, "3", true, null]
                  default: {b: 1, a: [x, 0x10]}
                  example: ~
                  x-order: {z: 1, y: 2}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "values.yaml")
        #expect(result.diagnostics == [])
        let thing = try #require(result.document?.components.schemas["Thing"])
        #expect(
            thing.enum == [
                .number(YAMLNumber(text: "1", isInteger: true)), .number(YAMLNumber(text: "2.50", isInteger: false)),
                .string("3"), .bool(true), .null,
            ]
        )
        guard case .object(let object)? = thing.default else {
            Issue.record("default is not an object")
            return
        }
        #expect(object.keys == ["b", "a"])
        #expect(object["a"] == .array([.string("x"), .number(YAMLNumber(text: "16", isInteger: true))]))
        #expect(thing.example == .null)
        #expect(thing.extensions.keys == ["x-order"])
    }

    @Test("parameters get the specification's default style and explode")
    func parameterDefaults() {
        let location = SpecsmithDiagnostics.SourceLocation(file: "f", line: 1, column: 1)
        #expect(Parameter(name: "q", in: .query, location: location).effectiveStyle == .form)
        #expect(Parameter(name: "q", in: .query, location: location).effectiveExplode)
        #expect(Parameter(name: "p", in: .path, location: location).effectiveStyle == .simple)
        #expect(!Parameter(name: "p", in: .path, location: location).effectiveExplode)
        #expect(Parameter(name: "q", in: .query, style: .deepObject, location: location).effectiveExplode == false)
    }

    @Test("ordered maps keep insertion order and look keys up")
    func orderedMap() {
        var map = OrderedMap<Int>()
        map["b"] = 1
        map["a"] = 2
        map["b"] = 3
        #expect(map.keys == ["b", "a"])
        #expect(map["b"] == 3)
        map["b"] = nil
        #expect(map.keys == ["a"])
        #expect(map["a"] == 2)
        #expect(JSONPointer.tokens("/a~1b/c~0d") == ["a/b", "c~d"])
        #expect(JSONPointer.pointer(["a/b", "c~d"]) == "/a~1b/c~0d")
    }

    /// A schema's keywords share one box between copies: changing a copy must leave the others as they were.
    @Test("a schema is a value: changing a copy leaves the original unchanged")
    func schemaCopiesAreValues() {
        let location = SourceLocation(file: "s.yaml", line: 3, column: 5)
        var original = Schema(location: location)
        original.title = "Pet"
        original.properties["name"] = Schema(location: location)
        var copy = original
        #expect(copy == original)
        copy.title = "Dog"
        copy.properties["name"]?.maxLength = 10
        copy.required.append("name")
        #expect(original.title == "Pet")
        #expect(original.properties["name"]?.maxLength == nil)
        #expect(original.required.isEmpty)
        #expect(copy.title == "Dog" && copy.properties["name"]?.maxLength == 10 && copy.required == ["name"])
        #expect(copy != original)
        copy.title = "Pet"
        copy.properties["name"]?.maxLength = nil
        copy.required = []
        #expect(copy == original)
        #expect(Schema(location: location).isEmpty && !original.isEmpty)
    }

    /// Small maps search their keys in order and large ones keep an index: growing past the limit
    /// and shrinking below it again must not lose a key or its position.
    @Test("ordered maps look keys up the same at every size")
    func orderedMapAcrossSizes() {
        var map = OrderedMap<Int>()
        var model: [(String, Int)] = []
        func check() {
            #expect(map.keys == model.map(\.0))
            for (key, value) in model { #expect(map[key] == value && map.contains(key: key)) }
            #expect(map["absent"] == nil && !map.contains(key: "absent"))
        }
        for number in 0..<20 {
            map["k\(number)"] = number
            model.append(("k\(number)", number))
            check()
        }
        map["k3"] = 33
        model[3].1 = 33
        check()
        for number in [0, 7, 19, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14] {
            map["k\(number)"] = nil
            model.removeAll { $0.0 == "k\(number)" }
            check()
        }
        for number in 20..<30 {
            map["k\(number)"] = number
            model.append(("k\(number)", number))
            check()
        }
    }
}
