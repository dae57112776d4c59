import ArgumentParser
import Foundation
import SpecsmithCore
import SpecsmithDiagnostics

extension AccessLevel: ExpressibleByArgument {}

/// Every job's result, kept until the process exits: a result holds the YAML trees, document and model its
/// files were made from, and freeing those takes about a tenth of a generation, which the system does at
/// no cost when the process ends (see `Pipeline.Result`). Only the main thread touches it.
nonisolated(unsafe) private var keptUntilExit: [Pipeline.Result] = []

/// What `generate` and `check` share: which jobs to run, and running them in memory.
struct JobOptions: ParsableArguments {
    @Argument(help: "An OpenAPI document (YAML or JSON). Without it, every job in the configuration runs.")
    var spec: String?

    @Option(help: "The folder to write into (with SPEC).")
    var output: String?

    @Option(help: "The Swift module name of the generated code (with SPEC).")
    var module: String?

    @Option(help: "The access level of generated declarations: public, package or internal (with SPEC).")
    var access: AccessLevel = .public

    @Option(help: "A folder of .mustache templates; each replaces the default template of the same file name.")
    var templates: String?

    @Flag(help: "Check `format` (date, time, uuid, email, uri) in validators instead of treating it as an annotation (with SPEC).")
    var assertFormats = false

    @Option(help: "The configuration file listing the generation jobs.")
    var config: String = Configuration.fileName

    func validate() throws {
        if spec != nil, output == nil || module == nil {
            throw ValidationError("With a SPEC, give --output and --module too.")
        }
        if spec == nil, output != nil || module != nil {
            throw ValidationError("--output and --module go with a SPEC; without one, the jobs in \(config) run.")
        }
        if spec?.isEmpty == true || output?.isEmpty == true || templates?.isEmpty == true {
            throw ValidationError("SPEC, --output and --templates must not be empty.")
        }
        if let module, !GenerationJob.isModuleName(module) {
            throw ValidationError(GenerationJob.moduleNameProblem(module))
        }
    }

    /// The jobs to run and the limits to load with (the defaults for a SPEC given on the command line),
    /// or the configuration's diagnostics.
    func jobs() -> (jobs: [GenerationJob], diagnostics: [Diagnostic], sources: [String: String], limits: LoadLimits) {
        if let spec, let output, let module {
            return ([GenerationJob(
                spec: spec, output: output, module: module, access: access, templates: templates,
                assertFormats: assertFormats)], [], [:], LoadLimits())
        }
        let loaded = Configuration.load(file: config)
        let jobs = (loaded.configuration?.jobs ?? []).map { job in
            var job = job
            if let templates { job.templates = templates }
            return job
        }
        let source = FileManager.default.contents(atPath: config).map { String(decoding: $0, as: UTF8.self) }
        return (jobs, loaded.diagnostics, source.map { [config: $0] } ?? [:], loaded.configuration?.limits ?? LoadLimits())
    }

    /// Runs every job in memory and prints its diagnostics. Returns one plan per job, or `nil` when any
    /// job had an error (then nothing may be written, and `meanwhile` is not called).
    ///
    /// `meanwhile(plans)` runs here while the diagnostics' text is made on another core, and has ended before
    /// the text is printed; its outcome comes back with the plans. A document with many warnings takes a
    /// while to show them (k8s-batch-v1: 174 on one 305 KB line), and writing the files does not need them.
    func plans<Outcome: Sendable>(
        writer: OutputWriter, meanwhile: @Sendable ([OutputPlan]) -> Outcome
    ) -> (plans: [OutputPlan], outcome: Outcome)? {
        let (jobs, configDiagnostics, configSources, limits) = jobs()
        var diagnostics = configDiagnostics
        var sources = configSources
        var plans: [OutputPlan] = []
        if !diagnostics.hasErrors {
            // One pipeline for each templates folder, all made before the first job runs: each parses its
            // templates on another thread meanwhile. The defaults' parse began when the process started.
            var pipelines: [String?: Pipeline] = [:]
            for job in jobs where pipelines[job.templates] == nil {
                let templates = job.templates.map { ParsingTemplates(in: $0) } ?? defaultTemplates
                pipelines[job.templates] = Pipeline(templates: templates, loader: DocumentLoader(limits: limits))
            }
            for job in jobs {
                // A templates folder's error comes with every job that uses it, and is printed once below.
                let result = pipelines[job.templates]!.generate(job)
                keptUntilExit.append(result)
                diagnostics += result.diagnostics
                sources.merge(result.sources) { first, _ in first }
                if let files = result.files {
                    let plan = writer.plan(files, in: job.output)
                    diagnostics += plan.problems.map { .error($0, at: nil) }
                    plans.append(plan)
                }
            }
        }
        let known = sources
        let renderer = DiagnosticRenderer { known[$0] }
        let shown = diagnostics.uniqued()
        guard !shown.hasErrors else {
            Self.printError(renderer.render(shown))
            FileHandle.standardError.write(Data("\(shown.summary); nothing was written.\n".utf8))
            return nil
        }
        guard !shown.isEmpty else { return (plans, meanwhile(plans)) }
        // The text is made on a thread of the system's pool, and `meanwhile` runs here: writing shares its
        // files out over every core (`concurrentPerform`), which it could not do from inside another
        // concurrent call (nested, libdispatch runs it on one thread).
        let report = Report()
        let made = DispatchGroup()
        DispatchQueue.global().async(group: made) { report.text = renderer.render(shown) }
        let outcome = meanwhile(plans)
        made.wait()
        Self.printError(report.text)
        return (plans, outcome)
    }

