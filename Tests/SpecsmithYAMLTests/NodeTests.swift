import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

/// Nodes as handles into one storage per tree: structural equality across trees, aliases, the
/// collection views, and nodes made outside a parse.
@Suite struct NodeTests {
    let at = SourceLocation(file: "made.yaml", line: 1, column: 1)

    @Test func nodesOfTwoParsesOfTheSameTextAreEqual() throws {
        let text = "a: [1, {b: c}]\nd: 'e'\n"
        let first = try load(text)
        let second = try load(text)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first.mapping == second.mapping)
        #expect(try value(first, "a").sequence == value(second, "a").sequence)
    }

    @Test func equalityComparesContentAndLocations() throws {
        #expect(try load("a: [1, 2]\n") != load("a: [1, 3]\n"))
        #expect(try load("a: '1'\n") != load("a: 1\n"))  // the style differs
        #expect(try load("a: 1\n") != load("\na: 1\n"))  // the same content one line lower
        #expect(try load("a: 1\n") != load("a: 1\nb: 2\n"))
    }

    @Test func anAliasSharesTheAnchoredContentAtItsOwnLocation() throws {
        let root = try load("base: &b [x, {k: v}]\ncopy: *b\n")
        let base = try value(root, "base")
        let copy = try value(root, "copy")
        #expect(copy.sequence == base.sequence)
        #expect(copy.location == SourceLocation(file: "test.yaml", line: 2, column: 7))
        #expect(copy != base)  // located elsewhere
        #expect(copy.sequence?[1] == base.sequence?[1])
        #expect(copy.sequence?[1].location == SourceLocation(file: "test.yaml", line: 1, column: 14))
    }

    @Test func aScalarAliasKeepsTheAnchoredTextStyleAndMeaning() throws {
        let root = try load("a: &n '12'\nb: *n\nc: &i 12\nd: *i\n")
        #expect(try value(root, "b").scalar == YAMLScalar("12", style: .singleQuoted))
        #expect(try value(root, "b").kindDescription == "a string")
        #expect(try value(root, "d").int() == 12)
    }

    @Test func sequencesAreRandomAccessViews() throws {
        let items = try #require(load("[a, b, c]\n").sequence)
        #expect(items.startIndex == 0)
        #expect(items.endIndex == 3)
        #expect(items.indices == 0..<3)
        #expect(try items.map { try $0.string() } == ["a", "b", "c"])
        #expect(try items.reversed().map { try $0.string() } == ["c", "b", "a"])
        #expect(try items[items.index(before: items.endIndex)].string() == "c")
        #expect(YAMLSequence().isEmpty)
    }

    @Test func mappingsAreRandomAccessViewsOfTheirEntries() throws {
        let mapping = try #require(load("x: 1\ny: [2]\n? [z]\n: 3\n").mapping)
        #expect(mapping.count == 3)
        #expect(mapping.indices == 0..<3)
        #expect(mapping.map(\.keyText) == ["x", "y", nil])
        #expect(mapping.indices.map { mapping.keyText(at: $0) } == ["x", "y", nil])
        #expect(mapping.index(ofKey: "y") == 1)
        #expect(mapping.index(ofKey: "z") == nil)
        #expect(try mapping["x"]?.int() == 1)
        #expect(mapping.entry("y")?.key.location == SourceLocation(file: "test.yaml", line: 2, column: 1))
        #expect(mapping[2].key.sequence?.count == 1)
        #expect(YAMLMapping().isEmpty)
        #expect(YAMLMapping()["x"] == nil)
    }

    @Test func aScalarMadeOutsideAParseIsResolvedLikeALoadedOne() throws {
        #expect(try YAMLNode(YAMLScalar("42"), at: at).int() == 42)
        #expect(YAMLNode(YAMLScalar("~"), at: at).isNull)
        #expect(YAMLNode(YAMLScalar("true", style: .doubleQuoted), at: at).boolIfBoolean == nil)
        let tagged = YAMLNode(YAMLScalar("1", tag: "tag:yaml.org,2002:str"), at: at)
        #expect(tagged.scalar == YAMLScalar("1", tag: "tag:yaml.org,2002:str"))
        #expect(tagged.location == at)
        #expect(YAMLNode(YAMLScalar(""), at: at).scalar == YAMLScalar(""))
        let emptyFirst = YAMLNode(mapping: [.init(key: YAMLNode(YAMLScalar(""), at: at), value: tagged)], at: at)
        #expect(emptyFirst.mapping?[""]?.scalar == YAMLScalar("1", tag: "tag:yaml.org,2002:str"))
    }

    @Test func collectionsMadeOutsideAParseCopyTheirNodes() throws {
        let root = try load("k: [1, {a: b}]\nl: x\n")
        let mapping = try #require(root.mapping)
        // The same entries at the same location make a node equal to the loaded one.
        let made = YAMLNode(mapping: Array(mapping), at: root.location)
        #expect(made == root)
        #expect(made.hashValue == root.hashValue)
        #expect(made.mapping?.entry("k")?.value.location == SourceLocation(file: "test.yaml", line: 1, column: 4))

        let items = try #require(mapping["k"]?.sequence)
        let reversed = YAMLNode(sequence: items.reversed(), at: at)
        #expect(reversed.location == at)
        #expect(reversed.sequence?.first == items.last)
        #expect(try reversed.sequence?.last?.int() == 1)
        #expect(YAMLNode(sequence: [], at: at).sequence?.isEmpty == true)
    }

    @Test func nodesOutliveEverythingButThemselves() throws {
        // Only a value deep inside the tree is kept; the rest of its nodes are reached through it.
        let kept = try value(load("a:\n  b:\n    c: [1, two]\n"), "a", "b")
        #expect(try kept.mapping?["c"]?.sequence?[1].string() == "two")
    }
}
