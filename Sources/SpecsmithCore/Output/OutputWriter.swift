import Foundation
import SpecsmithYAML

/// What a generation would change in one output folder.
public struct OutputPlan: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case create(GeneratedFile)
        case update(GeneratedFile, old: String)
        /// A file Specsmith generated earlier and no longer produces.
        case remove(name: String, old: String)
    }

    public var directory: String
    public var changes: [Change]
    public var unchanged: [String]
    /// Why the plan must not be carried out, one message each: the folder cannot be read (it is a
    /// file, say), or a file that Specsmith did not generate has the name of one it would write.
    /// ``OutputWriter/apply(_:)`` refuses a plan with problems.
    public var problems: [String] = []
    /// Whether the folder did not exist when the plan was made: every change is then a creation, and
    /// ``OutputWriter/apply(_:)`` builds the folder whole beside its place and renames it into place.
    public var createsFolder = false

    public var isEmpty: Bool { changes.isEmpty }

    /// A unified diff of every change, labelled with paths inside the folder, as `check` prints it.
    public func diff() -> String {
        changes.map { change in
            switch change {
            case .create(let file):
                UnifiedDiff.diff(old: "", new: file.contents, oldLabel: "/dev/null", newLabel: path(file.name))
            case .update(let file, let old):
                UnifiedDiff.diff(old: old, new: file.contents, oldLabel: path(file.name), newLabel: path(file.name))
            case .remove(let name, let old):
                UnifiedDiff.diff(old: old, new: "", oldLabel: path(name), newLabel: "/dev/null")
            }
        }.joined()
    }

    private func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// The first of a plan's ``OutputPlan/problems``, thrown when it is applied anyway.
public struct OutputProblem: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The file operations the writer needs, so tests can make any of them fail.
public protocol OutputFileSystem: Sendable {
    func contentsOfDirectory(_ path: String) throws -> [String]
    func read(_ path: String) -> Data?
    func write(_ data: Data, to path: String) throws
    func move(_ source: String, to destination: String) throws
    func remove(_ path: String) throws
    func createDirectory(_ path: String) throws
}

/// The real file system.
public struct LocalFileSystem: OutputFileSystem {
    public init() {}

    /// The names in a folder. Throws `CocoaError.fileReadNoSuchFile` when nothing is at `path`, and an
    /// error whose underlying POSIX error says why (`ENOTDIR`, `EACCES`) when something else is wrong.
    public func contentsOfDirectory(_ path: String) throws -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw Self.error(path, errno == ENOENT ? .fileReadNoSuchFile : .fileReadUnknown)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            errno = ENOTDIR
            throw Self.error(path, .fileReadUnknown)
        }
        return try FileManager.default.contentsOfDirectory(atPath: path)
    }

    public func read(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    /// Creates or truncates the file and writes the bytes with plain system calls. No `fsync`: every
    /// write goes to a temporary name that is then renamed over its target, so a reader sees the old
    /// file or the new one, and a file lost to a power cut is one run of the generator away (`Data.write`
    /// synchronised every file, which was most of the time a generation spent writing).
    public func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.error(path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Self.error(path)
                }
                offset += count
            }
        }
    }

    /// The error for a failed system call on `path`, from `errno`.
    private static func error(_ path: String, _ code: CocoaError.Code = .fileWriteUnknown) -> CocoaError {
        let cause = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        return CocoaError(code, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: cause])
    }

    public func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else { throw Self.error(destination) }
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }

    public func createDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
}

/// Writes generated files into a folder: atomically, leaving unchanged files untouched (their
/// modification time stays), and removing files Specsmith generated earlier but no longer produces.
/// Files that do not start with Specsmith's header are never touched.
public struct OutputWriter: Sendable {
    public var fileSystem: any OutputFileSystem

