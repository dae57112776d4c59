import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

/// libyaml's errors, reworded where libyaml is cryptic, each at a 1-based line and column.
@Suite struct SyntaxErrorTests {
    @Test func aColonInAPlainValue() {
        let errors = loadErrors("summary: use a: b\n")
        #expect(
            summaries(errors) == ["1:15: a ': ' here would start a mapping value, which is not allowed at this point"]
        )
        #expect(errors.first?.note == "quote the value if it contains ': ', or check the indentation")
    }

    @Test func aKeyTooLongForLibyaml() {
        let errors = loadErrors(String(repeating: "k", count: 1100) + ": v\n")
        #expect(
            summaries(errors) == ["1:1101: a ': ' here would start a mapping value, which is not allowed at this point"]
        )
        #expect(
            errors.first?.note
                == "a key written without '?' must be shorter than 1024 characters; write a longer key as '? key'"
        )
    }

    @Test func anUnclosedFlowSequence() {
        #expect(
            summaries(loadErrors("a: [1, 2\nb: 3\n")) == [
                "2:2: expected ',' or ']' in the sequence that starts at line 1, column 4"
            ]
        )
    }

    @Test func anUnclosedFlowMapping() {
        #expect(
            summaries(loadErrors("{a: 1, b\n")) == [
                "2:1: expected ',' or '}' in the mapping that starts at line 1, column 1"
            ]
        )
    }

    @Test func aSequenceItemAtTheWrongIndentation() {
        #expect(
            summaries(loadErrors("- a\nb: c\n")) == [
                "2:1: bad indentation: expected a '- ' item of the sequence that starts at line 1, column 1"
            ]
        )
    }

    @Test func aMappingKeyAtTheWrongIndentation() {
        #expect(
            summaries(loadErrors("a:\n    b: 1\n  c: 2\n")) == [
                "3:3: bad indentation: expected a key of the mapping that starts at line 1, column 1"
            ]
        )
    }

    @Test func aReservedCharacterCannotStartAValue() {
        #expect(
            summaries(loadErrors("a: @b\n")) == [
                "1:4: a plain scalar cannot start with '@', which YAML reserves; quote the value"
            ]
        )
    }

    @Test func anUnknownEscape() {
        let errors = loadErrors(#"a: "C:\data""#)
        #expect(summaries(errors) == [#"1:7: unknown escape \d in a double-quoted string"#])
        #expect(errors.first?.note == #"write \\ for a backslash, or use a single-quoted or plain string"#)
    }

    @Test func anUnterminatedSingleQuote() {
        #expect(
            summaries(loadErrors("a: 'abc\n")) == [
                "1:4: unterminated single-quoted string: no closing ' before the end of the file"
            ]
        )
    }

    @Test func aControlCharacter() {
        let errors = loadErrors("a: b\u{7}\n")
        #expect(summaries(errors) == ["1:5: control character U+0007 is not allowed in YAML"])
        #expect(errors.first?.note == #"write it as an escape (\u0007) in a double-quoted string"#)
    }

    @Test func aNULByte() {
        #expect(
            summaries(loadErrors(Array("a: b".utf8) + [0])) == ["1:5: control character U+0000 is not allowed in YAML"]
        )
    }

    @Test func aFileThatEndsInsideACharacter() {
        #expect(
            summaries(loadErrors(Array("a: é".utf8) + [0xC3])) == [
                "1:5: invalid UTF-8: the file ends in the middle of a character"
            ]
        )
    }

    @Test func aTabAfterASequenceDash() {
        #expect(summaries(loadErrors("a:\n  - b\n\t- c\n")) == ["3:1: a tab character cannot be used for indentation"])
    }

    @Test func aUTF16ByteOrderMark() {
        #expect(
            summaries(loadErrors([0xFF, 0xFE, 0x61, 0x00])) == [
                "1:1: the file starts with a UTF-16 byte order mark (BOM)"
            ]
        )
    }

    @Test func aBlockSequenceOnTheLineOfItsKey() {
        #expect(summaries(loadErrors("a: - b\n")) == ["1:4: a '- ' sequence item cannot start here"])
    }

    @Test func contentAfterTheTopLevelValue() {
        #expect(
            summaries(loadErrors("a: [1, ]]\n")) == [
                "1:9: bad indentation: expected a key of the mapping that starts at line 1, column 1"
            ]
        )
        #expect(summaries(loadErrors("&a &b x\n")) == ["1:4: unexpected content after the document's top-level value"])
    }

    @Test func aFileThatEndsWhereAValueIsExpected() {
        #expect(summaries(loadErrors("- [\n")) == ["2:1: the file ends where a value is expected"])
    }

    @Test func anUnsupportedYAMLVersion() {
        #expect(
            summaries(loadErrors("%YAML 2.0\n---\na: 1\n")) == [
                "1:1: unsupported YAML version; only %YAML 1.x documents can be read"
            ]
        )
    }

    @Test func textAfterABlockScalarIndicator() {
        #expect(
            summaries(loadErrors("a: |x\n  b\n")) == [
                "1:5: the text of a block scalar must start on the line after its '|' or '>'"
            ]
        )
    }

    @Test func anAliasOrAnchorWithoutAName() {
        #expect(summaries(loadErrors("a: *\n")) == ["1:4: '*' must be followed by the name of an anchor"])
        #expect(summaries(loadErrors("a: & x\n")) == ["1:4: '&' must be followed by the anchor's name"])
    }

    @Test func otherProblemsKeepLibyamlsWordsAndTheirContext() {
        #expect(
            summaries(loadErrors("%\na: 1\n")) == [
                "1:2: could not find expected directive name (while scanning a directive that starts at line 1, column 1)"
            ]
        )
    }

    @Test func aSyntaxErrorComesWithTheProblemsFoundBeforeIt() {
        #expect(
            summaries(loadErrors("a: 1\na: 2\nb: [\n")) == [
                #"2:1: duplicate key "a" (first at line 1)"#,
                "4:1: the file ends where a value is expected",
            ]
        )
    }
}
