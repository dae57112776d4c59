import Testing

@testable import SpecsmithCore

/// The types are rendered in slices on every core; the slices must hold every type once, in order,
/// with heavy types not holding up a core with many light ones.
@Suite struct TypeSlicesTests {
    func isTiling(_ slices: [Range<Int>], _ count: Int) -> Bool {
        slices.first?.lowerBound == 0 && slices.last?.upperBound == count
            && zip(slices, slices.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound } && !slices.contains(where: \.isEmpty)
    }

    @Test func slicesHoldEveryTypeOnceInOrder() {
        for count in [1, 7, 33, 500] {
            let weights = (0..<count).map { 1 + ($0 * 37) % 50 }
            let slices = Renderer.slices(weights: weights, count: 32)
            #expect(isTiling(slices, count))
            #expect(slices.count <= 32)
        }
        #expect(Renderer.slices(weights: [], count: 32).isEmpty)
    }

    @Test func aHeavyTypeEndsItsSliceAndLightOnesShareTheirs() {
        // 2,000 in all: a share is 63, six or seven light types, or the heavy one with the few before it.
        let weights = Array(repeating: 10, count: 50) + [1_000] + Array(repeating: 10, count: 50)
        let slices = Renderer.slices(weights: weights, count: 32)
        #expect(isTiling(slices, weights.count))
        let heavy = slices.first { $0.contains(50) }
        #expect(heavy?.upperBound == 51)
        #expect((heavy?.count ?? 0) <= 7)
        #expect(slices.filter { !$0.contains(50) }.allSatisfy { $0.count <= 7 })
    }
}
