import Foundation
import SpecsmithCore
import Testing

/// No partial output: whichever file operation fails while a plan is applied (a write of a new text or
/// of a backup, a rename into place, the removal of a stale file), the folder afterwards holds exactly
/// the files, with exactly the contents, that it held before.
@Suite struct HostileInputOutputTests {
    let scratch: TemporaryFolder
    var folder: String { scratch.path }

    init() throws {
        scratch = try TemporaryFolder("specsmith-atomic")
    }

    func file(_ name: String, _ body: String) -> GeneratedFile {
        GeneratedFile(name: name, contents: GeneratedFile.headerPrefix + "spec.yaml. Do not edit.\n" + body)
    }

    /// Every file in the folder (hidden ones included) with its bytes.
    func snapshot() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return result
    }

    /// Fills the folder with five generated files, a generated file that the next run no longer makes,
    /// and a file of the user's; returns the next run's files: F1 unchanged, F2 to F5 updated, New1
    /// and New2 created (and Stale.swift to be removed).
    func prepare() throws -> [GeneratedFile] {
        let writer = OutputWriter()
        try writer.apply(writer.plan((1...5).map { file("F\($0).swift", "v1\n") } + [file("Stale.swift", "old\n")], in: folder))
        try "// the user's own file\n".write(toFile: folder + "/Mine.swift", atomically: true, encoding: .utf8)
        return [file("F1.swift", "v1\n")] + (2...5).map { file("F\($0).swift", "v2\n") }
            + [file("New1.swift", "n\n"), file("New2.swift", "n\n")]
    }

    @Test func aFailureAtAnyStepLeavesTheFolderAsItWas() throws {
        let files = try prepare()
        let before = try snapshot()
        let plan = OutputWriter().plan(files, in: folder)
        #expect(plan.changes.count == 7)  // 4 updates, 2 creations, 1 removal

        var failures = 0
        for operation in [FaultyFileSystem.Operation.write, .move, .remove] {
            // 6 new texts and 5 backups are written, 6 renamed, 1 removed.
            let limit = operation == .write ? 11 : operation == .move ? 6 : 1
            for index in 1...limit {
                let faulty = FaultyFileSystem(failing: (operation, index))
                let writer = OutputWriter(fileSystem: faulty)
                #expect(throws: FaultyFileSystem.Failure.self, "\(operation) #\(index)") {
                    try writer.apply(writer.plan(files, in: folder))
                }
                #expect(try snapshot() == before, "after a failed \(operation) #\(index)")
                failures += 1
            }
        }
        #expect(failures == 18)

        // And the same plan without a failure writes it all, leaving no temporary file or backup.
        try OutputWriter().apply(OutputWriter().plan(files, in: folder))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
                "F1.swift", "F2.swift", "F3.swift", "F4.swift", "F5.swift", "Mine.swift", "New1.swift", "New2.swift",
            ]
        )
    }

    @Test func aFailureWhileANewFolderIsWrittenLeavesNoFolder() throws {
        let files = (1...6).map { file("F\($0).swift", "v1\n") }
        let target = folder + "/Out"
        for index in 1...files.count {
            let writer = OutputWriter(fileSystem: FaultyFileSystem(failing: (.write, index)))
            let plan = writer.plan(files, in: target)
            #expect(plan.createsFolder)
            #expect(throws: FaultyFileSystem.Failure.self, "write #\(index)") { try writer.apply(plan) }
            #expect(try snapshot() == [:], "after a failed write #\(index)")
        }
    }

    @Test func aFailedRenameOfTheThirdFileRestoresTheFirstTwo() throws {
        let files = try prepare()
        let before = try snapshot()
        let writer = OutputWriter(fileSystem: FaultyFileSystem(failing: (.move, 3)))
        #expect(throws: FaultyFileSystem.Failure.self) { try writer.apply(writer.plan(files, in: folder)) }
        #expect(try snapshot() == before)
        #expect(String(decoding: before["F2.swift"] ?? Data(), as: UTF8.self).hasSuffix("v1\n"))
    }
}

/// The real file system, except that the n-th call of one operation fails (after doing half its work
/// for a write, as a full disk would).
final class FaultyFileSystem: OutputFileSystem, @unchecked Sendable {
    enum Operation: CaseIterable, Sendable { case write, move, remove }
    struct Failure: Error {}

    private let base = LocalFileSystem()
    private let failing: (Operation, Int)?
    private let lock = NSLock()
    private var calls: [Operation: Int] = [:]

    init(failing: (Operation, Int)?) {
        self.failing = failing
    }

    private func check(_ operation: Operation) -> Bool {
        let count = lock.withLock {
            calls[operation, default: 0] += 1
            return calls[operation]!
        }
        guard let failing else { return false }
        return failing.0 == operation && failing.1 == count
    }

    func contentsOfDirectory(_ path: String) throws -> [String] { try base.contentsOfDirectory(path) }
    func read(_ path: String) -> Data? { base.read(path) }

    func write(_ data: Data, to path: String) throws {
        if check(.write) {
            try data.prefix(3).write(to: URL(fileURLWithPath: path))
            throw Failure()
        }
        try base.write(data, to: path)
    }

    func move(_ source: String, to destination: String) throws {
        if check(.move) { throw Failure() }
        try base.move(source, to: destination)
    }

    func remove(_ path: String) throws {
        if check(.remove) { throw Failure() }
        try base.remove(path)
    }

    func createDirectory(_ path: String) throws { try base.createDirectory(path) }
}
