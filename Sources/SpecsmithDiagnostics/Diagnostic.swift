/// One problem found in an input, reported by any stage of the pipeline.
///
/// Diagnostics are values: stages collect them, sort them by location and hand them to a
/// ``DiagnosticRenderer``. A diagnostic is also an `Error`, so a stage that must stop at the
/// first problem can throw one.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` for problems that belong to no file (a missing input, say).
    public var location: SourceLocation?
    /// An optional second line that helps fix the problem.
    public var note: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, note: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.note = note
    }

    public static func error(_ message: String, at location: SourceLocation?, note: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, note: note)
    }

    public static func warning(_ message: String, at location: SourceLocation?, note: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, note: note)
    }

    public var isError: Bool { severity == .error }

    /// The one-line form, `file:line:column: severity: message`.
    public var description: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``description``'s UTF-8 to `out`.
    func write(to out: inout [UInt8]) {
        if let location {
            location.write(to: &out)
            out += ": ".utf8
        }
        out += severity.rawValue.utf8
        out += ": ".utf8
        out += message.utf8
    }
}

extension Sequence where Element == Diagnostic {
    /// Diagnostics ordered by file, line and column; those without a location come first.
    public func sortedByLocation() -> [Diagnostic] {
        let diagnostics = Array(self)
        // A list is often sorted already (the loader's, then the pipeline's with nothing added before
        // its end): one look along it costs a comparison a diagnostic, a sort hundreds.
        if diagnostics.isSortedByLocation { return diagnostics }
        // The positions are sorted, not the diagnostics, which would be moved with their strings.
        return diagnostics.indices.sorted { a, b in
            switch (diagnostics[a].location, diagnostics[b].location) {
            case (nil, nil): return a < b
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? a < b : l < r
            }
        }.map { diagnostics[$0] }
    }

    /// Each diagnostic once, at its first place: one problem met on two ways into a file (or by two
    /// documents that refer to one file) is reported once.
    public func uniqued() -> [Diagnostic] {
        let diagnostics = Array(self)
        guard diagnostics.isSortedByLocation else {
            var seen: Set<Diagnostic> = []
            seen.reserveCapacity(diagnostics.count)
            return diagnostics.filter { seen.insert($0).inserted }
        }
        // Sorted, equal diagnostics are among those of one location, next to each other: each is compared
        // with the ones kept at its location (a handful at most), and none is hashed.
        var kept: [Diagnostic] = []
        kept.reserveCapacity(diagnostics.count)
        var sameLocation = 0
        for diagnostic in diagnostics {
            if let last = kept.last, last.location == diagnostic.location {
                if kept[sameLocation...].contains(diagnostic) { continue }
            } else {
                sameLocation = kept.count
            }
            kept.append(diagnostic)
        }
        return kept
    }

    /// Inlinable, so that it is specialised where it is called: the generic form copies each diagnostic
    /// out of the list (about 600 instructions each).
    @inlinable
    public var hasErrors: Bool { contains { $0.isError } }

    /// `2 errors, 5 warnings`, as printed at the end of a run.
    public var summary: String {
        var errors = 0
        var warnings = 0
        for d in self {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: break
            }
        }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(errors, "error")), \(count(warnings, "warning"))"
    }
}

extension [Diagnostic] {
    /// Whether ``sortedByLocation()`` would return the list as it is.
    fileprivate var isSortedByLocation: Bool {
        indices.dropFirst().allSatisfy { i in
            guard let previous = self[i - 1].location else { return true }
            guard let location = self[i].location else { return false }
            return !(location < previous)
        }
    }
}
