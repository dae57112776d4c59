import SpecsmithDiagnostics
import SpecsmithYAML

/// What the shared session must take over from the worker session that read one item. The value read
/// travels beside it, in a tuple, so that it is moved out whole: taken out of a struct, it would be copied,
/// and every part of a path item retained and released again.
struct WorkerRead {
    var diagnostics: [Diagnostic]
    /// The schemas the worker entered into its table, in order; still to be read.
    var entered: [LocatedNode]
    /// The text files it found missing, with the `$ref` that names each and where.
    var missingTextFiles: [(String, SourceLocation)]
}

extension LoadSession {
    /// Runs `read(worker, index)` for each index on every core, each with a worker session of its own
    /// (``init(workerFor:)``); `nil` when the items are too few to share out. Take each item over in
    /// order with ``adopt(_:)``.
    ///
    /// A worker looks up files, cached objects and the schema table of this session, and changes none
    /// of them: what it would change stays in the worker (see ``adopt(_:)``). An item whose worker met
    /// something only this session may do (read a file, fill the object cache) comes back `nil`, and
    /// ``adopt(_:)`` may refuse one: read such an item again with this session, in its turn. Taking the
    /// items over in order, each either adopted or read again, gives the same document and diagnostics
    /// as reading them one after the other: a worker differs from this session only in not seeing the
    /// schemas that earlier items enter, and then finds the same schema by its reference.
    func readConcurrently<Value>(_ count: Int, _ read: (LoadSession, Int) -> Value) -> [(Value, WorkerRead)?]? {
        guard shared == nil, let minimum = concurrency.minimumItems, count >= minimum else { return nil }
        return Concurrently.runs(count) { items, store in
            // The parsed `$ref` ids pass from one item's worker to the next.
            var referenceIDs: [String: [CodePointKey: String]] = [:]
            for index in items {
                let worker = LoadSession(workerFor: self)
                swap(&worker.schemaReferenceIDs, &referenceIDs)
                let value = read(worker, index)
                swap(&worker.schemaReferenceIDs, &referenceIDs)
                guard !worker.needsSharedSession else { continue }
                store(
                    index,
                    (
                        value,
                        WorkerRead(
                            diagnostics: worker.diagnostics,
                            entered: worker.pendingSchemas,
                            missingTextFiles: worker.missingTextFiles
                        )
                    )
                )
            }
        }
    }

    /// Takes over what a worker read for one item: its diagnostics, the text files it found missing,
    /// then the schemas it entered that are not in the table yet, in its order. Returns whether the value
    /// read holds: not when a worker looked for a missing text file without counting against
    /// ``LoadLimits/maxExternalFiles``, which files read since may have reached.
    func adopt(_ read: consuming WorkerRead) -> Bool {
        guard read.missingTextFiles.isEmpty || externalFilesRead < limits.maxExternalFiles else { return false }
        for diagnostic in read.diagnostics { report(diagnostic) }
        missingTextFiles += read.missingTextFiles
        for target in read.entered {
            _ = schemaReference(to: target, written: target.id, at: target.node.location)
        }
        return true
    }
}
