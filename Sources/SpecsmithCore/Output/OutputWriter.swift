import Foundation

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

    public func contentsOfDirectory(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path)
    }

    public func read(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    public func write(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path))
    }

    public func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
        }
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
        for file in files {
            let path = join(directory, file.name)
            if let data = fileSystem.read(path) {
                let old = String(decoding: data, as: UTF8.self)
                if old == file.contents {
                    unchanged.append(file.name)
                } else {
                    changes.append(.update(file, old: old))
                }
            } else {
                changes.append(.create(file))
            }
        }
        let produced = Set(files.map(\.name))
        let existing = (try? fileSystem.contentsOfDirectory(directory)) ?? []
        for name in existing.sorted() where name.hasSuffix(".swift") && !produced.contains(name) {
            guard let data = fileSystem.read(join(directory, name)) else { continue }
            let old = String(decoding: data, as: UTF8.self)
            if old.hasPrefix(GeneratedFile.headerPrefix) {
                changes.append(.remove(name: name, old: old))
            }
        }
        return OutputPlan(directory: directory, changes: changes, unchanged: unchanged)
    }

    /// Carries out a plan. Every new text is first written beside its target under a temporary name;
    /// only when all of them are written are they renamed into place and stale files removed. If any
    /// write fails, the temporary files are deleted and the folder holds exactly what it held before.
    public func apply(_ plan: OutputPlan) throws {
        guard !plan.isEmpty else { return }
        try fileSystem.createDirectory(plan.directory)
        var staged: [(temporary: String, target: String)] = []
        var writing: String?
        do {
            for change in plan.changes {
                let file: GeneratedFile
                switch change {
                case .create(let f), .update(let f, _): file = f
                case .remove: continue
                }
                let target = join(plan.directory, file.name)
                let temporary = join(plan.directory, ".\(file.name).specsmith-\(UUID().uuidString)")
                writing = temporary
                try fileSystem.write(Data(file.contents.utf8), to: temporary)
                staged.append((temporary, target))
            }
        } catch {
            for path in staged.map(\.temporary) + [writing].compactMap({ $0 }) { try? fileSystem.remove(path) }
            throw error
        }
        for entry in staged {
            try fileSystem.move(entry.temporary, to: entry.target)
        }
        for change in plan.changes {
            if case .remove(let name, _) = change {
                try fileSystem.remove(join(plan.directory, name))
            }
        }
    }

    private func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
