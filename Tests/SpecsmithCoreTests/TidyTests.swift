import Testing

@testable import SpecsmithCore

/// `TemplateSet.tidy` against a plain model of its rules, line by line, on texts made of the lines its rules
/// tell apart: blank ones, with white space at their end, braces, doc comments, carriage returns.
@Suite struct TidyTests {
    /// The rules, one line at a time: no trailing spaces or tabs; no blank line at the top, twice in a row, right
    /// after an opening brace, after a doc comment, or before a closing brace (after spaces); lines that are not
    /// empty indented by `indent`; one newline at the end.
    static func plainTidy(_ text: String, indent: Int) -> String {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        // Bytes, not `Character`s: a carriage return and a newline are one `Character`.
        var lines: [[UInt8]] = []
        var blankBefore = false
        for line in Array(text.utf8).split(separator: newline, omittingEmptySubsequences: false) {
            var trimmed = Array(line)
            while let last = trimmed.last, last == space || last == tab { trimmed.removeLast() }
            if trimmed.isEmpty {
                guard !blankBefore, let last = lines.last else { continue }
                if last.last == UInt8(ascii: "{") || last.drop(while: { $0 == space }).starts(with: Array("///".utf8)) {
                    continue
                }
                lines.append([])
                blankBefore = true
                continue
            }
            if blankBefore, line.drop(while: { $0 == space }).first == UInt8(ascii: "}") { lines.removeLast() }
            blankBefore = false
            lines.append([UInt8](repeating: space, count: indent) + trimmed)
        }
        while lines.last == [] { lines.removeLast() }
        return lines.isEmpty ? "\n" : String(decoding: lines.flatMap { $0 + [newline] }, as: UTF8.self)
    }

    /// SplitMix64: the same texts on every run.
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

    static func tidy(_ text: String, indent: Int) -> String {
        Array(text.utf8).withUnsafeBufferPointer { TemplateSet.tidy($0, indent: indent) }
    }

    @Test func examples() {
        #expect(Self.tidy("", indent: 0) == "\n")
        #expect(Self.tidy("\n\n  \n", indent: 0) == "\n")
        #expect(Self.tidy("a  \nb\t\n\n\n{\n\n  x\n\n}\n/// d\n\nc", indent: 0) == "a\nb\n\n{\n  x\n}\n/// d\nc\n")
        #expect(Self.tidy("a\nb\n\n  }\n", indent: 4) == "    a\n    b\n      }\n")
    }

    @Test func randomTextsAreTidiedAsThePlainRulesSay() {
        let pieces = [
            "", " ", "\t", "x", "x ", "x\t", "{", "{ ", "}", "  }", "\t}", "/// d", "  /// d ", "a {", "\r", "x\r", " y",
            "let a = 1", "        case b = \"b\"",
        ]
        var random = Random(state: 26)
        for _ in 0..<3000 {
            let lines = (0..<random.next(13)).map { _ in pieces[random.next(pieces.count)] }
            let text = lines.joined(separator: "\n") + (random.next(2) == 0 ? "\n" : "")
            for indent in [0, 4] {
                #expect(Self.tidy(text, indent: indent) == Self.plainTidy(text, indent: indent), "\(text.debugDescription)")
            }
        }
    }
}
