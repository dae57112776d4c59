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
        #expect(try render(#"{{a}} {{{a}}} {{& a}}"#, ["a": #"<&">"#]) == #"<&"> <&"> <&">"#)
    }

    @Test func namesAndSigilsStandWithinAnyWhiteSpace() throws {
        // Tabs, line breaks, and white space beyond ASCII (no-break and ideographic spaces) around a name.
        #expect(try render("{{\ta\n}}|{{\u{00A0}a\u{3000}}}|{{# \u{00A0}s }}{{b}}{{/s\t}}", ["a": "A", "s": ["b": "B"]]) == "A|A|B")
        #expect(parseError("{{a b}}")?.message.contains("is not a name") == true)
    }

    @Test func flagsPrintAndMissingNamesAreEmpty() throws {
        #expect(try render("[{{yes}}|{{no}}|{{missing}}]", ["yes": true, "no": false]) == "[true|false|]")
    }

    @Test func dottedNamesResolveTheirFirstKeyOnly() throws {
        #expect(try render("{{a.b.c}}", ["a": ["b": ["c": "yes"]]]) == "yes")
        // Broken chain: `c` is not looked for outside `a.b`.
        #expect(try render("{{a.b.c}}", ["a": ["b": [:]], "c": "ERROR"]) == "")
        #expect(try render("{{#a}}{{b.c}}{{/a}}", ["a": ["b": [:]], "b": ["c": "ERROR"]]) == "")
    }

    @Test func namesFallBackToOuterContexts() throws {
        #expect(try render("{{#item}}{{name}}-{{outer}}{{/item}}", ["item": ["name": "in"], "outer": "out"]) == "in-out")
    }

    // MARK: Sections

    @Test func sectionsIterateListsAndEnterObjects() throws {
        #expect(try render("{{#list}}({{.}}){{/list}}", ["list": ["a", "b"]]) == "(a)(b)")
        #expect(try render("{{#list}}{{n}},{{/list}}", ["list": [["n": "1"], ["n": "2"]]]) == "1,2,")
        #expect(try render("{{#s}}<{{.}}>{{/s}}", ["s": "text"]) == "<text>")
        #expect(try render("{{#t}}yes{{/t}}{{#f}}no{{/f}}{{#e}}no{{/e}}{{#m}}no{{/m}}", ["t": true, "f": false, "e": []]) == "yes")
    }

    @Test func linesAndObjectsRenderAsListsOfTextAndOfObjects() throws {
        let context: TemplateContext = [
            "lines": .lines(["a", "b"]), "objects": .objects([["n": "1"], ["n": "2"]]), "noLines": .lines([]),
            "noObjects": .objects([]),
        ]
        let template = "{{#lines}}({{.}}){{/lines}}{{#objects}}{{n}},{{/objects}}{{^noLines}}-{{/noLines}}{{^noObjects}}-{{/noObjects}}"
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
            items.append(["name": name, "lines": writer.endLines()])
            expected += "item \(index):(first line of \(index))()(\(String(repeating: "x", count: index % 50))!)\n"
        }
        writer.beginLines()
        let none = writer.endLines()
        let long = String(repeating: "y", count: 5000)
        let context: TemplateContext = ["items": .objects(items), "none": none, "long": writer.text(long)]
        let template =
            "{{#items}}{{name}}:{{#lines}}({{.}}){{/lines}}\n{{/items}}{{^none}}none{{/none}}{{#long}}{{.}}{{/long}}"
        #expect(try render(template, context) == expected + "none" + long)
        let error = #expect(throws: TemplateError.self) { try render("{{none}}", context) }
        #expect(error?.diagnostic.message.hasPrefix("{{none}} is a list") == true)
    }

    /// A template written for text that has since become lines would otherwise leave out what it wrote.
    @Test func aListInAVariableTagIsAnErrorThatSaysToUseASection() throws {
        let context: TemplateContext = ["lines": .lines(["a"]), "o": ["items": ["x"]]]
        for (template, name) in [("{{lines}}", "lines"), ("{{#o}}{{items}}{{/o}}", "items"), ("{{o.items}}", "o.items")] {
            let error = #expect(throws: TemplateError.self) { try render(template, context) }
            #expect(
                error?.diagnostic.message
                    == "{{\(name)}} is a list, which a variable tag cannot write; write its items in a section: "
                    + "{{#\(name)}}...{{/\(name)}}")
        }
    }

    @Test func invertedSectionsRenderForFalseMissingAndEmpty() throws {
        let template = "{{^f}}1{{/f}}{{^e}}2{{/e}}{{^m}}3{{/m}}{{^t}}no{{/t}}{{^l}}no{{/l}}"
        #expect(try render(template, ["f": false, "e": [], "t": true, "l": ["x"]]) == "123")
    }

    // MARK: Standalone lines

    @Test func standaloneTagsTakeTheirLineAway() throws {
        let context: TemplateContext = ["boolean": true]
        #expect(try render("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", context) == "| This Is\n|\n| A Line\n")
        #expect(try render("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", context) == "| This Is\n|\n| A Line\n")
        #expect(try render("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", context) == "|\r\n|")
        #expect(try render("  {{#boolean}}\n#{{/boolean}}\n/", context) == "#\n/")
        #expect(try render("#{{#boolean}}\n/\n  {{/boolean}}", context) == "#\n/\n")
        #expect(try render("Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n") == "Begin.\nEnd.\n")
    }

    @Test func tagsSharingALineAreNotStandalone() throws {
        #expect(try render(" {{#a}}{{/a}}\n", ["a": true]) == " \n")
        #expect(try render("  12 {{! 34 }}\n") == "  12 \n")
        #expect(try render(" {{#a}} x {{/a}}\n", ["a": true]) == "  x \n")
    }

    // MARK: Partials

    @Test func partialsRenderInTheCurrentContext() throws {
        #expect(try render(#""{{>text}}""#, ["v": "1"], partials: ["text": "from partial {{v}}"]) == #""from partial 1""#)
    }

    @Test func aStandalonePartialIndentsEveryLineOfItsOwnText() throws {
        // Interpolated text is not re-indented: only the partial's own lines are.
        let output = try render("\\\n {{>partial}}\n/\n", ["content": "<\n->"], partials: ["partial": "|\n{{{content}}}\n|\n"])
        #expect(output == "\\\n |\n <\n->\n |\n/\n")
    }

    @Test func indentationAddsUpThroughNestedPartials() throws {
        let output = try render("a\n  {{> outer}}\nz\n", partials: ["outer": "b\n  {{> inner}}\n", "inner": "c\nd\n"])
        #expect(output == "a\n  b\n    c\n    d\nz\n")
    }

    @Test func anInlinePartialIsNotIndented() throws {
        #expect(try render("  {{data}}  {{> partial}}\n", ["data": "|"], partials: ["partial": ">\n>"]) == "  |  >\n>\n")
    }

    @Test func recursivePartialsFollowTheirData() throws {
        let tree: TemplateContext = ["name": "1", "kids": [["name": "2", "kids": [["name": "3", "kids": []]]]]]
        #expect(try render("{{> node}}", tree, partials: ["node": "{{name}}({{#kids}}{{> node}}{{/kids}})"]) == "1(2(3()))")
    }

    @Test func aPartialThatIncludesItselfForeverIsAnError() throws {
        #expect(throws: TemplateError.self) { try render("{{> loop}}", partials: ["loop": "x{{> loop}}"]) }
    }

    // MARK: The compiled program

    @Test func sectionsCompileToJumpsOverTheirBodies() throws {
        let library = MustacheLibrary(["main": try MustacheTemplate("a{{#s}}b{{x}}{{/s}}c", file: "main.mustache")])
        #expect(
            library.program == [
                .text(start: 0, end: 1), .section(name: 0, end: 4, inverted: false), .text(start: 1, end: 2), .variable(name: 1),
                .text(start: 2, end: 3),
            ])
        #expect(library.names.map(\.first) == [0, 1])
        #expect(library.keys == ["s", "x"])
    }

    @Test func aLineStartIsPartOfTheStepAfterIt() throws {
        let template = "a\n{{#s}}\n  b\n{{/s}}\n{{x}}\n"
        let library = MustacheLibrary(["main": try MustacheTemplate(template, file: "main.mustache")])
        // The line start at the end of the section's body has no step after it in the body: it stays a step.
        #expect(
            library.program == [
                .text(start: 0, end: 2), .section(name: 0, end: 4, inverted: false, startsLine: true),
                .text(start: 2, end: 6, startsLine: true), .lineStart, .variable(name: 1, startsLine: true),
                .text(start: 6, end: 7),
            ])
        #expect(try render("{{> p}}", ["s": true, "x": "X"], partials: ["p": template]) == "a\n  b\nX\n")
        #expect(try render("  {{> p}}", ["s": true, "x": "X"], partials: ["p": template]) == "  a\n    b\n  X\n")
    }

    @Test func namesAreFoundPastTheEntriesAHintCanHold() throws {
        // A name's hint is a byte: a key past a context's 256th entry is found all the same, and the hint
        // of another name still finds that one.
        var context = TemplateContext(capacity: 300)
        for index in 0..<300 { context.add("k\(index)", .string("v\(index)")) }
        #expect(try render("{{k299}}{{k5}}{{k299}}{{k255}}{{k256}}{{k5}}", context) == "v299v5v299v255v256v5")
        let items = TemplateValue.objects([context, ["k299": "other"], context])
        #expect(try render("{{#items}}{{k299}},{{/items}}", ["items": items]) == "v299,other,v299,")
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
            "title": "T", "groups": .objects([["name": "g1", "items": .lines(["a", "b"])], ["name": "g2", "items": .lines([])]]),
        ]
        let template = "{{#groups}}{{title}}/{{name}}:{{#items}}[{{.}}{{name}}]{{/items}}{{^items}}none{{/items}};{{/groups}}"
        #expect(try render(template, context) == "T/g1:[ag1][bg1];T/g2:none;")
    }

    @Test func dottedNamesWorkInSectionsAndAsSections() throws {
        let context: TemplateContext = ["a": ["b": ["flag": true, "list": ["x", "y"]], "c": "C"]]
        #expect(try render("{{#a.b.list}}{{.}}{{a.c}}{{/a.b.list}}{{#a.b.flag}}!{{/a.b.flag}}{{^a.b.missing}}?{{/a.b.missing}}", context) == "xCyC!?")
    }

    @Test func theCurrentValueOfAnObjectOrAFlagIsNotWritten() throws {
        #expect(try render("{{#o}}({{.}}){{/o}}{{#t}}({{.}}){{/t}}{{#o}}{{#.}}in{{/.}}{{/o}}", ["o": ["k": "v"], "t": true]) == "()(true)in")
    }

    @Test func outputLongerThanTheFirstBufferIsWrittenWhole() throws {
        let lines = (0..<2000).map { "line \($0)" }
        let output = try render("  {{> item}}\n", ["lines": .lines(lines)], partials: ["item": "{{#lines}}\n{{.}}\n{{/lines}}"])
        #expect(output == lines.map { "  \($0)\n" }.joined())
    }

    // MARK: Delimiters

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}(<%text%>)", ["text": "Hey!"]) == "(Hey!)")
        let template = "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n"
        let context: TemplateContext = ["section": true, "data": "I got interpolated."]
        #expect(try render(template, context) == "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n")
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
