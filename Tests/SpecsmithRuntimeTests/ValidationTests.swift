import SpecsmithRuntime
import Testing

/// Shaped like generated models: one line per constraint, nested values validated at their key.
private struct LineItem: Validatable {
    var name: String
    var quantity: Int

    func validate(into context: inout ValidationContext) {
        context.check(name, at: "name", .minLength(1))
        context.check(name, at: "name", .maxLength(8))
        context.check(quantity, at: "quantity", .minimum(1))
    }
}

private struct Address: Validatable {
    var postalCode: String

    static let postalCodePattern = Pattern("^[0-9]{5}$")

    func validate(into context: inout ValidationContext) {
        context.check(postalCode, at: "postal_code", .pattern(Self.postalCodePattern))
    }
}

private struct Order: Validatable {
    var id: String
    var items: [LineItem]
    var shipping: Address?
    var tags: [String]?
    var byWarehouse: [String: LineItem]?
    var metadata: [String: String]?
    var priority: Int?

    static let priorityValues = ValueRule<Int>.enum([1, 2, 3])

    func validate(into context: inout ValidationContext) {
        context.check(id, at: "id", .maxLength(4))
        context.check(items, at: "items", .minItems(1))
        context.check(items, at: "items", .maxItems(3))
        context.validate(items, at: "items")
        context.validate(shipping, at: "shipping")
        context.check(tags, at: "tags", .uniqueItems)
        context.validate(byWarehouse, at: "by_warehouse")
        context.check(metadata, at: "metadata", .required("source"))
        context.check(metadata, at: "metadata", .maxProperties(2))
        context.check(priority, at: "priority", Self.priorityValues)
    }
}

@Suite("Validation")
struct ValidationTests {
    private let valid = Order(id: "A1", items: [LineItem(name: "pen", quantity: 2)])

    @Test func aValidModelPasses() throws {
        try valid.validate()
        var full = valid
        full.shipping = Address(postalCode: "12345")
        full.tags = ["a", "b"]
        full.byWarehouse = ["east": LineItem(name: "ink", quantity: 1)]
        full.metadata = ["source": "web"]
        full.priority = 2
        try full.validate()
    }

