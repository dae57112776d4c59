import SpecsmithYAML

/// `specsmith-bench yaml [--iterations N] FILE...`: for each file, the median CPU time of libyaml's
/// bare event loop (`YAMLLoader.countEvents`) and of building the tree with `YAMLLoader.load` (and
/// freeing it), measured in the same run with the two alternating, their ratio, and the throughput of
/// each in MB/s; then the median clock time of building the tree, which parses a large document in
/// pieces on every core, and its ratio to the bare loop.
func runYAMLBenchmark(_ arguments: [String]) -> Int32 {
    guard
        let parsed = FileArguments(
            arguments, command: "yaml", options: [["--iterations", "-n"]], usage: "specsmith-bench yaml [--iterations N] FILE...")
    else { return 2 }
    let iterations = parsed.numbers["--iterations"] ?? 15

    print(
        "file".padding(to: 32) + "bytes".leftPadding(to: 9) + "events".leftPadding(to: 9)
            + "bare ms".leftPadding(to: 10) + "tree ms".leftPadding(to: 10) + "ratio".leftPadding(to: 8)
            + "bare MB/s".leftPadding(to: 11) + "tree MB/s".leftPadding(to: 11)
            + "clock ms".leftPadding(to: 10) + "clock x".leftPadding(to: 9)
    )
    var status: Int32 = 0
    for path in parsed.files {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let bytes = readFile(path) else {
            printError("\(path): cannot read the file")
            status = 1
            continue
        }
        do {
            _ = try YAMLLoader.load(bytes, file: path)
        } catch {
            printError("\(path): does not load: \(error.diagnostics.first?.description ?? "unknown error")")
            status = 1
            continue
        }
        var events = 0
        let (bare, tree) = medianSeconds(
            iterations: iterations,
            { events = YAMLLoader.countEvents(bytes) },
            { _ = try? YAMLLoader.load(bytes, file: path) }
        )
        var clocks: [Double] = []
        for _ in 0..<iterations {
            clocks.append(wallSeconds { _ = try? YAMLLoader.load(bytes, file: path) })
        }
        let clock = median(clocks)
        let megabytes = Double(bytes.count) / 1_000_000
        print(
            name.padding(to: 32) + "\(bytes.count)".leftPadding(to: 9) + "\(events)".leftPadding(to: 9)
                + fixed(bare * 1000, 2).leftPadding(to: 10) + fixed(tree * 1000, 2).leftPadding(to: 10)
                + (fixed(tree / bare, 2) + "x").leftPadding(to: 8)
                + fixed(megabytes / bare, 1).leftPadding(to: 11) + fixed(megabytes / tree, 1).leftPadding(to: 11)
                + fixed(clock * 1000, 2).leftPadding(to: 10) + (fixed(clock / bare, 2) + "x").leftPadding(to: 9)
        )
    }
    print(
        "process CPU time, median of \(iterations) alternating iterations of each after one warm-up; ratio = tree / bare;"
            + " clock = median clock time of building the tree, measured after; clock x = clock / bare"
    )
    return status
}
