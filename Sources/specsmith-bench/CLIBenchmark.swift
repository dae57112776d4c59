import Foundation

/// `specsmith-bench cli [--runs N] FILE...`: what a user waits for when a build step runs Specsmith,
/// startup included. Runs the `specsmith` executable built beside this one (`swift build -c release
/// --product specsmith` first) as `specsmith generate FILE --output DIR --module Bench`, and prints the
/// median clock milliseconds of N runs of each of:
/// - `startup`: `specsmith --help`, the cost of loading the program and its libraries;
/// - `fresh`: generating into an empty folder;
/// - `unchanged`: generating again into that folder, where every file is already up to date.
func runCLIBenchmark(_ arguments: [String]) -> Int32 {
    guard
        let parsed = FileArguments(
            arguments, command: "cli", options: [["--runs", "-n"]], usage: "specsmith-bench cli [--runs N] FILE...")
    else { return 2 }
    let runs = parsed.numbers["--runs"] ?? 11
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("specsmith").path
    guard FileManager.default.isExecutableFile(atPath: executable) else {
        printError("specsmith-bench cli: no \(executable); build it first: swift build -c release --product specsmith")
        return 1
    }
    let columns = ["startup", "fresh", "unchanged"]
    print("file".padding(to: 34) + "KB".leftPadding(to: 7) + columns.map { $0.leftPadding(to: 11) }.joined())
    print("(median clock milliseconds of \(runs) runs of \(executable), each a new process)")
    var status: Int32 = 0
    for path in parsed.files {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let size = readFile(path)?.count else {
            printError("\(path): cannot read the file")
            status = 1
            continue
        }
        var startup: [Double] = []
        var fresh: [Double] = []
        var unchanged: [Double] = []
        var failed = false
        // The first round warms the page cache and is not counted.
        for round in 0...runs {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("specsmith-cli-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let generate = ["generate", path, "--output", folder, "--module", "Bench"]
            let times = [["--help"], generate, generate].map { timedRun(executable, $0) }
            guard let help = times[0], let first = times[1], let second = times[2] else {
                printError("\(name): specsmith failed; run specsmith lint \(path)")
                failed = true
                break
            }
            guard round > 0 else { continue }
            startup.append(help)
            fresh.append(first)
            unchanged.append(second)
        }
        if failed {
            status = 1
            continue
        }
        let medians = [startup, fresh, unchanged].map { fixed(median($0) * 1000, 1).leftPadding(to: 11) }
        print(name.padding(to: 34) + "\(size / 1024)".leftPadding(to: 7) + medians.joined())
    }
    return status
}

/// The clock seconds a run of `executable` takes, output discarded; `nil` when it fails. Spawned
/// with `posix_spawn` and waited for with `waitpid`: Foundation's `Process` adds tens of milliseconds
/// of its own on Linux, more than the program being measured takes to start.
private func timedRun(_ executable: String, _ arguments: [String]) -> Double? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var status: Int32 = 0
    var spawned = false
    let seconds = wallSeconds {
        var pid = pid_t()
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return }
        spawned = waitpid(pid, &status, 0) == pid
    }
    // Exited (the low seven bits are 0) with status 0.
    return spawned && status == 0 ? seconds : nil
}
