import Dispatch
import Foundation
import Testing

@testable import SpecsmithCore

/// The second section of rendering hands each file's part its texts or contexts, to free when it is done with
/// them, and each part finds its own items: every item must be taken once, by the part of the file it belongs
/// to, and freed by its taker or, untaken, with the handover.
@Suite struct HandoverTests {
    final class Tracked: Sendable {
        let number: Int

        init(_ number: Int) {
            self.number = number
        }
    }

    @Test func itemsAreNumberedInTheOrderOfTheirSlices() {
        let handover = Handover(joining: [["a", "b"], [], ["c"]])
        #expect([2, 0, 1].map(handover.take) == ["c", "a", "b"])
    }

    @Test func aTakenItemIsFreedByItsTakerWhileTheHandoverLives() {
        weak var first: Tracked?
        weak var second: Tracked?
        let handover = { () -> Handover<Tracked> in
            let items = [Tracked(0), Tracked(1)]
            (first, second) = (items[0], items[1])
            return Handover(joining: [items])
        }()
        do {
            let taken = handover.take(0)
            #expect(taken.number == 0)
        }
        #expect(first == nil)
        #expect(second != nil)
        withExtendedLifetime(handover) {}
    }

    @Test func itemsNotTakenAreFreedWithTheHandover() {
        weak var untaken: Tracked?
        weak var taken: Tracked?
        do {
            let items = [Tracked(0), Tracked(1)]
            (taken, untaken) = (items[0], items[1])
            let handover = Handover(joining: [items])
            #expect(handover.take(0).number == 0)
        }
        #expect(taken == nil)
        #expect(untaken == nil)
    }

    @Test func itemsPutInTheirPlacesAreTakenFromThemAndTheRestFreedWithTheHandover() {
        weak var put: Tracked?
        weak var taken: Tracked?
        do {
            let handover = Handover<Tracked>(count: 4)
            do {
                let item = Tracked(3)
                put = item
                handover.put(3, item)
            }
            do {
                let item = Tracked(1)
                taken = item
                handover.put(1, item)
            }
            #expect(handover.take(1).number == 1)
            #expect(taken == nil)
            #expect(put != nil)
        }
        #expect(put == nil)
    }

    @Test func slicesPutTheirItemsConcurrently() {
        let handover = Handover<Tracked>(count: 800)
        DispatchQueue.concurrentPerform(iterations: 8) { slice in
            for index in slice * 100..<(slice + 1) * 100 { handover.put(index, Tracked(index)) }
        }
        #expect((0..<800).map { handover.take($0).number } == Array(0..<800))
    }

    @Test func concurrentIterationsTakeTheirOwnItems() {
        let handover = Handover(joining: (0..<8).map { slice in (0..<100).map { Tracked(slice * 100 + $0) } })
        let lock = NSLock()
        nonisolated(unsafe) var numbers: [Int] = []
        DispatchQueue.concurrentPerform(iterations: 8) { iteration in
            let mine = stride(from: iteration, to: 800, by: 8).map { handover.take($0).number }
            lock.lock()
            numbers += mine
            lock.unlock()
        }
        #expect(numbers.sorted() == Array(0..<800))
    }

    @Test func eachItemIsInTheFileItsHashNamesAndAFileCanHoldNone() {
        let hashes: [UInt64] = [5, 2, 9, 6, 1, 13]
        let files = (0..<4).map { number in
            Renderer.fileItems(count: hashes.count, files: 4, number: number) { hashes[$0] }
        }
        #expect(files == [[], [0, 2, 4, 5], [1, 3], []])
        let alone = Renderer.fileItems(count: 3, files: 1, number: 0) { _ in
            Issue.record("a file alone holds every item without hashing")
            return 0
        }
        #expect(alone == [0, 1, 2])
    }

    /// Types of about twice a file's weight, whose names all hash to the second of two files: the first file is not
    /// written, and the second holds every type.
    @Test func aModelsFileThatNoTypeHashesToIsNotWritten() throws {
        let names = Array((0...).lazy.map { "Odd\($0)" }.filter { Renderer.stableHash($0) % 2 == 1 }.prefix(20))
        var spec = "openapi: 3.1.0\ninfo: {title: Odd, version: \"1\"}\ncomponents:\n  schemas:\n"
        for name in names {
            spec += "    \(name):\n      type: object\n      properties:\n"
            for property in 0..<12 { spec += "        field\(property): {type: string}\n" }
        }
        #expect(Renderer.fileCount(weight: names.count * (23 + 3 * 12)) == 2)
        let folder = FileManager.default.temporaryDirectory.path + "/specsmith-odd-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try spec.write(toFile: folder + "/spec.yaml", atomically: true, encoding: .utf8)
        let result = Pipeline(templates: try TemplateSet.defaults()).generate(
            GenerationJob(spec: folder + "/spec.yaml", output: folder + "/out", module: "Odd"))
        let files = try #require(result.files, "\(result.diagnostics)")
        let models = files.filter { $0.name.hasPrefix("Models") }
        #expect(models.map(\.name) == ["Models2.swift"])
        for name in names { #expect(models.first?.contents.contains("public struct \(name): ") == true) }
    }
}
