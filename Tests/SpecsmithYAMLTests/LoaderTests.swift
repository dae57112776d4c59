import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

@Suite struct LoaderTests {
    @Test func buildsMappingsSequencesAndScalarsInDocumentOrder() throws {
        let root = try load("b: 1\na:\n  - x\n  - 'y'\n  - {k: v}\n")
        let mapping = try #require(root.mapping)
        #expect(mapping.map(\.keyText) == ["b", "a"])
        let items = try #require(mapping["a"]?.sequence)
        #expect(items.count == 3)
        #expect(items[0].scalar == YAMLScalar("x", style: .plain))
        #expect(items[1].scalar == YAMLScalar("y", style: .singleQuoted))
        #expect(try items[2].mapping?["k"]?.string() == "v")
    }

    /// A tree with more nodes, children and text than its builder makes room for at first (a list of tagged
    /// scalars of one byte, each tag kept after its text, and lists nested deeper than the room for frames)
    /// reads back whole, parsed at once or in pieces.
    @Test func treesLargerThanTheRoomMadeForThemReadBackWhole() throws {
        let count = 5_000
        let depth = 100
        let text =
            "items: [" + (0..<count).map { "!!str \($0 % 10)" }.joined(separator: ", ") + "]\n"
            + "nested: " + String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth) + "\n"
        for parallelism in [YAMLParallelism.sequential, .pieces(ofAbout: 4096)] {
            let root = try YAMLLoader.load(
                Array(text.utf8),
                file: "test.yaml",
                limits: YAMLLimits(),
                parallelism: parallelism
            )
            let items = try #require(root.mapping?["items"]?.sequence)
            #expect(items.map { $0.scalar?.text } == (0..<count).map { "\($0 % 10)" })
            #expect(items.allSatisfy { $0.scalar?.tag == "tag:yaml.org,2002:str" })
            var node = try #require(root.mapping?["nested"])
            for _ in 0..<depth { node = try #require(node.sequence?[0]) }
            #expect(node.scalar?.text == "x")
        }
    }

    @Test func scalarStylesAreKept() throws {
        let root = try load(
            "p: plain\ns: 'single'\nd: \"double\"\nl: |\n  line one\n  line two\nf: >\n  folded\n  text\n"
        )
        #expect(root.mapping?["p"]?.scalar?.style == .plain)
        #expect(root.mapping?["s"]?.scalar?.style == .singleQuoted)
        #expect(root.mapping?["d"]?.scalar?.style == .doubleQuoted)
        #expect(root.mapping?["l"]?.scalar == YAMLScalar("line one\nline two\n", style: .literal))
        #expect(root.mapping?["f"]?.scalar == YAMLScalar("folded text\n", style: .folded))
    }

    @Test func locationsAreOneBasedLinesAndColumns() throws {
        let root = try load("openapi: 3.1.0\ninfo:\n  title: \"T\"\n  tags: [a, b]\n")
        #expect(root.location == SourceLocation(file: "test.yaml", line: 1, column: 1))
        let info = try #require(root.mapping?.entry("info"))
        #expect(info.key.location == SourceLocation(file: "test.yaml", line: 2, column: 1))
        // A block mapping starts at its first key; a quoted scalar at its quote; a flow sequence at `[`.
        #expect(info.value.location == SourceLocation(file: "test.yaml", line: 3, column: 3))
        #expect(try value(root, "info", "title").location == SourceLocation(file: "test.yaml", line: 3, column: 10))
        let tags = try value(root, "info", "tags")
        #expect(tags.location == SourceLocation(file: "test.yaml", line: 4, column: 9))
        #expect(tags.sequence?[1].location == SourceLocation(file: "test.yaml", line: 4, column: 13))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "é" is two bytes and "😀" four; each is one column.
        let root = try load("café: [é😀, x]\n")
        let entry = try #require(root.mapping?.entry("café"))
        #expect(entry.value.location.column == 7)
        let items = try #require(entry.value.sequence)
        #expect(items[0].location.column == 8)
        #expect(items[1].location.column == 12)
    }