    public init(fileSystem: any OutputFileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Compares `files` with what `directory` holds, without writing anything.
    public func plan(_ files: [GeneratedFile], in directory: String) -> OutputPlan {
        var changes: [OutputPlan.Change] = []
        var unchanged: [String] = []
        var problems: [String] = []
        let existing: [String]
        var createsFolder = false
        do {
            existing = try fileSystem.contentsOfDirectory(directory)
        } catch CocoaError.fileReadNoSuchFile {
            existing = []
            createsFolder = true
        } catch {
            existing = []
            problems.append("cannot write into the output folder \(directory): \(Self.reason(error))")
        }
        // Only a name the folder lists can be read. Compared without case, as a case-insensitive file system
        // (macOS's by default) finds `models.swift` under `Models.swift`: such a file is read and judged
        // like any other. A fresh folder, or one that does not exist yet, is not asked for a file at all, and
        // its files' names are neither lowered nor hashed.
        let listed = Set(existing.map { $0.lowercased() })
        let read = existing.isEmpty ? [] : files.indices.filter { listed.contains(files[$0].name.lowercased()) }
        let found = compare(read.map { (join(directory, files[$0].name), files[$0].contents) })
        var next = 0
        changes.reserveCapacity(files.count)
        for index in files.indices {
            let file = files[index]
            var held: Existing?
            if next < read.count, read[next] == index {
                held = found[next]
                next += 1
            }
            switch held {
            case .same:
                unchanged.append(file.name)
            case .different(let old):
                // A file of the user's is never replaced; with templates that write no header, the
                // files of their names are taken to be Specsmith's, as they cannot be told apart.
                let header = GeneratedFile.headerPrefix
                if !old.hasPrefix(header) && file.contents.hasPrefix(header) {
                    problems.append(
                        "\(join(directory, file.name)) was not generated by Specsmith (it does not start with its "
                            + "header); move it away or rename it")
                }
                changes.append(.update(file, old: old))
            case nil:
                changes.append(.create(file))
            }
        }
        let produced = existing.isEmpty ? [] : Set(files.map(\.name))
        for name in existing.sorted() where name.hasSuffix(".swift") && !produced.contains(name) {
            guard let data = fileSystem.read(join(directory, name)) else { continue }
            let old = String(decoding: data, as: UTF8.self)
            if old.hasPrefix(GeneratedFile.headerPrefix) {
                changes.append(.remove(name: name, old: old))
            }
        }
        return OutputPlan(
            directory: directory, changes: changes, unchanged: unchanged, problems: problems,
            createsFolder: createsFolder)
    }

    /// What a file holds against the text generated for it.
    private enum Existing {
        /// Byte for byte the text.
        case same
        /// Anything else: what it holds.
        case different(String)
    }

    /// Each file read and compared with its text: `nil` where it cannot be read. On every core when there are
    /// many: a folder regenerated without changes is read whole, each file a few system calls.
    private func compare(_ files: [(path: String, contents: String)]) -> [Existing?] {
        func compare(_ index: Int) -> Existing? {
            guard let data = fileSystem.read(files[index].path) else { return nil }
            // Bytes, not `String`s: texts equal as strings (canonically equivalent) can differ on disk.
            var contents = files[index].contents
            let same = contents.withUTF8 { text in
                data.withUnsafeBytes { old in
                    guard old.count == text.count else { return false }
                    return text.isEmpty || memcmp(old.baseAddress!, text.baseAddress!, text.count) == 0
                }
            }
            return same ? .same : .different(String(decoding: data, as: UTF8.self))
        }
        guard files.count >= Self.minimumConcurrentFiles, ProcessorCount.active > 1 else {
            return files.indices.map(compare)
        }
        return Concurrently.runs(files.count) { run, store in
            for index in run { if let existing = compare(index) { store(index, existing) } }
        }
    }

    /// Why a file operation failed, as the system says it (`Not a directory`), for messages.
    public static func reason(_ error: any Error) -> String {
        if let problem = error as? OutputProblem { return problem.message }
        let underlying = ((error as? CocoaError)?.underlying ?? error) as NSError
        if underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
        return underlying.localizedDescription
    }

    /// Carries out a plan, all or nothing: when it throws, the folder holds exactly what it held before.
    /// A plan with ``OutputPlan/problems`` is refused at once (``OutputProblem``).
    ///
    /// 1. Every new text is written beside its target under a temporary name, then a copy of every file
    ///    to be replaced or removed is written beside it as a backup. If any write fails, the temporary
    ///    files and backups are deleted and nothing else was touched.
    /// 2. The temporary files are renamed over their targets (each replacement atomic) and stale files
    ///    removed. If any of these fails, the steps done are undone in reverse order: backups renamed
    ///    back over the files they copy, created files removed.
    /// 3. The backups are deleted.
    ///
    /// A folder that did not exist when the plan was made (``OutputPlan/createsFolder``) is built whole under a
    /// temporary name beside it and renamed into place: one rename rather than one a file, and the folder
    /// appears with every file or not at all. Should the rename fail (the folder has appeared since), the
    /// temporary folder is deleted and the files are written into the folder one by one as above.
    public func apply(_ plan: OutputPlan) throws {
        if let problem = plan.problems.first { throw OutputProblem(message: problem) }
        guard !plan.isEmpty else { return }
        // One random suffix for the run: the names before it tell the files apart, and each one costs system
        // calls to read the system's randomness. 64 random bits in hexadecimal: a UUID's text took about 10K
        // instructions, on one core between the write stage's concurrent runs.
        let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
        if plan.createsFolder, try createFolder(plan, suffix: suffix) { return }
        try fileSystem.createDirectory(plan.directory)

        struct Step {
            var target: String
            /// The new text, written under a temporary name; `nil` when the target is removed.
            var temporary: String?
            /// A copy of the target as it was; `nil` when the target is created.
            var backup: String?
        }
        var steps: [Step] = []
        var written: [String] = []
        func discardWritten() {
            for path in written.reversed() { try? fileSystem.remove(path) }
        }
        var texts: [(contents: String, temporary: String)] = []
        for change in plan.changes {
            switch change {
            case .create(let file), .update(let file, _):
                let temporary = join(plan.directory, ".\(file.name).specsmith-\(suffix)")
                texts.append((file.contents, temporary))
                steps.append(Step(target: join(plan.directory, file.name), temporary: temporary))
            case .remove(let name, _):
                steps.append(Step(target: join(plan.directory, name)))
            }
        }
        written = texts.map(\.temporary)
        do {
            let pending = texts
            if let error = writeConcurrently(pending.count, { (pending[$0].contents, pending[$0].temporary) }) {
                throw error
            }
            for index in steps.indices {
                guard let current = fileSystem.read(steps[index].target) else { continue }
                let name = (steps[index].target as NSString).lastPathComponent
                let backup = join(plan.directory, ".\(name).specsmith-backup-\(suffix)")
                written.append(backup)
                try fileSystem.write(current, to: backup)
                steps[index].backup = backup
            }
        } catch {
            discardWritten()
            throw error
        }

        var done: [Step] = []
        do {
            for step in steps {
                if let temporary = step.temporary {
                    try fileSystem.move(temporary, to: step.target)
                } else {
                    try fileSystem.remove(step.target)
                }
                done.append(step)
            }
        } catch {
            for step in done.reversed() {
                if let backup = step.backup {
                    try? fileSystem.move(backup, to: step.target)
                } else {
                    try? fileSystem.remove(step.target)
                }
            }
            discardWritten()
            throw error
        }
        for step in steps {
            if let backup = step.backup { try? fileSystem.remove(backup) }
        }
    }

    /// Writes the plan's files into a new folder beside the plan's and renames that into its place. Returns
    /// false, having deleted the new folder, when the rename fails: something is at the plan's folder now.
    /// Throws, having deleted the new folder, when a file cannot be written.
    private func createFolder(_ plan: OutputPlan, suffix: String) throws -> Bool {
        let (parent, last) = Self.split(plan.directory)
        let target = parent.isEmpty ? last : join(parent, last)
        let name = ".\(last).specsmith-\(suffix)"
        let staging = parent.isEmpty ? name : join(parent, name)
        if !parent.isEmpty { try fileSystem.createDirectory(parent) }
        try fileSystem.createDirectory(staging)
        // Each file's path is made by the run that writes it (about 1.5K instructions a path, on one core before).
        let written = writeConcurrently(plan.changes.count) { index in
            guard case .create(let file) = plan.changes[index] else { return nil }
            return (file.contents, join(staging, file.name))
        }
        if let error = written {
            try? fileSystem.remove(staging)
            throw error
        }
        do {
            try fileSystem.move(staging, to: target)
            return true
        } catch {
            try? fileSystem.remove(staging)
            return false
        }
    }

    /// A folder's path split into the folder holding it ("" for a name alone, "/" at the root) and its last name,
    /// slashes at the end ignored. Not NSString's `deletingLastPathComponent`: on Linux that traps on a path of
    /// one character ("G").
    private static func split(_ path: String) -> (parent: String, last: String) {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return ("", String(path)) }
        let parent = path[..<slash]
        return (parent.isEmpty ? "/" : String(parent), String(path[path.index(after: slash)...]))
    }

