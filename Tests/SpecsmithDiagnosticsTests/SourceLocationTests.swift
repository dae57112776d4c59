import SpecsmithDiagnostics
import Testing

@Suite struct SourceLocationTests {
    @Test func aPathGivesTheSameFileHoweverTheLocationIsMade() {
        let fromPath = SourceLocation(file: "specs/eval.yaml", line: 2, column: 7)
        let fromFile = SourceLocation(file: SourceFile("specs/eval.yaml"), line: 2, column: 7)
        #expect(fromPath == fromFile)
        #expect(fromPath.hashValue == fromFile.hashValue)
        #expect(fromPath.file == "specs/eval.yaml")
        #expect(fromPath.description == "specs/eval.yaml:2:7")
        #expect(SourceFile("a.yaml") != SourceFile("b.yaml"))
    }

    /// Files are numbered in the order they are first seen; locations still sort by path.
    @Test func locationsSortByPathThenLineThenColumn() {
        let seenFirst = SourceLocation(file: "zz-sorts-last.yaml", line: 1, column: 1)
        let seenLater = SourceLocation(file: "aa-sorts-first.yaml", line: 9, column: 9)
        #expect(seenLater < seenFirst)
        #expect(SourceLocation(file: "x.yaml", line: 1, column: 9) < SourceLocation(file: "x.yaml", line: 2, column: 1))
        #expect(SourceLocation(file: "x.yaml", line: 2, column: 1) < SourceLocation(file: "x.yaml", line: 2, column: 3))
    }

    @Test func partsCanBeChanged() {
        var location = SourceLocation(file: "a.yaml", line: 3, column: 4)
        location.file = "b.yaml"
        location.line = 10
        location.column = 2
        #expect(location == SourceLocation(file: "b.yaml", line: 10, column: 2))
    }
}
