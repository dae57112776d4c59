import SpecsmithRuntime
import Testing

@Suite("Asserted formats")
struct FormatTests {
    private func valid(_ value: String, _ format: StringRule.Format) -> Bool {
        do {
            try ValidationContext.validate { $0.check(value, at: "v", .format(format)) }
            return true
        } catch {
            #expect(error.violations.first?.keyword == .format)
            #expect(error.violations.first?.limit == format.rawValue)
            return false
        }
    }

    @Test func dateTime() {
        for text in [
            "2024-05-01T12:30:00Z", "2024-05-01t12:30:00.250+02:00", "2016-12-31T23:59:60Z",
            "2016-12-31T15:59:60-08:00",
        ] {
            #expect(valid(text, .dateTime), "\(text)")
        }
        for text in [
            "2024-05-01 12:30:00Z", "2024-05-01T12:30:00", "2024-02-30T00:00:00Z", "2024-05-01T24:00:00Z",
            "2024-05-01T12:30:60Z", "2024-05-01T12:30:00.Z", "2024-05-01T12:30:00+2:00", "\u{661}024-05-01T12:30:00Z",
        ] {
            #expect(!valid(text, .dateTime), "\(text)")
        }
    }

    @Test func dateAndTime() {
        #expect(valid("2024-02-29", .date))
        #expect(!valid("2023-02-29", .date))
        #expect(!valid("2024-13-01", .date))
        #expect(!valid("2024-1-01", .date))
        #expect(valid("12:30:00Z", .time))
        #expect(valid("23:59:60.5+00:00", .time))
        #expect(!valid("12:30:00", .time))
        #expect(!valid("12:30Z", .time))
    }

    @Test func uuid() {
        #expect(valid("123e4567-e89b-12d3-a456-426614174000", .uuid))
        #expect(valid("123E4567-E89B-12D3-A456-426614174000", .uuid))
        #expect(!valid("123e4567e89b12d3a456426614174000", .uuid))
        #expect(!valid("123e4567-e89b-12d3-a456-42661417400g", .uuid))
    }

    @Test func email() {
        for text in [
            "joe.bloggs@example.com", "\"joe bloggs\"@example.com", "te~st@example.com", "joe@[127.0.0.1]",
            "joe@[IPv6:2001:db8::1]",
        ] {
            #expect(valid(text, .email), "\(text)")
        }
        for text in [
            "joe", "@example.com", "joe@", ".joe@example.com", "joe..bloggs@example.com", "joe.@example.com",
            "joe@-example.com", "joe@[300.0.0.1]", "jöe@example.com",
        ] {
            #expect(!valid(text, .email), "\(text)")
        }
    }

    @Test func uri() {
        for text in [
            "https://example.com/a?b=c#d", "urn:isbn:0451450523", "mailto:joe@example.com", "http://[::1]:8080/",
            "http://example.com/%20",
        ] {
            #expect(valid(text, .uri), "\(text)")
        }
        for text in [
            "//example.com", "/relative", "http://example.com/a b", "http://example.com/%2", "1http://x",
            "http://exa mple.com", "http://example.com/ü", "http://[::1/",
        ] {
            #expect(!valid(text, .uri), "\(text)")
        }
    }

    @Test func formatIsAnAnnotationUnlessARuleAsksForIt() {
        // Without a `.format` rule nothing checks the format: the default, as 2020-12 says.
        #expect((try? ValidationContext.validate { $0.check("not a uuid", at: "v", .maxLength(64)) }) != nil)
    }
}
