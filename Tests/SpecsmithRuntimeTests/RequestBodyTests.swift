import Foundation
import SpecsmithRuntime
import Testing

/// Bodies other than JSON, as generated operations send them.
@Suite struct RequestBodyTests {
    struct Charge: Encodable {
        var amount: Int
        var currency: String?
        var metadata: [String: String]?
        var expand: [String]?
        var items: [Item]?
    }

    struct Item: Encodable {
        var price: String
        var quantity: Int
    }

    func build(_ configure: (inout RequestBuilder) throws -> Void) throws -> PreparedRequest {
        var builder = RequestBuilder(method: .post, server: URL(string: "https://api.example.com")!, path: "/x")
        try configure(&builder)
        return try builder.build()
    }

    func text(_ request: PreparedRequest) -> String {
        String(decoding: request.body ?? Data(), as: UTF8.self)
    }

    /// Without an Encoding Object a property is written by its default `contentType`: text for a value,
    /// the name repeated for an array of values, JSON text for an object or an array of objects.
    @Test func formBodiesWriteObjectsAsJSONAndRepeatArrays() throws {
        let charge = Charge(
            amount: 2000, currency: "e&r=1 +", metadata: ["order": "a/b"], expand: ["customer", "invoice"],
            items: [Item(price: "p_1", quantity: 2)])
        let request = try build { try $0.setFormBody(charge) }
        #expect(request.request.headerFields[.contentType] == "application/x-www-form-urlencoded")
        #expect(
            text(request)
                == "amount=2000&currency=e%26r%3D1%20%2B&metadata=%7B%22order%22%3A%22a%2Fb%22%7D"
                + "&expand=customer&expand=invoice&items=%5B%7B%22price%22%3A%22p_1%22%2C%22quantity%22%3A2%7D%5D")
    }

    /// OpenAPI 3.1.2's "URL Encoded Form with JSON Values", byte for byte but for its spaces, which are `%20`
    /// here rather than `+` (both mean a space in a form).
    @Test func formBodiesWriteTheSpecificationsExample() throws {
        struct Address: Encodable {
            var streetAddress: String
            var city: String
            var state: String
            var zip: String
        }
        struct Form: Encodable {
            var id: String
            var address: Address
        }
        let address = Address(streetAddress: "123 Example Dr.", city: "Somewhere", state: "CA", zip: "99999+1234")
        let request = try build { try $0.setFormBody(Form(id: "f81d4fae-7dec-11d0-a765-00a0c91e6bf6", address: address)) }
        #expect(
            text(request)
                == "id=f81d4fae-7dec-11d0-a765-00a0c91e6bf6&address=%7B%22streetAddress%22%3A%22123%20Example%20Dr.%22"
                + "%2C%22city%22%3A%22Somewhere%22%2C%22state%22%3A%22CA%22%2C%22zip%22%3A%2299999%2B1234%22%7D")
    }

    /// The Encoding Object's `style`, `explode` and `allowReserved` write a property as a query parameter of
    /// that style; a JSON `contentType` writes its JSON text (OpenAPI 3.1.2's `id=%22f81d...%22`).
    @Test func formBodiesWritePropertiesAsTheirEncodingsSay() throws {
        let charge = Charge(
            amount: 2000, currency: "eur", metadata: ["order": "a/b"], expand: ["customer", "invoice"],
            items: [Item(price: "p_1", quantity: 2)])
        let request = try build {
            try $0.setFormBody(
                charge,
                encodings: [
                    "currency": .json,
                    "metadata": .style(.deepObject, explode: true, allowReserved: true),
                    "expand": .style(.spaceDelimited, explode: false, allowReserved: false),
                    "items": .json,
                ])
        }
        #expect(
            text(request)
                == "amount=2000&currency=%22eur%22&metadata%5Border%5D=a/b&expand=customer%20invoice"
                + "&items=%5B%7B%22price%22%3A%22p_1%22%2C%22quantity%22%3A2%7D%5D")
        let form = try build {
            try $0.setFormBody(
                Charge(amount: 1, metadata: ["k": "v"], expand: ["a", "b"]),
                encodings: [
                    "metadata": .style(.form, explode: true, allowReserved: false),
                    "expand": .style(.form, explode: false, allowReserved: false),
                ])
        }
        #expect(text(form) == "amount=1&k=v&expand=a,b")
    }

    struct Filter: Encodable {
        var name: String
        var range: [String: Int]?
        var tags: [String]?
    }

    struct Search: Encodable {
        var filter: Filter
    }

    /// `form` style (and the delimited ones) spells an object's own values only: a member that is an object
    /// or an array is its JSON text, where `deepObject` nests its names.
    @Test func formBodiesWriteWhatNoStyleSpellsAsJSON() throws {
        let search = Search(filter: Filter(name: "a b", range: ["min": 1], tags: ["x", "y"]))
        func body(_ encoding: FormEncoding) throws -> String {
            text(try build { try $0.setFormBody(search, encodings: ["filter": encoding]) })
        }
        #expect(
            try body(.style(.form, explode: true, allowReserved: false))
                == "name=a%20b&range=%7B%22min%22%3A1%7D&tags=%5B%22x%22%2C%22y%22%5D")
        #expect(
            try body(.style(.form, explode: false, allowReserved: false))
                == "filter=name,a%20b,range,%7B%22min%22%3A1%7D,tags,%5B%22x%22%2C%22y%22%5D")
        #expect(
            try body(.style(.deepObject, explode: true, allowReserved: false))
                == "filter%5Bname%5D=a%20b&filter%5Brange%5D%5Bmin%5D=1&filter%5Btags%5D=x&filter%5Btags%5D=y")
    }

    @Test func formBodiesLeaveOutAbsentValues() throws {
        let request = try build { try $0.setFormBody(Charge(amount: 1)) }
        #expect(text(request) == "amount=1")
    }

    struct Upload: Encodable {
        var purpose: String
        var file: Data
        var tags: [String]
        var options: [String: Int]
    }

    @Test func multipartBodiesSendEachPropertyAsAPart() throws {
        let upload = Upload(purpose: "avatar", file: Data([0, 1, 2]), tags: ["a", "b"], options: ["x": 1])
        let request = try build { try $0.setMultipartBody(upload, boundary: "B") }
        #expect(request.request.headerFields[.contentType] == "multipart/form-data; boundary=B")
        let expected =
            "--B\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\navatar\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n\u{0}\u{1}\u{2}\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nb\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"options\"\r\nContent-Type: application/json\r\n\r\n{\"x\":1}\r\n"
            + "--B--\r\n"
        #expect(text(request) == expected)
    }

    /// An Encoding Object's `contentType` is each part's `Content-Type`; a string part of a JSON type is
    /// its JSON text.
    @Test func multipartPartsCarryTheirEncodingsContentType() throws {
        let upload = Upload(purpose: "avatar", file: Data([0, 1]), tags: ["a"], options: ["x": 1])
        let request = try build {
            try $0.setMultipartBody(
                upload,
                encodings: [
                    "purpose": MultipartEncoding(contentType: "application/json"),
                    "file": MultipartEncoding(contentType: "image/png"),
                    "tags": MultipartEncoding(contentType: "text/csv"),
                    "options": MultipartEncoding(contentType: "application/vnd.options+json"),
                ],
                boundary: "B")
        }
        let expected =
            "--B\r\nContent-Disposition: form-data; name=\"purpose\"\r\n"
            + "Content-Type: application/json\r\n\r\n\"avatar\"\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
            + "Content-Type: image/png\r\n\r\n\u{0}\u{1}\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"tags\"\r\nContent-Type: text/csv\r\n\r\na\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"options\"\r\n"
            + "Content-Type: application/vnd.options+json\r\n\r\n{\"x\":1}\r\n"
            + "--B--\r\n"
        #expect(text(request) == expected)
        #expect(throws: RequestError.invalidHeaderValue(name: "Content-Type")) {
            try build { try $0.setMultipartBody(upload, encodings: ["file": MultipartEncoding(contentType: "a\r\nb")]) }
        }
    }

    /// OpenAPI 3.1's binary parts: raw bytes of a `contentMediaType` carry it; a string in a `contentEncoding`
    /// is sent as that text and says so in `Content-Transfer-Encoding`.
    @Test func multipartPartsCarryTheirSchemasMediaTypeAndTransferEncoding() throws {
        struct Avatar: Encodable {
            var photos: [Data]
            var signature: String
        }
        let request = try build {
            try $0.setMultipartBody(
                Avatar(photos: [Data([0xFF, 0xD8]), Data([0xFF])], signature: "JVBERg=="),
                encodings: [
                    "photos": MultipartEncoding(contentType: "image/jpeg"),
                    "signature": MultipartEncoding(contentType: "application/pdf", transferEncoding: "base64"),
                ],
                boundary: "B")
        }
        let expected =
            Data("--B\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"photos\"\r\n".utf8)
            + Data("Content-Type: image/jpeg\r\n\r\n".utf8) + Data([0xFF, 0xD8]) + Data("\r\n".utf8)
            + Data("--B\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"photos\"\r\n".utf8)
            + Data("Content-Type: image/jpeg\r\n\r\n".utf8) + Data([0xFF]) + Data("\r\n".utf8)
            + Data("--B\r\nContent-Disposition: form-data; name=\"signature\"\r\n".utf8)
            + Data("Content-Type: application/pdf\r\n".utf8)
            + Data("Content-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n--B--\r\n".utf8)
        #expect(request.body == expected)
        #expect(throws: RequestError.invalidHeaderValue(name: "Content-Transfer-Encoding")) {
            try build {
                try $0.setMultipartBody(
                    Avatar(photos: [], signature: ""),
                    encodings: ["signature": MultipartEncoding(transferEncoding: "a\nb")])
            }
        }
    }

    /// A part whose Encoding Object lists several media types, or a range, carries the one the caller chose,
    /// which must lie within them.
    @Test func multipartPartsCarryTheCallersMediaTypeWithinTheirList() throws {
        struct Scan: Encodable {
            var pages: [Data]
            var note: String?
        }
        func upload(_ pages: String, note: String = "text/plain") throws -> String {
            text(
                try build {
                    try $0.setMultipartBody(
                        Scan(pages: [Data([1])], note: "hi"),
                        encodings: [
                            "pages": MultipartEncoding(contentType: pages, within: "image/png, image/jpeg"),
                            "note": MultipartEncoding(contentType: note, within: "text/*, application/json"),
                        ],
                        boundary: "B")
                })
        }
        #expect(
            try upload("image/JPEG", note: "application/json")
                == "--B\r\nContent-Disposition: form-data; name=\"pages\"; filename=\"pages\"\r\n"
                + "Content-Type: image/JPEG\r\n\r\n\u{1}\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"note\"\r\nContent-Type: application/json\r\n\r\n"
                + "\"hi\"\r\n--B--\r\n")
        #expect(try upload("image/png", note: "text/csv; charset=utf-8").contains("Content-Type: text/csv; charset=utf-8"))
        #expect(throws: RequestError.partContentTypeOutsideRange(part: "pages", range: "image/png, image/jpeg")) {
            try upload("image/gif")
        }
        #expect(throws: RequestError.partContentTypeOutsideRange(part: "note", range: "text/*, application/json")) {
            try upload("image/png", note: "text/*")
        }
        #expect(throws: RequestError.invalidHeaderValue(name: "Content-Type")) {
            try upload("image/png; a=\"\r\nX: 1\"")
        }
        let error = RequestError.partContentTypeOutsideRange(part: "pages", range: "image/png, image/jpeg")
        #expect(error.description == "the content type of part 'pages' is not one media type within image/png, image/jpeg")
    }

    /// An Encoding Object's `headers` are header fields of each of its property's parts, after `Content-Type`,
    /// their values written in `simple` style as header parameters are: an array with commas, an object as its
    /// pairs, `content: application/json` as JSON text; `nil` sends no field.
    @Test func multipartPartsCarryTheirEncodingsHeaders() throws {
        struct Size: Encodable {
            var width: Int
            var height: Int
        }
        struct Album: Encodable {
            var names: [String]
            var cover: Data
        }
        let request = try build {
            try $0.setMultipartBody(
                Album(names: ["Ana", "Bo"], cover: Data([7])),
                encodings: [
                    "names": MultipartEncoding(
                        contentType: "text/plain",
                        headers: [
                            .header("x-name-locale", "fr"), .header("X-Rank", 2), .header("X-Final", true),
                            .header("X-Missing", String?.none),
                        ]),
                    "cover": MultipartEncoding(
                        headers: [
                            .header("X-Tags", ["a", "b c"]),
                            .header("X-Size", object: Size(width: 3, height: 4), explode: true),
                            .header("X-Flat", object: Size(width: 3, height: 4), explode: false),
                            .header("X-Meta", json: ["k": "v\n"]), .header("X-None", [Int]()),
                        ]),
                ],
                boundary: "B")
        }
        let expected =
            "--B\r\nContent-Disposition: form-data; name=\"names\"\r\nContent-Type: text/plain\r\n"
            + "x-name-locale: fr\r\nX-Rank: 2\r\nX-Final: true\r\n\r\nAna\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"names\"\r\nContent-Type: text/plain\r\n"
            + "x-name-locale: fr\r\nX-Rank: 2\r\nX-Final: true\r\n\r\nBo\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"cover\"; filename=\"cover\"\r\n"
            + "Content-Type: application/octet-stream\r\nX-Tags: a,b c\r\nX-Size: width=3,height=4\r\n"
            + "X-Flat: width,3,height,4\r\nX-Meta: {\"k\":\"v\\n\"}\r\n\r\n\u{7}\r\n"
            + "--B--\r\n"
        #expect(text(request) == expected)
    }

    /// A part's header is checked as a request's: a value that would end its line (and could start a part), a
    /// name that is no token, and the fields a part writes itself are refused, naming the field, never its value.
    @Test func multipartPartHeadersAreRefusedWhereTheyWouldReshapeThePart() throws {
        struct Upload: Encodable {
            var names: [String]
        }
        func upload(_ header: MultipartEncoding.Header) throws -> PreparedRequest {
            try build {
                try $0.setMultipartBody(
                    Upload(names: ["a"]), encodings: ["names": MultipartEncoding(headers: [header])], boundary: "B")
            }
        }
        for value in ["fr\r\n\r\n--B\r\nContent-Disposition: form-data; name=\"admin\"", "a\nb", "a\rb", "a\u{0}b"] {
            #expect(throws: RequestError.invalidHeaderValue(name: "X-Name-Locale")) {
                try upload(.header("X-Name-Locale", value))
            }
            #expect(throws: RequestError.invalidHeaderValue(name: "X-Names")) {
                try upload(.header("X-Names", [value]))
            }
        }
        #expect(throws: RequestError.invalidHeaderName("X-A\r\nB")) { try upload(.header("X-A\r\nB", "v")) }
        #expect(throws: RequestError.invalidHeaderName("X A")) { try upload(.header("X A", "v")) }
        for own in ["Content-Disposition", "content-type", "Content-Transfer-Encoding"] {
            #expect(throws: RequestError.reservedPartHeader(part: "names", name: own)) {
                try upload(.header(own, "x"))
            }
        }
        #expect(
            RequestError.reservedPartHeader(part: "names", name: "Content-Type").description
                == "part 'names' writes its own Content-Type; it cannot be given as a header")
        // A header that is not sent is not checked: there is nothing to write.
        #expect(try upload(.header("X A", String?.none)).body != nil)
    }

    /// Printing a part's header hides a secret-looking name's value, as logs do with a request's.
    @Test func multipartPartHeadersPrintSecretsRedacted() {
        let token = MultipartEncoding.Header.header("X-Upload-Token", "s3cr3t")
        #expect(String(describing: token) == "X-Upload-Token: <redacted>")
        var dumped = ""
        dump(MultipartEncoding(headers: [token]), to: &dumped)
        #expect(!dumped.contains("s3cr3t"))
        #expect(String(describing: MultipartEncoding.Header.header("X-Locale", "fr")) == "X-Locale: fr")
    }

    /// A required nullable property and an array with a `null` item, as a generated body sends them.
    struct Note: Encodable {
        var title: String
        var comment: String?
        var tags: [String?]
        var file: Data?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
            try container.encode(comment, forKey: .comment)
            try container.encode(tags, forKey: .tags)
            try container.encode(file, forKey: .file)
        }

        enum CodingKeys: String, CodingKey {
            case title, comment, tags, file
        }
    }

    @Test func multipartBodiesLeaveOutNullPartsAndStayFramed() throws {
        let note = Note(title: "hi", comment: nil, tags: [nil, "a", nil], file: nil)
        let request = try build { try $0.setMultipartBody(note, boundary: "B") }
        // RFC 2046: each part is a delimiter line, header lines, an empty line and the content, then CRLF.
        let expected =
            "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhi\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n"
            + "--B--\r\n"
        #expect(text(request) == expected)
        #expect(!text(request).contains("comment"))
    }

    /// A body keyed by a media type range is sent with the caller's media type within it, never the range.
    @Test func rangedBodiesCarryTheCallersMediaType() throws {
        let png = try build { try $0.setBinaryBody(Data([1]), contentType: "image/png", within: "image/*") }
        #expect(png.request.headerFields[.contentType] == "image/png")
        #expect(png.body == Data([1]))
        let csv = try build { try $0.setTextBody("a,b", contentType: "Text/CSV; charset=utf-8", within: "text/*") }
        #expect(csv.request.headerFields[.contentType] == "Text/CSV; charset=utf-8")
        #expect(text(csv) == "a,b")
        let any = try build { try $0.setBinaryBody(Data(), contentType: "application/pdf", within: "*/*") }
        #expect(any.request.headerFields[.contentType] == "application/pdf")
        for wrong in ["image/*", "*/*", "text/plain", "image", "image/", "image/png\r\nX-Evil: 1", "image/p*g"] {
            #expect(throws: RequestError.contentTypeOutsideRange("image/*")) {
                try build { try $0.setBinaryBody(Data([1]), contentType: wrong, within: "image/*") }
            }
        }
        let none = try build { try $0.setBinaryBody(nil, contentType: "nonsense", within: "image/*") }
        #expect(none.body == nil)
    }

    @Test func textAndBinaryBodies() throws {
        let note = try build { $0.setTextBody("héllo") }
        #expect(note.request.headerFields[.contentType] == "text/plain; charset=utf-8")
        #expect(text(note) == "héllo")
        let blob = try build { $0.setBinaryBody(Data([9, 8]), contentType: "image/png") }
        #expect(blob.request.headerFields[.contentType] == "image/png")
        #expect(blob.body == Data([9, 8]))
        let none = try build { $0.setBinaryBody(nil) }
        #expect(none.body == nil)
        #expect(none.request.headerFields[.contentType] == nil)
    }
}
