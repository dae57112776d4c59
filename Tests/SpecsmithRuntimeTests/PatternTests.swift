@testable import SpecsmithRuntime
@testable import SpecsmithPattern
import Foundation
import Testing

/// ECMA-262 patterns, as JSON Schema reads them.
@Suite("ECMA-262 patterns")
struct PatternTests {
    private func matches(_ pattern: String, _ value: String) -> Bool {
        do {
            try ValidationContext.validate { $0.check(value, at: "v", .pattern(Pattern(pattern))) }
            return true
        } catch {
            return false
        }
    }

    @Test func patternsAreNotAnchored() {
        #expect(matches("a", "xay"))
        #expect(!matches("^a", "xay"))
        #expect(matches("a+", "baaab"))
    }

    @Test func classEscapesAreASCIIAsInECMA262() {
        #expect(matches(#"^\d$"#, "7"))
        #expect(!matches(#"^\d$"#, "\u{663}"))  // ARABIC-INDIC DIGIT THREE: a digit to ICU, not to ECMA-262
        #expect(matches(#"^\D$"#, "\u{663}"))
        #expect(!matches(#"^\w$"#, "é"))
        #expect(matches(#"^\W$"#, "é"))
        #expect(matches(#"^[\d.]+$"#, "1.5"))
        #expect(!matches(#"^[\d.]+$"#, "\u{663}"))
        #expect(matches(#"^\s$"#, "\u{FEFF}"))
        #expect(!matches(#"^\s$"#, "\u{85}"))  // NEL: white space to ICU, not to ECMA-262
        #expect(matches(#"\bword\b"#, "a word."))
        #expect(matches(#"\bword\b"#, "éwordé"))  // é is not an ECMA-262 word character: boundaries hold
    }

    @Test func dollarIsTheEndOfTheStringOnly() {
        #expect(matches("^abc$", "abc"))
        #expect(!matches("^abc$", "abc\n"))
        #expect(matches("^a.c$", "abc"))
        #expect(!matches("^a.c$", "a\nc"))
        #expect(matches("^a.c$", "a\u{85}c"))
    }

    @Test func unicodePropertiesAndEscapes() {
        #expect(matches(#"^\p{Letter}+$"#, "héllo"))
        #expect(!matches(#"^\p{Letter}+$"#, "h1"))
        #expect(matches(#"^\u0041\x42\u{43}$"#, "ABC"))
        #expect(matches(#"^\/#"$"#, "/#\""))
        #expect(matches(#"^[^]$"#, "\n"))
        #expect(!matches(#"a[]"#, "a"))
        #expect(matches("^a[]*$", "a"))
        #expect(matches("", "anything"))
        #expect(Pattern.problem(in: "") == nil)
        #expect(Pattern.problem(in: "[]{2}") == nil)
        #expect(matches("^[:a]+$", ":a:"))
        #expect(!matches("^[:alpha:]$", "b"))
        #expect(matches("^[a&&b]+$", "a&b"))
    }

    @Test func problemsAreReportedNotTrapped() {
        #expect(Pattern.problem(in: "a(b") != nil)
        #expect(Pattern.problem(in: #"\A"#) != nil)
        #expect(Pattern.problem(in: "a++") != nil)
        #expect(Pattern.problem(in: "[a") != nil)
        #expect(Pattern.problem(in: #"^[a-z"\\/#]+$"#) == nil)
        #expect(Pattern.problem(in: "(?<year>\\d{4})-\\k<year>") == nil)
        #expect(Pattern.problem(in: "a*?b+?") == nil)
    }
}

@Suite struct PatternVerdictTests {
    /// Foundation leaks memory each time it fails to compile an expression (found by FuzzGenerate with
    /// LeakSanitizer; fixture Tests/SpecsmithCoreTests/Fixtures/Hostile/fuzz-generate-leak-invalid-pattern.yaml),
    /// so a pattern's verdict is computed once per process, however often a generator asks.
    @Test func anInvalidPatternIsCompiledOnceHoweverOftenItIsChecked() {
        let source = "a(b-\(UInt64.random(in: 0...UInt64.max))"
        let before = Pattern.compilationsForProblems
        for _ in 0..<100 {
            #expect(Pattern.problem(in: source) != nil)
        }
        // Other tests may compile their own patterns meanwhile, but never 100 of this one.
        #expect(Pattern.compilationsForProblems - before < 50)
    }
}

/// ``PlainSyntax`` lets the generator judge a pattern without compiling it (ICU's first compilation in a process
/// costs about 8M instructions): whatever it accepts, ICU must compile, or generated code would trap.
@Suite struct PlainSyntaxTests {
    private func icuCompiles(_ source: String) -> Bool {
        guard case .success(let icu) = Pattern.translate(source) else { return false }
        return (try? NSRegularExpression(pattern: icu)) != nil
    }

