import Foundation

/// A JSON value together with its exact text, so that a test case's `data` reaches `JSONDecoder` as the
/// suite writes it (`1.0` stays `1.0`, `9007199254740992` is not rounded through a `Double`).
struct RawJSON {
    enum Kind {
        case object([(key: String, keyText: String, value: RawJSON)])
        case array([RawJSON])
        case scalar
    }

    /// The value's text, exactly as written.
    var text: String
    var kind: Kind

    subscript(key: String) -> RawJSON? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    var items: [RawJSON] {
        guard case .array(let items) = kind else { return [] }
        return items
    }

    var keys: [String] {
        guard case .object(let members) = kind else { return [] }
        return members.map(\.key)
    }

    /// The string a string scalar holds.
    var stringValue: String? {
        guard text.hasPrefix("\"") else { return nil }
        return try? JSONDecoder().decode(String.self, from: Data(text.utf8))
    }

    /// The object's text without the named members.
    func removing(_ names: Set<String>) -> String {
        guard case .object(let members) = kind else { return text }
        let kept = members.filter { !names.contains($0.key) }.map { "\($0.keyText): \($0.value.text)" }
        return "{" + kept.joined(separator: ", ") + "}"
    }

    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "JSON syntax error at byte \(offset)" }
    }

    static func parse(_ bytes: [UInt8]) throws -> RawJSON {
        var parser = Parser(bytes: bytes)
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == bytes.count else { throw SyntaxError(offset: parser.position) }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        func text(from start: Int) -> String {
            String(decoding: bytes[start..<position], as: UTF8.self)
        }

        mutating func value() throws -> RawJSON {
            skipSpace()
            guard position < bytes.count else { throw SyntaxError(offset: position) }
            let start = position
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [(String, String, RawJSON)] = []
                skipSpace()
                if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return RawJSON(text: text(from: start), kind: .object([]))
                }
                while true {
                    skipSpace()
                    let keyStart = position
                    try string()
                    let keyText = text(from: keyStart)
                    let key = try JSONDecoder().decode(String.self, from: Data(keyText.utf8))
                    skipSpace()
                    guard bytes[position] == UInt8(ascii: ":") else { throw SyntaxError(offset: position) }
                    position += 1
                    members.append((key, keyText, try value()))
                    skipSpace()
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "}") else { throw SyntaxError(offset: position) }
                    position += 1
                    return RawJSON(text: text(from: start), kind: .object(members.map { ($0.0, $0.1, $0.2) }))
                }
            case UInt8(ascii: "["):
                position += 1
                var items: [RawJSON] = []
                skipSpace()
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return RawJSON(text: text(from: start), kind: .array([]))
                }
                while true {
                    items.append(try value())
                    skipSpace()
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "]") else { throw SyntaxError(offset: position) }
                    position += 1
                    return RawJSON(text: text(from: start), kind: .array(items))
                }
            case UInt8(ascii: "\""):
                try string()
                return RawJSON(text: text(from: start), kind: .scalar)
            default:
                while position < bytes.count, !",]} \t\r\n".utf8.contains(bytes[position]) { position += 1 }
                guard position > start else { throw SyntaxError(offset: position) }
                return RawJSON(text: text(from: start), kind: .scalar)
            }
        }

        mutating func string() throws {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw SyntaxError(offset: position)
            }
            position += 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""):
                    position += 1
                    return
                default: position += 1
                }
            }
            throw SyntaxError(offset: position)
        }
    }
}
