import SpecsmithRuntime
import Testing

/// Shaped like a generated model whose properties have `not` subschemas.
private struct Profile: Validatable {
    var nickname: String?
    var score: Int?
    var tags: [String]?
    var legacy: String?
    var odd: Int?

    static let spacePattern = Pattern(#"\s"#)

    func validate(into context: inout ValidationContext) {
        // not: {maxLength: 0}
        context.checkNot(nickname, at: "nickname") { subschema, value in
            subschema.check(value, at: "nickname", .maxLength(0))
        }
        // not: {minimum: 10, maximum: 20}
        context.checkNot(score, at: "score") { subschema, value in
            subschema.check(value, at: "score", .minimum(10))
            subschema.check(value, at: "score", .maximum(20))
        }
        // items: {not: {pattern: '\s'}}
        context.checkNot(each: tags, at: "tags") { subschema, value in
            subschema.check(value, at: "tags", .pattern(Self.spacePattern))
        }
        // The schema `false`, which is `not: {}`.
        context.checkNot(legacy, at: "legacy") { _, _ in }
        // not: {not: {multipleOf: 2}}
        context.checkNot(odd, at: "odd") { subschema, value in
            subschema.checkNot(value, at: "odd") { subschema, value in
                subschema.check(value, at: "odd", .multipleOf(2))
            }
        }
    }
}

private struct Team: Validatable {
    var members: [Profile]
    var contacts: [Contact] = []

    func validate(into context: inout ValidationContext) {
        context.validate(members, at: "members")
        context.validate(contacts, at: "contacts")
    }
}

/// Shaped like a generated struct with `not: {required: [email, phone]}`: one or the other, not both.
private struct Contact: Validatable {
    var name: String
    var email: String?
    var phone: String?

    func validate(into context: inout ValidationContext) {
        context.checkNot(self, at: .here) { subschema, value in
            subschema.check(present: value.email, at: "email")
            subschema.check(present: value.phone, at: "phone")
        }
    }
}

@Suite("not")
struct NotRuleTests {
    @Test func aValueThatMatchesTheSubschemaBreaksNot() {
        let found = violations(of: Profile(nickname: "", score: 15))
        #expect(found.map(\.path) == ["nickname", "score"])
        #expect(found.allSatisfy { $0.keyword == .not && $0.limit == nil })
        #expect(found.first?.description == "nickname: matches the schema it must not match (not)")
    }

    @Test func aValueThatBreaksAnyRuleOfTheSubschemaMeetsNot() {
        #expect(violations(of: Profile(nickname: "ann", score: 9)).isEmpty)
        #expect(violations(of: Profile(score: 21)).isEmpty)
    }

    @Test func absentValuesMeetNot() {
        #expect(violations(of: Profile()).isEmpty)
    }

    @Test func theFalseSchemaAllowsNoValue() {
        #expect(violations(of: Profile(legacy: "")).map(\.path) == ["legacy"])
    }

    @Test func eachElementIsCheckedAtItsIndex() {
        #expect(violations(of: Profile(tags: ["ok", "not ok", "fine", "a\tb"])).map(\.path) == ["tags[1]", "tags[3]"])
    }

    @Test func notOfNotIsTheSubschemaItself() {
        #expect(violations(of: Profile(odd: 4)).isEmpty)
        #expect(violations(of: Profile(odd: 3)).map(\.path) == ["odd"])
    }

    @Test func violationsInsideTheSubschemaAreNotReported() {
        // `nickname` breaks the subschema's maxLength, which is how it meets `not`: nothing is reported.
        #expect(violations(of: Profile(nickname: "long enough")).isEmpty)
    }

    @Test func nestedValuesReportTheirFullPath() {
        let team = Team(members: [Profile(), Profile(nickname: "")])
        #expect(violations(of: team).map(\.path) == ["members[1].nickname"])
    }

    @Test func anObjectWithEveryPropertyANotRequiredListsBreaksIt() {
        #expect(violations(of: Contact(name: "a", email: "a@example.com")).isEmpty)
        #expect(violations(of: Contact(name: "a", phone: "1")).isEmpty)
        #expect(violations(of: Contact(name: "a")).isEmpty)
        let both = violations(of: Contact(name: "a", email: "a@example.com", phone: "1"))
        #expect(both.map(\.description) == ["matches the schema it must not match (not)"])
        let team = Team(members: [], contacts: [Contact(name: "b", email: "b@example.com", phone: "2")])
        #expect(violations(of: team).map(\.path) == ["contacts[0]"])
    }
}
