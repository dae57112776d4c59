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
}
