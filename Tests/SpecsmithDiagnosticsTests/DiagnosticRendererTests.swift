@testable import SpecsmithDiagnostics
import Testing

@Suite struct DiagnosticRendererTests {
    let source = """
        openapi: 3.1.0
        info:
          code: 1
        \tcode: 2
        """

    func renderer() -> DiagnosticRenderer {
        let text = source
        return DiagnosticRenderer { $0 == "specs/eval.yaml" ? text : nil }
    }

    @Test func printsHeaderSourceLineAndCaret() {
        let d = Diagnostic.error(
            #"duplicate key "code" (first at line 3)"#,
            at: SourceLocation(file: "specs/eval.yaml", line: 3, column: 3))
        #expect(
            renderer().render(d) == """
                specs/eval.yaml:3:3: error: duplicate key "code" (first at line 3)
                  code: 1
                  ^
                """)
    }

    @Test func caretCopiesTabsSoItLinesUp() {
        let d = Diagnostic.warning("odd", at: SourceLocation(file: "specs/eval.yaml", line: 4, column: 2))
        #expect(renderer().render(d) == "specs/eval.yaml:4:2: warning: odd\n\tcode: 2\n\t^")
    }

    @Test func withoutSourceOnlyTheHeaderAndNote() {
        let d = Diagnostic.error("bad", at: SourceLocation(file: "other.yaml", line: 1, column: 1), note: "try this")
        #expect(renderer().render(d) == "other.yaml:1:1: error: bad\nnote: try this")
    }

    @Test func withoutLocation() {
        #expect(renderer().render(Diagnostic.error("no input files", at: nil)) == "error: no input files")
    }

    @Test func caretPastTheEndOfTheLine() {
        let d = Diagnostic.error("eof", at: SourceLocation(file: "specs/eval.yaml", line: 1, column: 17))
        #expect(renderer().render(d).hasSuffix("openapi: 3.1.0\n                ^"))
    }

    @Test func sortsByLocationAndCounts() {
        let a = Diagnostic.warning("a", at: SourceLocation(file: "f", line: 9, column: 1))
        let b = Diagnostic.error("b", at: SourceLocation(file: "f", line: 2, column: 5))
        let c = Diagnostic.error("c", at: nil)
        #expect([a, b, c].sortedByLocation().map(\.message) == ["c", "b", "a"])
        #expect([a, b, c].summary == "2 errors, 1 warning")
        #expect([a, b, c].hasErrors)
        #expect(![a].hasErrors)
    }
}

@Suite struct LongLineTests {
    @Test func aVeryLongLineShowsAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 1000) + "X" + String(repeating: "b", count: 1000)
        let renderer = DiagnosticRenderer { _ in line }
        let text = renderer.render(Diagnostic.error("here", at: SourceLocation(file: "f.json", line: 1, column: 1001)))
        let parts = text.split(separator: "\n").map(String.init)
        #expect(parts.count == 3)
        #expect(parts[1].hasPrefix("...") && parts[1].hasSuffix("..."))
        #expect(parts[1].count <= DiagnosticRenderer.maximumShownWidth + 6)
        let caret = parts[2].count - 1
        #expect(Array(parts[1])[caret] == "X")
    }

    @Test func everyDiagnosticOnALongLineShowsItsOwnWindow() {
        // Minified JSON: one line, a diagnostic here and there along it, characters of two and four
        // bytes among the others. Column 337 shows from character 256 on, where the renderer's index of
        // the line has an entry.
        let line = (0..<400).map { "\"k\($0)\":\"é😀\"" }.joined(separator: ",")
        let renderer = DiagnosticRenderer { _ in line }
        let columns = [1, 337, 2_000, Array(line.unicodeScalars).count]
        let diagnostics = columns.map { Diagnostic.warning("w", at: SourceLocation(file: "f.json", line: 1, column: $0)) }
        let text = renderer.render(diagnostics)
        let parts = text.split(separator: "\n").map { Array($0.unicodeScalars) }
        #expect(parts.count == 12)
        let scalars = Array(line.unicodeScalars)
        for (index, column) in columns.enumerated() {
            let (shown, caret) = (parts[3 * index + 1], parts[3 * index + 2].count - 1)
            #expect(shown.count <= DiagnosticRenderer.maximumShownWidth + 6)
            #expect(shown[caret] == scalars[column - 1])
        }
    }
}

/// Line N of a diagnostic is the line libyaml calls N, whatever breaks the file uses.
@Suite struct LineBreakTests {
    func shown(_ text: String, line: Int, column: Int = 1) -> String {
        let renderer = DiagnosticRenderer { _ in text }
        let location = SourceLocation(file: "f.yaml", line: line, column: column)
        return renderer.render(Diagnostic.warning("here", at: location))
    }

    @Test func crlfLinesShowWithoutTheirBreak() {
        let text = "openapi: 3.1.0\r\ninfo:\r\n  foo: bar\r\n"
        #expect(shown(text, line: 3, column: 3) == "f.yaml:3:3: warning: here\n  foo: bar\n  ^")
    }

    @Test func aLoneCarriageReturnAndUnicodeBreaksEndLines() {
        let text = "a: 1\rb: 2\u{85}c: 3\u{2028}d: 4\u{2029}é: 5\n"
        #expect(shown(text, line: 2).hasSuffix("\nb: 2\n^"))
        #expect(shown(text, line: 3).hasSuffix("\nc: 3\n^"))
        #expect(shown(text, line: 4).hasSuffix("\nd: 4\n^"))
        #expect(shown(text, line: 5, column: 2).hasSuffix("\né: 5\n ^"))
    }

    @Test func aLinePastTheEndShowsOnlyTheHeader() {
        #expect(shown("a: 1\n", line: 2) == "f.yaml:2:1: warning: here\n\n^")
        #expect(shown("a: 1\n", line: 3) == "f.yaml:3:1: warning: here")
    }

    @Test func lineRangesLeaveBreaksOut() {
        func lines(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            var lines: [String] = []
            var start: Int? = 0
            while let from = start {
                let (line, next) = bytes.withUnsafeBufferPointer { LineBreaks.line(in: $0, from: from) }
                lines.append(String(decoding: bytes[line], as: UTF8.self))
                start = next
            }
            return lines
        }
        #expect(lines("a\r\nb\rc\n\u{85}d") == ["a", "b", "c", "", "d"])
        #expect(lines("a\u{2028}b\u{2029}") == ["a", "b", ""])
        #expect(lines("") == [""])
    }
}
