import Foundation
import Testing

/// The `specsmith` executable, run as a user runs it: exit codes, what it prints, what it writes.
@Suite struct CommandLineTests {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("specsmith").path
    static let evalSpec = GoldenTests.packageRoot.appendingPathComponent("specs/eval.yaml").path

    let scratch: TemporaryFolder
    var folder: String { scratch.path }

    init() throws {
        scratch = try TemporaryFolder("specsmith-cli")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String]) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the specsmith product first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    func copyEvalSpec(replacing old: String = "", with new: String = "") throws {
        let text = try String(contentsOfFile: Self.evalSpec, encoding: .utf8)
        try write("eval.yaml", old.isEmpty ? text : text.replacingOccurrences(of: old, with: new))
        try write("specsmith.yaml", "jobs:\n  - spec: eval.yaml\n    output: Out\n    module: EvalAPI\n")
    }

    @Test func generateThenCheckIsFreshAndARerunTouchesNothing() throws {
        try copyEvalSpec()
        let first = try run(["generate"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "Out: 6 created, 0 unchanged\n")
        let models = folder + "/Out/Models.swift"
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: models)

        let second = try run(["generate"])
        #expect(second.stdout == "Out: 6 unchanged\n")
        #expect(try FileManager.default.attributesOfItem(atPath: models)[.modificationDate] as? Date == old)

        let check = try run(["check"])
        #expect(check.status == 0)
        #expect(check.stdout == "up to date: Out\n")
    }

    @Test func checkShowsAChangedMaxLengthAndNeverWrites() throws {
        try copyEvalSpec()
        #expect(try run(["generate"]).status == 0)
        let before = try String(contentsOfFile: folder + "/Out/Validation.swift", encoding: .utf8)
        try copyEvalSpec(replacing: "        grant_type:\n          type: string\n          maxLength: 64",
            with: "        grant_type:\n          type: string\n          maxLength: 65")
        let check = try run(["check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("-        context.check(grantType, at: \"grant_type\", .maxLength(64))\n"))
        #expect(check.stdout.contains("+        context.check(grantType, at: \"grant_type\", .maxLength(65))\n"))
        #expect(check.stderr.contains("run `swift run specsmith generate`"))
        #expect(try String(contentsOfFile: folder + "/Out/Validation.swift", encoding: .utf8) == before)
    }

    @Test func aSpecWithErrorsWritesNothingAndSaysWhere() throws {
        try write("bad.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/Missing'}\n")
        let result = try run(["generate", "bad.yaml", "--output", "Out", "--module", "Bad"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.yaml:6:"))
        #expect(result.stderr.contains(": error: "))
        #expect(result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/Out"))
    }

    /// A user's file where a generated one would go, or an output folder that is a file, is an error
    /// found before anything is written: no job writes, and the user's file stays as it was.
    @Test func aFileOfTheUsersOrAnOutputThatIsAFileStopsEveryJob() throws {
        try copyEvalSpec()
        try FileManager.default.createDirectory(atPath: folder + "/Out", withIntermediateDirectories: true)
        try write("Out/Models.swift", "// my own models\n")
        try write("Taken", "a file\n")
        try write(
            "specsmith.yaml",
            "jobs:\n  - {spec: eval.yaml, output: First, module: First}\n"
                + "  - {spec: eval.yaml, output: Out, module: EvalAPI}\n"
                + "  - {spec: eval.yaml, output: Taken, module: T}\n")
        let result = try run(["generate"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "error: Out/Models.swift was not generated by Specsmith (it does not start with its header); "
                    + "move it away or rename it\n"))
        #expect(result.stderr.contains("error: cannot write into the output folder Taken: Not a directory\n"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(try String(contentsOfFile: folder + "/Out/Models.swift", encoding: .utf8) == "// my own models\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/Out") == ["Models.swift"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/First"))
        #expect(try run(["check"]).status == 1)
    }

    /// Files are written while the warnings' text is made: what prints, and in which order, is what it was
    /// when each job's files were written after the warnings were printed. A job that cannot be written
    /// stops the run; the jobs before it are written and counted, those after it are not.
    @Test func aFolderInTheWayStopsTheJobsFromItsOwnOn() throws {
        try write(
            "spec.yaml",
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                List: {type: array, items: {$ref: '#/components/schemas/List'}}
                Thing: {type: object, properties: {code: {type: string}}}
            """)
        try write(
            "specsmith.yaml",
            "jobs:\n  - {spec: spec.yaml, output: First, module: First}\n"
                + "  - {spec: spec.yaml, output: Blocked, module: Blocked}\n"
                + "  - {spec: spec.yaml, output: Third, module: Third}\n")
        // A folder where a generated file goes: the plan cannot read it, and renaming over it fails.
        try FileManager.default.createDirectory(
            atPath: folder + "/Blocked/Models.swift", withIntermediateDirectories: true)
        let result = try run(["generate"])
        #expect(result.status == 1)
        let firstFiles = try FileManager.default.contentsOfDirectory(atPath: folder + "/First")
        #expect(firstFiles.contains("Models.swift"))
        #expect(result.stdout == "First: \(firstFiles.count) created, 0 unchanged\n")
        let warning = "spec.yaml:6:11: warning: schema 'List' contains itself"
        #expect(result.stderr.hasPrefix(warning))
        #expect(result.stderr.components(separatedBy: warning).count == 2)
        #expect(result.stderr.hasSuffix("\nerror: cannot write into Blocked: Is a directory\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/Blocked") == ["Models.swift"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/Third"))
    }

    /// Documents that refer to one file with a problem in it hear of the problem once.
    @Test func aProblemInAFileTwoDocumentsShareIsReportedOnce() throws {
        let root = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
            + "components:\n  schemas:\n    A: {$ref: 'shared.yaml#/A'}\n"
        try write("one.yaml", root)
        try write("two.yaml", root)
        try write("shared.yaml", "A: {type: strin}\n")
        let lint = try run(["lint", "one.yaml", "two.yaml"])
        #expect(lint.status == 1)
        #expect(lint.stdout == "1 error, 0 warnings\n")
        #expect(lint.stderr.components(separatedBy: "shared.yaml:1:11: error: unknown type").count == 2)
        try write(
            "specsmith.yaml",
            "jobs:\n  - {spec: one.yaml, output: One, module: One}\n  - {spec: two.yaml, output: Two, module: Two}\n")
        let generate = try run(["generate"])
        #expect(generate.status == 1)
        #expect(generate.stderr.hasSuffix("1 error, 0 warnings; nothing was written.\n"))
    }

    /// `lint` reports what `generate` would, generation's own findings included, and writes nothing.
    @Test func lintReportsWhatGenerationWould() throws {
        try write(
            "spec.yaml",
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                List: {type: array, items: {$ref: '#/components/schemas/List'}}
                Thing:
                  type: object
                  properties:
                    code: {type: string, pattern: 'a\\'}
            """)
        let lint = try run(["lint", "spec.yaml"])
        let generate = try run(["generate", "spec.yaml", "--output", "Out", "--module", "T"])
        #expect(lint.status == 1)
        #expect(lint.stdout == "1 error, 1 warning\n")
        #expect(lint.stderr.contains("spec.yaml:6:11: warning: schema 'List' contains itself"))
        #expect(lint.stderr.contains("spec.yaml:10:39: error: pattern 'a\\' is not a regular expression"))
        #expect(generate.status == 1)
        #expect(generate.stderr.hasPrefix(lint.stderr))
        #expect(!FileManager.default.fileExists(atPath: folder + "/Out"))
    }

    /// An error in a user's template prints like a spec's: its location, then its line and a caret.
    @Test func aTemplateErrorShowsItsLine() throws {
        try FileManager.default.createDirectory(atPath: folder + "/Templates", withIntermediateDirectories: true)
        try write("Templates/struct.mustache", "struct {{name}} {\n  {{uppercased(name)}}\n}\n")
        try write("spec.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
        let generate = try run(
            ["generate", "spec.yaml", "--output", "Out", "--module", "T", "--templates", "Templates"])
        #expect(generate.status == 1)
        #expect(
            generate.stderr.contains(
                "/Templates/struct.mustache:2:3: error: \"uppercased(name)\" is not a name "
                    + "(transforms and lambdas are not supported)\n  {{uppercased(name)}}\n  ^\n"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try run(["generate", "spec.yaml"]).status == 2)
        #expect(try run(["--no-such-flag"]).status == 2)
        let module = try run(["generate", "spec.yaml", "--output", "Out", "--module", "my-api"])
        #expect(module.status == 2)
        #expect(module.stderr.contains("module 'my-api' is not a Swift identifier"))
        try write("spec.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
        let emptyOutput = try run(["generate", "spec.yaml", "--output", "", "--module", "M"])
        #expect(emptyOutput.status == 2)
        #expect(emptyOutput.stderr.contains("must not be empty"))
        let missingConfig = try run(["check"])
        #expect(missingConfig.status == 1)
        #expect(missingConfig.stderr.contains("specsmith.yaml"))
    }

    @Test func helpExplainsEachCommand() throws {
        for command in ["generate", "check", "lint"] {
            let help = try run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Exit status") || help.stdout.contains("nothing at all is written"))
        }
    }
}
