import Foundation
import SpecsmithRuntime
import Testing

/// Arrays and objects in parameters, in the styles OpenAPI defines.
@Suite struct ParameterStyleTests {
    struct Filter: Encodable {
        var color: String?
        var size: Int?
    }

    func query(_ configure: (inout RequestBuilder) throws -> Void) throws -> String {
        var builder = RequestBuilder(method: .get, server: URL(string: "https://api.example.com")!, path: "/p")
        try configure(&builder)
        let path = try builder.build().request.path ?? ""
        return String(path.dropFirst("/p?".count))
    }

    @Test func arraysInEachQueryStyle() throws {
        #expect(try query { $0.addQueryItems("id", [1, 2]) } == "id=1&id=2")
        #expect(try query { $0.addQueryItems("id", [1, 2], style: .form, explode: false) } == "id=1,2")
        #expect(try query { $0.addQueryItems("c", ["a b", "c"], style: .spaceDelimited, explode: false) } == "c=a%20b%20c")
        #expect(try query { $0.addQueryItems("c", ["a|b", "c"], style: .pipeDelimited, explode: false) } == "c=a%7Cb%7Cc")
        #expect(try query { $0.addQueryItems("c", ["x,y", "&"], style: .form, explode: false) } == "c=x%2Cy,%26")
    }

    @Test func objectsInEachQueryStyle() throws {
        let filter = Filter(color: "red&blue", size: 3)
        #expect(
            try query { try $0.addQueryObject("filter", filter, style: .deepObject, explode: true) }
                == "filter%5Bcolor%5D=red%26blue&filter%5Bsize%5D=3")
        #expect(try query { try $0.addQueryObject("filter", filter, style: .form, explode: true) } == "color=red%26blue&size=3")
        #expect(
            try query { try $0.addQueryObject("filter", filter, style: .form, explode: false) } == "filter=color,red%26blue,size,3")
        #expect(try query { try $0.addQueryObject("filter", Filter(size: 1), style: .deepObject, explode: true) } == "filter%5Bsize%5D=1")
    }

    /// deepObject names nest the object's own names inside the parameter's: a name that holds `[` is still one
    /// name (`filter[a[0]]`, not `filter[a][0]`), and nested objects go one level deeper (`filter[in][k]`).
    @Test func deepObjectNamesFollowTheObjectNotItsText() throws {
        struct Inner: Encodable { var k = "v" }
        struct Odd: Encodable {
            var a = 1
            var inner = Inner()
            enum CodingKeys: String, CodingKey {
                case a = "a[0"
                case inner = "in"
            }
        }
        #expect(
            try query { try $0.addQueryObject("filter", ["a[0]": 1], style: .deepObject, explode: true) }
                == "filter%5Ba%5B0%5D%5D=1")
        #expect(
            try query { try $0.addQueryObject("filter", Odd(), style: .deepObject, explode: true) }
                == "filter%5Ba%5B0%5D=1&filter%5Bin%5D%5Bk%5D=v")
    }

    /// RFC 6570 has no names for an object's members that are objects or arrays: outside deepObject each is
    /// its JSON text, as in a form body, not a `range[min]` name that no style defines.
    @Test func membersNoStyleSpellsAreTheirJSONText() throws {
        struct Range: Encodable { var min = 1 }
        struct Nested: Encodable {
            var color = "red"
            var range = Range()
            var tags = ["a", "b"]
        }
        #expect(
            try query { try $0.addQueryObject("filter", Nested(), style: .form, explode: true) }
                == "color=red&range=%7B%22min%22%3A1%7D&tags=%5B%22a%22%2C%22b%22%5D")
        #expect(
            try query { try $0.addQueryObject("filter", Nested(), style: .form, explode: false) }
                == "filter=color,red,range,%7B%22min%22%3A1%7D,tags,%5B%22a%22%2C%22b%22%5D")
        #expect(
            try query { try $0.addQueryObject("filter", Nested(), style: .deepObject, explode: true) }
                == "filter%5Bcolor%5D=red&filter%5Brange%5D%5Bmin%5D=1&filter%5Btags%5D=a&filter%5Btags%5D=b")
    }

    /// OpenAPI 3.1's style examples: `color=R%20100%20G%20200%20B%20150` and `color=R|100|G|200|B|150`
    /// (`|` encoded, as in arrays of that style).
    @Test func delimitedObjectsJoinWithTheirStylesDelimiter() throws {
        let spaced = try query { try $0.addQueryObject("color", RGB(), style: .spaceDelimited, explode: false) }
        #expect(spaced == "color=R%20100%20G%20200%20B%20150")
        let piped = try query { try $0.addQueryObject("color", RGB(), style: .pipeDelimited, explode: false) }
        #expect(piped == "color=R%7C100%7CG%7C200%7CB%7C150")
    }

    /// RFC 6570 §2.3: an empty list or an associative array without members is undefined, so it adds nothing.
    @Test func emptyArraysAndObjectsAddNoQueryItem() throws {
        for style in [QueryStyle.form, .spaceDelimited, .pipeDelimited, .deepObject] {
            for explode in [false, true] {
                #expect(try query { try $0.addQueryObject("f", Filter(), style: style, explode: explode) } == "")
                #expect(try query { $0.addQueryItems("id", [Int](), style: style, explode: explode) } == "")
            }
        }
        let mixed = try query { request in
            try request.addQueryObject("empty", Filter(), style: .form, explode: false)
            request.addQueryItem("next", 1)
        }
        #expect(mixed == "next=1")
    }

    /// `allowReserved`: RFC 3986's reserved characters that a query holds as data go as they are, as do
    /// percent-encoded triples; `#[]` (not allowed in a query) and `&=+` (form delimiters and space) are still
    /// encoded, as are `%` outside a triple, spaces and non-ASCII characters (OpenAPI 3.1.2, Appendix C).
    @Test func allowReservedKeepsReservedCharactersThatStayData() throws {
        let value = "https://a.example/p?q=1&r#f [x]!$'()*,;@ 100% 5%2F+é"
        #expect(
            try query { $0.addQueryItem("next", value, allowReserved: true) }
                == "next=https://a.example/p?q%3D1%26r%23f%20%5Bx%5D!$'()*,;@%20100%25%205%2F%2B%C3%A9")
        #expect(try query { $0.addQueryItem("next", "a/b:c") } == "next=a%2Fb%3Ac")
        #expect(try query { $0.addQueryItem("a/b", "c/d", allowReserved: true) } == "a%2Fb=c/d")
        #expect(try query { $0.addQueryItems("p", ["a/b", "c&d"], allowReserved: true) } == "p=a/b&p=c%26d")
        let piped = try query {
            $0.addQueryItems("p", ["a/b", "c d"], style: .pipeDelimited, explode: false, allowReserved: true)
        }
        #expect(piped == "p=a/b%7Cc%20d")
        let filter = Filter(color: "r/g=b", size: 1)
        #expect(
            try query { try $0.addQueryObject("f", filter, style: .deepObject, explode: true, allowReserved: true) }
                == "f%5Bcolor%5D=r/g%3Db&f%5Bsize%5D=1")
        #expect(
            try query { try $0.addQueryObject("f", filter, style: .form, explode: false, allowReserved: true) }
                == "f=color,r/g%3Db,size,1")
    }

    @Test func arraysInAPathStayInOneSegment() throws {
        let ids = ["a/b", "c"]
        var builder = RequestBuilder(method: .get, server: URL(string: "https://api.example.com")!, path: "/items/\(ids)")
        builder.acceptJSON()
        #expect(try builder.build().request.path == "/items/a%2Fb,c")
    }
}
