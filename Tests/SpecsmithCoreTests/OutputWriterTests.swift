import Foundation
import SpecsmithCore
import Testing

@Suite struct OutputWriterTests {
    let scratch: TemporaryFolder
    var folder: String { scratch.path }

    init() throws {
        scratch = try TemporaryFolder("specsmith-writer")
    }

    func file(_ name: String, _ body: String) -> GeneratedFile {
        GeneratedFile(name: name, contents: GeneratedFile.headerPrefix + "spec.yaml. Do not edit.\n" + body)
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: folder + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }

    func modificationDate(_ name: String) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.modificationDate] as? Date)
    }

    @Test func writesNewFilesAndLeavesUnchangedOnesUntouched() throws {
        let writer = OutputWriter()
        try writer.apply(writer.plan([file("A.swift", "a\n"), file("B.swift", "b\n")], in: folder))
        #expect(read("A.swift")?.hasSuffix("a\n") == true)
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + "/A.swift")

        let plan = writer.plan([file("A.swift", "a\n"), file("B.swift", "b2\n")], in: folder)
        #expect(plan.unchanged == ["A.swift"])
        #expect(plan.changes.count == 1)
        try writer.apply(plan)
        #expect(try modificationDate("A.swift") == old)
        #expect(read("B.swift")?.hasSuffix("b2\n") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["A.swift", "B.swift"])
    }

    @Test func removesFilesItGeneratedEarlierButNeverOthers() throws {
        let writer = OutputWriter()
        try writer.apply(writer.plan([file("A.swift", "a\n"), file("Old.swift", "old\n")], in: folder))
        try "// my own helper\n".write(toFile: folder + "/Mine.swift", atomically: true, encoding: .utf8)
        let plan = writer.plan([file("A.swift", "a\n")], in: folder)
        #expect(plan.changes.count == 1)
        guard case .remove(let name, _) = plan.changes.first else {
            Issue.record("expected a removal, got \(plan.changes)")
            return
        }
        #expect(name == "Old.swift")
        try writer.apply(plan)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["A.swift", "Mine.swift"])
    }

    @Test func aFailedWriteLeavesTheFolderAsItWas() throws {
        let writer = OutputWriter()
        try writer.apply(writer.plan((1...5).map { file("F\($0).swift", "v1\n") }, in: folder))
        let before = try snapshot()

        let failing = OutputWriter(fileSystem: FailingFileSystem(failOnWrite: 3))
        let plan = failing.plan((1...5).map { file("F\($0).swift", "v2\n") }, in: folder)
        #expect(throws: (any Error).self) { try failing.apply(plan) }
        #expect(try snapshot() == before)
    }

    @Test func planDiffShowsEveryChange() throws {
        let writer = OutputWriter()
        try writer.apply(writer.plan([file("A.swift", "x\n")], in: folder))
        let diff = writer.plan([file("A.swift", "y\n"), file("New.swift", "n\n")], in: folder).diff()
        #expect(diff.contains("--- \(folder)/A.swift\n+++ \(folder)/A.swift\n"))
        #expect(diff.contains("-x\n+y\n"))
        #expect(diff.contains("--- /dev/null\n+++ \(folder)/New.swift\n"))
    }

    func snapshot() throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = read(name)
        }
        return result
    }
}

/// The real file system, except that the n-th write fails.
final class FailingFileSystem: OutputFileSystem, @unchecked Sendable {
    private let base = LocalFileSystem()
    private let failOnWrite: Int
    private var writes = 0
    private let lock = NSLock()

    init(failOnWrite: Int) {
        self.failOnWrite = failOnWrite
    }

    func contentsOfDirectory(_ path: String) throws -> [String] { try base.contentsOfDirectory(path) }
    func read(_ path: String) -> Data? { base.read(path) }

    func write(_ data: Data, to path: String) throws {
        let count = lock.withLock {
            writes += 1
            return writes
        }
        if count == failOnWrite {
            // Fail after a partial write, as a full disk would.
            try data.prefix(3).write(to: URL(fileURLWithPath: path))
            throw CocoaError(.fileWriteOutOfSpace)
        }
        try base.write(data, to: path)
    }

    func move(_ source: String, to destination: String) throws { try base.move(source, to: destination) }
    func remove(_ path: String) throws { try base.remove(path) }
    func createDirectory(_ path: String) throws { try base.createDirectory(path) }
}
