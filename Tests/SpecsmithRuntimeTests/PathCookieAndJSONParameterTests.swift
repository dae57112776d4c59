import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// Path styles, cookie parameters and `content: application/json` parameters, as OpenAPI 3.1's
/// "Style Examples" table (RFC 6570) spells them.
@Suite("Path styles, cookies and JSON parameters")
struct PathCookieAndJSONParameterTests {
    private let server = URL(string: "https://api.example.com")!

    private func path(_ path: RequestPath) throws -> String {
        try RequestBuilder(method: .get, server: server, path: path).build().request.path ?? ""
    }

    private func cookie(_ add: (inout RequestBuilder) throws -> Void) throws -> String? {
        var builder = RequestBuilder(method: .get, server: server, path: "/")
        try add(&builder)
        return try builder.build().request.headerFields[.cookie]
    }

    // MARK: - Path styles

    @Test func labelStyleFollowsTheStyleExamples() throws {
        let colors = ["blue", "black", "brown"]
        #expect(try path("/c/\("blue", style: .label)") == "/c/.blue")
        #expect(try path("/c/\(colors, style: .label, explode: false)") == "/c/.blue,black,brown")
        #expect(try path("/c/\(colors, style: .label, explode: true)") == "/c/.blue.black.brown")
        #expect(try path("/c/\(object: RGB(), style: .label, explode: false)") == "/c/.R,100,G,200,B,150")
        #expect(try path("/c/\(object: RGB(), style: .label, explode: true)") == "/c/.R=100.G=200.B=150")
    }