    @Test func everyViolationIsReportedAtOnceInCheckOrder() {
        var order = valid
        order.id = "TOO-LONG"
        order.items = [LineItem(name: "", quantity: 0)]
        let error = #expect(throws: ValidationError.self) { try order.validate() }
        #expect(
            error?.violations.map(\.description) == [
                "id: length 8 exceeds maxLength 4",
                "items[0].name: length 0 is below minLength 1",
                "items[0].quantity: is below minimum 1",
            ])
        #expect(
            error?.description == """
                id: length 8 exceeds maxLength 4
                items[0].name: length 0 is below minLength 1
                items[0].quantity: is below minimum 1
                """)
    }

    @Test func nestedPathsNameTheIndexAndTheProperty() {
        var order = valid
        order.items = [
            LineItem(name: "ok", quantity: 1),
            LineItem(name: "ok", quantity: 1),
            LineItem(name: "much too long", quantity: 1),
        ]
        order.shipping = Address(postalCode: "ABCDE")
        let error = #expect(throws: ValidationError.self) { try order.validate() }
        #expect(error?.violations.map(\.path) == ["items[2].name", "shipping.postal_code"])
        #expect(error?.violations.map(\.keyword) == [.maxLength, .pattern])
        #expect(error?.violations.map(\.limit) == ["8", "^[0-9]{5}$"])
    }

    /// `[LineItem?]`, `[[LineItem]]` and `[String: [LineItem]]` validate every item at its full path; a
    /// null item has nothing to check.
    @Test func nullItemsAndNestedCollectionsValidateEveryItem() {
        let bad = LineItem(name: "much too long", quantity: 1)
        let good = LineItem(name: "ok", quantity: 1)
        let sparse: [LineItem?] = [good, nil, bad]
        let grid: [[LineItem]] = [[good], [good, bad]]
        let byWarehouse: [String: [LineItem]] = ["west": [bad], "east": [good]]
        let error = #expect(throws: ValidationError.self) {
            try ValidationContext.validate { context in
                context.validate(sparse, at: "sparse")
                context.validate(grid, at: "grid")
                context.validate(byWarehouse, at: "byWarehouse")
            }
        }
        #expect(error?.violations.map(\.path) == ["sparse[2].name", "grid[1][1].name", "byWarehouse.west[0].name"])
    }

    @Test func dictionaryValuesAreValidatedAtTheirKeyInKeyOrder() {
        var order = valid
        order.byWarehouse = [
            "west": LineItem(name: "", quantity: 1), "east": LineItem(name: "x", quantity: 0),
            "we.st": LineItem(name: "", quantity: 1), "north": LineItem(name: "", quantity: 1),
        ]
        let error = #expect(throws: ValidationError.self) { try order.validate() }
        // Sorted by key, whatever order the dictionary keeps them in.
        #expect(
            error?.violations.map(\.path) == [
                "by_warehouse.east.quantity", "by_warehouse.north.name", #"by_warehouse["we.st"].name"#, "by_warehouse.west.name",
            ])
    }

    @Test func itemCountsAndUniqueness() {
        var order = valid
        order.items = []
        order.tags = ["a", "b", "a"]
        var error = #expect(throws: ValidationError.self) { try order.validate() }
        #expect(
            error?.violations.map(\.description) == [
                "items: count 0 is below minItems 1",
                "tags: items 0 and 2 are equal (uniqueItems)",
            ])
        #expect(error?.violations.map(\.keyword) == [.minItems, .uniqueItems])

        order.items = Array(repeating: LineItem(name: "a", quantity: 1), count: 4)
        order.tags = (0..<100).map(String.init) + ["7"]
        error = #expect(throws: ValidationError.self) { try order.validate() }
        #expect(
            error?.violations.map(\.description) == [
                "items: count 4 exceeds maxItems 3",
                "tags: items 7 and 100 are equal (uniqueItems)",
            ])
    }

    @Test func propertyCountsAndRequiredNames() {
        var order = valid
        order.metadata = ["a": "1", "b": "2", "c": "3"]
        let error = #expect(throws: ValidationError.self) { try order.validate() }
        #expect(
            error?.violations.map(\.description) == [
                "metadata: misses required property source",
                "metadata: count 3 exceeds maxProperties 2",
            ])
        #expect(error?.violations.first?.limit == "source")
        #expect(throws: ValidationError.self) {
            try ValidationContext.validate { $0.check(["a": 1], at: "m", .minProperties(2)) }
        }
    }

    @Test func enumAndConstReportWithoutTheValue() {
        var order = valid
        order.priority = 9
        let error = #expect(throws: ValidationError.self) { try order.validate() }
        #expect(error?.violations.map(\.description) == ["priority: is not one of the 3 allowed values (enum)"])
        #expect(error?.violations.first?.keyword == .enum)
        #expect(error?.violations.first?.limit == nil)

        let constError = #expect(throws: ValidationError.self) {
            try ValidationContext.validate { $0.check("v2", at: "version", .const("v1")) }
        }
        #expect(constError?.description == "version: differs from the const value")
        #expect(throws: Never.self) {
            try ValidationContext.validate { $0.check("v1", at: "version", .const("v1")) }
        }
    }

    @Test func anArrayOfModelsValidatesAtTheRoot() {
        let items = [LineItem(name: "a", quantity: 1), LineItem(name: "b", quantity: -1)]
        let error = #expect(throws: ValidationError.self) { try items.validate() }
        #expect(error?.violations.map(\.description) == ["[1].quantity: is below minimum 1"])
    }

    @Test func parametersValidateWithoutAModel() {
        let error = #expect(throws: ValidationError.self) {
            try ValidationContext.validate { context in
                context.check("abcdef", at: "id", .maxLength(3))
                context.check(0, at: "limit", .minimum(1))
            }
        }
        #expect(error?.violations.map(\.path) == ["id", "limit"])
    }

    /// A multipart part's header is reported under its property, each name quoted where it is no plain key.
    @Test func partHeadersAreReportedUnderTheirProperty() {
        let error = #expect(throws: ValidationError.self) {
            try ValidationContext.validate { context in
                context.check("abcdef", at: .part("names", header: "x-name-locale"), .maxLength(3))
                context.check(["a", "bcde"], at: .part("scan.pdf", header: "X-Tags"), .minItems(3))
            }
        }
        #expect(error?.violations.map(\.path) == ["names.x-name-locale", #"["scan.pdf"].X-Tags"#])
    }
}
