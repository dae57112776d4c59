import EvalAPI
import Foundation
import SpecsmithRuntime

/// `specsmith-bench validate [--count N] [--iterations K]`: validates N valid `OAuthToken` values (EvalAPI's
/// generated `validate()`, seven `maxLength` checks each) K times, and prints the median CPU time of a
/// pass, validations per second, and allocations per validation.
///
/// Allocations are counted by glibc's `mtrace`: the benchmark runs itself again with
/// `LD_PRELOAD=libc_malloc_debug.so.0` and `MALLOC_TRACE`, once tracing N validations and once tracing
/// none (the baseline), and counts the `malloc`s, `calloc`s and `realloc`s in each trace. Every Swift
/// allocation goes through `malloc`. Without that library the figure is reported as unavailable.
func runValidationBenchmark(_ arguments: [String]) -> Int32 {
    var count = 100_000
    var iterations = 15
    var traced: Int?
    var calibration: Int?
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch argument {
        case "--count", "-c", "--iterations", "-n", "--trace-allocations", "--trace-calibration":
            guard let value = rest.popFirst().flatMap({ Int($0) }), value >= 0 else {
                printError("specsmith-bench validate: \(argument) needs a number")
                return 2
            }
            if argument == "--trace-allocations" {
                traced = value
            } else if argument == "--trace-calibration" {
                calibration = value
            } else if argument == "--count" || argument == "-c" {
                count = max(1, value)
            } else {
                iterations = max(1, value)
            }
        default:
            printError("usage: specsmith-bench validate [--count N] [--iterations K]")
            return 2
        }
    }
    if let calibration {
        // The child that proves the tracer sees Swift allocations: one object per iteration.
        var kept: [Marker?] = Array(repeating: nil, count: calibration)
        mtrace()
        for index in 0..<calibration { kept[index] = Marker(index) }
        muntrace()
        return kept.count == calibration ? 0 : 1
    }
    let tokens = makeTokens(count)
    if let traced {
        // The child: warm up untraced, then trace exactly `traced` validations.
        _ = validateAll(tokens)
        mtrace()
        let failures = validateAll(tokens.prefix(traced))
        muntrace()
        return failures == 0 ? 0 : 1
    }

    let failures = validateAll(tokens)
    guard failures == 0 else {
        printError("specsmith-bench validate: \(failures) of the generated tokens do not validate")
        return 1
    }
    var samples: [Double] = []
    for _ in 0..<iterations {
        samples.append(cpuSeconds { _ = validateAll(tokens) })
    }
    let seconds = median(samples)
    print("OAuthToken values".padding(to: 22) + String(count))
    print("checks per value".padding(to: 22) + "7 (maxLength)")
    print("median pass".padding(to: 22) + fixed(seconds * 1000, 2) + " ms (CPU, \(iterations) passes)")
    print("validations/s".padding(to: 22) + String(Int((Double(count) / seconds).rounded())))
    print("ns per validation".padding(to: 22) + fixed(seconds / Double(count) * 1e9, 1))
    switch allocationsPerValidation(count: count) {
    case .success(let (perValidation, total, seen)):
        print(
            "allocations/validation".padding(to: 22) + fixed(perValidation, 4)
                + " (\(total) in \(count) validations, mtrace)"
        )
        print("tracer check".padding(to: 22) + "\(seen) of \(count) deliberate allocations seen")
    case .failure(let reason):
        print("allocations/validation".padding(to: 22) + "unavailable: \(reason.text)")
    }
    return 0
}

/// `count` valid tokens with varied contents, some with every optional property set.
private func makeTokens(_ count: Int) -> [OAuthToken] {
    (0..<count).map { index in
        let grantTypes = ["authorization_code", "refresh_token", "client_credentials", "password"]
        if index % 2 == 0 {
            return OAuthToken(grantType: grantTypes[index % 4], code: "code-\(index)")
        }
        return OAuthToken(
            grantType: grantTypes[index % 4],
            code: "c\(index)",
            redirectUri: "https://app.example/callback/\(index)",
            clientId: "client-\(index % 97)",
            clientSecret: String(repeating: "s", count: index % 200),
            httpAuth: "Basic dXNlcjpwYXNz",
            refreshToken: "r\(index)",
            codeVerifier: "v\(index)"
        )
    }
}

/// Validates each token; the number that broke a rule.
@inline(never)
private func validateAll(_ tokens: some Collection<OAuthToken>) -> Int {
    var failures = 0
    for token in tokens {
        do {
            try token.validate()
        } catch {
            failures += 1
        }
    }
    return failures
}

/// One heap object, for the tracer check.
private final class Marker {
    let index: Int
    init(_ index: Int) { self.index = index }
}

private struct Unavailable: Error {
    let text: String
}

/// Runs this program twice under glibc's malloc tracer and compares the traces.
/// Allocations per validation, their total, and how many of `count` deliberate allocations the tracer saw.
private func allocationsPerValidation(count: Int) -> Result<(Double, Int, Int), Unavailable> {
    let library = "/lib/x86_64-linux-gnu/libc_malloc_debug.so.0"
    guard FileManager.default.fileExists(atPath: library) else {
        return .failure(Unavailable(text: "\(library) (glibc's malloc tracer) is not installed"))
    }
    func allocations(tracing traced: Int, mode: String = "--trace-allocations") -> Int? {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specsmith-bench-\(getpid())-\(traced).trace"
        )
        defer { try? FileManager.default.removeItem(at: trace) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["validate", "--count", String(count), mode, String(traced)]
        var environment = ProcessInfo.processInfo.environment
        environment["LD_PRELOAD"] = library
        environment["MALLOC_TRACE"] = trace.path
        process.environment = environment
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return nil
        }
        guard process.terminationStatus == 0, let text = try? String(contentsOf: trace, encoding: .utf8) else {
            return nil
        }
        // "@ caller + address size" for malloc and calloc, "@ caller > address size" for realloc.
        return text.split(separator: "\n").filter { $0.contains(" + ") || $0.contains(" > ") }.count
    }
    guard let baseline = allocations(tracing: 0), let measured = allocations(tracing: count),
        let calibrationBaseline = allocations(tracing: 0, mode: "--trace-calibration"),
        let calibration = allocations(tracing: count, mode: "--trace-calibration")
    else {
        return .failure(Unavailable(text: "the traced run failed"))
    }
    let total = measured - baseline
    return .success((Double(total) / Double(count), total, calibration - calibrationBaseline))
}

@_silgen_name("mtrace") private func mtrace()
@_silgen_name("muntrace") private func muntrace()