    @Test func windowsLineEndingsCountAsOneLineBreak() throws {
        let root = try load("a: 1\r\nb:\r\n  - x\r\n")
        #expect(root.mapping?.entry("b")?.key.location == SourceLocation(file: "test.yaml", line: 2, column: 1))
        #expect(root.mapping?["b"]?.sequence?[0].location == SourceLocation(file: "test.yaml", line: 3, column: 5))
        #expect(summaries(loadErrors("a: 1\r\nb: [\r\n")) == ["3:1: the file ends where a value is expected"])
    }

    @Test func countEventsRunsTheBareEventLoop() {
        // stream, document, mapping, "a", sequence, "1", end of each: 10 events.
        #expect(YAMLLoader.countEvents(Array("a: [1]\n".utf8)) == 10)
    }

    @Test func integerLookingKeysStayText() throws {
        let root = try load("responses:\n  200:\n    description: OK\n  4XX: {description: E}\n  0777: x\n")
        let responses = try #require(root.mapping?["responses"]?.mapping)
        #expect(responses.map(\.keyText) == ["200", "4XX", "0777"])
        #expect(responses["200"]?.mapping?["description"] != nil)
    }

    @Test func jsonLoadsThroughTheSameLayer() throws {
        let root = try load(#"{"openapi": "3.0.0", "paths": {"/a": {"get": {"x": [1, 2.5, true, null, "s"]}}}}"#)
        let items = try #require(value(root, "paths", "/a", "get", "x").sequence)
        #expect(try items[0].int() == 1)
        #expect(try items[1].number().text == "2.5")
        #expect(try items[2].bool() == true)
        #expect(items[3].isNull)
        #expect(try items[4].string() == "s")
    }

    @Test func anchorsAndAliasesAreExpandedIntoTheTree() throws {
        let root = try load("base: &b {type: string, maxLength: 3}\nname: *b\nlist: [*b, *b]\n")
        let base = try #require(root.mapping?["base"])
        let name = try #require(root.mapping?["name"])
        #expect(name.mapping == base.mapping)
        // The expanded node sits where the alias is; its children keep the anchor's locations.
        #expect(name.location == SourceLocation(file: "test.yaml", line: 2, column: 7))
        #expect(name.mapping?["type"]?.location == SourceLocation(file: "test.yaml", line: 1, column: 17))
        #expect(root.mapping?["list"]?.sequence?.count == 2)
    }

    @Test func anUnknownAliasIsAnError() {
        #expect(
            summaries(loadErrors("a: 1\nb: *missing\n")) == [
                "2:4: unknown alias *missing: no anchor &missing comes before it"
            ]
        )
    }

    @Test func anAliasCannotReferToTheNodeThatHoldsIt() {
        #expect(summaries(loadErrors("a: &x [1, *x]\n")) == ["1:11: unknown alias *x: no anchor &x comes before it"])
    }

    @Test func mergeKeysAreRefused() {
        let errors = loadErrors("base: &b {a: 1}\nchild:\n  <<: *b\n  c: 2\n")
        #expect(summaries(errors) == ["3:3: merge keys (<<) are not supported; write the keys out"])
    }

    @Test func aQuotedDoubleLessThanIsAnOrdinaryKey() throws {
        let root = try load("'<<': 1\n")
        #expect(root.mapping?.map(\.keyText) == ["<<"])
    }

    @Test func duplicateKeysNameBothLines() {
        let errors = loadErrors("code: 1\nmessage: x\ncode: 2\n")
        #expect(summaries(errors) == [#"3:1: duplicate key "code" (first at line 1)"#])
    }

