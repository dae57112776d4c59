import SpecsmithCore
import Testing

@Suite struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldLabel: "x", newLabel: "y") == "")
    }

    @Test func oneChangedLineWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(
            UnifiedDiff.diff(old: old, new: new, oldLabel: "a/M.swift", newLabel: "b/M.swift") == """
                --- a/M.swift
                +++ b/M.swift
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
    }

    @Test func distantChangesMakeSeparateHunks() {
        let old = (1...20).map { "\($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(of: "\n19\n", with: "\n")
        let diff = UnifiedDiff.diff(old: old, new: new, oldLabel: "a", newLabel: "b")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3)
        #expect(diff.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n"))
        #expect(diff.contains("@@ -16,5 +16,4 @@\n 16\n 17\n 18\n-19\n 20\n"))
    }

    @Test func newAndRemovedFiles() {
        #expect(UnifiedDiff.diff(old: "", new: "x\ny\n", oldLabel: "/dev/null", newLabel: "b") == "--- /dev/null\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n")
        #expect(UnifiedDiff.diff(old: "x\n", new: "", oldLabel: "a", newLabel: "/dev/null") == "--- a\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n")
    }

    @Test func aMissingNewlineAtTheEndIsAChangeAndMarked() {
        #expect(
            UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldLabel: "a", newLabel: "b")
                == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
        #expect(
            UnifiedDiff.diff(old: "x\n", new: "y", oldLabel: "a", newLabel: "b")
                == "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n\\ No newline at end of file\n")
    }

    @Test func linesEndingInCarriageReturnsAreLinesOfTheirOwn() {
        #expect(
            UnifiedDiff.diff(old: "a\r\nb\r\nc\r\n", new: "a\r\nB\r\nc\r\n", oldLabel: "a", newLabel: "b")
                == "--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n")
        #expect(
            UnifiedDiff.diff(old: "a\r\nb\r\n", new: "a\nb\n", oldLabel: "a", newLabel: "b")
                == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\r\n-b\r\n+a\n+b\n")
    }
}
