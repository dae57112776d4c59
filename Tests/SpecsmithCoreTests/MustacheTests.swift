import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

/// The template engine against the cases of the mustache specification that Specsmith's templates rely
/// on: interpolation without escaping, name lookup through the context stack, sections, standalone
/// lines, indented partials, comments and delimiters; and its errors.
@Suite struct MustacheTests {
    func render(_ template: String, _ context: TemplateContext = [:], partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try MustacheTemplate(template, file: "main.mustache")]
        for (name, text) in partials {
            templates[name] = try MustacheTemplate(text, file: name + ".mustache")
        }
        return try MustacheLibrary(templates).render("main", context)
    }

    func parseError(_ template: String) -> Diagnostic? {
        do {
            _ = try MustacheTemplate(template, file: "t.mustache")
            return nil
        } catch {
            return error.diagnostic
        }
    }

    // MARK: Interpolation and names

    @Test func nothingIsEscaped() throws {
        #expect(try render(#"{{name}} {{{name}}} {{& name}}"#, [.name: #"<&">"#]) == #"<&"> <&"> <&">"#)
    }

    @Test func namesAndSigilsStandWithinAnyWhiteSpace() throws {
        // Tabs, line breaks, and white space beyond ASCII (no-break and ideographic spaces) around a name.
        #expect(
            try render(
                "{{\tname\n}}|{{\u{00A0}name\u{3000}}}|{{# \u{00A0}steps }}{{type}}{{/steps\t}}",
                [.name: "A", .steps: [.type: "B"]]
            ) == "A|A|B"
        )
        #expect(parseError("{{a b}}")?.message.contains("is not a name") == true)
    }

    @Test func flagsPrintAndMissingNamesAreEmpty() throws {
        // `missing` is no key that a context can hold; `member` is one that this one does not.
        #expect(
            try render("[{{last}}|{{deprecated}}|{{missing}}|{{member}}]", [.last: true, .deprecated: false])
                == "[true|false||]")
    }

    @Test func dottedNamesResolveTheirFirstKeyOnly() throws {
        #expect(try render("{{name.type.value}}", [.name: [.type: [.value: "yes"]]]) == "yes")
        // Broken chain: `value` is not looked for outside `name.type`.
        #expect(try render("{{name.type.value}}", [.name: [.type: [:]], .value: "ERROR"]) == "")
        #expect(try render("{{#name}}{{type.value}}{{/name}}", [.name: [.type: [:]], .type: [.value: "ERROR"]]) == "")
    }

    @Test func namesFallBackToOuterContexts() throws {
        #expect(
            try render("{{#operation}}{{name}}-{{title}}{{/operation}}", [.operation: [.name: "in"], .title: "out"])
                == "in-out"
        )
    }

    // MARK: Sections

    @Test func sectionsIterateListsAndEnterObjects() throws {
        #expect(try render("{{#cases}}({{.}}){{/cases}}", [.cases: ["a", "b"]]) == "(a)(b)")
        #expect(try render("{{#cases}}{{literal}},{{/cases}}", [.cases: [[.literal: "1"], [.literal: "2"]]]) == "1,2,")
        #expect(try render("{{#steps}}<{{.}}>{{/steps}}", [.steps: "text"]) == "<text>")
        #expect(
            try render(
                "{{#isOpen}}yes{{/isOpen}}{{#isTagged}}no{{/isTagged}}{{#bodies}}no{{/bodies}}{{#member}}no{{/member}}",
                [.isOpen: true, .isTagged: false, .bodies: []]
            ) == "yes"
        )
    }

    @Test func linesAndObjectsRenderAsListsOfTextAndOfObjects() throws {
        let context: TemplateContext = [
            .doc: .lines(["a", "b"]), .properties: .objects([[.literal: "1"], [.literal: "2"]]), .arguments: .lines([]),
            .branches: .objects([]),
        ]
        let template =
            "{{#doc}}({{.}}){{/doc}}{{#properties}}{{literal}},{{/properties}}"
            + "{{^arguments}}-{{/arguments}}{{^branches}}-{{/branches}}"
        #expect(try render(template, context) == "(a)(b)1,2,--")
    }

    /// Text and lines that a `TextWriter` wrote render as strings and lines do, however many chunks they take.
    @Test func writtenTextRendersAsStringsAndLinesDo() throws {
        var writer = TextWriter()
        var items: [TemplateContext] = []
        var expected = ""
        for index in 0..<1000 {
            let name = writer.text("item ", String(index))
            writer.beginLines()
            writer.appendLine("first line of ", String(index))
            writer.appendLine("")
            writer.appendLine(String(repeating: "x", count: index % 50), "!")
            items.append([.name: name, .doc: writer.endLines()])
            expected += "item \(index):(first line of \(index))()(\(String(repeating: "x", count: index % 50))!)\n"
        }
        writer.beginLines()
        let none = writer.endLines()
        let long = String(repeating: "y", count: 5000)
        let context: TemplateContext = [.types: .objects(items), .statements: none, .declaration: writer.text(long)]
        let template =
            "{{#types}}{{name}}:{{#doc}}({{.}}){{/doc}}\n{{/types}}"
            + "{{^statements}}none{{/statements}}{{#declaration}}{{.}}{{/declaration}}"
        #expect(try render(template, context) == expected + "none" + long)
        let error = #expect(throws: TemplateError.self) { try render("{{statements}}", context) }
        #expect(error?.diagnostic.message.hasPrefix("{{statements}} is a list") == true)
    }

    /// A template written for text that has since become lines would otherwise leave out what it wrote.
    @Test func aListInAVariableTagIsAnErrorThatSaysToUseASection() throws {
        let context: TemplateContext = [.doc: .lines(["a"]), .request: [.types: ["x"]]]
        for (template, name) in [
            ("{{doc}}", "doc"), ("{{#request}}{{types}}{{/request}}", "types"), ("{{request.types}}", "request.types"),
        ] {
            let error = #expect(throws: TemplateError.self) { try render(template, context) }
            #expect(
                error?.diagnostic.message
                    == "{{\(name)}} is a list, which a variable tag cannot write; write its items in a section: "
                    + "{{#\(name)}}...{{/\(name)}}")
        }
    }

    @Test func invertedSectionsRenderForFalseMissingAndEmpty() throws {
        let template =
            "{{^isTagged}}1{{/isTagged}}{{^bodies}}2{{/bodies}}{{^member}}3{{/member}}"
            + "{{^isOpen}}no{{/isOpen}}{{^nested}}no{{/nested}}"
        #expect(try render(template, [.isTagged: false, .bodies: [], .isOpen: true, .nested: ["x"]]) == "123")
    }

    // MARK: Standalone lines

    @Test func standaloneTagsTakeTheirLineAway() throws {
        let context: TemplateContext = [.hasProperties: true]
        #expect(
            try render("| This Is\n{{#hasProperties}}\n|\n{{/hasProperties}}\n| A Line\n", context)
                == "| This Is\n|\n| A Line\n"
        )
        #expect(
            try render("| This Is\n  {{#hasProperties}}\n|\n  {{/hasProperties}}\n| A Line\n", context)
                == "| This Is\n|\n| A Line\n"
        )
        #expect(try render("|\r\n{{#hasProperties}}\r\n{{/hasProperties}}\r\n|", context) == "|\r\n|")
        #expect(try render("  {{#hasProperties}}\n#{{/hasProperties}}\n/", context) == "#\n/")
        #expect(try render("#{{#hasProperties}}\n/\n  {{/hasProperties}}", context) == "#\n/\n")
        #expect(try render("Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n") == "Begin.\nEnd.\n")
    }

    @Test func tagsSharingALineAreNotStandalone() throws {
        #expect(try render(" {{#name}}{{/name}}\n", [.name: true]) == " \n")
        #expect(try render("  12 {{! 34 }}\n") == "  12 \n")
        #expect(try render(" {{#name}} x {{/name}}\n", [.name: true]) == "  x \n")
    }

    // MARK: Partials

    @Test func partialsRenderInTheCurrentContext() throws {
        #expect(
            try render(#""{{>text}}""#, [.spec: "1"], partials: ["text": "from partial {{spec}}"])
                == #""from partial 1""#
        )
    }

    @Test func aStandalonePartialIndentsEveryLineOfItsOwnText() throws {
        // Interpolated text is not re-indented: only the partial's own lines are.
        let output = try render(
            "\\\n {{>partial}}\n/\n",
            [.storage: "<\n->"],
            partials: ["partial": "|\n{{{storage}}}\n|\n"]
        )
        #expect(output == "\\\n |\n <\n->\n |\n/\n")
    }

    @Test func indentationAddsUpThroughNestedPartials() throws {
        let output = try render("a\n  {{> outer}}\nz\n", partials: ["outer": "b\n  {{> inner}}\n", "inner": "c\nd\n"])
        #expect(output == "a\n  b\n    c\n    d\nz\n")
    }

    @Test func anInlinePartialIsNotIndented() throws {
        #expect(try render("  {{path}}  {{> partial}}\n", [.path: "|"], partials: ["partial": ">\n>"]) == "  |  >\n>\n")
    }

    @Test func recursivePartialsFollowTheirData() throws {
        let tree: TemplateContext = [.name: "1", .children: [[.name: "2", .children: [[.name: "3", .children: []]]]]]
        #expect(
            try render("{{> node}}", tree, partials: ["node": "{{name}}({{#children}}{{> node}}{{/children}})"])
                == "1(2(3()))"
        )
    }

    @Test func aPartialThatIncludesItselfForeverIsAnError() throws {
        #expect(throws: TemplateError.self) { try render("{{> loop}}", partials: ["loop": "x{{> loop}}"]) }
    }

    // MARK: The compiled program

    @Test func sectionsCompileToJumpsOverTheirBodies() throws {
        let library = MustacheLibrary([
            "main": try MustacheTemplate("a{{#steps}}b{{text}}{{/steps}}c", file: "main.mustache")
        ])
        // The variable takes the text before it in the body; the text after the section is not the variable's.
        #expect(
            library.program == [
                .text(start: 0, end: 1), .section(name: 0, end: 3, inverted: false),
                .variable(name: 1, start: 1, middle: 2, end: 2), .text(start: 2, end: 3),
            ])
        #expect(library.names.map(\.first) == [0, 1])
        #expect(library.keys == ["steps", "text"])
    }

    @Test func aLineStartIsPartOfTheStepAfterIt() throws {
        let template = "a\n{{#steps}}\n  b\n{{/steps}}\n{{text}}\n"
        let library = MustacheLibrary(["main": try MustacheTemplate(template, file: "main.mustache")])
        // The line start at the end of the section's body has no step after it in the body: the section does it
        // after each run of its body.
        #expect(
            library.program == [
                .text(start: 0, end: 2), .section(name: 0, end: 3, inverted: false, startsLine: true, endsLine: true),
                .text(start: 2, end: 6, startsLine: true),
                .variable(name: 1, start: 6, middle: 6, end: 7, startsLine: true),
            ])
        #expect(try render("{{> p}}", [.steps: true, .text: "X"], partials: ["p": template]) == "a\n  b\nX\n")
        #expect(try render("  {{> p}}", [.steps: true, .text: "X"], partials: ["p": template]) == "  a\n    b\n  X\n")
    }

    @Test func aVariableWritesTheTextsAroundIt() throws {
        let template = "x{{name}}y{{type}}z\n{{#doc}}\n/// {{.}}\n{{/doc}}\n"
        let library = MustacheLibrary(["main": try MustacheTemplate(template, file: "main.mustache")])
        // A text between two variables is the first one's; the text before a line start is nobody's.
        #expect(
            library.program == [
                .variable(name: 0, start: 0, middle: 1, end: 2), .variable(name: 1, start: 2, middle: 2, end: 4),
                .section(name: 2, end: 4, inverted: false, startsLine: true, endsLine: true),
                .variable(name: 3, start: 4, middle: 8, end: 9, startsLine: true),
            ])
        let context: TemplateContext = [.name: "N", .type: true, .doc: .lines(["a", "b"])]
        #expect(try render(template, context) == "xNytruez\n/// a\n/// b\n")
        // A missing value writes nothing between its texts; a list stops the rendering with its error.
        #expect(try render(template, [:]) == "xyz\n")
        #expect(throws: TemplateError.self) { try render(template, [.name: .lines(["a"])]) }
        // An indented partial indents the line before the variable's text, whatever the variable writes.
        #expect(try render("  {{> p}}", context, partials: ["p": template]) == "  xNytruez\n  /// a\n  /// b\n")
        #expect(try render("  {{> p}}", [.doc: .lines([""])], partials: ["p": "{{#doc}}\n{{.}}\n{{/doc}}\n"]) == "  \n")
    }

    @Test func textsLongerThanAWordAndAtTheEndOfTheBufferAreWrittenWhole() throws {
        // Texts of the templates up to 16 bytes are copied as two words: those longer, and those that reach the end of
        // the output's first buffer, are copied as they are.
        let text = String(repeating: "0123456789", count: 3)
        for length in [1, 7, 8, 15, 16, 17, 30] {
            let piece = String(text.prefix(length))
            let template = "{{#doc}}" + piece + "{{.}}{{/doc}}"
            let lines = (0..<1000).map { String($0 % 10) }
            #expect(try render(template, [.doc: .lines(lines)]) == lines.map { piece + $0 }.joined())
        }
    }

    @Test func namesAreFoundWhereverTheirItemHoldsThem() throws {
        // A name is looked for first where the item before held it: items holding their keys in another order,
        // or not at all, find them all the same.
        var all = TemplateContext(capacity: TemplateKey.allCases.count)
        for key in TemplateKey.allCases { all.add(key, .string(key.rawValue)) }
        let items = TemplateValue.objects([all, [.type: "T", .name: "N"], [:], all])
        #expect(
            try render("{{#types}}{{name}}{{type}}{{writesInit}},{{/types}}", [.types: items])
                == "nametypewritesInit,NT,,nametypewritesInit,")
    }

    @Test func contextsBuiltEntryByEntryKeepTheirValues() throws {
        // A context built with less room than it gets grows; one added to after it was copied leaves the copy as it
        // was; setting a key replaces its value, or adds it.
        var built = TemplateContext(capacity: 1)
        built.add(.name, "N")
        let copy = built
        built.add(.type, "T")
        built.add(.doc, .lines(["a", "b"]))
        var changed = built
        changed[.name] = "M"
        changed[.title] = "X"
        let template = "{{name}}{{type}}{{title}}{{#doc}}{{.}}{{/doc}}"
        #expect(try render(template, built) == "NTab")
        #expect(try render(template, copy) == "N")
        #expect(try render(template, changed) == "MTXab")
    }

    @Test func partialsCompileToTheNumberOfTheirTemplate() throws {
        let library = MustacheLibrary([
            "main": try MustacheTemplate("{{> b}}{{> missing}}", file: "main.mustache"), "b": try MustacheTemplate("B", file: "b.mustache"),
        ])
        // Templates are numbered in name order: `b` is 0, and its text comes first; a missing partial compiles to nothing.
        #expect(
            library.program == [.text(start: 0, end: 1), .partial(template: 0, indentStart: 1, indentEnd: 1, standalone: false)])
        #expect(try library.render("main", [:]) == "B")
    }

    @Test func nestedSectionsSeeEveryOuterContext() throws {
        let context: TemplateContext = [
            .title: "T",
            .structs: .objects([[.name: "g1", .types: .lines(["a", "b"])], [.name: "g2", .types: .lines([])]]),
        ]
        let template =
            "{{#structs}}{{title}}/{{name}}:{{#types}}[{{.}}{{name}}]{{/types}}{{^types}}none{{/types}};{{/structs}}"
        #expect(try render(template, context) == "T/g1:[ag1][bg1];T/g2:none;")
    }

    @Test func dottedNamesWorkInSectionsAndAsSections() throws {
        let context: TemplateContext = [.name: [.type: [.isIndirect: true, .cases: ["x", "y"]], .value: "C"]]
        let template =
            "{{#name.type.cases}}{{.}}{{name.value}}{{/name.type.cases}}"
            + "{{#name.type.isIndirect}}!{{/name.type.isIndirect}}{{^name.type.missing}}?{{/name.type.missing}}"
        #expect(try render(template, context) == "xCyC!?")
    }

    @Test func theCurrentValueOfAnObjectOrAFlagIsNotWritten() throws {
        #expect(
            try render(
                "{{#request}}({{.}}){{/request}}{{#isOpen}}({{.}}){{/isOpen}}{{#request}}{{#.}}in{{/.}}{{/request}}",
                [.request: [.value: "v"], .isOpen: true]
            ) == "()(true)in"
        )
    }

    @Test func outputLongerThanTheFirstBufferIsWrittenWhole() throws {
        let lines = (0..<2000).map { "line \($0)" }
        let output = try render(
            "  {{> item}}\n",
            [.doc: .lines(lines)],
            partials: ["item": "{{#doc}}\n{{.}}\n{{/doc}}"]
        )
        #expect(output == lines.map { "  \($0)\n" }.joined())
    }

    // MARK: Delimiters

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}(<%text%>)", [.text: "Hey!"]) == "(Hey!)")
        let template =
            "[\n{{#selectable}}\n  {{path}}\n  |data|\n{{/selectable}}\n\n"
            + "{{= | | =}}\n|#selectable|\n  {{path}}\n  |path|\n|/selectable|\n]\n"
        let context: TemplateContext = [.selectable: true, .path: "I got interpolated."]
        #expect(
            try render(template, context)
                == "[\n  I got interpolated.\n  |data|\n\n  {{path}}\n  I got interpolated.\n]\n"
        )
    }

    // MARK: Errors

    @Test func errorsNameWhereTheProblemIs() {
        let unclosedTag = parseError("ok\n  {{name\n")
        #expect(unclosedTag?.message == "tag is not closed with }}")
        #expect(unclosedTag?.location == SourceLocation(file: "t.mustache", line: 2, column: 3))

        let mismatched = parseError("{{#a}}\n{{/b}}\n")
        #expect(mismatched?.message == "{{/b}} does not close {{#a}}")
        #expect(mismatched?.location == SourceLocation(file: "t.mustache", line: 2, column: 1))

        #expect(parseError("{{/a}}")?.message == "{{/a}} closes no section")
        #expect(parseError("{{^a}}")?.message == "{{^a}} is never closed")
        #expect(parseError("{{<parent}}{{/parent}}")?.message == "template inheritance ({{<parent}}, {{$block}}) is not supported")
        #expect(parseError("{{upper(name)}}")?.message == "\"upper(name)\" is not a name (transforms and lambdas are not supported)")
        #expect(parseError("{{=<%>=}}")?.message == "set-delimiter tag needs two delimiters without '=', as in {{=<% %>=}}")
        #expect(parseError("{{}}")?.message == "tag has no name")
    }
}
