/// Values handed to concurrent iterations, each taken by one of them, so that it is freed by the iteration that
/// used it rather than by the thread that waits for them all.
///
/// Freeing a large value (a file's template contexts, the texts of its types) is work like any other, and on the
/// thread that called `concurrentPerform` it runs after the section, while the other cores idle: the checks'
/// contexts of discourse took about 0.5M instructions to free there. An item moves out of the handover when it is
/// taken, so the handover keeps no reference to it; whatever is left untaken is freed with the handover.
///
/// Each index is taken by one iteration at most: iterations that take different indices may run at once, without
/// a lock, as each reads and writes its own slot only.
final class Handover<Item>: @unchecked Sendable {
    private let items: UnsafeMutableBufferPointer<Item>
    /// Whether each place is empty: its item taken, or never put. Flags rather than optional items: the
    /// handover is freed by generic code, which would destroy each emptied optional through the runtime.
    private let taken: UnsafeMutableBufferPointer<Bool>

    /// A handover of the items of `slices`, one after another. The slices are consumed: a caller passes its last
    /// reference, so that the handover's are the only ones.
    init(joining slices: consuming [[Item]]) {
        let count = slices.reduce(0) { $0 + $1.count }
        items = .allocate(capacity: count)
        taken = .allocate(capacity: count)
        taken.initialize(repeating: false)
        var next = 0
        for slice in slices {
            for item in slice {
                items.initializeElement(at: next, to: item)
                next += 1
            }
        }
    }

    /// A handover of `count` places, empty until ``put(_:_:)`` fills them: the parts that make the items put each
    /// in its place, and nothing gathers them.
    init(count: Int) {
        items = .allocate(capacity: count)
        taken = .allocate(capacity: count)
        taken.initialize(repeating: true)
    }

    /// Puts `item` in place `index`, which is empty. Like ``take(_:)``, a part puts items in places of its own.
    func put(_ index: Int, _ item: consuming Item) {
        precondition(taken[index], "place \(index) is filled already")
        items.initializeElement(at: index, to: item)
        taken[index] = false
    }

    deinit {
        for index in items.indices where !taken[index] { _ = items.moveElement(from: index) }
        items.deallocate()
        taken.deallocate()
    }

    /// Item `index`, moved out of the handover. Each index may be taken once.
    func take(_ index: Int) -> Item {
        precondition(!taken[index], "item \(index) was taken already")
        taken[index] = true
        return items.moveElement(from: index)
    }
}
