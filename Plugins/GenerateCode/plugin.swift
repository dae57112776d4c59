import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-code`: runs `specsmith generate` for
/// every job in the package's specsmith.yaml, exactly as the command line does.
@main
struct GenerateCode: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "specsmith")
        let process = Process()
        process.executableURL = tool.url
        process.currentDirectoryURL = context.package.directoryURL
        process.arguments = ["generate"] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("specsmith generate failed (exit status \(process.terminationStatus))")
            throw GenerateCodeError.failed(process.terminationStatus)
        }
    }
}

enum GenerateCodeError: Error {
    case failed(Int32)
}
