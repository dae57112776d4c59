// specsmith-bench: timing harness for the pipeline's stages.
//
//   specsmith-bench yaml [--iterations N] FILE...
//   specsmith-bench validate [--count N] [--iterations K]
//   specsmith-bench generate [--iterations N] [--max-input-bytes N] [--max-nodes N] FILE...
//   specsmith-bench replicate FILE N OUTPUT
//   specsmith-bench compile [--configuration debug|release|both] [--runs N] [--release-runs N] [--per-file] FILE...
//   specsmith-bench cli [--runs N] FILE...
//
// Each subcommand is one function in its own file; add new ones to `commands` below.

import Foundation

/// A subcommand: its name, a one-line summary, and what runs it with the remaining arguments.
struct Command: Sendable {
    var name: String
    var summary: String
    var run: @Sendable ([String]) -> Int32
}

let commands: [Command] = [
    Command(
        name: "yaml",
        summary: "time libyaml's bare event loop against building the YAMLNode tree",
        run: runYAMLBenchmark
    ),
    Command(name: "generate", summary: "time each stage of generation against libyaml's bare event loop", run: runGenerateBenchmark),
    Command(name: "validate", summary: "validations per second and allocations per validation of OAuthToken", run: runValidationBenchmark),
    Command(name: "replicate", summary: "write a document with its components and paths N times, for scaling checks", run: runReplicate),
    Command(name: "compile", summary: "seconds and peak memory of swift build on the generated code", run: runCompileBenchmark),
    Command(name: "cli", summary: "clock time of the specsmith executable, startup included, as a build step runs it", run: runCLIBenchmark),
]

func usage(_ commands: [Command]) -> String {
    var text = "usage: specsmith-bench COMMAND [ARGUMENTS...]\n\ncommands:\n"
    for command in commands {
        text += "  \(command.name.padding(to: 10))\(command.summary)\n"
    }
    return text
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
    print(usage(commands), terminator: "")
    exit(0)
}
guard let name = arguments.first, let command = commands.first(where: { $0.name == name }) else {
    if let name = arguments.first { printError("specsmith-bench: unknown command '\(name)'") }
    printError(usage(commands))
    exit(2)
}
exit(command.run(Array(arguments.dropFirst())))
