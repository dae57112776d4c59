@testable import SpecsmithDiagnostics
import Testing

/// The renderer's text against a plain model of it, written here from the rules alone (lines broken as
/// libyaml breaks them, columns in characters, a window of ``DiagnosticRenderer/maximumShownWidth``
/// characters around the column of a longer line, the caret line copying the tabs before the column),
/// over texts where the renderer's shortcuts could go wrong: characters of two, three and four bytes
/// before and inside a long line's window and across its index's checkpoints, every kind of break at
/// every position within eight bytes, tabs, and columns at a line's very start and end.
@Suite struct RenderedTextTests {
    /// The model: what `render` prints for `diagnostics` in a file whose text is `text`.
    static func expected(_ diagnostics: [Diagnostic], text: String) -> String {
        var lines: [[Unicode.Scalar]] = [[]]
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            switch scalars[i] {
            case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
                lines.append([])
                i += 1
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": lines.append([])
            default: lines[lines.count - 1].append(scalars[i])
            }
            i += 1
        }
        return diagnostics.map { diagnostic in
            var out = diagnostic.description
            if let location = diagnostic.location, location.line >= 1, location.line <= lines.count {
                var line = lines[location.line - 1]
                var column = location.column
                let width = DiagnosticRenderer.maximumShownWidth
                if line.count > width {
                    let start = max(0, min(column - 1 - width / 2, line.count - width))
                    let end = min(line.count, start + width)
                    let cut = line
                    line = Array(cut[start..<end])
                    if start > 0 {
                        line = Array("...".unicodeScalars) + line
                        column += 3 - start
                    }
                    if end < cut.count { line += Array("...".unicodeScalars) }
                }
                var caret = ""
                for k in 0..<max(0, column - 1) { caret += k < line.count && line[k] == "\t" ? "\t" : " " }
                var shown = ""
                shown.unicodeScalars.append(contentsOf: line)
                out += "\n" + shown + "\n" + caret + "^"
            }
            if let note = diagnostic.note { out += "\nnote: " + note }
            return out + "\n"
        }.joined()
    }

    /// A small generator with a fixed seed, so that a failure repeats.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let characters = ["a", "b", "\t", " ", "é", "€", "😀", "ß", "文"]
    static let breaks = ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

    /// Checks every column of every line of `text` (and one past each line's end), one diagnostic at a
    /// time and all together in one call, in an order that is not the text's.
    func check(_ text: String, file: String = "f.json") {
        var lengths: [Int] = []
        var count = 0
        var lineCount = 1
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\r" where scalars.first == "\n":
                scalars.removeFirst()
                fallthrough
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                lengths.append(count)
                count = 0
                lineCount += 1
            default: count += 1
            }
        }
        lengths.append(count)
        var diagnostics: [Diagnostic] = []
        for (index, length) in lengths.enumerated() {
            let columns = length > 600 ? Array(1...90) + Array(length - 90...length + 1) : Array(1...length + 1)
            for column in columns {
                diagnostics.append(
                    .warning("w", at: SourceLocation(file: file, line: index + 1, column: column), note: "n"))
            }
        }
        diagnostics.append(.warning("past the end", at: SourceLocation(file: file, line: lineCount + 1, column: 1)))
        let renderer = DiagnosticRenderer { $0 == file ? text : nil }
        for diagnostic in diagnostics {
            #expect(renderer.render(diagnostic) + "\n" == Self.expected([diagnostic], text: text))
        }
        let shuffled = diagnostics.enumerated().sorted { ($0.offset * 7919) % 1009 < ($1.offset * 7919) % 1009 }
            .map(\.element)
        #expect(renderer.render(shuffled) == Self.expected(shuffled, text: text))
    }

    @Test func longLinesOfMultiByteCharactersShowTheRightWindow() {
        var generator = Generator(state: 1)
        for density in [1, 3, 10, 50] {
            var text = ""
            for _ in 0..<1_500 {
                text += generator.next(density) == 0 ? Self.characters[4 + generator.next(5)] : "x"
            }
            check(text)
            // Every column of a long line, windows sliding over characters of every width.
            let line = text
            let renderer = DiagnosticRenderer { _ in line }
            let all = (1...line.unicodeScalars.count + 1).map {
                Diagnostic.warning("w", at: SourceLocation(file: "f.json", line: 1, column: $0))
            }
            #expect(renderer.render(all) == Self.expected(all, text: line))
        }
    }

    @Test func checkpointsInsideMultiByteCharacters() {
        // A long line whose 256th, 512th, ... characters fall at every position of an eight-byte word
        // and of a character of four bytes.
        for prefix in 0..<9 {
            for wide in ["é", "€", "😀"] {
                let text = String(repeating: "a", count: prefix)
                    + String(repeating: wide, count: 600) + String(repeating: "b", count: 300)
                let renderer = DiagnosticRenderer { _ in text }
                let columns = [1, 2, 80, 81, 82, 250, 256, 257, 258, 337, 512, 513, 600, 768, 900, 901, 902, 903]
                let diagnostics = columns.map {
                    Diagnostic.warning("w", at: SourceLocation(file: "f.json", line: 1, column: $0 + prefix))
                }
                #expect(renderer.render(diagnostics) == Self.expected(diagnostics, text: text))
            }
        }
    }

    @Test func everyBreakAtEveryPositionInAWord() {
        for lineBreak in Self.breaks {
            for offset in 0..<17 {
                let text = String(repeating: "k", count: offset) + lineBreak + "é\t" + lineBreak + lineBreak
                    + String(repeating: "v", count: 23 - offset) + lineBreak + "€😀" + lineBreak + "end"
                check(text)
            }
        }
        // Bytes that start no break but look like one's first byte: `Â`, `â`, `⁅`, U+2027 and U+202A.
        check("aÂbâc⁅d\u{2027}e\u{202A}f\u{2028}gÂ\u{85}h" + String(repeating: "â", count: 200) + "\u{2029}i")
    }

    @Test func breaksAroundALongLine() {
        var generator = Generator(state: 7)
        for lineBreak in Self.breaks {
            var text = "short" + lineBreak
            for _ in 0..<700 { text += Self.characters[generator.next(Self.characters.count)] }
            text += lineBreak + "\tshort\t" + lineBreak
            for _ in 0..<200 { text += "\t" }
            check(text)
        }
    }

    @Test func randomTexts() {
        var generator = Generator(state: 42)
        for _ in 0..<40 {
            var text = ""
            for _ in 0..<generator.next(400) {
                text += generator.next(12) == 0
                    ? Self.breaks[generator.next(Self.breaks.count)]
                    : Self.characters[generator.next(Self.characters.count)]
            }
            check(text)
        }
    }

    @Test func aColumnAtALongLinesStartAndEnd() {
        let text = "\t" + String(repeating: "ab€", count: 100) + "\t"
        let renderer = DiagnosticRenderer { _ in text }
        func rendered(_ column: Int) -> String {
            renderer.render(Diagnostic.warning("w", at: SourceLocation(file: "f.json", line: 1, column: column)))
        }
        let start = "\t" + String(repeating: "ab€", count: 53)
        #expect(rendered(1) == "f.json:1:1: warning: w\n" + start + "...\n^")
        let end = "..." + String(repeating: "ab€", count: 53) + "\t"
        #expect(rendered(302) == "f.json:1:302: warning: w\n" + end + "\n" + String(repeating: " ", count: 162) + "^")
        #expect(rendered(303) == "f.json:1:303: warning: w\n" + end + "\n" + String(repeating: " ", count: 162) + "\t^")
    }

    @Test func diagnosticsWithoutSourceOrLocationAmongOthers() {
        let text = "a: 1\n\tb: 2\n"
        let renderer = DiagnosticRenderer { $0 == "f.yaml" ? text : nil }
        let diagnostics: [Diagnostic] = [
            .error("no input", at: nil),
            .warning("x", at: SourceLocation(file: "f.yaml", line: 2, column: 3), note: "fix it"),
            .warning("y", at: SourceLocation(file: "g.yaml", line: 1, column: 1)),
            .error("z", at: SourceLocation(file: "f.yaml", line: 1, column: 1)),
        ]
        #expect(
            renderer.render(diagnostics) == """
                error: no input
                f.yaml:2:3: warning: x
                \tb: 2
                \t ^
                note: fix it
                g.yaml:1:1: warning: y
                f.yaml:1:1: error: z
                a: 1
                ^

                """)
    }
}

