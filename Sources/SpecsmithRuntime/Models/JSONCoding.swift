import Foundation

/// JSON coding for generated models.
///
/// `date-time` values are RFC 3339: encoded in UTC with milliseconds when the date has a fractional
/// second (`2024-05-01T12:30:00Z`, `2024-05-01T12:30:00.250Z`); decoded with or without fractional
/// seconds and with any UTC offset. `/` is not escaped.
public enum JSONCoding {
    /// Encodes a model as request bodies are encoded: object keys in `CodingKeys` order, the same bytes
    /// on every run and platform.
    public static func encode(_ value: some Encodable) throws -> Data {
        try OrderedJSONEncoder.encode(value)
    }

    /// A `JSONEncoder` with the same date and slash handling, for APIs that need one;
    /// its key order is unspecified (``encode(_:)`` keeps `CodingKeys` order).
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(DateTime.string(from: date))
        }
        return encoder
    }

    /// A decoder for responses and models.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = DateTime.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Expected an RFC 3339 date-time such as 2024-05-01T12:30:00Z")
            }
            return date
        }
        return decoder
    }
}

/// RFC 3339 `date-time` text.
public enum DateTime {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFraction = Date.ISO8601FormatStyle()

    /// `2024-05-01T12:30:00Z`, or `2024-05-01T12:30:00.250Z` when the date has a fractional second.
    public static func string(from date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        return seconds == seconds.rounded(.down) ? withoutFraction.format(date) : withFraction.format(date)
    }

    /// Parses `2024-05-01T12:30:00Z`, `2024-05-01T12:30:00.250Z` or `2024-05-01T14:30:00+02:00`;
    /// `nil` if the text is not an RFC 3339 date-time.
    public static func date(from text: String) -> Date? {
        if let date = try? withoutFraction.parse(text) { return date }
        return try? withFraction.parse(text)
    }
}