    @Test func everyDuplicateKeyIsReportedInOneRun() {
        let errors = loadErrors("a: 1\nb: {x: 1, x: 2}\na: 3\nc: [{k: 1}, {k: 2, k: 3}]\na: 4\n")
        #expect(
            summaries(errors) == [
                #"2:11: duplicate key "x" (first at line 2)"#,
                #"3:1: duplicate key "a" (first at line 1)"#,
                #"4:20: duplicate key "k" (first at line 4)"#,
                #"5:1: duplicate key "a" (first at line 1)"#,
            ]
        )
    }

    @Test func duplicateKeysAreFoundInLongMappings() {
        var text = ""
        for i in 1...40 { text += "key\(i): \(i)\n" }
        text += "key7: again\nkey40: again\n"
        #expect(
            summaries(loadErrors(text)) == [
                #"41:1: duplicate key "key7" (first at line 7)"#,
                #"42:1: duplicate key "key40" (first at line 40)"#,
            ]
        )
    }

    /// Each mapping's keys are told apart by a bit each first: the bits of a mapping must come back
    /// after a collection inside it, and a merge key or an alias as a key must still be found.
    @Test func duplicateKeysAreFoundAroundNestedCollections() {
        var long = ""
        for i in 1...40 { long += "  key\(i): \(i)\n" }
        let text =
            "a: 1\nb: {a: 1, c: [x, {a: 2}]}\nc: &k d\n*k : 2\na: 3\nlong:\n\(long)  <<: {}\n  key3: again\nd: 4\n"
        #expect(
            summaries(loadErrors(text)) == [
                #"5:1: duplicate key "a" (first at line 1)"#,
                "47:3: merge keys (<<) are not supported; write the keys out",
                #"48:3: duplicate key "key3" (first at line 9)"#,
                #"49:1: duplicate key "d" (first at line 4)"#,
            ]
        )
    }

    @Test func aQuotedAndAPlainKeyWithTheSameTextAreDuplicates() {
        #expect(summaries(loadErrors("200: a\n'200': b\n")) == [#"2:1: duplicate key "200" (first at line 1)"#])
    }

    /// Keys compare by code points, as in JSON and YAML: a precomposed `é` (U+00E9) and `e` with a
    /// combining acute (U+0301) are two keys, though Swift's `==` finds the strings equal.
    @Test func canonicallyEquivalentKeysAreDifferentKeys() throws {
        let text = "\"\\u00e9\": 1\n\"e\\u0301\": 2\n\u{e9}: 3\n"
        #expect(summaries(loadErrors(text)) == [#"3:1: duplicate key "é" (first at line 1)"#])
        let root = try load("\"\\u00e9\": 1\n\"e\\u0301\": 2\n")
        #expect(root.mapping?["\u{e9}"]?.scalar?.text == "1")
        #expect(root.mapping?["e\u{301}"]?.scalar?.text == "2")
        var long = ""
        for i in 1...40 { long += "key\(i): \(i)\n" }
        #expect(try load(long + "\"\\u00e9\": 1\n\"e\\u0301\": 2\n").mapping?.count == 42)
    }

    @Test func anEmptyFileIsAnError() {
        #expect(summaries(loadErrors("")) == ["1:1: the file is empty; expected a YAML or JSON document"])
        #expect(
            summaries(loadErrors("# just a comment\n")) == ["1:1: the file is empty; expected a YAML or JSON document"]
        )
    }

    @Test func anEmptyDocumentIsAnError() {
        #expect(summaries(loadErrors("---\n")) == ["2:1: the document is empty"])
    }

    @Test func anExplicitNullDocumentLoads() throws {
        #expect(try load("null\n").isNull)
    }

    @Test func aSecondDocumentIsAnError() {
        #expect(
            summaries(loadErrors("a: 1\n---\nb: 2\n")) == [
                "2:1: a second document starts here; a file must hold exactly one document"
            ]
        )
    }

    @Test func documentMarkersAroundOneDocumentAreFine() throws {
        #expect(try load("a: 1\n...\n").mapping?.count == 1)
        #expect(try load("%YAML 1.2\n---\na: 1\n...\n").mapping?.count == 1)
    }

    @Test func aLoadErrorPrintsOneLinePerDiagnostic() {
        do {
            _ = try YAMLLoader.load(Array("a: 1\na: 2\nb: 1\nb: 2\n".utf8), file: "x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description == """
                    x.yaml:2:1: error: duplicate key "a" (first at line 1)
                    x.yaml:4:1: error: duplicate key "b" (first at line 3)
                    """
            )
        }
    }

    @Test func diagnosticsCarryTheFileName() {
        let errors = loadErrors(Array("a: [".utf8), file: "specs/eval.yaml")
        #expect(errors.first?.location?.file == "specs/eval.yaml")
    }
}
