/// A unified diff of two texts, line by line, in the format of `diff -u` / `git diff`.
public enum UnifiedDiff {
    /// The diff of `old` against `new` with `context` lines around each change, headed by the two
    /// labels; an empty string when the texts are equal.
    public static func diff(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old)
        let b = lines(new)
        let edits = script(a, b)
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(edits, context: context) {
            let oldStart = hunk.first.map { $0.oldIndex } ?? 0
            let newStart = hunk.first.map { $0.newIndex } ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in hunk {
                let line: String
                switch edit.kind {
                case .keep:
                    line = a[edit.oldIndex]
                    out += " "
                case .delete:
                    line = a[edit.oldIndex]
                    out += "-"
                case .insert:
                    line = b[edit.newIndex]
                    out += "+"
                }
                out += line
                if line.utf8.last != UInt8(ascii: "\n") {
                    out += "\n\\ No newline at end of file\n"
                }
            }
        }
        return out
    }

    struct Edit: Equatable {
        enum Kind { case keep, delete, insert }
        var kind: Kind
        var oldIndex: Int
        var newIndex: Int
    }

    /// The lines of a text, each with the newline that ends it (the last one may have none, and then
    /// differs from the same line with one). Split at `\n` bytes, not at `Character`s: `\r\n` is one
    /// `Character`, and a `\r` stays in its line, as `diff -u` keeps it.
    private static func lines(_ text: String) -> [String] {
        let bytes = text.utf8
        var result: [String] = []
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: "\n") {
                result.append(String(decoding: bytes[start..<next], as: UTF8.self))
                start = next
            }
            index = next
        }
        if start != bytes.endIndex { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// The shortest edit script (Myers, O((N+M)·D)), from the front of both sequences.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count
        let m = b.count
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) {
                    x = v[max + k + 1]
                } else {
                    x = v[max + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[max + k] = x
                if x >= n, y >= m { break outer }
            }
        }
        // Walk the trace backwards to recover the path.
        var edits: [Edit] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = v[max + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                edits.append(Edit(kind: .keep, oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == previousX {
                    edits.append(Edit(kind: .insert, oldIndex: x, newIndex: previousY))
                } else {
                    edits.append(Edit(kind: .delete, oldIndex: previousX, newIndex: y))
                }
            }
            x = previousX
            y = previousY
        }
        return edits.reversed()
    }

    private static func hunks(_ edits: [Edit], context: Int) -> [[Edit]] {
        var result: [[Edit]] = []
        var current: [Edit] = []
        var lastChange = -1
        for (i, edit) in edits.enumerated() where edit.kind != .keep {
            let start = Swift.max(i - context, lastChange + 1)
            if !current.isEmpty, start > lastChange + context + 1 {
                current += edits[(lastChange + 1)..<Swift.min(lastChange + 1 + context, edits.count)]
                result.append(current)
                current = []
            }
            let from = current.isEmpty ? Swift.max(i - context, 0) : lastChange + 1
            current += edits[from...i]
            lastChange = i
        }
        if !current.isEmpty {
            current += edits[(lastChange + 1)..<Swift.min(lastChange + 1 + context, edits.count)]
            result.append(current)
        }
        return result
    }
}
