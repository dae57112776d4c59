import Foundation
import SpecsmithDiagnostics
import Testing

@testable import SpecsmithYAML

/// A document parsed in pieces (``YAMLParallelism``) must give what one parse gives: the same tree,
/// node for node and location for location, or the same diagnostics.
@Suite struct PiecesTests {
    /// The tree, or the diagnostics.
    enum Outcome: Equatable, CustomStringConvertible {
        case tree(YAMLNode)
        case errors([Diagnostic])

        var description: String {
            switch self {
            case .tree(let node): "a tree whose root is at \(node.location)"
            case .errors(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
            }
        }
    }

    static func outcome(_ bytes: [UInt8], _ parallelism: YAMLParallelism, limits: YAMLLimits = YAMLLimits()) -> Outcome
    {
        do {
            return .tree(try YAMLLoader.load(bytes, file: "pieces.yaml", limits: limits, parallelism: parallelism))
        } catch {
            return .errors(error.diagnostics)
        }
    }

    /// Whether pieces of about `pieceBytes` bytes are parsed and joined, without falling back to one parse.
    static func joins(_ bytes: [UInt8], pieceBytes: Int) -> Bool {
        PieceJoiner.load(
            bytes,
            rewrite: SurrogatePairRewrite(bytes),
            file: SourceFile("pieces.yaml"),
            pieceBytes: pieceBytes,
            limits: YAMLLimits()
        ) != nil
    }

    static func expectSameOutcome(
        _ text: String,
        limits: YAMLLimits = YAMLLimits(),
        sizes: [Int] = [1, 8, 24, 64],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let bytes = Array(text.utf8)
        let whole = outcome(bytes, .sequential, limits: limits)
        for size in sizes {
            let pieces = outcome(bytes, .pieces(ofAbout: size), limits: limits)
            #expect(pieces == whole, "pieces of about \(size) bytes", sourceLocation: sourceLocation)
        }
    }

    @Test(.enabled(if: !CorpusTests.documents.isEmpty, "the corpus folder ../shared/corpus is absent"))
    func corpusDocumentsGiveTheTreeOfOneParse() throws {
        for url in CorpusTests.documents {
            let bytes = try [UInt8](Data(contentsOf: url))
            let whole = Self.outcome(bytes, .sequential)
            for size in [512, 4 << 10, 32 << 10] {
                #expect(Self.outcome(bytes, .pieces(ofAbout: size)) == whole, "\(url.lastPathComponent), \(size) bytes")
            }
            #expect(Self.outcome(bytes, .automatic) == whole, "\(url.lastPathComponent), automatic")
        }
    }

    /// The large documents are really parsed in pieces: block YAML at the indentations they use
    /// (tradovate indents by 4, the others by 2; discourse quotes its paths), and JSON on one line.
    @Test(.enabled(if: !CorpusTests.documents.isEmpty, "the corpus folder ../shared/corpus is absent"))
    func largeCorpusDocumentsAreJoinedFromPieces() throws {
        for name in ["tradovate-2021.yaml", "discourse.yaml", "twilio-messaging-v1.yaml", "k8s-batch-v1-openapi3.json"]
        {
            let bytes = try [UInt8](Data(contentsOf: CorpusTests.corpus.appendingPathComponent(name)))
            let count = bytes.withUnsafeBufferPointer { DocumentPieces($0, pieceBytes: 32 << 10)?.pieces.count ?? 0 }
            // JSON is cut only between the members of the root and of its members' objects.
            #expect(count >= (name.hasSuffix(".json") ? 4 : 10), "\(name): \(count) pieces")
            #expect(Self.joins(bytes, pieceBytes: 32 << 10), "\(name) was parsed whole")
        }
    }

    @Test func plainDocumentsAreJoined() {
        let text =
            "openapi: 3.1.0\npaths:\n  /a:\n    get: {}\n  \"/b\":\n    get:\n      tags:\n      - x\n  /c: {}\ncomponents:\n  schemas:\n    A: {type: string}\n    B:\n      type: integer\n"
        #expect(Self.joins(Array(text.utf8), pieceBytes: 1))
        Self.expectSameOutcome(text)
        Self.expectSameOutcome("---\n" + text)
        Self.expectSameOutcome("# leading comment\n\n" + text + "# trailing\n\n")
    }

