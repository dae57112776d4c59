import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

@Suite struct LimitsTests {
    @Test func defaults() {
        let limits = YAMLLimits()
        #expect(limits.maxInputBytes == 64 * 1024 * 1024)
        #expect(limits.maxDepth == 256)
        #expect(limits.maxAliasExpansionFactor == 10)
        #expect(limits.maxNodes == 5_000_000)
        #expect(limits.maxScalarBytes == 16 * 1024 * 1024)
    }

    @Test func nestingUpToTheDepthLimitLoads() throws {
        #expect(try load("a: {b: [1]}\n", limits: YAMLLimits(maxDepth: 3)).mapping != nil)
    }

    @Test func nestingPastTheDepthLimitIsAnErrorAtTheCollection() {
        let errors = loadErrors("a: {b: {c: [1]}}\n", limits: YAMLLimits(maxDepth: 3))
        #expect(summaries(errors) == ["1:12: mappings and sequences nest deeper than the limit of 3 levels (maxDepth)"])
    }

    @Test func blockNestingCountsToo() {
        let errors = loadErrors("a:\n  b:\n    - c\n", limits: YAMLLimits(maxDepth: 2))
        #expect(summaries(errors) == ["3:5: mappings and sequences nest deeper than the limit of 2 levels (maxDepth)"])
    }

    @Test func anAliasCannotNestTheTreePastTheDepthLimit() throws {
        let text = "a: &a [[1]]\nb: [*a]\n"
        #expect(try load(text, limits: YAMLLimits(maxDepth: 4)).mapping?.count == 2)
        #expect(
            summaries(loadErrors(text, limits: YAMLLimits(maxDepth: 3))) == [
                "2:5: alias *a nests mappings and sequences deeper than the limit of 3 levels (maxDepth)"
            ]
        )
    }

    @Test func tooManyNodesIsAnError() {
        let errors = loadErrors("[1, 2, 3, 4, 5]\n", limits: YAMLLimits(maxNodes: 5))
        #expect(summaries(errors) == ["1:14: the document has more than 5 nodes (maxNodes)"])
    }

    @Test func aScalarPastTheSizeLimitIsAnError() {
        let errors = loadErrors("a: hello\n", limits: YAMLLimits(maxScalarBytes: 4))
        #expect(summaries(errors) == ["1:4: a scalar of 5 bytes is longer than the limit of 4 bytes (maxScalarBytes)"])
    }

    @Test func anInputPastTheSizeLimitIsAnError() {
        let errors = loadErrors("a: 123456789\n", limits: YAMLLimits(maxInputBytes: 10))
        #expect(summaries(errors) == ["1:1: the file is 13 bytes, more than the limit of 10 bytes (maxInputBytes)"])
    }

    @Test func aliasesOfScalarsCostNoMoreThanWhatTheyReplace() throws {
        let text = "a: &a x\nb: [" + String(repeating: "*a, ", count: 5_000) + "]\n"
        #expect(try load(text).mapping?["b"]?.sequence?.count == 5_000)
    }

    @Test func aSmallDocumentMayUseAFewAliases() throws {
        let root = try load("a: &a [1, 2, 3]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n")
        #expect(root.mapping?["b"]?.sequence?.count == 12)
    }

    /// 3,000 bytes of padding but only 137 nodes written out (30 of them aliases): the tree may hold
    /// 1,370 nodes, and the thirteenth 101-node alias passes that.
    static let paddedAliases =
        "pad: \"\(String(repeating: "x", count: 3000))\"\nbase: &b [\(Array(repeating: "1", count: 100).joined(separator: ", "))]\n"
        + "uses: [\(Array(repeating: "*b", count: 30).joined(separator: ", "))]\n"

    @Test func theAliasBudgetIsAMultipleOfTheNodesWrittenOut() {
        let errors = loadErrors(Self.paddedAliases)
        #expect(
            summaries(errors) == [
                "3:56: alias *b expands the document beyond the alias expansion limit (maxAliasExpansionFactor: 10)"
            ]
        )
    }

    @Test func aLargerExpansionFactorAllowsMoreAliases() throws {
        let root = try load(Self.paddedAliases, limits: YAMLLimits(maxAliasExpansionFactor: 100))
        #expect(root.mapping?["uses"]?.sequence?.count == 30)
    }
}