    @Test func patternsSpecsWriteAreJudgedWithoutICU() {
        let sources = [
            #"^\d{2}:\d{2}:\d{2}$"#, "^SM[0-9a-fA-F]{32}$", #"^[a-z0-9_\-.]+@[a-z]+\.[a-z]{2,}$"#,
            "^(?:https?://)?[^ /]+$",
            "", "a|b|", "(a)(?:b)*?c+?d??e{2,}?", #"[\u{1F600}-\u{1F64F}\x41-\x5A\cJ\0]"#, #"^\bword\B\s\S\w\W\D$"#,
            #"[-a][a-][^-]"#, "[^][]x", #"\^\$\\\.\*\+\?\(\)\[\]\{\}\|\/"#, "[$()*+.?{}|/^:[]",
        ]
        for source in sources {
            #expect(PlainSyntax.compilesSurely(source), "\(source)")
            #expect(icuCompiles(source), "\(source)")
            #expect(Pattern.problem(in: source) == nil, "\(source)")
        }
    }

    @Test func otherSyntaxIsLeftToICU() {
        let sources = [
            "(?<=a)b", "(?=a)", "(?<n>a)\\k<n>", #"(a)\1"#, #"\p{L}"#, "a{2,1}", "a{1001}", "a{", "a}", "a]",
            "a**", "a*+", "^*", "$?", #"\b+"#, "[z-a]", "[a--]", #"[\d-z]"#, "[a-&]", "*a", "(", ")", "a|*",
            String(repeating: "(", count: 33) + String(repeating: ")", count: 33), String(repeating: "a", count: 4097),
        ]
        for source in sources {
            #expect(!PlainSyntax.compilesSurely(source), "\(source)")
        }
        #expect(PlainSyntax.compilesSurely(String(repeating: "(", count: 32) + String(repeating: ")", count: 32)))
    }

    /// Random strings over the syntax characters and a few letters: every one accepted must compile in ICU.
    @Test func whateverItAcceptsOfRandomTextICUCompiles() {
        let alphabet =
            Array(#"ab-z09^$\.*+?()[]{}|/,:&~dDwWsSbBtnvfrcxu{}F"#.unicodeScalars) + ["\u{0}", "\u{2028}", "é"]
        var random = SeededRandom(seed: 27)
        var accepted = 0
        for _ in 0..<20_000 {
            var source = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...10, using: &random) {
                source.append(alphabet.randomElement(using: &random)!)
            }
            let pattern = String(source)
            guard case .success = Pattern.translate(pattern), PlainSyntax.compilesSurely(pattern) else { continue }
            accepted += 1
            #expect(icuCompiles(pattern), "\(pattern.debugDescription)")
        }
        #expect(accepted > 500)
    }

    /// Random patterns built from the plain syntax itself, nested: all accepted, all compile in ICU.
    @Test func randomPlainPatternsAreAcceptedAndCompile() {
        var random = SeededRandom(seed: 2027)
        for _ in 0..<3_000 {
            let pattern = plainPattern(depth: 0, using: &random)
            #expect(PlainSyntax.compilesSurely(pattern), "\(pattern.debugDescription)")
            #expect(icuCompiles(pattern), "\(pattern.debugDescription)")
        }
    }

    private func plainPattern(depth: Int, using random: inout SeededRandom) -> String {
        let atoms = [
            "a", "Z", "_", ".", #"\d"#, #"\W"#, #"\s"#, #"\x7e"#, #"\u00e9"#, #"\u{10FFFF}"#, #"\cM"#, #"\0"#, #"\."#,
            "[a-z]", "[^0-9_]", #"[\w\-.]"#, "[]", "[^]", #"[\u0000-\uFFFF]"#, "[*+?]", "é", "/", ",", ":",
        ]
        let quantifiers = ["", "", "", "*", "+", "?", "*?", "{2}", "{0,}", "{1,3}", "{3,3}?"]
        var pattern = ""
        for index in 0..<Int.random(in: 0...4, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0 where depth < 4:
                let open = Bool.random(using: &random) ? "(" : "(?:"
                pattern += open + plainPattern(depth: depth + 1, using: &random) + ")"
            case 1:
                pattern += ["^", "$", #"\b"#, #"\B"#].randomElement(using: &random)!
                continue  // an assertion takes no quantifier
            case 2 where index > 0:
                pattern += "|"
                continue
            default:
                pattern += atoms.randomElement(using: &random)!
            }
            pattern += quantifiers.randomElement(using: &random)!
        }
        return pattern
    }
}

/// A seeded generator, so a failure found by the random tests is found again.
private struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var value = state
        value ^= value >> 33
        value = value &* 0xff51_afd7_ed55_8ccd
        return value ^ (value >> 33)
    }
}
