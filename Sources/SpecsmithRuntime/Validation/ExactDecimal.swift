/// An exact decimal number, `significand × 10^exponent`, for the numeric limits a spec writes.
///
/// Generated code writes a limit from the spec's text: an integer as an integer literal (`.maximum(100)`),
/// any other number as a string literal (`.multipleOf("0.01")`), so that `0.1` stays exactly one tenth.
/// Values are compared exactly: integers as they are, a `Double` through its shortest decimal form
/// (the text `0.1` decodes to the `Double` whose shortest form is `0.1`).
///
/// A limit with more than 19 significant digits keeps its first 19 and remembers that digits were dropped;
/// it still compares exactly with any `Int64` or `Double`, whose shortest forms have at most 19 digits.
/// As a `multipleOf` step, such a limit only accepts zero.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whether the number is below zero; zero is never negative.
    let isNegative: Bool
    /// The significand's magnitude, without trailing decimal zeros (zero when the number is zero).
    let magnitude: UInt64
    /// The power of ten the significand is multiplied by (zero when the number is zero).
    let exponent: Int
    /// The text of a number whose digits beyond the first 19 were dropped: its magnitude is then strictly
    /// between `magnitude × 10^exponent` and `(magnitude + 1) × 10^exponent`. `nil` for an exact number.
    private let truncatedText: String?

    init(isNegative: Bool, magnitude: UInt64, exponent: Int) {
        var magnitude = magnitude
        var exponent = exponent
        if magnitude == 0 {
            exponent = 0
        } else {
            while magnitude % 10 == 0 {
                magnitude /= 10
                exponent += 1
            }
        }
        self.isNegative = isNegative && magnitude != 0
        self.magnitude = magnitude
        self.exponent = exponent
        self.truncatedText = nil
    }

    private init(isNegative: Bool, truncatedMagnitude: UInt64, exponent: Int, text: String) {
        self.isNegative = isNegative
        self.magnitude = truncatedMagnitude
        self.exponent = exponent
        self.truncatedText = text
    }

    /// Parses JSON number text such as `100`, `-0.5`, `1e-3` or `2.5E+10`; `nil` when it is not a number.
    public init?(_ text: some StringProtocol) {
        var bytes = text.utf8[...]
        var isNegative = false
        if bytes.first == UInt8(ascii: "-") {
            isNegative = true
            bytes.removeFirst()
        } else if bytes.first == UInt8(ascii: "+") {
            bytes.removeFirst()
        }
        var magnitude: UInt64 = 0
        var exponent = 0
        var digitCount = 0
        var seenPoint = false
        var isTruncated = false
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        while let byte = bytes.first, byte == UInt8(ascii: ".") || digits.contains(byte) {
            bytes.removeFirst()
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            digitCount += 1
            let digit = UInt64(byte - UInt8(ascii: "0"))
            let (times10, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = times10.addingReportingOverflow(digit)
            if isTruncated || overflowed || overflowedAgain {
                // The digit is dropped: a zero loses nothing, any other makes the number inexact.
                isTruncated = isTruncated || digit != 0
                if !seenPoint { exponent += 1 }
            } else {
                magnitude = sum
                if seenPoint { exponent -= 1 }
            }
        }
        guard digitCount > 0 else { return nil }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes.removeFirst()
            guard let written = Int(Substring(decoding: bytes, as: UTF8.self)), abs(written) < 100_000 else {
                return nil
            }
            exponent += written
            bytes = bytes[bytes.endIndex...]
        }
        guard bytes.isEmpty else { return nil }
        if isTruncated {
            self.init(isNegative: isNegative, truncatedMagnitude: magnitude, exponent: exponent, text: String(text))
        } else {
            self.init(isNegative: isNegative, magnitude: magnitude, exponent: exponent)
        }
    }

    /// The exact value of an integer, or `nil` if its magnitude needs more than 64 bits.
    public init?(exactly value: some BinaryInteger) {
        guard let magnitude = UInt64(exactly: value.magnitude) else { return nil }
        self.init(isNegative: value < 0, magnitude: magnitude, exponent: 0)
    }

    /// The value of a `Double`'s shortest decimal form (`0.1` for `0.1`), or `nil` if it is not finite.
    ///
    /// A whole number below 2^53 in magnitude is read without text, so checking it allocates nothing;
    /// other values go through `description`, which allocates when the shortest form exceeds 15 bytes.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value.magnitude < 9_007_199_254_740_992, let whole = Int64(exactly: value) {
            self.init(isNegative: whole < 0, magnitude: whole.magnitude, exponent: 0)
            return
        }
        self.init(value.description)
    }

    /// The value of a `Float`'s shortest decimal form (`0.1` for `Float(0.1)`, not the `Double` it
    /// widens to), or `nil` if it is not finite.
    public init?(_ value: Float) {
        guard value.isFinite else { return nil }
        if let whole = Int64(exactly: value) {
            self.init(isNegative: whole < 0, magnitude: whole.magnitude, exponent: 0)
            return
        }
        self.init(value.description)
    }

    /// The number in plain notation (`0.01`, `-1500`), or with an exponent beyond 20 digits (`1e30`).
    public var description: String {
        if let truncatedText { return truncatedText }
        let digits = String(magnitude)
        let sign = isNegative ? "-" : ""
        if exponent >= 0 {
            if exponent <= 20 {
                return sign + digits + String(repeating: "0", count: exponent)
            }
            return "\(sign)\(digits)e\(exponent)"
        }
        let fractionDigits = -exponent
        if fractionDigits > 20 {
            return "\(sign)\(digits)e\(exponent)"
        }
        if digits.count > fractionDigits {
            let integerPart = digits.dropLast(fractionDigits)
            return "\(sign)\(integerPart).\(digits.suffix(fractionDigits))"
        }
        return sign + "0." + String(repeating: "0", count: fractionDigits - digits.count) + digits
    }

    /// Compares the exact values.
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        switch (lhs.isNegative, rhs.isNegative) {
        case (true, false): true
        case (false, true): false
        case (false, false): compareMagnitudes(lhs, rhs) < 0
        case (true, true): compareMagnitudes(lhs, rhs) > 0
        }
    }

    /// Whether `self` is an integer multiple of `step`, which must not be zero.
    func isMultiple(of step: ExactDecimal) -> Bool {
        guard magnitude != 0 else { return true }
        guard step.magnitude != 0, step.truncatedText == nil, truncatedText == nil else { return false }
        if exponent >= step.exponent {
            // magnitude × 10^(exponent − step.exponent) mod step.magnitude, digit by digit.
            var remainder = magnitude % step.magnitude
            for _ in 0..<(exponent - step.exponent) where remainder != 0 {
                remainder = step.magnitude.dividingFullWidth(remainder.multipliedFullWidth(by: 10)).remainder
            }
            return remainder == 0
        }
        guard let divisor = Self.scale(step.magnitude, by: step.exponent - exponent) else { return false }
        return magnitude % divisor == 0
    }

    /// `magnitude × 10^power`, or `nil` if it does not fit in 64 bits.
    private static func scale(_ magnitude: UInt64, by power: Int) -> UInt64? {
        var result = magnitude
        for _ in 0..<power {
            let (product, overflowed) = result.multipliedReportingOverflow(by: 10)
            if overflowed { return nil }
            result = product
        }
        return result
    }

    /// -1, 0 or 1 as `|lhs|` is below, equal to or above `|rhs|`.
    private static func compareMagnitudes(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let order = compareKeptDigits(lhs, rhs)
        switch (lhs.truncatedText != nil, rhs.truncatedText != nil) {
        case (false, true):
            // |rhs| lies just above its kept digits, where no number of at most 19 digits fits.
            return order <= 0 ? -1 : 1
        case (true, false):
            return order >= 0 ? 1 : -1
        default:
            return order
        }
    }

    /// `compareMagnitudes` of the kept digits only.
    private static func compareKeptDigits(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        if lhs.magnitude == 0 || rhs.magnitude == 0 {
            return lhs.magnitude == rhs.magnitude ? 0 : (lhs.magnitude == 0 ? -1 : 1)
        }
        if lhs.exponent >= rhs.exponent {
            guard let scaled = scale(lhs.magnitude, by: lhs.exponent - rhs.exponent) else { return 1 }
            return scaled < rhs.magnitude ? -1 : (scaled == rhs.magnitude ? 0 : 1)
        }
        guard let scaled = scale(rhs.magnitude, by: rhs.exponent - lhs.exponent) else { return -1 }
        return lhs.magnitude < scaled ? -1 : (lhs.magnitude == scaled ? 0 : 1)
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    /// An integer limit from the spec, such as `100`.
    public init(integerLiteral value: Int64) {
        self.init(isNegative: value < 0, magnitude: value.magnitude, exponent: 0)
    }

    /// A limit from the spec's text, such as `"0.01"`; the text must be a valid JSON number.
    public init(stringLiteral text: String) {
        guard let value = ExactDecimal(text) else {
            preconditionFailure("ExactDecimal: '\(text)' is not a number with at most 19 significant digits")
        }
        self = value
    }
}
