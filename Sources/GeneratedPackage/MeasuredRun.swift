import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run of a command with what it cost: wall time, the CPU time of it and every process it waited
/// for, and the peak resident memory of the largest of those processes (`wait4`'s `ru_maxrss`, which on
/// Linux is the largest single process of the tree, not the sum of processes running side by side).
public struct MeasuredRun: Sendable {
    /// The exit status, or 128 + the signal that ended it.
    public var status: Int32
    /// Standard output and standard error, interleaved.
    public var output: String
    public var wallSeconds: Double
    /// User plus system CPU time of the whole process tree.
    public var cpuSeconds: Double
    /// The peak resident memory of the largest process of the tree, in MB.
    public var peakMemoryMB: Double

    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `arguments` (the first is looked up in `PATH`) and waits for it. The output goes through a
    /// temporary file, so a chatty command cannot block on a full pipe.
    public static func run(_ arguments: [String]) throws -> MeasuredRun {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "measured-run-\(getpid())-\(UUID().uuidString).log"
        ).path
        defer { try? FileManager.default.removeItem(atPath: log) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }

        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else {
                throw SpawnError(description: "wait4 failed: \(String(cString: strerror(errno)))")
            }
        }
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)

        let signal = status & 0x7f
        let exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        #if canImport(Darwin)
            let peak = Double(usage.ru_maxrss) / 1_048_576  // bytes
        #else
            let peak = Double(usage.ru_maxrss) / 1024  // kilobytes
        #endif
        return MeasuredRun(
            status: exitStatus,
            output: String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self),
            wallSeconds: Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9,
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            peakMemoryMB: peak
        )
    }
}
