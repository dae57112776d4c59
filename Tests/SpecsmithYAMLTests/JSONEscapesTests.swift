import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

/// JSON's UTF-16 surrogate-pair escapes, which libyaml alone refuses.
@Suite struct JSONEscapesTests {
    @Test func surrogatePairsDecodeAndLaterColumnsStayRight() throws {
        let root = try YAMLLoader.load(try fixture("surrogate-pairs.json"), file: "surrogate-pairs.json")
        #expect(try value(root, "title").string() == "pile 💩 of 😀 things")
        let after = try #require(root.mapping?.entry("after"))
        #expect(after.key.location == SourceLocation(file: "surrogate-pairs.json", line: 2, column: 56))
        #expect(after.value.location == SourceLocation(file: "surrogate-pairs.json", line: 2, column: 65))
        #expect(after.value.sequence?[1].location == SourceLocation(file: "surrogate-pairs.json", line: 2, column: 69))
    }

    @Test func jsonIndentedWithTabsLoads() throws {
        let root = try YAMLLoader.load(
            Array("{\n\t\"a\": \"x\\/y\\t\",\n\t\"b\": [\n\t\t1\n\t]\n}\n".utf8),
            file: "t.json"
        )
        #expect(try value(root, "a").string() == "x/y\t")
        #expect(root.mapping?["b"]?.sequence?[0].location == SourceLocation(file: "t.json", line: 4, column: 3))
    }

    @Test func theLongEscapeWorksToo() throws {
        #expect(try value(load(#"a: "\U0001F4A9""#), "a").string() == "💩")
    }

    @Test func anEscapedBackslashIsNotAnEscape() throws {
        #expect(try value(load(#"a: "\\uD83D\\uDCA9""#), "a").string() == #"\uD83D\uDCA9"#)
    }

    @Test func outsideDoubleQuotesTheBackslashIsText() throws {
        let root = try load(
            "p: x\\uD83D\\uDCA9y\ns: 'q\\uD83D\\uDCA9'\nl: |\n  \\uD83D\\uDCA9 and \\uD83D\\uDE00\nd: \"\\uD83D\\uDCA9\"\n"
        )
        #expect(try value(root, "p").string() == #"x\uD83D\uDCA9y"#)
        #expect(try value(root, "s").string() == #"q\uD83D\uDCA9"#)
        #expect(try value(root, "l").string() == "\\uD83D\\uDCA9 and \\uD83D\\uDE00\n")
        #expect(try value(root, "d").string() == "💩")
    }

    @Test func manyPairsOutsideDoubleQuotesAreAllRestored() throws {
        let pairs = String(repeating: #"\uD83D\uDCA9 "#, count: 20_000)
        let root = try load("plain: \(pairs)x\nquoted: \"\(pairs)\"\n")
        #expect(try value(root, "plain").string() == pairs + "x")
        #expect(try value(root, "quoted").string() == String(repeating: "💩 ", count: 20_000))
        #expect(root.mapping?.entry("quoted")?.key.location.line == 2)
    }

    @Test func aSyntaxErrorAfterAPairIsReportedAtItsOriginalColumn() {
        let errors = loadErrors(#"{"a": "\uD83D\uDCA9", "b": [1, 2}"#)
        #expect(summaries(errors) == ["1:33: expected ',' or ']' in the sequence that starts at line 1, column 28"])
    }

    @Test func badUTF8AfterAPairIsReportedAtItsOriginalColumn() {
        let errors = loadErrors(Array(#"a: "\uD83D\uDCA9 "#.utf8) + [0xFF] + Array("\"\n".utf8))
        #expect(summaries(errors) == ["1:18: invalid UTF-8: byte 0xFF cannot start a character"])
    }

    @Test func aLoneLowSurrogateIsAnError() {
        let errors = loadErrors(#"{"a": "x\uDCA9"}"#)
        #expect(
            summaries(errors) == [
                #"1:9: lone UTF-16 surrogate \uDCA9: a low surrogate must follow a high surrogate escape (\uD800 to \uDBFF)"#
            ]
        )
    }

    @Test func aHighSurrogateFollowedByANonSurrogateIsAnError() {
        let errors = loadErrors(#"{"a": "\uD83D\u0041"}"#)
        #expect(
            summaries(errors) == [
                #"1:8: lone UTF-16 surrogate \uD83D: a high surrogate must be followed by a low surrogate escape (\uDC00 to \uDFFF)"#
            ]
        )
    }

    @Test func anEscapeBeyondUnicodeIsAnError() {
        #expect(
            summaries(loadErrors(#"a: "\U00110000""#)) == [
                #"1:5: escape \U00110000 is not a Unicode character (the largest is \U0010FFFF)"#
            ]
        )
    }
}
