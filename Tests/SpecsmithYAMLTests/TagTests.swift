import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

@Suite struct TagTests {
    @Test func coreTagsAreAcceptedAndKept() throws {
        let root = try load(
            "s: !!str 42\ni: !!int \"7\"\nf: !!float 1\nb: !!bool true\nn: !!null ~\nm: !!map {a: 1}\nq: !!seq [1]\nx: ! 12\n"
        )
        #expect(root.mapping?["s"]?.scalar?.tag == "tag:yaml.org,2002:str")
        #expect(try root.mapping?["s"]?.string() == "42")
        #expect(throws: Never.self) { _ = try root.mapping?["i"]?.int() }
        #expect(try root.mapping?["i"]?.int() == 7)
        #expect(try root.mapping?["f"]?.number() == YAMLNumber(text: "1", isInteger: true))
        #expect(try root.mapping?["b"]?.bool() == true)
        #expect(root.mapping?["n"]?.isNull == true)
        #expect(root.mapping?["m"]?.mapping?.count == 1)
        #expect(root.mapping?["q"]?.sequence?.count == 1)
        // The non-specific tag `!` makes a plain scalar a string.
        #expect(root.mapping?["x"]?.scalar?.tag == "!")
        #expect(root.mapping?["x"]?.kindDescription == "a string")
    }

    @Test func tagsAndTextsOfNeighbouringScalarsStayApart() throws {
        // The tree keeps a tag right after its scalar's text: empty texts and tagged keys read back whole.
        let root = try load("a: !!str\n!!str b: !!int 12\nc: ''\n!!str : v\n")
        let str = "tag:yaml.org,2002:str"
        #expect(
            root.mapping?.map { [$0.key.scalar, $0.value.scalar] } == [
                [YAMLScalar("a"), YAMLScalar("", tag: str)],
                [YAMLScalar("b", tag: str), YAMLScalar("12", tag: "tag:yaml.org,2002:int")],
                [YAMLScalar("c"), YAMLScalar("", style: .singleQuoted)],
                [YAMLScalar("", tag: str), YAMLScalar("v")],
            ]
        )
        #expect(try root.mapping?["b"]?.int() == 12)
    }

    @Test func aStrTagMakesAPlainNumberAString() throws {
        let node = try #require(load("v: !!str 5\n").mapping?["v"])
        #expect(throws: Diagnostic.self) { try node.int() }
        #expect(node.kindDescription == "a string")
    }

    @Test func pythonAndCustomTagsAreRefusedAtTheTag() {
        let errors = loadErrors("a: !!python/object:os.system {}\nb: !custom x\nc: !<tag:example.com,2000:x> y\n")
        #expect(
            summaries(errors) == [
                "1:4: unsupported tag !!python/object:os.system",
                "2:4: unsupported tag !custom",
                "3:4: unsupported tag !<tag:example.com,2000:x>",
            ]
        )
        #expect(
            errors.first?.note
                == "only the YAML core schema tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are allowed"
        )
    }

    @Test func aCoreTagMustFitItsValue() {
        let errors = loadErrors("a: !!int abc\nb: !!bool yes\nc: !!map [1]\nd: !!seq x\n")
        #expect(
            summaries(errors) == [
                #"1:4: "abc" is not a valid !!int value"#,
                #"2:4: "yes" is not a valid !!bool value"#,
                "3:4: the tag !!map cannot be given to a sequence",
                "4:4: the tag !!seq cannot be given to a scalar",
            ]
        )
    }
}
