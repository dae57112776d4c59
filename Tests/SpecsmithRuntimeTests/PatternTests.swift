@testable import SpecsmithRuntime
@testable import SpecsmithPattern
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
