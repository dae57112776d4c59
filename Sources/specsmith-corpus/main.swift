// specsmith-corpus PATH... [--work DIR] [--keep]
//
// Tries the generator on real work: for every OpenAPI document it is given (a folder stands for the
// documents in it) it generates Swift into one temporary package (a target per document, all depending
// on this repository's SpecsmithRuntime, so the runtime is built once), builds each target, and prints
// one row per document. Exits 1 if any OpenAPI 3.x document fails to generate, to pass `swift format lint
// --strict` with this repository's `.swift-format`, or to build. Swagger 2.0 documents are expected to be
// refused.
import Foundation
import GeneratedPackage
import SpecsmithCore
import SpecsmithDiagnostics

struct Row {
    var document: String
    var version = "?"
    var generation = ""
    var warnings = 0
    var lines = 0
    var files = 0
    var lint = ""
    var build = ""
    var seconds = 0.0
    var failed = false
}

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: specsmith-corpus PATH... [--work DIR] [--keep]\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var inputs: [String] = []
var work = FileManager.default.temporaryDirectory.appendingPathComponent("specsmith-corpus").path
var keep = false
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--work":
        guard let value = arguments.first else { usage() }
        work = value
        arguments.removeFirst()
    case "--keep": keep = true
    case _ where argument.hasPrefix("-"): usage()
    default: inputs.append(argument)
    }
}
guard !inputs.isEmpty else { usage() }

/// The documents to try, each with the name its row and module take: a folder's documents by file name
/// in name order; a file given by itself as `folder/file`, so that the golden fixtures' `spec.yaml`s differ.
var documents: [(label: String, path: String)] = []
for input in inputs {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
        FileHandle.standardError.write(Data("specsmith-corpus: no such file or folder: \(input)\n".utf8))
        exit(1)
    }
    if isFolder.boolValue {
        documents += ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted()
            .map { ($0, input + "/" + $0) }
    } else {
        let url = URL(fileURLWithPath: input)
        documents.append((url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent, input))
    }
}
guard !documents.isEmpty else {
    let listed = inputs.joined(separator: ", ")
    FileHandle.standardError.write(Data("specsmith-corpus: no .yaml, .yml or .json files in \(listed)\n".utf8))
    exit(1)
}

let pipeline = Pipeline(templates: try TemplateSet.defaults())
let package = GeneratedPackage(folder: work)
try package.resetSources()

var rows: [Row] = []
var targets: [(row: Int, module: String)] = []
for (document, path) in documents {
    var row = Row(document: document)
    let head = (try? String(contentsOfFile: path, encoding: .utf8).prefix(4096)) ?? ""
    if head.contains("swagger:") || head.contains("\"swagger\"") { row.version = "2.0" }
    let module = GeneratedPackage.moduleName(document.replacingOccurrences(of: "/", with: "-"))
    let generation = try package.generate(spec: path, module: module, pipeline: pipeline)
    let errors = generation.diagnostics.filter(\.isError)
    row.warnings = generation.diagnostics.count - errors.count
    if let files = generation.files {
        if row.version == "?" { row.version = "3.x" }
        row.generation = "ok"
        row.files = files.count
        row.lines = generation.lines
        targets.append((rows.count, module))
    } else if row.version == "2.0" {
        row.generation = errors.count == 1 ? "refused: \(errors[0].message)" : "\(errors.count) errors"
        row.failed = errors.count != 1
    } else {
        row.version = "3.x"
        row.generation = "\(errors.count) errors: \(errors.first?.description.prefix(80) ?? "")"
        row.failed = true
    }
    rows.append(row)
}
try package.writeManifest(modules: targets.map(\.module))

// Formatted as a person would write it: the first finding, if any.
for (index, module) in targets {
    let sources = work + "/Sources/" + module
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []).filter { $0.hasSuffix(".swift") }
    let lint = try MeasuredRun.run(
        ["swift", "format", "lint", "--strict", "--configuration", package.repository + "/.swift-format"]
            + files.sorted().map { sources + "/" + $0 })
    let finding = lint.output.split(separator: "\n").first.map(String.init)
    rows[index].lint = lint.status == 0 && finding == nil ? "ok" : finding ?? "exit \(lint.status)"
    rows[index].failed = rows[index].failed || rows[index].lint != "ok"
}

// The runtime first, so that each document's time is its own.
FileHandle.standardError.write(Data("building SpecsmithRuntime in \(work)...\n".utf8))
let runtime = try package.build("SpecsmithRuntime")
if runtime.status != 0 {
    FileHandle.standardError.write(Data(runtime.output.utf8))
    exit(1)
}
for (index, module) in targets {
    FileHandle.standardError.write(Data("building \(module)...\n".utf8))
    let result = try package.build(module)
    rows[index].seconds = result.wallSeconds
    if result.status == 0 {
        rows[index].build = "ok"
    } else {
        // A compiler error with its place, rather than the driver's summary line.
        rows[index].build = package.firstError(in: result.output)
        rows[index].failed = true
    }
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
print("| document | version | generation | warnings | lines | files | lint | build | build s |")
print("|---|---|---|---:|---:|---:|---|---|---:|")
for row in rows {
    let seconds = row.build.isEmpty ? "" : String(format: "%.1f", row.seconds)
    print(
        "| \(row.document) | \(row.version) | \(row.generation) | \(row.warnings) | \(row.lines) | \(row.files) | \(row.lint) | \(row.build) | \(seconds) |"
    )
}
let failures = rows.filter(\.failed)
print("\(rows.count - failures.count) passed, \(failures.count) failed")
if !keep { package.removeSources() }
exit(failures.isEmpty ? 0 : 1)
