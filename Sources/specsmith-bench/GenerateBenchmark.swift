import Foundation
import SpecsmithCore
import SpecsmithDiagnostics
import SpecsmithYAML

/// `specsmith-bench generate [--iterations N] FILE...`: for each document, the median CPU time of each
/// stage (read, YAML tree, document with references, generation model, rendering, writing into an empty
/// temporary folder, and reporting: the warnings rendered with their source lines, as `specsmith
/// generate` prints them, and freeing what the stages made) and of libyaml's bare event loop over the same
/// bytes, measured in one run; total throughput in MB/s, the ratio total ÷ bare loop, and the process's peak
/// memory; then the clock time of a whole generation as `specsmith generate` runs it (which leaves the
/// freeing to the system, at exit) and its ratio to the bare loop. A second line gives each stage's clock
/// time, since the YAML tree and rendering use every core. `--max-input-bytes` and `--max-nodes` raise
/// those load limits for documents larger than real ones.
func runGenerateBenchmark(_ arguments: [String]) -> Int32 {
    guard
        let parsed = FileArguments(
            arguments, command: "generate", options: [["--iterations", "-n"], ["--max-input-bytes"], ["--max-nodes"]],
            usage: "specsmith-bench generate [--iterations N] [--max-input-bytes N] [--max-nodes N] FILE...")
    else { return 2 }
    let iterations = parsed.numbers["--iterations"] ?? 7
    let files = parsed.files
    // The defaults, unless raised for large synthetic documents (`specsmith-bench replicate`).
    var limits = LoadLimits()
    if let bytes = parsed.numbers["--max-input-bytes"] { limits.maxInputBytes = bytes }
    if let nodes = parsed.numbers["--max-nodes"] { limits.maxNodes = nodes }
    let pipeline: Pipeline
    do {
        pipeline = Pipeline(templates: try TemplateSet.defaults(), loader: DocumentLoader(limits: limits))
    } catch {
        printError("specsmith-bench: \(error.diagnostic)")
        return 1
    }
    let stages = ["read", "yaml", "document", "model", "render", "write", "report", "free"]
    let columns = stages + ["total", "bare", "ratio", "MB/s", "peak MB", "wall", "wall MB/s", "wall x"]
    print("file".padding(to: 34) + "KB".leftPadding(to: 7) + columns.map { $0.leftPadding(to: 10) }.joined())
    print(
        "(median of \(iterations) runs: CPU milliseconds of the process per stage; ratio = total / bare libyaml event loop;"
            + " wall = clock milliseconds of one whole generation, read to write, as specsmith generate runs it"
            + " (freeing left to its exit); wall x = wall / bare;"
            + " the line under each document gives each stage's clock milliseconds)")
    var status: Int32 = 0
    for path in files {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let first = readFile(path) else {
            printError("\(path): cannot read the file")
            status = 1
            continue
        }
        let job = GenerationJob(spec: path, output: "", module: "Bench")
        var samples: [String: [Double]] = [:]
        var wallSamples: [String: [Double]] = [:]
        var failed = false
        for iteration in 0...iterations {
            var stage: [String: Double] = [:]
            var stageWall: [String: Double] = [:]
            func measure(_ name: String, _ body: () -> Void) {
                let (cpu, wall) = cpuAndWallSeconds(body)
                stage[name] = cpu
                stageWall[name] = wall
            }
            // First, while nothing of the staged run below is alive to add to the peak.
            let wallFolder = FileManager.default.temporaryDirectory.appendingPathComponent("specsmith-bench-\(UUID().uuidString)").path
            // As `specsmith generate` runs a job, which keeps the result until it exits and so never frees
            // what the result holds (the YAML trees, document and model): here that is freed after the clock.
            var kept: [Pipeline.Result] = []
            stage["wall"] = wallSeconds {
                let result = pipeline.generate(job)
                guard let files = result.files else { return }
                let writer = OutputWriter()
                let plan = writer.plan(files, in: wallFolder)
                // As `specsmith generate` does: the files written while the warnings' text is made, if any.
                let made = DispatchGroup()
                if !result.diagnostics.isEmpty {
                    DispatchQueue.global().async(group: made) {
                        _ = report(result.diagnostics, sources: result.sources)
                    }
                }
                try? writer.apply(plan)
                made.wait()
                kept.append(result)
            }
            kept.removeAll()
            try? FileManager.default.removeItem(atPath: wallFolder)
            var bytes: [UInt8] = []
            measure("read") { bytes = readFile(path) ?? [] }
            measure("yaml") { _ = try? YAMLLoader.load(bytes, file: path, limits: limits.yaml) }
            var loaded: LoadResult?
            // The loader parses the YAML again: its own share is its time less the tree's.
            measure("document") { loaded = pipeline.loader.load(bytes: bytes, file: path) }
            stage["document"] = max(0, stage["document"]! - stage["yaml"]!)
            stageWall["document"] = max(0, stageWall["document"]! - stageWall["yaml"]!)
            guard let document = loaded?.document, loaded?.hasErrors == false else {
                printError("\(name): the document has errors; run specsmith lint")
                failed = true
                break
            }
            var translated: TranslatedDocument?
            measure("model") { translated = pipeline.translate(document, job: job) }
            var generated: [GeneratedFile] = []
            measure("render") { generated = (try? pipeline.render(translated!)) ?? [] }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("specsmith-bench-\(UUID().uuidString)").path
            measure("write") {
                let writer = OutputWriter()
                try? writer.apply(writer.plan(generated, in: folder))
            }
            try? FileManager.default.removeItem(atPath: folder)
            measure("report") { _ = report(loaded!.diagnostics + translated!.diagnostics, sources: loaded!.sources) }
            // What generation made along the way: the load's YAML trees and caches, the document, the model.
            measure("free") {
                loaded = nil
                translated = nil
                generated = []
            }
            stage["bare"] = cpuSeconds { _ = YAMLLoader.countEvents(bytes) }
            stage["total"] = stages.reduce(0) { $0 + stage[$1]! }
            stageWall["total"] = stages.reduce(0) { $0 + stageWall[$1]! }
            guard iteration > 0 else { continue }  // the first run warms up
            for (key, value) in stage { samples[key, default: []].append(value) }
            for (key, value) in stageWall { wallSamples[key, default: []].append(value) }
        }
        if failed {
            status = 1
            continue
        }
        let medians = samples.mapValues(median)
        let total = medians["total"]!
        let megabytes = Double(first.count) / 1_000_000
        var row = name.padding(to: 34) + "\(first.count / 1024)".leftPadding(to: 7)
        for key in stages + ["total", "bare"] {
            row += fixed(medians[key]! * 1000, 1).leftPadding(to: 10)
        }
        row += (fixed(total / medians["bare"]!, 2) + "x").leftPadding(to: 10)
        row += fixed(megabytes / total, 1).leftPadding(to: 10)
        row += fixed(peakMemoryMB(), 0).leftPadding(to: 10)
        row += fixed(medians["wall"]! * 1000, 1).leftPadding(to: 10)
        row += fixed(megabytes / medians["wall"]!, 1).leftPadding(to: 10)
        row += (fixed(medians["wall"]! / medians["bare"]!, 2) + "x").leftPadding(to: 10)
        print(row)
        let walls = wallSamples.mapValues(median)
        var wallRow = "  clock ms per stage".padding(to: 41)
        for key in stages + ["total"] {
            wallRow += fixed(walls[key]! * 1000, 1).leftPadding(to: 10)
        }
        print(wallRow)
    }
    return status
}

/// The diagnostics as `specsmith generate` prints them: in order of location, each with its source line.
func report(_ diagnostics: [Diagnostic], sources: [String: String]) -> String {
    DiagnosticRenderer { sources[$0] }.render(diagnostics.sortedByLocation())
}

/// The process's peak resident memory so far, in MB (`ru_maxrss`).
func peakMemoryMB() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_maxrss) / 1024
}
