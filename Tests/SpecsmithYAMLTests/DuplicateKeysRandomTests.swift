import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

/// Duplicate keys in random documents, against the plain rule: a key is a duplicate exactly when an earlier
/// key of the same mapping has the same bytes. The keys come from a small pool of look-alikes (same length,
/// same first, middle and last bytes, different elsewhere) so that the builder's quick test of a new key
/// often says "maybe" and its search must decide; mappings of up to 45 keys take the hashed index too.
@Suite struct DuplicateKeysRandomTests {
    /// SplitMix64: the same documents on every run.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let pool: [String] = {
        var keys = ["a", "b", "ab", "ba", "aab", "abb", "é", "\u{65}\u{301}", "long-key-\u{e9}"]
        for middle in ["x", "y", "xy", "yx", "xx"] { keys += ["k\(middle)m\(middle)k", "k\(middle)mm\(middle)k"] }
        for i in 0..<40 { keys.append("key\(i)") }
        return keys
    }()

    /// A block mapping of random keys at `indent`, some with nested mappings or sequences of mappings;
    /// appends each line to `lines` and each expected duplicate as `line: first line`.
    static func mapping(
        indent: String, depth: Int, random: inout Random, lines: inout [String], expected: inout [Int: Int]
    ) {
        // By bytes: Swift's `==` finds "é" and "e\u{301}" equal, and keys compare by code points.
        var seen: [[UInt8]: Int] = [:]
        let count = 1 + random.next(random.next(4) == 0 ? 45 : 8)
        for _ in 0..<count {
            let key = pool[random.next(pool.count)]
            let line = lines.count + 1
            if let first = seen[Array(key.utf8)] { expected[line] = first } else { seen[Array(key.utf8)] = line }
            let quoted = "\"" + key + "\""
            switch depth < 2 ? random.next(4) : 0 {
            case 1:
                lines.append(indent + quoted + ":")
                mapping(indent: indent + "  ", depth: depth + 1, random: &random, lines: &lines, expected: &expected)
            case 2:
                lines.append(indent + quoted + ":")
                for _ in 0..<1 + random.next(2) {
                    lines.append(indent + "  -")
                    mapping(
                        indent: indent + "    ", depth: depth + 1, random: &random, lines: &lines, expected: &expected)
                }
            default:
                lines.append(indent + quoted + ": \(random.next(100))")
            }
        }
    }

    @Test(arguments: [YAMLParallelism.sequential, .pieces(ofAbout: 64)])
    func aKeyIsADuplicateExactlyWhenItsBytesRepeatInItsMapping(parallelism: YAMLParallelism) {
        var random = Random(state: 24)
        var total = 0
        for _ in 0..<200 {
            var lines: [String] = []
            var expected: [Int: Int] = [:]
            Self.mapping(indent: "", depth: 0, random: &random, lines: &lines, expected: &expected)
            let text = lines.joined(separator: "\n") + "\n"
            var found: [Int: Int] = [:]
            do {
                _ = try YAMLLoader.load(Array(text.utf8), file: "test.yaml", parallelism: parallelism)
            } catch {
                for diagnostic in error.diagnostics {
                    let message = diagnostic.message
                    guard let line = diagnostic.location?.line, message.hasPrefix("duplicate key "),
                        let first = message.split(separator: " ").last.flatMap({ Int($0.dropLast()) })
                    else {
                        Issue.record("unexpected: \(diagnostic)")
                        continue
                    }
                    found[line] = first
                }
            }
            #expect(found == expected, "\(text)")
            if found != expected { return }
            total += expected.count
        }
        #expect(total > 1000, "the documents hold too few duplicates to test anything")
    }
}
