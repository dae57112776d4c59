import Dispatch
public import SpecsmithYAML

/// Whether a ``DocumentLoader`` reads a document on several cores, and a ``Pipeline`` translates it so.
/// The document, the model and the diagnostics are the same either way.
public enum LoadConcurrency: Sendable, Hashable {
    /// One thread: the YAML parsed whole, the document read in order.
    case sequential
    /// Large documents on every core: the YAML in pieces (``YAMLParallelism/automatic``); the path
    /// items and schemas, the component schemas and the operations of a document with many of them by
    /// workers.
    case automatic
    /// Everything that can be shared out is, however small the document: to test that it gives what
    /// ``sequential`` gives.
    case always

    /// How the YAML of each file is parsed.
    public var yaml: YAMLParallelism {
        switch self {
        case .sequential: .sequential
        case .automatic: .automatic
        case .always: .pieces(ofAbout: 256)
        }
    }

    /// The fewest items (path items, schemas, operations) worth sharing out to workers; `nil` for none.
    /// Few items can still be most of a document: k8s-batch-v1 (305 KB) has 15 path items and 29
    /// operations, which took about 0.4 and 0.8 ms on one core while the other idled (from 32 until
    /// session 25). Sharing out costs waking the other cores and a worker per run, a few microseconds.
    var minimumItems: Int? {
        switch self {
        case .sequential: nil
        case .automatic: ProcessorCount.active > 1 ? 8 : nil
        case .always: 2
        }
    }

    /// Counts the cores on a thread of the system's pool, from now on. A process's first look at
    /// ``ProcessorCount/active`` costs about 0.5M instructions (Foundation reads the cgroup's CPU quota from a
    /// file), which `specsmith generate` spends while it parses its arguments rather than in its first load.
    public static func countCores() {
        DispatchQueue.global().async { _ = ProcessorCount.active }
    }

    /// Whether the text of a file of `count` bytes is decoded for the renderer on another thread while
    /// the file loads (``DecodedText``): a file large enough to be parsed in pieces, whose text (about
    /// 0.6M instructions for 475 KB) would otherwise be decoded before its pieces are found, on one thread.
    func decodesTextConcurrently(count: Int) -> Bool {
        switch self {
        case .sequential: false
        case .automatic: ProcessorCount.active > 1 && count >= 128 << 10
        case .always: true
        }
    }
}

/// The text of a file, decoded from its bytes on a thread of the system's pool from when this is made, as
/// ``ParsingTemplates`` parses templates.
final class DecodedText: Sendable {
    private let finished = DispatchGroup()
    /// Written once, on the decoding thread, before `finished` is left; read only after waiting for it.
    private nonisolated(unsafe) var text = ""

    init(_ bytes: [UInt8]) {
        DispatchQueue.global().async(group: finished) { [self] in text = String(decoding: bytes, as: UTF8.self) }
    }

    /// The text, once decoded.
    var value: String {
        finished.wait()
        return text
    }
}

/// Work shared out to every core in runs of consecutive items, eight runs per core so that a slow run does
/// not hold the others up (four until session 25: discourse's 93 operations then took 3.0–3.1 ms of clock
/// time instead of 2.8–3.0; shrinking runs handed out under a lock did as well, not better). Used where the
/// items are independent and the caller takes the results over in order afterwards
/// (``LoadSession/readConcurrently(_:_:)``, ``Translator``).
enum Concurrently {
    /// Calls `body(run, store)` for runs of consecutive indices that cover `0..<count`, concurrently;
    /// `store(index, value)` fills an index's slot, from the run that holds the index. Returns the slots
    /// in index order, `nil` where nothing was stored.
    static func runs<Value>(_ count: Int, _ body: (Range<Int>, (Int, Value) -> Void) -> Void) -> [Value?] {
        let runs = min(count, ProcessorCount.active * 8)
        return withoutActuallyEscaping(body) { body in
            let slots = Slots<Value>(count: count, body: body)
            DispatchQueue.concurrentPerform(iterations: runs) { run in
                slots.run(count * run / runs..<count * (run + 1) / runs)
            }
            return slots.take()
        }
    }

    /// Calls `body(index, &items[index])` for every index: on every core in runs of consecutive indices when
    /// `concurrently`, else in order on this thread. Each item is changed where it lies, so what it replaces is
    /// freed by the run that changes it, not afterwards on this thread (as the slots of ``runs(_:_:)`` would be).
    static func update<Item>(_ items: inout [Item], concurrently: Bool, _ body: (Int, inout Item) -> Void) {
        guard concurrently, items.count > 1 else {
            for index in items.indices { body(index, &items[index]) }
            return
        }
        let runs = min(items.count, ProcessorCount.active * 8)
        items.withUnsafeMutableBufferPointer { buffer in
            withoutActuallyEscaping(body) { body in
                let updates = Updates(items: buffer, body: body)
                DispatchQueue.concurrentPerform(iterations: runs) { run in
                    updates.run(updates.items.count * run / runs..<updates.items.count * (run + 1) / runs)
                }
            }
        }
    }

    /// The items of one ``update(_:concurrently:_:)``: each run changes the items of its own indices only.
    private final class Updates<Item>: @unchecked Sendable {
        let items: UnsafeMutableBufferPointer<Item>
        let body: (Int, inout Item) -> Void

        init(items: UnsafeMutableBufferPointer<Item>, body: @escaping (Int, inout Item) -> Void) {
            self.items = items
            self.body = body
        }

        func run(_ indices: Range<Int>) {
            for index in indices { body(index, &items[index]) }
        }
    }

    /// The slots of one call: each run writes the slots of its own indices only.
    private final class Slots<Value>: @unchecked Sendable {
        let values: UnsafeMutableBufferPointer<Value?>
        let body: (Range<Int>, (Int, Value) -> Void) -> Void

        init(count: Int, body: @escaping (Range<Int>, (Int, Value) -> Void) -> Void) {
            values = .allocate(capacity: count)
            values.initialize(repeating: nil)
            self.body = body
        }

        deinit {
            values.deinitialize()
            values.deallocate()
        }

        /// The values in index order, moved out rather than copied (a copy would count references on every part
        /// of every value, and the slots then free them again); the slots are left holding `nil`.
        func take() -> [Value?] {
            Array(unsafeUninitializedCapacity: values.count) { buffer, initialized in
                initialized = buffer.moveInitialize(fromContentsOf: values)
                values.initialize(repeating: nil)
            }
        }

        func run(_ items: Range<Int>) {
            body(items) { index, value in
                precondition(items.contains(index), "a run stores only its own items")
                values[index] = value
            }
        }
    }
}