    @Test func matrixStyleFollowsTheStyleExamples() throws {
        let colors = ["blue", "black", "brown"]
        #expect(try path("/c/\("blue", style: .matrix("color"))") == "/c/;color=blue")
        #expect(try path("/c/\("", style: .matrix("color"))") == "/c/;color")
        #expect(try path("/c/\(colors, style: .matrix("color"), explode: false)") == "/c/;color=blue,black,brown")
        #expect(
            try path("/c/\(colors, style: .matrix("color"), explode: true)") == "/c/;color=blue;color=black;color=brown")
        #expect(try path("/c/\(object: RGB(), style: .matrix("color"), explode: false)") == "/c/;color=R,100,G,200,B,150")
        #expect(try path("/c/\(object: RGB(), style: .matrix("color"), explode: true)") == "/c/;R=100;G=200;B=150")
    }

    /// RFC 6570 §3.2.7: a `;` expansion writes an empty value as the bare name, `{;keys*}` with `G` empty as
    /// `;R=100;G` (not `;G=`), as `{;list*}` writes an empty item as `;color`. Not exploded, the value is the
    /// list, so the comma stays: `;color=R,100,G,`.
    @Test func emptyMatrixValuesAreBareNames() throws {
        struct Pair: Encodable {
            var R = "100"
            var G = ""
        }
        #expect(try path("/c/\(object: Pair(), style: .matrix("color"), explode: true)") == "/c/;R=100;G")
        #expect(try path("/c/\(object: Pair(), style: .matrix("color"), explode: false)") == "/c/;color=R,100,G,")
        #expect(try path("/c/\(["blue", ""], style: .matrix("color"), explode: true)") == "/c/;color=blue;color")
        #expect(try path("/c/\(object: Pair(), style: .label, explode: true)") == "/c/.R=100.G=")
    }

    @Test func simpleStyleObjectsJoinWithCommas() throws {
        #expect(try path("/c/\(object: RGB(), style: .simple, explode: false)") == "/c/R,100,G,200,B,150")
        #expect(try path("/c/\(object: RGB(), style: .simple, explode: true)") == "/c/R=100,G=200,B=150")
        #expect(try path("/c/\([1, 2], style: .simple, explode: true)") == "/c/1,2")
    }

    @Test func styledValuesCannotChangeThePathOrTheirSeparators() throws {
        // `.` separates label values, and `;`, `=` and `,` matrix parts: inside a value they are data.
        #expect(try path("/f/\("..", style: .label)") == "/f/.%2E%2E")
        #expect(try path("/f/\(["a.b", "c"], style: .label, explode: true)") == "/f/.a%2Eb.c")
        #expect(try path("/f/\("a;b=c,d/e", style: .matrix("x;y"))") == "/f/;x%3By=a%3Bb%3Dc%2Cd%2Fe")
        #expect(try path("/f/\(["../x"], style: .matrix("id"), explode: true)") == "/f/;id=..%2Fx")
    }

    @Test func emptyLabelValuesAndEmptyCollectionsAreRefused() {
        #expect(throws: RequestError.emptyPathParameter) { try path("/c/\("", style: .label)") }
        #expect(throws: RequestError.emptyPathParameter) { try path("/c/\([String](), style: .label, explode: true)") }
        #expect(throws: RequestError.emptyPathParameter) {
            try path("/c/\([Int](), style: .matrix("id"), explode: false)")
        }
    }

    @Test func jsonPathParametersArePercentEncodedJSON() throws {
        #expect(try path("/q/\(json: ["a": 1])") == "/q/%7B%22a%22%3A1%7D")
        #expect(throws: RequestError.unencodableParameter) { try path("/q/\(json: [Double.nan])") }
    }

    // MARK: - Cookies

    @Test func cookiesGoInOneCookieFieldInOrder() throws {
        let field = try cookie { request in
            request.addCookie("session", "abc")
            request.addCookie("count", 3)
            request.addCookie("absent", String?.none)
        }
        #expect(field == "session=abc; count=3")
        #expect(try cookie { _ in } == nil)
    }

    @Test func cookieValuesCannotAddCookiesOrAttributes() throws {
        let field = try cookie { request in request.addCookie("id", "1; admin=true, x=\"y\"\r\nX-Evil: 1") }
        #expect(field == "id=1%3B%20admin%3Dtrue%2C%20x%3D%22y%22%0D%0AX-Evil%3A%201")
    }

    @Test func arrayAndObjectCookiesFollowFormStyle() throws {
        #expect(try cookie { $0.addCookie("id", [3, 4], explode: false) } == "id=3,4")
        #expect(try cookie { $0.addCookie("id", [3, 4], explode: true) } == "id=3; id=4")
        #expect(try cookie { $0.addCookie("id", ["a,b"], explode: false) } == "id=a%2Cb")
        #expect(try cookie { try $0.addCookieObject("rgb", RGB(), explode: false) } == "rgb=R,100,G,200,B,150")
        #expect(try cookie { try $0.addCookieObject("rgb", RGB(), explode: true) } == "R=100; G=200; B=150")
    }

    /// OpenAPI 3.2's `cookie` style, as its Style Examples table and cookie parameter example spell it: pairs joined
    /// by `; `, as given, not percent-encoded (the value of the example is given percent-encoded, and `!` is a
    /// cookie's).
    @Test func cookieStyleFollowsTheStyleExamples() throws {
        #expect(try cookie { try $0.addCookie("color", "blue", style: .cookie) } == "color=blue")
        #expect(try cookie { try $0.addCookie("color", "", style: .cookie) } == "color=")
        #expect(
            try cookie { try $0.addCookie("color", ["blue", "black", "brown"], style: .cookie) }
                == "color=blue; color=black; color=brown")
        #expect(try cookie { try $0.addCookieObject("color", RGB(), style: .cookie) } == "R=100; G=200; B=150")
        #expect(
            try cookie { try $0.addCookie("greeting", "Hello%2C%20world!", style: .cookie) }
                == "greeting=Hello%2C%20world!")
        // In form style the same calls percent-encode, as addCookie(_:_:) does.
        #expect(
            try cookie { try $0.addCookie("greeting", "Hello, world!", style: .form) }
                == "greeting=Hello%2C%20world%21")
        #expect(try cookie { try $0.addCookie("color", String?.none, style: .cookie) } == nil)
    }

    /// A value given in `cookie` style that would need escaping (`;`, `,`, a space, a quote, a line break, a
    /// character beyond ASCII) or a name that is no token is refused, never sent: it could add a cookie.
    @Test func cookieStyleRefusesWhatACookieCannotHold() throws {
        for value in ["1; admin=true", "a,b", "a b", "\"q\"", "a\\b", "x\r\nX-Evil: 1", "é"] {
            #expect(throws: RequestError.invalidCookie(name: "id")) {
                try cookie { try $0.addCookie("id", value, style: .cookie) }
            }
        }
        #expect(throws: RequestError.invalidCookie(name: "a b")) {
            try cookie { try $0.addCookie("a b", "1", style: .cookie) }
        }
        #expect(throws: RequestError.invalidCookie(name: "id")) {
            try cookie { try $0.addCookie("id", ["ok", "not ok"], style: .cookie) }
        }
    }

    @Test func theCookieFieldIsNeverIndexed() throws {
        var builder = RequestBuilder(method: .get, server: server, path: "/")
        builder.addCookie("session", "abc")
        let field = try #require(try builder.build().request.headerFields.first { $0.name == .cookie })
        #expect(field.indexingStrategy == .disallow)
    }

    // MARK: - Header objects

    @Test func objectHeadersAreSimpleStyle() throws {
        var builder = RequestBuilder(method: .get, server: server, path: "/")
        try builder.setHeaderObject("X-Exploded", RGB(), explode: true)
        try builder.setHeaderObject("X-Flat", RGB(), explode: false)
        try builder.setHeaderObject("X-Absent", RGB?.none, explode: true)
        let fields = try builder.build().request.headerFields
        #expect(fields[HTTPField.Name("X-Exploded")!] == "R=100,G=200,B=150")
        #expect(fields[HTTPField.Name("X-Flat")!] == "R,100,G,200,B,150")
        #expect(fields[HTTPField.Name("X-Absent")!] == nil)
    }

    /// Outside a query's deepObject no style spells a member that is an object or an array: in a path, a
    /// header or a cookie it is its JSON text, as in a form body.
    @Test func nestedMembersOfPathHeaderAndCookieObjectsAreTheirJSONText() throws {
        struct Inner: Encodable { var min = 1 }
        struct Nested: Encodable {
            var unit = "m"
            var range = Inner()
        }
        #expect(
            try path("/c/\(object: Nested(), style: .matrix("w"), explode: true)") == "/c/;unit=m;range=%7B%22min%22%3A1%7D")
        var builder = RequestBuilder(method: .get, server: server, path: "/")
        try builder.setHeaderObject("X-Window", Nested(), explode: true)
        try builder.addCookieObject("window", Nested(), explode: true)
        let fields = try builder.build().request.headerFields
        #expect(fields[HTTPField.Name("X-Window")!] == #"unit=m,range={"min":1}"#)
        #expect(fields[.cookie] == "unit=m; range=%7B%22min%22%3A1%7D")
    }

    /// RFC 6570 §2.3: an empty list or an associative array without members is undefined, so no field is set.
    @Test func emptyArrayAndObjectHeadersSetNoField() throws {
        struct Filter: Encodable {
            var color: String?
            var size: Int?
        }
        var builder = RequestBuilder(method: .get, server: server, path: "/")
        try builder.setHeader("X-Arr", [Int]())
        try builder.setHeader("X-Ids", [1, 2])
        try builder.setHeader("X-Absent", [Int]?.none)
        try builder.setHeaderObject("X-Obj", Filter(), explode: false)
        try builder.setHeaderObject("X-Obj-Ex", Filter(), explode: true)
        let fields = try builder.build().request.headerFields
        #expect(fields[HTTPField.Name("X-Arr")!] == nil)
        #expect(fields[HTTPField.Name("X-Ids")!] == "1,2")
        #expect(fields[HTTPField.Name("X-Absent")!] == nil)
        #expect(fields[HTTPField.Name("X-Obj")!] == nil)
        #expect(fields[HTTPField.Name("X-Obj-Ex")!] == nil)
        #expect(try cookie { try $0.addCookieObject("obj", Filter(), explode: false) } == nil)
    }

    @Test func anObjectHeaderCannotEndItsField() {
        struct Note: Encodable { var text = "a\r\nX-Evil: 1" }
        var builder = RequestBuilder(method: .get, server: server, path: "/")
        #expect(throws: RequestError.invalidHeaderValue(name: "X-Note")) {
            try builder.setHeaderObject("X-Note", Note(), explode: true)
        }
    }

    // MARK: - Unions of primitives

    /// A `oneOf` of a string, an integer, a number, a Boolean, an array and `null`, encoding the value of
    /// its case as a generated union does.
    private enum Union: Encodable {
        case string(String)
        case integer(Int)
        case number(Double)
        case boolean(Bool)
        case array([Int?])
        case null

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .string(let value): try value.encode(to: encoder)
            case .integer(let value): try value.encode(to: encoder)
            case .number(let value): try value.encode(to: encoder)
            case .boolean(let value): try value.encode(to: encoder)
            case .array(let value): try value.encode(to: encoder)
            case .null: try String?.none.encode(to: encoder)
            }
        }
    }

    private func query(_ value: Union, style: QueryStyle, explode: Bool) throws -> String {
        var builder = RequestBuilder(method: .get, server: server, path: "/")
        try builder.addQueryObject("u", value, style: style, explode: explode)
        return try builder.build().request.path ?? ""
    }

    @Test func primitiveUnionsInTheQueryAreNameValuePairsInEveryStyle() throws {
        for style in [QueryStyle.form, .spaceDelimited, .pipeDelimited, .deepObject] {
            for explode in [false, true] {
                #expect(try query(.string("a b&c"), style: style, explode: explode) == "/?u=a%20b%26c")
                #expect(try query(.integer(7), style: style, explode: explode) == "/?u=7")
                #expect(try query(.null, style: style, explode: explode) == "/")
            }
        }
        #expect(try query(.number(1.5), style: .form, explode: true) == "/?u=1.5")
        #expect(try query(.boolean(true), style: .form, explode: false) == "/?u=true")
    }

    @Test func arrayUnionsInTheQueryAreArrays() throws {
        #expect(try query(.array([1, nil, 2]), style: .form, explode: true) == "/?u=1&u=2")
        #expect(try query(.array([1, 2]), style: .form, explode: false) == "/?u=1,2")
        #expect(try query(.array([1, 2]), style: .pipeDelimited, explode: false) == "/?u=1%7C2")
        #expect(try query(.array([]), style: .form, explode: false) == "/")
    }

    @Test func primitiveUnionsInAPathAreValuesInEveryStyle() throws {
        #expect(try path("/u/\(object: Union.string("a/b"), style: .simple, explode: false)") == "/u/a%2Fb")
        #expect(try path("/u/\(object: Union.integer(7), style: .simple, explode: true)") == "/u/7")
        #expect(try path("/u/\(object: Union.string(".."), style: .simple, explode: false)") == "/u/%2E%2E")
        #expect(try path("/u/\(object: Union.number(1.5), style: .label, explode: false)") == "/u/.1%2E5")
        #expect(try path("/u/\(object: Union.boolean(false), style: .matrix("u"), explode: true)") == "/u/;u=false")
        #expect(try path("/u/\(object: Union.array([1, 2]), style: .label, explode: true)") == "/u/.1.2")
        #expect(try path("/u/\(object: Union.array([1, 2]), style: .matrix("u"), explode: true)") == "/u/;u=1;u=2")
        #expect(throws: RequestError.emptyPathParameter) {
            try path("/u/\(object: Union.null, style: .simple, explode: false)")
        }
        #expect(throws: RequestError.emptyPathParameter) {
            try path("/u/\(object: Union.string(""), style: .simple, explode: false)")
        }
        #expect(throws: RequestError.unencodableParameter) {
            try path("/u/\(object: Union.number(.nan), style: .simple, explode: false)")
        }
    }

    @Test func primitiveUnionsInHeadersAndCookiesAreValues() throws {
        var builder = RequestBuilder(method: .get, server: server, path: "/")
        try builder.setHeaderObject("X-String", Union.string("a, b"), explode: false)
        try builder.setHeaderObject("X-Integer", Union.integer(5), explode: true)
        try builder.setHeaderObject("X-Array", Union.array([1, 2]), explode: false)
        try builder.setHeaderObject("X-Null", Union.null, explode: false)
        try builder.addCookieObject("s", Union.string("a; b"), explode: true)
        try builder.addCookieObject("n", Union.number(1.5), explode: false)
        try builder.addCookieObject("a", Union.array([3, 4]), explode: false)
        try builder.addCookieObject("z", Union.null, explode: true)
        let fields = try builder.build().request.headerFields
        #expect(fields[HTTPField.Name("X-String")!] == "a, b")
        #expect(fields[HTTPField.Name("X-Integer")!] == "5")
        #expect(fields[HTTPField.Name("X-Array")!] == "1,2")
        #expect(fields[HTTPField.Name("X-Null")!] == nil)
        #expect(fields[.cookie] == "s=a%3B%20b; n=1.5; a=3,4")
    }

    @Test func aUnionArrayOfObjectsIsRefused() {
        struct Point: Encodable { var x = 1 }
        var builder = RequestBuilder(method: .get, server: server, path: "/")
        #expect(throws: RequestError.unencodableParameter) {
            try builder.addQueryObject("p", [Point()], style: .form, explode: true)
        }
    }

    // MARK: - JSON content

    @Test func jsonQueryHeaderAndCookieParameters() throws {
        var builder = RequestBuilder(method: .get, server: server, path: "/search")
        try builder.addQueryItem("filter", json: ["name": "a&b"])
        try builder.setHeader("X-Filter", json: ["line": "1\r\n2"])
        try builder.addCookie("prefs", json: [true])
        try builder.addQueryItem("absent", json: [String: Int]?.none)
        let request = try builder.build().request
        #expect(request.path == "/search?filter=%7B%22name%22%3A%22a%26b%22%7D")
        // Raw in a header: JSON escapes CR and LF, so the value cannot end the field.
        #expect(request.headerFields[HTTPField.Name("X-Filter")!] == #"{"line":"1\r\n2"}"#)
        #expect(request.headerFields[.cookie] == "prefs=%5Btrue%5D")
    }
}
