import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// The arguments of a benchmark command that reads files: options that each take a positive number,
/// and the files.
struct FileArguments {
    /// Each option's number, under its first name, when it was given.
    var numbers: [String: Int] = [:]
    var files: [String] = []

    /// Reads `arguments`: an option (any of the names in one of `options`) is followed by a positive
    /// number, and anything else is a file. Prints why, and returns `nil`, when a number is missing
    /// or no file is given.
    init?(_ arguments: [String], command: String, options: [[String]], usage: String) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard let names = options.first(where: { $0.contains(argument) }) else {
                files.append(argument)
                continue
            }
            guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else {
                printError("specsmith-bench \(command): \(argument) needs a positive number")
                return nil
            }
            numbers[names[0]] = value
        }
        guard !files.isEmpty else {
            printError("usage: " + usage)
            return nil
        }
    }
}

/// The bytes of a file, or `nil` when it cannot be read.
func readFile(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

/// The median durations, in seconds of this process's CPU time, of `iterations` runs of each of two
/// bodies after one warm-up run of each. CPU time rather than wall-clock time, and alternating runs,
/// so that a machine busy with other work (parallel builds) disturbs the comparison as little as
/// possible.
func medianSeconds(iterations: Int, _ first: () -> Void, _ second: () -> Void) -> (Double, Double) {
    first()
    second()
    var a: [Double] = []
    var b: [Double] = []
    for _ in 0..<iterations {
        a.append(cpuSeconds(first))
        b.append(cpuSeconds(second))
    }
    return (median(a), median(b))
}

/// Clock seconds that `body` takes.
func wallSeconds(_ body: () -> Void) -> Double {
    seconds(on: CLOCK_MONOTONIC, body)
}

/// The CPU time this process spends running `body`: of every thread, since stages may run work
/// concurrently (rendering does); other threads of the benchmark are idle meanwhile.
func cpuSeconds(_ body: () -> Void) -> Double {
    seconds(on: CLOCK_PROCESS_CPUTIME_ID, body)
}

/// The CPU time and the clock time that `body` takes.
func cpuAndWallSeconds(_ body: () -> Void) -> (cpu: Double, wall: Double) {
    var cpu = 0.0
    let wall = wallSeconds { cpu = cpuSeconds(body) }
    return (cpu, wall)
}

private func seconds(on clock: clockid_t, _ body: () -> Void) -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(clock, &start)
    body()
    clock_gettime(clock, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    func leftPadding(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// `value` with `digits` decimals.
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
    }
    return text
}