    /// Writes text to standard error, copied from the string's bytes: `Data` made from a sequence first asks
    /// the runtime whether it is contiguous, a lookup of about 0.3M instructions, even for an empty report.
    private static func printError(_ text: String) {
        var text = text
        text.withUTF8 { FileHandle.standardError.write(Data(buffer: $0)) }
    }
}

/// The diagnostics' text, written by the thread that makes it and read once it has ended.
private final class Report: @unchecked Sendable {
    var text = ""
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write Swift source for OpenAPI documents.",
        usage: """
            specsmith generate
            specsmith generate SPEC --output DIR --module NAME [--access LEVEL] [--templates DIR]
            """,
        discussion: """
            Without arguments, runs every job in specsmith.yaml (spec, output folder, module, access \
            level). With a SPEC, runs that one job.

            All jobs are generated in memory first: if any document has an error, every diagnostic is \
            printed and nothing at all is written. Files are written atomically; a file whose content \
            did not change is not touched (its modification time stays); files Specsmith generated \
            earlier in the output folder but no longer produces are removed. Files that do not start \
            with Specsmith's "Generated by Specsmith" header are never touched: one where a generated \
            file would go is an error, and nothing is written.

            Examples:
              specsmith generate
              specsmith generate specs/eval.yaml --output Sources/EvalAPI --module EvalAPI
            """
    )

    @OptionGroup var options: JobOptions

    func run() throws {
        let writer = OutputWriter()
        // Each plan applied in turn, while the warnings' text is made, until one fails.
        guard
            let (plans, written) = options.plans(
                writer: writer,
                meanwhile: { plans -> (applied: Int, failure: (any Error)?) in
                    for (index, plan) in plans.enumerated() {
                        do { try writer.apply(plan) } catch { return (applied: index, failure: error) }
                    }
                    return (applied: plans.count, failure: nil)
                })
        else { throw ExitCode(1) }
        for plan in plans.prefix(written.applied) {
            var counts: [String] = []
            let created = plan.changes.filter { if case .create = $0 { true } else { false } }.count
            let updated = plan.changes.filter { if case .update = $0 { true } else { false } }.count
            let removed = plan.changes.filter { if case .remove = $0 { true } else { false } }.count
            if created > 0 { counts.append("\(created) created") }
            if updated > 0 { counts.append("\(updated) updated") }
            if removed > 0 { counts.append("\(removed) removed") }
            counts.append("\(plan.unchanged.count) unchanged")
            print("\(plan.directory): \(counts.joined(separator: ", "))")
        }
        if let failure = written.failure {
            let plan = plans[written.applied]
            FileHandle.standardError.write(
                Data("error: cannot write into \(plan.directory): \(OutputWriter.reason(failure))\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify that generated code on disk is what generation makes now.",
        usage: """
            specsmith check
            specsmith check SPEC --output DIR --module NAME [--access LEVEL] [--templates DIR]
            """,
        discussion: """
            Does the work of `generate` in memory and compares it with the files on disk. Never writes.

            Exit status: 0 when everything is fresh; 1 with a unified diff (on standard output) when any \
            file would change, or when a document has errors; 2 for a usage error.
            """
    )

    @OptionGroup var options: JobOptions

    func run() throws {
        guard let (plans, _) = options.plans(writer: OutputWriter(), meanwhile: { _ in () }) else { throw ExitCode(1) }
        let stale = plans.filter { !$0.isEmpty }
        guard stale.isEmpty else {
            for plan in stale { print(plan.diff(), terminator: "") }
            FileHandle.standardError.write(
                Data("error: generated code is stale in \(stale.map(\.directory).joined(separator: ", ")); run `swift run specsmith generate`\n".utf8))
            throw ExitCode(1)
        }
        print("up to date: \(plans.map(\.directory).joined(separator: ", "))")
    }
}