    @Test func keysThatRepeatAcrossPiecesAreReportedAsInOneParse() {
        Self.expectSameOutcome("a:\n  x: 1\n  y: 2\nb: 1\na: 3\n")
        Self.expectSameOutcome("p:\n  /a: 1\n  /b: 2\n  /a: 3\n  \"/b\": 4\n")
        Self.expectSameOutcome("a: 1\n<<: {b: 2}\n")
    }

    /// Lines that look like keys at a cut's indentation but are not keys of that mapping.
    @Test func linesThatOnlyLookLikeKeys() {
        Self.expectSameOutcome("a:\n  k: \"one\n  two: x\"\n  m: 1\nb: 2\n")
        Self.expectSameOutcome("a:\n  k: 'one\n  two: x'\n  m: 1\n")
        Self.expectSameOutcome("a:\n  d: |\n    x: 1\n    y: 2\n  e: 3\n")
        Self.expectSameOutcome("a:\n  d: >-\n    x: 1\n\n    y: 2\n  e: 3\n")
        Self.expectSameOutcome("a: {x: 1,\n  y: 2}\nb: 1\n")
        Self.expectSameOutcome("a: [1,\nb, 2]\nc: 1\n")
        Self.expectSameOutcome("a:\n  k: plain\n    continued\n  m: 1\n")
        Self.expectSameOutcome("{a: 1}\nb: 2\n")
        Self.expectSameOutcome("a:\n  {x: 1}: 2\n  y: 3\n")
        Self.expectSameOutcome("- a: 1\n  b: 2\n- c: 3\n")
        Self.expectSameOutcome("a:\n- x: 1\n  y: 2\n- z\nb: 1\n")
        Self.expectSameOutcome("a:\n  - x: 1\n    y: 2\n  - z: 3\nb: 1\n")
        Self.expectSameOutcome("? a\n: 1\nb:\n  ? c\n  : 2\n  d: 3\n")
        Self.expectSameOutcome("a:\n  b: 1\n c: 2\nd: 3\n")
        Self.expectSameOutcome("a:\n    b: 1\n  c: 2\n")
    }

    @Test func documentMarkersDirectivesAndTags() {
        Self.expectSameOutcome("a: 1\n---\nb: 2\n")
        Self.expectSameOutcome("a: 1\nb: 2\n...\n")
        Self.expectSameOutcome("%YAML 1.2\n---\na: 1\nb: 2\n")
        Self.expectSameOutcome("%TAG !e! tag:example.com,2000:\n---\na: 1\nb: !e!x 2\n")
        Self.expectSameOutcome("a: !!str 1\nb: !!int x\nc: !custom 3\n")
        Self.expectSameOutcome("a:\n  b: 1\n---\n  c: 2\n")
    }

    @Test func anchorsAndAliasesAcrossPieces() {
        Self.expectSameOutcome("a: &x\n  k: 1\nb: *x\n")
        Self.expectSameOutcome("a:\n  k: &x 1\n  m: *x\nb: 2\n")
        Self.expectSameOutcome("a: &x 1\nb: &x 2\nc: *x\n")
        Self.expectSameOutcome("a: *nowhere\nb: 1\n")
    }

    @Test func limitsHoldForTheJoinedTree() {
        let deep = "a:\n  b:\n    c:\n      d: 1\n    e:\n      f:\n        g: 1\n"
        for depth in 1...5 {
            Self.expectSameOutcome(deep, limits: YAMLLimits(maxDepth: depth))
        }
        let wide = (0..<40).map { "k\($0):\n  v: \($0)\n" }.joined()
        for nodes in [50, 100, 120, 121, 122, 200] {
            Self.expectSameOutcome(wide, limits: YAMLLimits(maxNodes: nodes))
        }
        let aliases = "a: &a [1, 2, 3, 4]\nb:\n  - *a\n  - *a\nc:\n  x: *a\n  y: *a\n"
        Self.expectSameOutcome(aliases, limits: YAMLLimits(maxAliasExpansionFactor: 1))
    }

