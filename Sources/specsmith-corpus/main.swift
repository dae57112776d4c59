// specsmith-corpus DIR [--work DIR] [--keep]
//
// Tries the generator on real work: for every OpenAPI document in DIR it generates Swift into one
// temporary package (a target per document, all depending on this repository's SpecsmithRuntime, so the
// runtime is built once), builds each target, and prints one row per document. Exits 1 if any OpenAPI
// 3.x document fails to generate or to build. Swagger 2.0 documents are expected to be refused.
import Foundation
import SpecsmithCore
import SpecsmithDiagnostics

struct Row {
    var document: String
    var version = "?"
    var generation = ""
    var warnings = 0
    var lines = 0
    var files = 0
    var build = ""
    var seconds = 0.0
    var failed = false
}

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: specsmith-corpus DIR [--work DIR] [--keep]\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let folder = arguments.first, !folder.hasPrefix("-") else { usage() }
arguments.removeFirst()
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
    default: usage()
    }
}

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let documents = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
    .sorted()
guard !documents.isEmpty else {
    FileHandle.standardError.write(Data("specsmith-corpus: no .yaml, .yml or .json files in \(folder)\n".utf8))
    exit(1)
}

/// A module name from a file name: `tradovate-2021.yaml` -> `Tradovate2021`.
func moduleName(_ file: String) -> String {
    let base = (file as NSString).deletingPathExtension
    let words = base.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    let name = words.joined()
    return (name.first?.isNumber ?? true) ? "Doc" + name : name
}

let pipeline = Pipeline(templates: try TemplateSet.defaults())
try? FileManager.default.removeItem(atPath: work + "/Sources")
try FileManager.default.createDirectory(atPath: work + "/Sources", withIntermediateDirectories: true)

var rows: [Row] = []
var targets: [(row: Int, module: String)] = []
for document in documents {
    var row = Row(document: document)
    let path = folder + "/" + document
    let head = (try? String(contentsOfFile: path, encoding: .utf8).prefix(4096)) ?? ""
    if head.contains("swagger:") || head.contains("\"swagger\"") { row.version = "2.0" }
    let module = moduleName(document)
    let output = work + "/Sources/" + module
    let result = pipeline.generate(GenerationJob(spec: path, output: output, module: module))
    let errors = result.diagnostics.filter(\.isError)
    row.warnings = result.diagnostics.count - errors.count
    if let files = result.files {
        if row.version == "?" { row.version = "3.x" }
        row.generation = "ok"
        row.files = files.count
        row.lines = files.reduce(0) { $0 + $1.contents.split(separator: "\n", omittingEmptySubsequences: false).count - 1 }
        let writer = OutputWriter()
        try writer.apply(writer.plan(files, in: output))
        targets.append((rows.count, module))
    } else if row.version == "2.0" {
        row.generation = errors.count == 1 ? "refused: \(errors[0].message.prefix(60))" : "\(errors.count) errors"
        row.failed = errors.count != 1
    } else {
        row.version = "3.x"
        row.generation = "\(errors.count) errors: \(errors.first?.description.prefix(80) ?? "")"
        row.failed = true
    }
    rows.append(row)
}

let manifest = """
    // swift-tools-version: 6.1
    // Written by specsmith-corpus: one target per generated document.
    import PackageDescription

    let package = Package(
        name: "SpecsmithCorpus",
        platforms: [.macOS(.v13)],
        dependencies: [.package(path: \(String(reflecting: repository)))],
        targets: [
    \(targets.map { "        .target(name: \"\($0.module)\", dependencies: [.product(name: \"SpecsmithRuntime\", package: \"main\")])," }.joined(separator: "\n"))
        ],
        swiftLanguageModes: [.v6]
    )

    """
    .replacingOccurrences(of: "package: \"main\"", with: "package: \"\((repository as NSString).lastPathComponent)\"")
try manifest.write(toFile: work + "/Package.swift", atomically: true, encoding: .utf8)

/// Runs `swift build` for one target; returns the exit status and combined output.
func build(_ target: String?, in work: String) throws -> (status: Int32, output: String, seconds: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "build", "--package-path", work] + (target.map { ["--target", $0] } ?? [])
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let start = Date()
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self), Date().timeIntervalSince(start))
}

// The runtime first, so that each document's time is its own.
FileHandle.standardError.write(Data("building SpecsmithRuntime in \(work)...\n".utf8))
let runtime = try build("SpecsmithRuntime", in: work)
if runtime.status != 0 {
    FileHandle.standardError.write(Data(runtime.output.utf8))
    exit(1)
}
for (index, module) in targets {
    FileHandle.standardError.write(Data("building \(module)...\n".utf8))
    let result = try build(module, in: work)
    rows[index].seconds = result.seconds
    if result.status == 0 {
        rows[index].build = "ok"
    } else {
        // A compiler error with its place, rather than the driver's summary line.
        let lines = result.output.split(separator: "\n")
        let first =
            lines.first { $0.contains(".swift:") && $0.contains(": error:") } ?? lines.first { $0.contains("error:") }
            ?? "failed"
        rows[index].build = String(first.replacingOccurrences(of: work + "/", with: "").prefix(100))
        rows[index].failed = true
    }
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
print("| document | version | generation | warnings | lines | files | build | build s |")
print("|---|---|---|---:|---:|---:|---|---:|")
for row in rows {
    let seconds = row.build.isEmpty ? "" : String(format: "%.1f", row.seconds)
    print("| \(row.document) | \(row.version) | \(row.generation) | \(row.warnings) | \(row.lines) | \(row.files) | \(row.build) | \(seconds) |")
}
let failures = rows.filter(\.failed)
print("\(rows.count - failures.count) passed, \(failures.count) failed")
if !keep { try? FileManager.default.removeItem(atPath: work + "/Sources") }
exit(failures.isEmpty ? 0 : 1)
