import Foundation

/// A new folder under the system's temporary directory, removed with everything in it when the last
/// reference to it goes. A suite that stores one gets a folder per test (Swift Testing makes a suite
/// instance for each), and no test leaves its files behind.
final class TemporaryFolder: Sendable {
    let path: String

    /// Creates `<temporary directory>/<prefix>-<UUID>`.
    init(_ prefix: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
