import SpecsmithRuntime
import Testing

@Suite("String rules")
struct StringRuleTests {
    private func violations(_ value: String?, _ rule: StringRule) -> [Violation] {
        do {
            try ValidationContext.validate { context in context.check(value, at: "field", rule) }
            return []
        } catch {
            return error.violations
        }
    }

    @Test func maxLengthAllowsTheLimitAndReportsOneMore() throws {
        #expect(violations(String(repeating: "a", count: 64), .maxLength(64)).isEmpty)
        let found = violations(String(repeating: "a", count: 65), .maxLength(64))
        #expect(found.map(\.description) == ["field: length 65 exceeds maxLength 64"])
        #expect(found.first?.keyword == .maxLength)
        #expect(found.first?.limit == "64")
        #expect(found.first?.path == "field")
    }

    @Test func minLengthAllowsTheLimitAndReportsOneLess() {
        #expect(violations("abc", .minLength(3)).isEmpty)
        #expect(violations("ab", .minLength(3)).map(\.description) == ["field: length 2 is below minLength 3"])
    }

    @Test func lengthsCountUnicodeScalars() {
        #expect(violations("👍🏽", .maxLength(2)).isEmpty)
        #expect(violations("👍🏽", .maxLength(1)).map(\.message) == ["length 2 exceeds maxLength 1"])
        #expect(violations("e\u{301}", .maxLength(1)).map(\.message) == ["length 2 exceeds maxLength 1"])
        #expect(violations("e\u{301}", .minLength(2)).isEmpty)
        #expect(violations("é", .maxLength(1)).isEmpty)
    }

    @Test func absentValuesPass() {
        #expect(violations(nil, .minLength(1)).isEmpty)
        #expect(violations(nil, .pattern(Pattern("^a$"))).isEmpty)
    }

    @Test func patternSearchesAnywhereUnlessAnchored() {
        let digits = Pattern("[0-9]+")
        #expect(violations("abc123def", .pattern(digits)).isEmpty)
        let found = violations("abcdef", .pattern(digits))
        #expect(found.map(\.description) == ["field: does not match pattern [0-9]+"])
        #expect(found.first?.keyword == .pattern)
        #expect(found.first?.limit == "[0-9]+")

        let anchored = Pattern("^[a-z]+$")
        #expect(violations("abc", .pattern(anchored)).isEmpty)
        #expect(violations("abc1", .pattern(anchored)).count == 1)
        #expect(violations("", .pattern(anchored)).count == 1)
    }

    @Test func patternMatchesNonASCIIText() {
        #expect(violations("naïve café", .pattern(Pattern("^na.ve caf.$"))).isEmpty)
        #expect(violations("👍🏽!", .pattern(Pattern("!$"))).isEmpty)
    }

    @Test func messagesNeverContainTheValue() {
        let secret = "hunter2-very-secret"
        for rule in [StringRule.maxLength(3), .minLength(100), .pattern(Pattern("^[0-9]+$"))] {
            let found = violations(secret, rule)
            #expect(found.count == 1)
            #expect(!found.map(\.description).joined().contains(secret))
        }
    }

    @Test func eachItemOfAnArrayIsCheckedAtItsIndex() throws {
        let error = #expect(throws: ValidationError.self) {
            try ValidationContext.validate { context in
                context.check(each: ["ok", "too long", "fine", "also too long"], at: "tags", .maxLength(4))
            }
        }
        #expect(error?.violations.map(\.path) == ["tags[1]", "tags[3]"])
    }
}
