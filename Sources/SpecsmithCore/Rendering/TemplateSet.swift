import Foundation
import Mustache
public import SpecsmithDiagnostics

/// The templates one generation renders with: the defaults carried inside the binary (from
/// `Templates/` at build time), with any file of the same name in a user's folder taking its place.
///
/// Every template is rendered as plain text: Swift is not HTML, so nothing is ever escaped, in
/// partials too.
public struct TemplateSet: Sendable {
    /// Template names (file names without `.mustache`) and where each came from, for messages.
    public private(set) var origins: [String: String]
    let library: MustacheLibrary

    /// The default templates only.
    public static func defaults() throws(TemplateError) -> TemplateSet {
        try TemplateSet(overrides: nil)
    }

    /// The defaults, with every `*.mustache` file in `directory` replacing the default of the same
    /// name (or adding a partial). A template that does not parse is an error naming its file and line.
    public init(overrides directory: String?) throws(TemplateError) {
        var texts: [String: (text: String, origin: String)] = [:]
        for (file, text) in DefaultTemplates.files {
            texts[Self.name(of: file)] = (text, "Templates/\(file)")
        }
        if let directory {
            let url = URL(fileURLWithPath: directory)
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                throw TemplateError(.error("cannot read the templates folder \(directory)", at: nil))
            }
            for file in entries.sorted() where file.hasSuffix(".mustache") {
                let path = url.appendingPathComponent(file).path
                guard let data = FileManager.default.contents(atPath: path),
                    let text = String(data: data, encoding: .utf8)
                else {
                    throw TemplateError(.error("cannot read template \(path) as UTF-8", at: nil))
                }
                texts[Self.name(of: file)] = (text, path)
            }
        }
        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                // The pragma goes on the template's first line, so reported line numbers stay true.
                library.register(try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + entry.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(
                    file: entry.origin, line: error.context.lineNumber, column: max(1, error.context.columnNumber))
                throw TemplateError(.error("template does not parse: \(error.error)", at: location))
            } catch {
                throw TemplateError(.error("template does not parse: \(error)", at: SourceLocation(file: entry.origin, line: 1, column: 1)))
            }
            origins[name] = entry.origin
        }
        self.library = library
        self.origins = origins
    }

    /// Renders the template `name` with `context` and tidies the text: no trailing white space on any
    /// line, no run of blank lines, exactly one newline at the end.
    func render(_ name: String, _ context: [String: Any]) throws(TemplateError) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw TemplateError(.error("no template named \(name).mustache", at: nil))
        }
        return Self.tidy(text)
    }

    static func name(of file: String) -> String {
        file.hasSuffix(".mustache") ? String(file.dropLast(".mustache".count)) : file
    }

    private static func isDocComment(_ line: Substring) -> Bool {
        line.drop(while: { $0 == " " }).hasPrefix("///")
    }

    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t" {
                end = line.index(before: end)
            }
            let trimmed = line[..<end]
            if trimmed.isEmpty {
                // No blank line at the top, twice in a row, right after an opening brace, or between a
                // doc comment and what it documents.
                if blank || lines.isEmpty || lines.last?.last == "{" || Self.isDocComment(lines.last!) { continue }
                blank = true
            } else {
                // A closing brace never follows a blank line.
                if blank, trimmed.first(where: { $0 != " " }) == "}" { lines.removeLast() }
                blank = false
            }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A template that cannot be loaded or rendered.
public struct TemplateError: Error, Sendable {
    public var diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }
}
