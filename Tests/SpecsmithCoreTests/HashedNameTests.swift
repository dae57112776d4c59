import Testing

@testable import SpecsmithCore

@Suite struct HashedNameTests {
    @Test func hashedNamesAreEqualAsTheirNamesAre() {
        // Canonically equivalent spellings are one `String`, and so one `HashedName`, in a set or as a key.
        let names = ["Pet", "Pets", "Pet", "caf\u{E9}", "cafe\u{301}", "Pet2", ""]
        var set: Set<HashedName> = []
        var table: [HashedName: Int] = [:]
        for (index, name) in names.enumerated() {
            set.insert(HashedName(name))
            if table[HashedName(name)] == nil { table[HashedName(name)] = index }
        }
        #expect(set.count == Set(names).count)
        #expect(set.count == 5)
        #expect(table[HashedName("Pet")] == 0)
        #expect(table[HashedName("cafe\u{301}")] == 3)
        #expect(table[HashedName("Pet3")] == nil)
        #expect(set.contains(HashedName("Pets")) && !set.contains(HashedName("pets")))
    }

    @Test func manyHashedNamesAreEachFoundAgain() {
        // A set grown as it fills, and a dictionary whose table is sized first.
        let many = Set((0..<2000).map { HashedName("Type\($0)") })
        #expect(many.count == 2000)
        #expect((0..<2000).allSatisfy { many.contains(HashedName("Type\($0)")) })
        #expect(!many.contains(HashedName("Type2000")))
        var numbers: [HashedName: Int] = [:]
        numbers.reserveCapacity(2000)
        for number in 0..<2000 { numbers[HashedName("Pet.Type\(number)")] = number }
        // The parameter's type written out: compared with an optional, `$0` would be inferred an `Int?`.
        #expect((0..<2000).allSatisfy { (number: Int) in numbers[HashedName("Pet.Type\(number)")] == number })
    }
}