/// Sorting and uniquing give the same lists whether or not a list comes sorted.
@Suite struct SortedAndUniquedTests {
    static func at(_ file: String, _ line: Int, _ column: Int) -> SpecsmithDiagnostics.SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    static let a = Diagnostic.warning("a", at: at("a.yaml", 2, 1))
    static let b = Diagnostic.error("b", at: at("a.yaml", 2, 1))
    static let c = Diagnostic.warning("c", at: at("a.yaml", 1, 9), note: "n")
    static let d = Diagnostic.warning("d", at: at("b.yaml", 1, 1))
    static let e = Diagnostic.error("e", at: nil)
    static let f = Diagnostic.error("f", at: nil)

    @Test func aSortedListStaysAsItIs() {
        let sorted = [Self.e, Self.f, Self.c, Self.a, Self.b, Self.d]
        #expect(sorted.sortedByLocation().map(\.message) == ["e", "f", "c", "a", "b", "d"])
    }

    @Test func sortingIsByFileLineColumnAndKeepsTheOrderOfEqualLocations() {
        let list = [Self.d, Self.b, Self.f, Self.a, Self.c, Self.e]
        #expect(list.sortedByLocation().map(\.message) == ["f", "e", "c", "b", "a", "d"])
    }

    @Test func duplicatesAreDroppedWhereverTheyAre() {
        // Sorted, with duplicates that are not next to their first at the same location, and one that
        // differs from another only by its note.
        let (a, b, c, d, e, f) = (Self.a, Self.b, Self.c, Self.d, Self.e, Self.f)
        let c2 = c.with(note: nil)
        let sorted = [e, f, e, c, c2, c, a, b, a, d, d]
        #expect(sorted.uniqued() == [e, f, c, c2, a, b, d])
        // Not sorted: the same diagnostics kept, each at its first place.
        let unsorted = [d, a, e, b, a, d, e, c]
        #expect(unsorted.uniqued() == [d, a, e, b, c])
        // Sorting, then uniquing gives what uniquing, then sorting does.
        for list in [sorted, unsorted, sorted.reversed(), unsorted + sorted] {
            #expect(list.sortedByLocation().uniqued() == list.uniqued().sortedByLocation())
        }
    }
}

extension Diagnostic {
    func with(note: String?) -> Diagnostic {
        var copy = self
        copy.note = note
        return copy
    }
}