    @Test func errorsInLaterPiecesKeepTheirLines() {
        Self.expectSameOutcome("a: 1\nb:\n  c: 2\n  d: [1, 2\ne: 3\n")
        Self.expectSameOutcome("a: 1\nb:\n  c: 2\n  d: \"x\n")
        Self.expectSameOutcome("a: 1\nb:\n  c: 2\n  d:\te\n")
        Self.expectSameOutcome("a: 1\nb:\n  c: 2\n\td: 3\n")
        Self.expectSameOutcome("a: 1\nb:\n  c: 2\n  d: @x\n")
    }

    @Test func otherLineBreaksAreParsedWhole() {
        Self.expectSameOutcome("a:\r\n  b: 1\r\nc: 2\r\n")
        Self.expectSameOutcome("a:\r  b: 1\rc: 2\r")
        Self.expectSameOutcome("a:\n  b: \"x\u{2028}y\"\nc: 2\n")
        Self.expectSameOutcome("a:\n  b: \"x\u{85}y\"\nc: 2\n")
    }

    /// The pieces of a document whose lines are read in `scanParts` runs.
    static func pieces(_ bytes: [UInt8], pieceBytes: Int, scanParts: Int) -> [DocumentPieces.Piece]? {
        bytes.withUnsafeBufferPointer { DocumentPieces($0, pieceBytes: pieceBytes, scanParts: scanParts)?.pieces }
    }

    /// Lines read in runs on several threads give the pieces that one run gives, wherever the runs start:
    /// at cuts, inside quoted scalars whose lines look like keys, at blank lines and comments, in a last
    /// line without a line break, and with more runs than lines.
    @Test func linesReadInRunsGiveThePiecesOfOneRun() {
        let texts = [
            "openapi: 3.1.0\npaths:\n  /a:\n    get: {}\n  \"/b\":\n    get:\n      tags:\n      - x\n  /c: {}\n"
                + "components:\n  schemas:\n    A: {type: string}\n    B:\n      type: integer\n",
            "a:\n  k: \"one\n  two: x\n  three: y\"\n  m: 1\n  n: 'four\n  five: z'\nb: 2\n",
            "# comment\n\n---\na:\n  b: 1\n\n\n  c: 2\nd:\n  - e\n  - f: 1\n    g: 2\nh: 3",
            "a:\n    b:\n      x: 1\n      y: 2\n    c: 2\n    d: 3\nf: 5\n",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            for pieceBytes in [1, 8, 24] {
                let one = Self.pieces(bytes, pieceBytes: pieceBytes, scanParts: 1)
                #expect(one != nil, "\(text.debugDescription) was not cut")
                for parts in 2...bytes.count + 2 {
                    #expect(
                        Self.pieces(bytes, pieceBytes: pieceBytes, scanParts: parts) == one,
                        "\(text.debugDescription), \(pieceBytes) bytes, \(parts) runs"
                    )
                }
            }
        }
        // A line break other than `\n` in any run keeps the document whole.
        let otherBreaks = [
            "a:\n  b: 1\nc: \"x\u{2028}y\"\nd: 2\n", "a: \"x\u{85}y\"\nb:\n  c: 1\nd: 2\n", "a: 1\nb: 2\r\nc: 3\n",
        ]
        for text in otherBreaks {
            let bytes = Array(text.utf8)
            for parts in 1...bytes.count + 1 {
                #expect(Self.pieces(bytes, pieceBytes: 1, scanParts: parts) == nil, "\(text.debugDescription), \(parts)")
            }
        }
    }

