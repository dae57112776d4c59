import Foundation
import GeneratedPackage
import SpecsmithCore

/// `specsmith-bench compile [--configuration debug|release|both] [--runs N] [--release-runs N] [--work DIR]
/// [--per-file] FILE...`: how long the generated code takes to compile. Generates each document into a
/// temporary package (GeneratedPackage: a target per document, depending on SpecsmithRuntime), builds
/// the runtime alone first in each configuration (not timed), then builds each generated target clean
/// `runs` times (what compiling it wrote deleted before each run, its dependencies kept) and once more
/// with nothing to do (the fixed cost of `swift build` itself). Prints, per document and configuration,
/// the median wall and CPU seconds, the peak resident memory of the largest process of the build, and the
/// generated lines and files.
///
/// With `--per-file`, instead: one clean debug build of each generated target, a compiler job per file
/// and one job at a time, and the seconds each file's job took (the compiler's own statistics), which is
/// what `Renderer.compileWeight` is fitted to.
func runCompileBenchmark(_ arguments: [String]) -> Int32 {
    var configurations = ["debug", "release"]
    var runs = 3
    var releaseRuns = 1
    var perFile = false
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("specsmith-compile-bench").path
    var files: [String] = []
    let usage =
        "usage: specsmith-bench compile [--configuration debug|release|both] [--runs N] [--release-runs N] [--work DIR] [--per-file] FILE..."
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch argument {
        case "--per-file":
            perFile = true
        case "--configuration", "-c":
            switch rest.popFirst() {
            case "debug": configurations = ["debug"]
            case "release": configurations = ["release"]
            case "both": configurations = ["debug", "release"]
            default:
                printError(usage)
                return 2
            }
        case "--runs", "--release-runs":
            guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else {
                printError("specsmith-bench compile: \(argument) needs a positive number")
                return 2
            }
            if argument == "--runs" { runs = value } else { releaseRuns = value }
        case "--work":
            guard let value = rest.popFirst() else {
                printError(usage)
                return 2
            }
            work = value
        default:
            files.append(argument)
        }
    }
    guard !files.isEmpty else {
        printError(usage)
        return 2
    }

    let pipeline: Pipeline
    do {
        pipeline = Pipeline(templates: try TemplateSet.defaults())
    } catch {
        printError("specsmith-bench: \(error.diagnostic)")
        return 1
    }
    let package = GeneratedPackage(folder: work)
    struct Document {
        var name: String
        var module: String
        var lines: Int
        var files: Int
    }
    var documents: [Document] = []
    var status: Int32 = 0
    do {
        try package.resetSources()
        for path in files {
            let name = String(path.split(separator: "/").last ?? Substring(path))
            let module = GeneratedPackage.moduleName(path)
            let generation = try package.generate(spec: path, module: module, pipeline: pipeline)
            guard let generated = generation.files else {
                printError(
                    "\(name): does not generate: \(generation.diagnostics.first { $0.isError }?.description ?? "")"
                )
                status = 1
                continue
            }
            documents.append(Document(name: name, module: module, lines: generation.lines, files: generated.count))
        }
        try package.writeManifest(modules: documents.map(\.module))
    } catch {
        printError("specsmith-bench compile: \(error)")
        return 1
    }

    if perFile {
        for document in documents {
            guard let seconds = fileSeconds(of: document.module, in: package) else { return 1 }
            print("\(document.name) (\(document.module)): seconds of a debug compiler job per file, one job at a time")
            for (file, time) in seconds.sorted(by: { $0.key < $1.key }) {
                print("  " + file.padding(to: 28) + fixed(time, 2).leftPadding(to: 7))
            }
            print("  " + "in all".padding(to: 28) + fixed(seconds.values.reduce(0, +), 2).leftPadding(to: 7))
        }
        return status
    }

    let loadBefore = loadAverage()
    var table: [String] = []
    for configuration in configurations {
        printError("building SpecsmithRuntime (\(configuration)) in \(work)...")
        guard let runtime = measured({ try package.build("SpecsmithRuntime", configuration: configuration) }) else {
            return 1
        }
        guard runtime.status == 0 else {
            printError(runtime.output)
            return 1
        }
        printError("  \(fixed(runtime.wallSeconds, 1)) s (not counted)")
        let count = configuration == "release" ? releaseRuns : runs
        for document in documents {
            var samples: [MeasuredRun] = []
            for run in 1...count {
                printError("building \(document.module) (\(configuration), run \(run) of \(count))...")
                package.removeBuildOutputs(of: document.module, configuration: configuration)
                guard let result = measured({ try package.build(document.module, configuration: configuration) }) else {
                    return 1
                }
                guard result.status == 0 else {
                    printError("\(document.name): \(package.firstError(in: result.output))")
                    status = 1
                    break
                }
                samples.append(result)
            }
            guard samples.count == count,
                let noOp = measured({ try package.build(document.module, configuration: configuration) })
            else { continue }
            var row = document.name.padding(to: 30) + configuration.padding(to: 8)
            row += "\(document.lines)".leftPadding(to: 8) + "\(document.files)".leftPadding(to: 6)
            row += fixed(median(samples.map(\.wallSeconds)), 1).leftPadding(to: 9)
            row += fixed(median(samples.map(\.cpuSeconds)), 1).leftPadding(to: 9)
            row += fixed(samples.map(\.peakMemoryMB).max()!, 0).leftPadding(to: 9)
            row += "\(count)".leftPadding(to: 6) + fixed(noOp.wallSeconds, 1).leftPadding(to: 8)
            row +=
                "  " + samples.map { fixed($0.wallSeconds, 1) + "/" + fixed($0.cpuSeconds, 1) }.joined(separator: " ")
            table.append(row)
            print(row)  // as soon as it is known; the whole table again at the end
        }
    }
    print("")
    print(
        "document".padding(to: 30) + "config".padding(to: 8) + "lines".leftPadding(to: 8) + "files".leftPadding(to: 6)
            + "wall s".leftPadding(to: 9) + "CPU s".leftPadding(to: 9) + "peak MB".leftPadding(to: 9)
            + "runs".leftPadding(to: 6) + "no-op s".leftPadding(to: 8) + "  each run's wall/CPU s"
    )
    for row in table { print(row) }
    print(
        "swift build --target MODULE of the generated module alone (runtime built before); wall and CPU s: median of the runs, "
            + "CPU = user+system of every process; peak MB: largest resident set of one process (wait4 ru_maxrss), max over runs; "
            + "no-op s: swift build with nothing to do. Load average before/after: \(loadBefore) / \(loadAverage()) on "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores"
    )
    return status
}

