import SpecsmithRuntime
import Testing

@Suite("Number rules and exact decimals")
struct NumberRuleTests {
    private func messages(_ check: (inout ValidationContext) -> Void) -> [String] {
        do {
            try ValidationContext.validate(check)
            return []
        } catch {
            return error.violations.map(\.description)
        }
    }

    @Test func minimumAndMaximumIncludeTheLimit() {
        #expect(messages { $0.check(0, at: "n", .minimum(0)) }.isEmpty)
        #expect(messages { $0.check(-1, at: "n", .minimum(0)) } == ["n: is below minimum 0"])
        #expect(messages { $0.check(100, at: "n", .maximum(100)) }.isEmpty)
        #expect(messages { $0.check(101, at: "n", .maximum(100)) } == ["n: exceeds maximum 100"])
    }

    @Test func exclusiveLimitsExcludeTheLimit() {
        #expect(messages { $0.check(Int64(1), at: "id", .exclusiveMinimum(0)) }.isEmpty)
        #expect(
            messages { $0.check(Int64(0), at: "id", .exclusiveMinimum(0)) }
                == ["id: is not above exclusiveMinimum 0"])
        #expect(messages { $0.check(9.99, at: "p", .exclusiveMaximum(10)) }.isEmpty)
        #expect(messages { $0.check(10.0, at: "p", .exclusiveMaximum(10)) } == ["p: is not below exclusiveMaximum 10"])
    }

    @Test func decimalLimitsAreExact() {
        // 0.1 + 0.2 is 0.30000000000000004 as a Double: above 0.3, exactly.
        #expect(messages { $0.check(0.1 + 0.2, at: "x", .maximum("0.3")) } == ["x: exceeds maximum 0.3"])
        #expect(messages { $0.check(0.3, at: "x", .maximum("0.3")) }.isEmpty)
        #expect(messages { $0.check(0.3, at: "x", .exclusiveMaximum("0.3")) }.count == 1)
        #expect(messages { $0.check(-0.5, at: "x", .minimum("-0.5")) }.isEmpty)
        #expect(messages { $0.check(-0.51, at: "x", .minimum("-0.5")) } == ["x: is below minimum -0.5"])
    }

    @Test func integersCompareExactlyAtTheEdgesOfInt64() {
        #expect(messages { $0.check(Int64.max, at: "n", .maximum("9223372036854775807")) }.isEmpty)
        #expect(messages { $0.check(Int64.max, at: "n", .maximum("9223372036854775806")) }.count == 1)
        #expect(messages { $0.check(Int64.min, at: "n", .minimum("-9223372036854775808")) }.isEmpty)
        #expect(messages { $0.check(UInt64.max, at: "n", .maximum("1e30")) }.isEmpty)
        #expect(messages { $0.check(Int32(7), at: "n", .maximum("6.5")) } == ["n: exceeds maximum 6.5"])
    }

    @Test func multipleOfIsExactForDecimalSteps() {
        #expect(messages { $0.check(0.3, at: "amount", .multipleOf("0.1")) }.isEmpty)
        #expect(messages { $0.check(19.99, at: "amount", .multipleOf("0.01")) }.isEmpty)
        #expect(
            messages { $0.check(19.995, at: "amount", .multipleOf("0.01")) }
                == ["amount: is not a multiple of 0.01 (multipleOf)"])
        #expect(messages { $0.check(1e20, at: "amount", .multipleOf("0.01")) }.isEmpty)
        #expect(messages { $0.check(15, at: "n", .multipleOf(5)) }.isEmpty)
        #expect(messages { $0.check(16, at: "n", .multipleOf(5)) }.count == 1)
        #expect(messages { $0.check(0, at: "n", .multipleOf(7)) }.isEmpty)
        #expect(messages { $0.check(Int64.max, at: "n", .multipleOf(7)) }.isEmpty)
        #expect(messages { $0.check(Int64.max - 1, at: "n", .multipleOf(7)) }.count == 1)
        #expect(messages { $0.check(1.5, at: "n", .multipleOf("0.75")) }.isEmpty)
        #expect(messages { $0.check(5, at: "n", .multipleOf("2.5")) }.isEmpty)
        #expect(messages { $0.check(1, at: "n", .multipleOf("1e30")) }.count == 1)
    }

    @Test func nonFiniteNumbersBreakEveryRule() {
        #expect(messages { $0.check(Double.infinity, at: "x", .minimum(0)) }.count == 1)
        #expect(messages { $0.check(Double.nan, at: "x", .maximum(0)) }.count == 1)
    }

    @Test func absentNumbersPass() {
        let missing: Int? = nil
        #expect(messages { $0.check(missing, at: "n", .minimum(1)) }.isEmpty)
    }

    @Test func eachNumberOfAnArrayIsChecked() {
        #expect(
            messages { $0.check(each: [1, 5, 11], at: "scores", .maximum(10)) }
                == ["scores[2]: exceeds maximum 10"])
        #expect(
            messages { $0.check(each: [0.5, -0.5], at: "weights", .minimum(0)) }
                == ["weights[1]: is below minimum 0"])
    }

    /// Parses at run time (`ExactDecimal("…")` with a literal is a literal, which traps when invalid).
    private func parse(_ text: String) -> ExactDecimal? {
        ExactDecimal(text)
    }

    @Test func exactDecimalParsesAndPrintsJSONNumbers() {
        #expect(parse("0.010")?.description == "0.01")
        #expect(parse("-1.5e3")?.description == "-1500")
        #expect(parse("2.5E-2")?.description == "0.025")
        #expect(parse("-0")?.description == "0")
        #expect(parse("100")?.description == "100")
        #expect(parse("12345678901234567890123")?.description == "12345678901234567890123")
        #expect(parse("12345678901234567890000000")?.description == "12345678901234567890000000")
        #expect(parse("1.2.3") == nil)
        #expect(parse("abc") == nil)
        #expect(parse("") == nil)
        #expect(parse("1e") == nil)
        #expect(ExactDecimal(0.1)?.description == "0.1")
        #expect(ExactDecimal(Double.infinity) == nil)
        #expect(ExactDecimal(exactly: -42) == parse("-42.0"))
    }

    @Test func limitsWithMoreThan19DigitsStillCompareExactly() {
        let huge: ExactDecimal = "123456789012345678901234567890"
        #expect(messages { $0.check(Int64.max, at: "n", .maximum(huge)) }.isEmpty)
        #expect(
            messages { $0.check(1.2345678901234568e29, at: "n", .maximum(huge)) }
                == ["n: exceeds maximum 123456789012345678901234567890"])
        #expect(messages { $0.check(1.234567890123e29, at: "n", .maximum(huge)) }.isEmpty)
        #expect(messages { $0.check(1.234567890123e29, at: "n", .minimum(huge)) }.count == 1)
        let tiny: ExactDecimal = "0.10000000000000000000000001"
        #expect(messages { $0.check(0.1, at: "x", .exclusiveMaximum(tiny)) }.isEmpty)
        #expect(
            messages { $0.check(0.1, at: "x", .minimum(tiny)) } == ["x: is below minimum 0.10000000000000000000000001"])
        #expect(messages { $0.check(0, at: "x", .multipleOf(huge)) }.isEmpty)
        #expect(messages { $0.check(7, at: "x", .multipleOf(huge)) }.count == 1)
    }

    @Test func exactDecimalOrdersValues() {
        let ordered: [ExactDecimal] = ["-1e3", "-2.5", "-0.001", 0, "0.001", "0.1", 1, "1.000001", "2e20"]
        #expect(ordered.sorted() == ordered)
        #expect(parse("1.0") == parse("1"))
        #expect(parse("10") == parse("1e1"))
    }
}