    @Test(.enabled(if: !CorpusTests.documents.isEmpty, "the corpus folder ../shared/corpus is absent"))
    func corpusLinesReadInRunsGiveThePiecesOfOneRun() throws {
        for name in ["tradovate-2021.yaml", "discourse.yaml", "twilio-messaging-v1.yaml"] {
            let bytes = try [UInt8](Data(contentsOf: CorpusTests.corpus.appendingPathComponent(name)))
            for pieceBytes in [512, 32 << 10] {
                let one = Self.pieces(bytes, pieceBytes: pieceBytes, scanParts: 1)
                #expect(one != nil, "\(name) was not cut")
                for parts in [2, 3, 8] {
                    #expect(
                        Self.pieces(bytes, pieceBytes: pieceBytes, scanParts: parts) == one,
                        "\(name), \(pieceBytes) bytes, \(parts) runs"
                    )
                }
            }
        }
    }

    /// The value of an entry is cut only where all its lines are indented at least as far as its first:
    /// otherwise they are not the entries of one mapping, and no cut found among them is kept.
    @Test func valuesIndentedLessAfterTheirFirstLineAreNotCut() {
        let even = Array("a:\n    b:\n      x: 1\n      y: 2\n    c: 2\n    d: 3\nf: 5\n".utf8)
        #expect(Self.pieces(even, pieceBytes: 1, scanParts: 1)?.map(\.line) == [0, 3, 4, 5, 6])
        let uneven = Array("a:\n    b:\n      x: 1\n      y: 2\n    c: 2\n  d: 3\nf: 5\n".utf8)
        #expect(Self.pieces(uneven, pieceBytes: 1, scanParts: 1)?.map(\.line) == [0, 6])
        Self.expectSameOutcome(String(decoding: uneven, as: UTF8.self))
    }

    static let json = #"""
        {"openapi":"3.1.0","info":{"title":"Ünïcode \"quoted\" \\ title","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"OK"}}}},"/b":{"get":{"tags":["x","y"],"responses":{"200":{"description":"é"}}}},"/c":{"parameters":[{"name":"n","in":"query","schema":{"type":"integer","minimum":-1.5e3}}]}},"components":{"schemas":{"A":{"type":"object","properties":{"ß":{"type":"string"},"b":{"type":"boolean","default":false,"nullable":true,"example":null}}},"B":{"enum":[1,2,3]}}},"x-last":{"k":"v"}}
        """#

    @Test func jsonIsCutBetweenMembers() {
        let oneLine = Array(Self.json.utf8)
        #expect(Self.joins(oneLine, pieceBytes: 1))
        Self.expectSameOutcome(Self.json)
        // Pretty-printed, the members on lines of their own.
        let pretty = Self.json.replacingOccurrences(of: ",\"", with: ",\n  \"").replacingOccurrences(
            of: "{\"",
            with: "{\n \""
        )
        #expect(Self.joins(Array(pretty.utf8), pieceBytes: 1))
        Self.expectSameOutcome(pretty)
        // Cut in the root object only: the last member's object is not closed by a piece of its own.
        Self.expectSameOutcome(#"{"a":1,"b":{"x":1,"y":2},"c":[1,2,{"z":1}],"d":{"p":{"q":1},"r":2}}"#)
        Self.expectSameOutcome(#"{"a":{"x":1,"y":{"z":[1,{"w":2}]}},"b":2}"#)
    }

    /// Strings are scanned with `memchr` and columns counted 32 bytes at a time: escapes, quotes and
    /// characters of several bytes at every offset within 32 bytes must still end strings and count columns
    /// as one parse does.
    @Test func jsonScannedByWordsAtEveryOffset() {
        let quote = "\""
        let backslash = "\\"
        var members: [String] = []
        for offset in 0..<33 {
            let pad = String(repeating: "x", count: offset)
            // An escaped quote, escaped backslashes, and characters of two, three and four bytes.
            var text = quote + "k\(offset)" + pad + quote + ":" + quote + pad + "é" + backslash + quote + pad
            text += "ü€😀" + backslash + backslash + quote
            members.append(text)
            text = quote + "m\(offset)" + quote + ":{" + quote + pad + "ß" + quote + ":[\(offset),"
            text += quote + pad + backslash + "u00e9" + quote + "],"
            text += quote + "n" + quote + ":" + quote + pad + quote + "}"
            members.append(text)
        }
        let oneLine = "{" + members.joined(separator: ",") + "}"
        #expect(Self.joins(Array(oneLine.utf8), pieceBytes: 1))
        Self.expectSameOutcome(oneLine, sizes: [1, 8, 24, 100])
        Self.expectSameOutcome("{" + members.joined(separator: ",\n ") + "}", sizes: [1, 8, 24, 100])
    }

    @Test func jsonThatPiecesCannotKeepIsParsedWhole() {
        Self.expectSameOutcome(#"{"a":1,"b":2,"a":3}"#)
        Self.expectSameOutcome(#"{"p":{"x":1,"y":2,"x":3},"q":1}"#)
        Self.expectSameOutcome(#"{a: b"c, d: e, f: "g"}"#)
        Self.expectSameOutcome(#"{"a": 'single', "b": 2}"#)
        Self.expectSameOutcome(#"{"a":1,"b":2}, {"c":3}"#)
        Self.expectSameOutcome(#"{"a":1,"b":[1,2}"#)
        Self.expectSameOutcome(#"{"a":1,"b":"unterminated}"#)
        Self.expectSameOutcome(#"{"a":1,"b":&x 1,"c":*x}"#)
        Self.expectSameOutcome(#"{"a":1,"b":!!str 2,"c":3}"#)
        Self.expectSameOutcome("{\"a\":1,\r\n\"b\":2}")
        Self.expectSameOutcome(#"{"a":"\uD83D\uDCA9","b":2,"c":3}"#)
        Self.expectSameOutcome(#"{"a":1,"b":{"c":{"d":{"e":1}}},"f":2}"#, limits: YAMLLimits(maxDepth: 3))
    }

    /// Small documents broken at random places: pieces and one parse always agree.
    @Test(.enabled(if: !CorpusTests.documents.isEmpty, "the corpus folder ../shared/corpus is absent"))
    func brokenDocumentsGiveTheOutcomeOfOneParse() throws {
        var generator = SplitMix(seed: 0x5EED)
        let names = ["oai-petstore.yaml", "oai-link-example.yaml", "oai-api-with-examples.yaml", "oai-uspto.yaml"]
        let inserts: [[UInt8]] = ["\n", "  ", " ", ":", "- ", "\"", "'", "{", "[", "}", "#", "&a ", "*a ", "\t", "|\n"]
            .map { Array($0.utf8) }
        var joined = 0
        for name in names {
            let original = try [UInt8](Data(contentsOf: CorpusTests.corpus.appendingPathComponent(name)))
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<Int(generator.next() % 3) + 1 {
                    let at = Int(generator.next() % UInt64(bytes.count))
                    if generator.next() % 2 == 0 {
                        bytes.removeSubrange(at..<min(bytes.count, at + Int(generator.next() % 4) + 1))
                    } else {
                        bytes.insert(contentsOf: inserts[Int(generator.next() % UInt64(inserts.count))], at: at)
                    }
                }
                let whole = Self.outcome(bytes, .sequential)
                for size in [1, 256] {
                    #expect(Self.outcome(bytes, .pieces(ofAbout: size)) == whole, "\(name), mutated, \(size) bytes")
                }
                if case .tree = whole, Self.joins(bytes, pieceBytes: 256) { joined += 1 }
            }
        }
        // Most mutations leave a document that loads; those must mostly still be cut and joined.
        #expect(joined >= 150, "only \(joined) mutated documents were joined from pieces")
        var jsonJoined = 0
        for _ in 0..<300 {
            var bytes = Array(Self.json.utf8)
            for _ in 0..<Int(generator.next() % 2) + 1 {
                let at = Int(generator.next() % UInt64(bytes.count))
                if generator.next() % 2 == 0 {
                    bytes.remove(at: at)
                } else {
                    bytes.insert(
                        contentsOf: Array(#"{}[],:" \x"#.utf8)[Int(generator.next() % 11)...].prefix(1),
                        at: at
                    )
                }
            }
            let whole = Self.outcome(bytes, .sequential)
            for size in [1, 64] {
                #expect(Self.outcome(bytes, .pieces(ofAbout: size)) == whole, "JSON, mutated, \(size) bytes")
            }
            if case .tree = whole, Self.joins(bytes, pieceBytes: 64) { jsonJoined += 1 }
        }
        #expect(jsonJoined >= 60, "only \(jsonJoined) mutated JSON documents were joined from pieces")
    }
}

/// A small, seeded random number generator, so that the mutations are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
