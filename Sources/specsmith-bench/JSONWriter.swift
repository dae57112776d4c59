import SpecsmithYAML

/// Writes a ``YAMLNode`` tree as JSON on one line, as minified documents come: mappings as objects
/// (keys as strings), sequences as arrays, and scalars by their core-schema meaning (`null`, `true`,
/// numbers in JSON form; anything else a string, `.inf` and `.nan` included). Characters YAML cannot
/// hold unescaped in a quoted scalar are written as `\uXXXX`, so that the text also loads as YAML.
enum JSONWriter {
    static func text(of root: YAMLNode) -> [UInt8] {
        var output: [UInt8] = []
        write(root, to: &output)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    private static func write(_ node: YAMLNode, to output: inout [UInt8]) {
        switch node.content {
        case .mapping(let mapping):
            output.append(UInt8(ascii: "{"))
            for (index, entry) in mapping.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                string(entry.keyText ?? "", to: &output)
                output.append(UInt8(ascii: ":"))
                write(entry.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .sequence(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .scalar(let scalar):
            if node.isNull {
                output += "null".utf8
            } else if let flag = node.boolIfBoolean {
                output += (flag ? "true" : "false").utf8
            } else if let number = node.numberIfNumeric {
                output += number.text.utf8
            } else {
                string(scalar.text, to: &output)
            }
        }
    }

    private static func string(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\"".utf8
            case "\\": output += "\\\\".utf8
            case "\n": output += "\\n".utf8
            case "\t": output += "\\t".utf8
            case _ where YAMLWriter.needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: output += String(scalar).utf8
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