/// The seconds each file of `module` takes to compile in debug, by file name, from a clean build with a
/// compiler job per file and one job at a time (`-driver-batch-count`, `-j 1`), each job writing its
/// statistics (`-stats-output-dir`); `nil` after printing why the build failed.
private func fileSeconds(of module: String, in package: GeneratedPackage) -> [String: Double]? {
    let sources = (try? FileManager.default.contentsOfDirectory(atPath: package.folder + "/Sources/" + module)) ?? []
    let statistics = FileManager.default.temporaryDirectory.appendingPathComponent("specsmith-stats-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: statistics) }
    // The compiler writes into the folder only if it exists.
    try? FileManager.default.createDirectory(atPath: statistics, withIntermediateDirectories: true)
    let flags = ["-j", "1", "-Xswiftc", "-driver-batch-count", "-Xswiftc", "\(sources.count)"]
    let statisticsFlags = ["-Xswiftc", "-Xfrontend", "-Xswiftc", "-stats-output-dir", "-Xswiftc", "-Xfrontend", "-Xswiftc", statistics]
    printError("building \(module) (debug, a job per file, one at a time)...")
    // Its dependencies are built again too, with these flags, and write statistics of their own.
    package.removeBuildOutputs(of: module, configuration: "debug")
    guard let run = measured({ try package.build(module, arguments: flags + statisticsFlags) }), run.status == 0 else {
        printError("\(module): the build failed")
        return nil
    }
    // Each job's statistics hold `time.swift-frontend.<module>-<file>-<triple>-o-Onone.wall`.
    var seconds: [String: Double] = [:]
    let prefix = "time.swift-frontend.\(module)-"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: statistics)) ?? [] {
        guard let data = FileManager.default.contents(atPath: statistics + "/" + name),
            let values = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { continue }
        for (key, value) in values where key.hasPrefix(prefix) && key.hasSuffix(".wall") {
            let job = key.dropFirst(prefix.count)
            guard let end = job.range(of: ".swift-"), let time = value as? Double else { continue }
            seconds[String(job[..<end.lowerBound]) + ".swift"] = time
        }
    }
    return seconds
}

/// The run, or `nil` after printing why it could not start.
private func measured(_ body: () throws -> MeasuredRun) -> MeasuredRun? {
    do {
        return try body()
    } catch {
        printError("specsmith-bench compile: \(error)")
        return nil
    }
}

/// The 1, 5 and 15 minute load averages, e.g. `2.10 1.95 1.40`.
private func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return "?" }
    return loads.map { fixed($0, 2) }.joined(separator: " ")
}
