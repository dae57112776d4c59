internal import CYAML
import SpecsmithDiagnostics

/// Explains libyaml's errors. libyaml reports a `problem` at a `problem_mark`, often with a
/// `context` ("while parsing a flow sequence") that started at a `context_mark`; reader errors
/// (bad UTF-8, control characters) report a byte offset and the offending value instead. The common
/// problems get a message that says what is wrong in the user's terms; the rest keep libyaml's words
/// plus where the context started.
enum SyntaxErrors {
    static func diagnostic(for parser: UnsafeMutablePointer<yaml_parser_t>, marks: Marks) -> Diagnostic {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown problem"
        switch p.error {
        case YAML_MEMORY_ERROR:
            return .error("out of memory while parsing", at: nil)
        case YAML_READER_ERROR:
            return readerError(problem, value: Int(p.problem_value), offset: Int(p.problem_offset), marks: marks)
        default:
            let context = p.context.map { String(cString: $0) }
            return syntaxError(
                problem,
                at: marks.location(p.problem_mark),
                context: context,
                contextAt: marks.location(p.context_mark),
                marks: marks
            )
        }
    }

    static func hex(_ value: Int, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    static func readerError(_ problem: String, value: Int, offset: Int, marks: Marks) -> Diagnostic {
        var location = marks.location(byteOffset: offset)
        let message: String
        switch problem {
        case "invalid leading UTF-8 octet":
            message = "invalid UTF-8: byte 0x\(hex(value, digits: 2)) cannot start a character"
        case "invalid trailing UTF-8 octet":
            // libyaml points at the byte that fails to continue the character; point at its first byte.
            let bytes = marks.original.bytes
            var lead = marks.originalByteOffset(offset) - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            location = marks.location(originalByteOffset: lead)
            message =
                "invalid UTF-8: byte 0x\(hex(Int(bytes[lead]), digits: 2)) starts a multi-byte character, but byte 0x\(hex(value, digits: 2)) does not continue it"
        case "incomplete UTF-8 octet sequence":
            message = "invalid UTF-8: the file ends in the middle of a character"
        case "invalid length of a UTF-8 sequence":
            message = "invalid UTF-8: a character is encoded with more bytes than it needs"
        case "invalid Unicode character":
            message = "invalid UTF-8: the bytes encode U+\(hex(value, digits: 4)), which is not a Unicode character"
        case "control characters are not allowed":
            return .error(
                "control character U+\(hex(value, digits: 4)) is not allowed in YAML",
                at: location,
                note: "write it as an escape (\\u\(hex(value, digits: 4))) in a double-quoted string"
            )
        default:
            message = "cannot read the file: \(problem)"
        }
        return .error(message, at: location, note: "the file must be UTF-8 text")
    }

    static func syntaxError(
        _ problem: String,
        at location: SourceLocation,
        context: String?,
        contextAt contextLocation: SourceLocation,
        marks: Marks
    ) -> Diagnostic {
        let started = "line \(contextLocation.line), column \(contextLocation.column)"
        let tabNote = "YAML indentation must use spaces; tabs are only allowed inside scalars"
        switch problem {
        case "found character that cannot start any token":
            switch marks.character(at: location) {
            case "\t"?:
                return .error("a tab character cannot be used for indentation", at: location, note: tabNote)
            case let c? where c == "@" || c == "`":
                return .error(
                    "a plain scalar cannot start with '\(c)', which YAML reserves; quote the value",
                    at: location
                )
            case let c?:
                return .error("the character '\(c)' cannot start a value here", at: location)
            case nil:
                return .error("a character here cannot start a value", at: location)
            }
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return .error("a tab character cannot be used for indentation", at: location, note: tabNote)
        case "found unexpected end of stream" where context == "while scanning a quoted scalar":
            let quote = marks.character(at: contextLocation) == "'" ? "single" : "double"
            let mark = quote == "single" ? "'" : "\""
            return .error(
                "unterminated \(quote)-quoted string: no closing \(mark) before the end of the file",
                at: contextLocation,
                note: "the string starts here and runs to the end of the file"
            )
        case "found invalid Unicode character escape code":
            // libyaml stops after `\u` or `\U`; point at the backslash.
            var escapeLocation = location
            escapeLocation.column = max(1, location.column - 2)
            let escape = marks.text(at: escapeLocation, count: 10)
            let isLong = escape.hasPrefix("\\U")
            let digits = escape.dropFirst(2).prefix(isLong ? 8 : 4)
            let value = Int(digits, radix: 16) ?? 0
            let written = String(escape.prefix(isLong ? 10 : 6))
            let message: String
            switch value {
            case 0xD800...0xDBFF:
                message =
                    "lone UTF-16 surrogate \(written): a high surrogate must be followed by a low surrogate escape (\\uDC00 to \\uDFFF)"
            case 0xDC00...0xDFFF:
                message =
                    "lone UTF-16 surrogate \(written): a low surrogate must follow a high surrogate escape (\\uD800 to \\uDBFF)"
            default:
                message = "escape \(written) is not a Unicode character (the largest is \\U0010FFFF)"
            }
            return .error(message, at: escapeLocation)
        case "found unknown escape character":
            let escape = marks.text(at: location, count: 2)
            return .error(
                "unknown escape \(escape) in a double-quoted string",
                at: location,
                note: "write \\\\ for a backslash, or use a single-quoted or plain string"
            )
        case "mapping values are not allowed in this context":
            // libyaml only looks for a key's ':' within 1024 characters of the key's start.
            let note =
                location.column > 1024
                ? "a key written without '?' must be shorter than 1024 characters; write a longer key as '? key'"
                : "quote the value if it contains ': ', or check the indentation"
            return .error(
                "a ': ' here would start a mapping value, which is not allowed at this point",
                at: location,
                note: note
            )
        case "could not find expected ':'":
            return .error(
                "expected ':' after this key",
                at: contextLocation,
                note: "a key must fit on one line; check the indentation of the lines below it"
            )
        case "did not find expected key" where context == "while parsing a block mapping":
            return .error(
                "bad indentation: expected a key of the mapping that starts at \(started)",
                at: location
            )
        case "did not find expected '-' indicator":
            return .error(
                "bad indentation: expected a '- ' item of the sequence that starts at \(started)",
                at: location
            )
        case "did not find expected ',' or ']'":
            return .error("expected ',' or ']' in the sequence that starts at \(started)", at: location)
        case "did not find expected ',' or '}'":
            return .error("expected ',' or '}' in the mapping that starts at \(started)", at: location)
        case "did not find expected node content":
            if marks.isAtEnd(location) {
                return .error("the file ends where a value is expected", at: location)
            }
            return .error("expected a value here", at: location)
        case "block sequence entries are not allowed in this context":
            return .error(
                "a '- ' sequence item cannot start here",
                at: location,
                note: "start the sequence on its own line, indented under its key"
            )
        case "did not find expected <document start>":
            return .error(
                "unexpected content after the document's top-level value",
                at: location,
                note: "a document has one top-level value; check the indentation"
            )
        case "found incompatible YAML document":
            return .error("unsupported YAML version; only %YAML 1.x documents can be read", at: location)
        case "did not find expected comment or line break" where context == "while scanning a block scalar":
            return .error(
                "the text of a block scalar must start on the line after its '|' or '>'",
                at: location,
                note: "only an indentation or chomping indicator (such as |2 or >-) and a comment may follow it"
            )
        case "did not find expected alphabetic or numeric character" where context == "while scanning an alias":
            return .error("'*' must be followed by the name of an anchor", at: contextLocation)
        case "did not find expected alphabetic or numeric character" where context == "while scanning an anchor":
            return .error("'&' must be followed by the anchor's name", at: contextLocation)
        case "found undefined tag handle":
            return .error("undefined tag handle; only ! and !! can be used without a %TAG directive", at: location)
        default:
            var message = problem
            if let context { message += " (\(context) that starts at \(started))" }
            return .error(message, at: location)
        }
    }
}
