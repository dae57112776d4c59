import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

/// Hostile and broken inputs, kept as files under Fixtures/. Each fails with one clear error and a
/// location; the expansion and nesting attacks are stopped as soon as they pass their limit, so each
/// test finishes at once.
@Suite struct HostileInputTests {
    @Test func billionLaughsStopsAtTheAliasThatPassesTheBudget() throws {
        let errors = loadErrors(try fixture("billion-laughs.yaml"))
        #expect(
            summaries(errors) == [
                "5:20: alias *c expands the document beyond the alias expansion limit (maxAliasExpansionFactor: 10)"
            ]
        )
        #expect(errors.first?.location?.file == "test.yaml")
    }

    @Test func deepNestingStopsAtTheDepthLimit() throws {
        let errors = loadErrors(try fixture("deep-nesting.yaml"))
        #expect(
            summaries(errors) == ["1:257: mappings and sequences nest deeper than the limit of 256 levels (maxDepth)"]
        )
    }

    @Test func customTagsAreRefused() throws {
        let errors = loadErrors(try fixture("custom-tags.yaml"))
        #expect(
            summaries(errors) == [
                "2:10: unsupported tag !!python/object:os.system",
                "3:7: unsupported tag !custom",
            ]
        )
    }

    @Test func invalidUTF8IsLocated() throws {
        let errors = loadErrors(try fixture("bad-utf8.yaml"))
        #expect(
            summaries(errors) == [
                "3:13: invalid UTF-8: byte 0xE9 starts a multi-byte character, but byte 0x20 does not continue it"
            ]
        )
        #expect(errors.first?.note == "the file must be UTF-8 text")
    }

    @Test func aByteOrderMarkIsOneClearError() throws {
        let errors = loadErrors(try fixture("bom.yaml"))
        #expect(summaries(errors) == ["1:1: the file starts with a UTF-8 byte order mark (BOM)"])
        #expect(errors.first?.note == "save the file as UTF-8 without a BOM")
    }

    @Test func tabIndentationIsLocatedAtTheTab() throws {
        let errors = loadErrors(try fixture("tab-indentation.yaml"))
        #expect(summaries(errors) == ["3:1: a tab character cannot be used for indentation"])
        #expect(errors.first?.note == "YAML indentation must use spaces; tabs are only allowed inside scalars")
    }

    @Test func anUnterminatedQuoteIsLocatedAtItsOpeningQuote() throws {
        let errors = loadErrors(try fixture("unterminated-quote.yaml"))
        #expect(
            summaries(errors) == [
                "3:10: unterminated double-quoted string: no closing \" before the end of the file"
            ]
        )
    }

    @Test func duplicateKeysAreAllReported() throws {
        let errors = loadErrors(try fixture("duplicate-keys.yaml"))
        #expect(
            summaries(errors) == [
                #"11:9: duplicate key "code" (first at line 9)"#,
                #"14:7: duplicate key "type" (first at line 5)"#,
            ]
        )
    }

    @Test func aLoneSurrogateIsLocatedAtItsEscape() throws {
        let errors = loadErrors(try fixture("lone-surrogate.json"), file: "lone-surrogate.json")
        #expect(
            summaries(errors) == [
                #"3:28: lone UTF-16 surrogate \ud83d: a high surrogate must be followed by a low surrogate escape (\uDC00 to \uDFFF)"#
            ]
        )
    }
}
