import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

/// The YAML 1.2 core schema, read through the public accessors.
@Suite struct ScalarResolutionTests {
    func node(_ text: String) throws -> YAMLNode {
        try #require(load("v: \(text)\n").mapping?["v"])
    }

    @Test(arguments: ["null", "Null", "NULL", "~", ""])
    func plainNullForms(_ text: String) throws {
        let node = try node(text)
        #expect(node.isNull)
        #expect(node.kindDescription == "null")
    }

    @Test(arguments: ["'null'", "\"~\"", "nul", "NULL!", "!!str null"])
    func notNull(_ text: String) throws {
        #expect(try !node(text).isNull)
    }

    @Test func aNullTagMakesANull() throws {
        #expect(try node("!!null").isNull)
    }

    @Test(arguments: [
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
    ])
    func booleans(_ text: String, _ value: Bool) throws {
        #expect(try node(text).bool() == value)
        #expect(try node(text).kindDescription == "the boolean \(value)")
    }

    @Test(arguments: ["yes", "no", "on", "off", "y", "n", "tRUE"])
    func yamlOneOneBooleansStayStrings(_ text: String) throws {
        let node = try node(text)
        #expect(try node.string() == text)
        #expect(throws: Diagnostic.error("expected a boolean, found a string", at: node.location)) { try node.bool() }
    }

    @Test(arguments: [
        ("0", 0), ("42", 42), ("-17", -17), ("+5", 5), ("0777", 777), ("0o17", 15), ("0x1F", 31), ("0xff", 255),
    ])
    func integers(_ text: String, _ value: Int) throws {
        #expect(try node(text).int() == value)
        #expect(try node(text).kindDescription == "the integer \(text)")
    }

    @Test func aQuotedNumberIsAString() throws {
        let node = try node("\"5\"")
        #expect(try node.string() == "5")
        #expect(throws: Diagnostic.error("expected an integer, found a string", at: node.location)) { try node.int() }
        #expect(throws: Diagnostic.error("expected a number, found a string", at: node.location)) { try node.number() }
    }

    @Test func aNumberAskedAsAStringGivesItsText() throws {
        #expect(try node("1.0").string() == "1.0")
        #expect(try node("0777").string() == "0777")
        #expect(try node("true").string() == "true")
    }

    @Test func aFloatIsNotAnInteger() throws {
        let node = try node("1.5")
        #expect(throws: Diagnostic.error("expected an integer, found the number 1.5", at: node.location)) {
            try node.int()
        }
    }

    @Test func anIntegerTooLargeForIntSaysSo() throws {
        let node = try node("123456789012345678901234567890")
        #expect(
            throws: Diagnostic.error(
                "the integer 123456789012345678901234567890 is too large; it must fit in 64 bits",
                at: node.location
            )
        ) { try node.int() }
        #expect(try node.number() == YAMLNumber(text: "123456789012345678901234567890", isInteger: true))
    }

    @Test(arguments: [
        ("0.01", "0.01", false), ("42", "42", true), ("0777", "777", true), ("+5", "5", true), (".5", "0.5", false),
        ("-.5", "-0.5", false), ("1e3", "1e3", false), ("1.5E-7", "1.5E-7", false), ("5.", "5.0", false),
        ("-0", "-0", true), ("000", "0", true), ("0o17", "15", true), ("0x1F", "31", true),
        ("0xFFFFFFFFFFFFFFFFFFFF", "1208925819614629174706175", true),
        ("98765432109876543210.000000000000000001", "98765432109876543210.000000000000000001", false),
    ])
    func numbersKeepTheirExactTextInJSONForm(_ text: String, _ json: String, _ isInteger: Bool) throws {
        #expect(try node(text).number() == YAMLNumber(text: json, isInteger: isInteger))
    }

    @Test(arguments: [".inf", "-.inf", "+.INF", ".nan", ".NaN"])
    func infinityAndNaNAreNotNumbers(_ text: String) throws {
        let node = try node(text)
        #expect(node.kindDescription == "the special number \(text)")
        #expect(throws: Diagnostic.error("expected a number, found the special number \(text)", at: node.location)) {
            try node.number()
        }
    }

    @Test(arguments: ["1.2.3", "0x", "0o8", "1e", "+", ".", "-0x1F", "1_000", "12abc", "0b101"])
    func numberLookalikesAreStrings(_ text: String) throws {
        let node = try node(text)
        #expect(node.kindDescription == "a string")
        #expect(try node.string() == text)
    }

    @Test func nullIsNotAString() throws {
        let node = try node("~")
        #expect(throws: Diagnostic.error("expected a string, found null", at: node.location)) { try node.string() }
    }

    @Test func collectionsAreNotScalars() throws {
        let root = try load("m: {a: 1}\ns: [1]\n")
        let m = try #require(root.mapping?["m"])
        let s = try #require(root.mapping?["s"])
        #expect(m.kindDescription == "a mapping")
        #expect(s.kindDescription == "a sequence")
        #expect(!m.isNull)
        #expect(throws: Diagnostic.error("expected a string, found a mapping", at: m.location)) { try m.string() }
        #expect(throws: Diagnostic.error("expected an integer, found a sequence", at: s.location)) { try s.int() }
        #expect(throws: Diagnostic.error("expected a boolean, found a sequence", at: s.location)) { try s.bool() }
    }

    @Test func mismatchesAreLocatedAtTheNode() throws {
        let root = try load("a: 1\nb:   text\n")
        let b = try #require(root.mapping?["b"])
        do {
            _ = try b.int()
            Issue.record("expected an error")
        } catch {
            #expect(summary(error) == "2:6: expected an integer, found a string")
        }
    }

    @Test func aHandMadeScalarWithATagItsTextDoesNotFitReadsAsAString() {
        let node = YAMLNode(
            YAMLScalar("abc", tag: "tag:yaml.org,2002:int"),
            at: SourceLocation(file: "f", line: 1, column: 1)
        )
        #expect(node.kindDescription == "a string")
        #expect(throws: Diagnostic.error("expected an integer, found a string", at: node.location)) { try node.int() }
    }

    @Test func blockScalarsAreStrings() throws {
        let node = try node("|\n  12\n")
        #expect(try node.string() == "12\n")
        #expect(node.kindDescription == "a string")
    }
}