    /// Writes `text(index)`, a text and the path to write it to (none for nothing to write), for each index
    /// below `count`: on every core when there are many (the system's work of writing a file is most of the
    /// writer's time). Each core stops at its first failure; the error returned is that of the first text in
    /// order that failed, once every write has ended.
    private func writeConcurrently(
        _ count: Int, _ text: @Sendable (Int) -> (contents: String, path: String)?
    ) -> (any Error)? {
        @Sendable func write(_ indices: Range<Int>) -> (index: Int, error: any Error)? {
            for index in indices {
                guard let (contents, path) = text(index) else { continue }
                do {
                    try fileSystem.write(Data(contents.utf8), to: path)
                } catch {
                    return (index, error)
                }
            }
            return nil
        }
        guard count >= Self.minimumConcurrentFiles, ProcessorCount.active > 1 else {
            return write(0..<count)?.error
        }
        // Runs as ``Concurrently/runs(_:_:)`` makes them, the first failure kept under a lock: that function's
        // slots of `any Error` had the runtime look up their type at each call (about 20K instructions).
        let runs = min(count, ProcessorCount.active * 8)
        let failures = FirstFailure()
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            if let failure = write(count * run / runs..<count * (run + 1) / runs) { failures.keep(failure) }
        }
        return failures.first?.error
    }

    /// The failure of the first text in order among those that failed, kept by the runs that write texts.
    private final class FirstFailure: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var first: (index: Int, error: any Error)?

        func keep(_ failure: (index: Int, error: any Error)) {
            lock.lock()
            if failure.index < first?.index ?? Int.max { first = failure }
            lock.unlock()
        }
    }

    /// The fewest files worth reading or writing on several cores.
    private static let minimumConcurrentFiles = 4

    private func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
