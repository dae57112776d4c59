import Foundation
import SpecsmithCore
import SpecsmithDiagnostics
import Testing

/// Hostile documents through the whole loader: every limit of ``LoadLimits`` stops its attack with one
/// clear error that names the limit and says where, without hanging (the default limits, unless a test
/// says otherwise). Fixtures are under Fixtures/Hostile; large or many files are made in a
/// temporary folder.
@Suite struct HostileInputTests {
    static let fixtures: String = {
        let testFile = "\(#filePath)"
        return testFile[..<(testFile.lastIndex(of: "/") ?? testFile.endIndex)] + "/Fixtures/Hostile"
    }()

    /// How long a load may take before it counts as a hang.
    static let hangLimit: Duration = .seconds(20)

    /// A fresh temporary folder for one test.
    let scratch: TemporaryFolder
    var folder: String { scratch.path }

    init() throws {
        scratch = try TemporaryFolder("specsmith-hostile")
    }

    /// Loads a file and returns its diagnostics as `name:line:column: error: message` lines (paths
    /// relative to the fixtures or the temporary folder), failing the test when it took longer than
    /// ``hangLimit``.
    func load(
        _ path: String,
        limits: LoadLimits = LoadLimits(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> (lines: [String], result: LoadResult) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = DocumentLoader(limits: limits).load(file: path)
        let elapsed = clock.now - start
        #expect(elapsed < Self.hangLimit, "loading took \(elapsed)", sourceLocation: sourceLocation)
        return (lines(result.diagnostics), result)
    }

    /// Loads bytes as if read from `name` in the temporary folder, timed like ``load(_:limits:sourceLocation:)``.
    ///
    /// The limit is a guard against a hang or an exponential blow-up, which takes minutes, not a speed goal:
    /// each of these loads takes milliseconds to about a second on a loaded 2-core machine, and speed is
    /// measured by `specsmith-bench`.
    func load(
        bytes: [UInt8],
        limits: LoadLimits = LoadLimits(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> (lines: [String], result: LoadResult) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = DocumentLoader(limits: limits).load(bytes: bytes, file: folder + "/memory.yaml")
        let elapsed = clock.now - start
        #expect(elapsed < Self.hangLimit, "loading took \(elapsed)", sourceLocation: sourceLocation)
        return (lines(result.diagnostics), result)
    }

    func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map {
            $0.description.replacing(Self.fixtures + "/", with: "").replacing(folder + "/", with: "")
        }
    }

    func write(_ text: String, to name: String) throws {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static let head = "openapi: 3.1.0\ninfo: {title: Hostile, version: '1'}\npaths: {}\n"

    // MARK: maxInputBytes

    @Test func anInputLargerThanMaxInputBytesIsRefusedBeforeParsing() {
        let text = Self.head + "x-filler: '" + String(repeating: "a", count: 2_000) + "'\n"
        let (lines, result) = load(bytes: Array(text.utf8), limits: LoadLimits(maxInputBytes: 1_024))
        #expect(result.document == nil)
        #expect(
            lines == ["memory.yaml:1:1: error: the file is \(text.utf8.count) bytes, more than the limit of 1024 bytes (maxInputBytes)"]
        )
    }

    @Test func aHugeRootFileIsRefusedWithoutReadingIt() throws {
        // A sparse file of 1 GiB: reading it would take seconds and a gigabyte of memory.
        let path = folder + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.head.utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let (lines, result) = load(path)
        #expect(result.document == nil)
        #expect(lines == ["huge.yaml:1:1: error: the file is 1073741824 bytes, more than the limit of 67108864 bytes (maxInputBytes)"])
    }

    @Test func aReferencedFileLargerThanMaxInputBytesIsAnErrorAtTheRef() throws {
        try write(Self.head + "components:\n  schemas:\n    Big: {$ref: 'big.yaml#/Big'}\n", to: "main.yaml")
        try write("Big: {type: string, description: '" + String(repeating: "b", count: 5_000) + "'}\n", to: "big.yaml")
        let (lines, _) = load(folder + "/main.yaml", limits: LoadLimits(maxInputBytes: 4_096))
        #expect(
            lines == [
                "main.yaml:6:17: error: cannot resolve $ref \"big.yaml#/Big\": file \"big.yaml\" is 5037 bytes, more than the limit of 4096 bytes (maxInputBytes)"
            ]
        )
    }

    @Test func aReferenceToADeviceOrAFolderIsNeverRead() throws {
        try write(
            Self.head
                + "components:\n  schemas:\n    Zero: {$ref: '/dev/zero#/A'}\n    Folder: {$ref: 'sub#/A'}\n"
                + "    Text: {description: {$ref: '/dev/urandom'}}\n",
            to: "main.yaml"
        )
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        let (lines, _) = load(folder + "/main.yaml")
        #expect(
            lines == [
                "main.yaml:6:18: error: cannot resolve $ref \"/dev/zero#/A\": \"/dev/zero\" is not a regular file",
                "main.yaml:7:20: error: cannot resolve $ref \"sub#/A\": \"sub\" is not a regular file",
                "main.yaml:8:32: error: cannot resolve $ref \"/dev/urandom\": \"/dev/urandom\" is not a regular file",
            ]
        )
    }

    @Test func aSymbolicLinkIsFollowedToTheFileItNamesButNeverToADevice() throws {
        try write(
            Self.head + "components:\n  schemas:\n    A: {$ref: 'linked.yaml#/A'}\n    Zero: {$ref: 'zero.yaml#/A'}\n",
            to: "main.yaml"
        )
        try write("A: {type: string}\n", to: "schemas.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked.yaml", withDestinationPath: "schemas.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/zero.yaml", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: folder + "/root.yaml", withDestinationPath: "main.yaml")
        let (lines, result) = load(folder + "/root.yaml")
        let device = "\"zero.yaml\" is not a regular file"
        #expect(lines == ["root.yaml:7:18: error: cannot resolve $ref \"zero.yaml#/A\": \(device)"])
        let reference = try #require(result.document?.components.schemas["A"]?.ref)
        #expect(result.document?.schemas[reference.id]?.types == [.string])
    }

    @Test func aDeviceAsTheDocumentIsRefused() {
        let (lines, result) = load("/dev/zero")
        #expect(result.document == nil)
        #expect(lines == ["error: cannot read \"/dev/zero\": it is not a regular file"])
    }

    // MARK: maxDepth, maxAliasExpansionFactor, maxNodes, maxScalarBytes

    @Test func nestingDeeperThanMaxDepthStopsAtTheLevelThatPassesIt() {
        let (lines, result) = load(Self.fixtures + "/deep-nesting.yaml")
        #expect(result.document == nil)
        #expect(lines == ["deep-nesting.yaml:5:264: error: mappings and sequences nest deeper than the limit of 256 levels (maxDepth)"])
    }

    @Test func aBillionLaughsStopsAtTheAliasThatPassesTheExpansionLimit() {
        let (lines, result) = load(Self.fixtures + "/alias-bomb.yaml")
        #expect(result.document == nil)
        #expect(
            lines == [
                "alias-bomb.yaml:9:25: error: alias *c expands the document beyond the alias expansion limit (maxAliasExpansionFactor: 10)"
            ]
        )
    }

    @Test func moreNodesThanMaxNodesStopsWhileStreaming() {
        let text = Self.head + "x-many: [" + Array(repeating: "0", count: 5_000).joined(separator: ", ") + "]\n"
        let (lines, result) = load(bytes: Array(text.utf8), limits: LoadLimits(maxNodes: 1_000))
        #expect(result.document == nil)
        #expect(lines == ["memory.yaml:4:2971: error: the document has more than 1000 nodes (maxNodes)"])
    }

    @Test func aStringLongerThanMaxScalarBytesIsRefusedAtIt() {
        let text = Self.head + "x-long: '" + String(repeating: "é", count: 600) + "'\n"
        let (lines, result) = load(bytes: Array(text.utf8), limits: LoadLimits(maxScalarBytes: 1_000))
        #expect(result.document == nil)
        #expect(lines == ["memory.yaml:4:9: error: a scalar of 1200 bytes is longer than the limit of 1000 bytes (maxScalarBytes)"])
    }

    @Test func theDefaultStringLimitIsSixteenMebibytes() {
        let text = Self.head + "x-long: " + String(repeating: "a", count: (16 << 20) + 1) + "\n"
        let (lines, _) = load(bytes: Array(text.utf8))
        #expect(lines == ["memory.yaml:4:9: error: a scalar of 16777217 bytes is longer than the limit of 16777216 bytes (maxScalarBytes)"])
    }

    // MARK: maxRefChain

    @Test func aChainOfParameterReferencesLongerThanMaxRefChainIsAnError() {
        let (lines, result) = load(Self.fixtures + "/parameter-chain.yaml")
        #expect(
            lines == [
                "parameter-chain.yaml:77:17: error: $ref \"#/components/parameters/P65\" is reached through more than 64 references in a row (maxRefChain)"
            ]
        )
        #expect(result.diagnostics.first?.note == "refer to the final object directly, or raise maxRefChain in the limits of specsmith.yaml")
    }

    @Test func aChainOfSchemaReferencesLongerThanMaxRefChainIsAnErrorAtItsStart() {
        let (lines, _) = load(Self.fixtures + "/schema-chain.yaml")
        #expect(
            lines == [
                "schema-chain.yaml:7:16: error: $ref \"#/components/schemas/S1\" starts a chain of 70 schemas that are each only a $ref, more than the limit of 64 (maxRefChain)"
            ]
        )
    }

    @Test func chainsWithinMaxRefChainLoad() {
        let (lines, result) = load(Self.fixtures + "/schema-chain.yaml", limits: LoadLimits(maxRefChain: 70))
        #expect(lines == [])
        #expect(result.document?.components.schemas.count == 71)
        let (parameterLines, _) = load(Self.fixtures + "/parameter-chain.yaml", limits: LoadLimits(maxRefChain: 70))
        #expect(parameterLines == [])
    }

    @Test func aPointerThroughTooManyReferencesIsAnError() throws {
        // Each body is only a $ref to the next; the pointer walks through all of them to reach "content".
        var text = Self.head + "components:\n  requestBodies:\n"
        for index in 0..<10 {
            text += "    B\(index): {$ref: '#/components/requestBodies/B\(index + 1)'}\n"
        }
        text += "    B10: {content: {application/json: {schema: {type: string}}}}\n"
        text += "  schemas:\n    Body: {$ref: '#/components/requestBodies/B0/content/application~1json/schema'}\n"
        let (lines, _) = load(bytes: Array(text.utf8), limits: LoadLimits(maxRefChain: 5))
        #expect(
            lines == [
                "memory.yaml:11:16: error: $ref \"#/components/requestBodies/B6\" is reached through more than 5 references in a row (maxRefChain)",
                "memory.yaml:18:18: error: $ref \"#/components/requestBodies/B0/content/application~1json/schema\" is reached through more than 5 references in a row (maxRefChain)",
            ]
        )
    }

    // MARK: maxExternalFiles

    @Test func moreExternalFilesThanMaxExternalFilesIsAnErrorAtTheRefThatPassesIt() throws {
        var text = Self.head + "components:\n  schemas:\n"
        for index in 0...100 {
            text += "    S\(index): {$ref: 'parts/s\(index).yaml#/S'}\n"
            try write("S: {type: string}\n", to: "parts/s\(index).yaml")
        }
        try write(text, to: "main.yaml")
        let (lines, _) = load(folder + "/main.yaml")
        #expect(
            lines == [
                "main.yaml:106:18: error: cannot resolve $ref \"parts/s100.yaml#/S\": reading \"parts/s100.yaml\" would make more than 100 files besides the document (maxExternalFiles)"
            ]
        )
    }

    @Test func textFilesCountAsExternalFiles() throws {
        try write(
            Self.head + "components:\n  schemas:\n    A: {$ref: 'a.yaml#/A'}\n    B: {description: {$ref: 'b.md'}}\n",
            to: "main.yaml"
        )
        try write("A: {type: string}\n", to: "a.yaml")
        try write("Hello\n", to: "b.md")
        let (lines, _) = load(folder + "/main.yaml", limits: LoadLimits(maxExternalFiles: 1))
        #expect(
            lines == [
                "main.yaml:7:29: error: cannot resolve $ref \"b.md\": reading \"b.md\" would make more than 1 files besides the document (maxExternalFiles)"
            ]
        )
        let (allowed, _) = load(folder + "/main.yaml", limits: LoadLimits(maxExternalFiles: 2))
        #expect(allowed == [])
    }

    // MARK: specsmith.yaml

    @Test func limitsAreReadFromTheConfiguration() throws {
        try write(
            """
            jobs:
              - {spec: api.yaml, output: Out, module: API}
            limits:
              maxInputBytes: 1048576
              maxDepth: 64
              maxAliasExpansionFactor: 2
              maxNodes: 100000
              maxScalarBytes: 65536
              maxRefChain: 8
              maxExternalFiles: 3

            """,
            to: "specsmith.yaml"
        )
        let (configuration, diagnostics) = Configuration.load(file: folder + "/specsmith.yaml")
        #expect(diagnostics == [])
        #expect(
            configuration?.limits
                == LoadLimits(
                    maxInputBytes: 1_048_576,
                    maxDepth: 64,
                    maxAliasExpansionFactor: 2,
                    maxNodes: 100_000,
                    maxScalarBytes: 65_536,
                    maxRefChain: 8,
                    maxExternalFiles: 3
                )
        )
    }

    @Test func withoutLimitsTheDefaultsApply() throws {
        try write("jobs:\n  - {spec: api.yaml, output: Out, module: API}\nlimits:\n  maxRefChain: 8\n", to: "specsmith.yaml")
        let (configuration, _) = Configuration.load(file: folder + "/specsmith.yaml")
        #expect(configuration?.limits == LoadLimits(maxRefChain: 8))
        #expect(LoadLimits().maxInputBytes == 64 << 20)
        #expect(LoadLimits().maxDepth == 256)
        #expect(LoadLimits().maxAliasExpansionFactor == 10)
        #expect(LoadLimits().maxNodes == 5_000_000)
        #expect(LoadLimits().maxScalarBytes == 16 << 20)
        #expect(LoadLimits().maxRefChain == 64)
        #expect(LoadLimits().maxExternalFiles == 100)
    }

    @Test func unknownOrInvalidLimitsAreErrorsAtTheirLocation() throws {
        try write(
            """
            jobs:
              - {spec: api.yaml, output: Out, module: API}
            limits:
              maxRefChian: 8
              maxDepth: -1
              maxNodes: lots
              maxExternalFiles: 0

            """,
            to: "specsmith.yaml"
        )
        let (configuration, diagnostics) = Configuration.load(file: folder + "/specsmith.yaml")
        #expect(configuration == nil)
        #expect(
            lines(diagnostics) == [
                "specsmith.yaml:4:3: error: unknown limit 'maxRefChian' (expected maxInputBytes, maxDepth, maxAliasExpansionFactor, maxNodes, maxScalarBytes, maxRefChain, maxExternalFiles)",
                "specsmith.yaml:5:13: error: limit 'maxDepth' must be a positive integer, not -1",
                "specsmith.yaml:6:13: error: expected an integer, found a string",
                "specsmith.yaml:7:21: error: limit 'maxExternalFiles' must be a positive integer, not 0",
            ]
        )
    }

    @Test func maxDepthMayBeRaisedOnlyAsFarAsTheStackAllows() throws {
        try write("jobs: []\nlimits:\n  maxDepth: 1000\n", to: "specsmith.yaml")
        let (configuration, diagnostics) = Configuration.load(file: folder + "/specsmith.yaml")
        #expect(configuration == nil)
        #expect(
            lines(diagnostics) == [
                "specsmith.yaml:3:13: error: limit 'maxDepth' may be at most 300, not 1000: the generator follows "
                    + "nesting by recursion, and deeper nesting could exhaust its stack"
            ])
        try write("jobs: []\nlimits:\n  maxDepth: 300\n", to: "specsmith.yaml")
        #expect(Configuration.load(file: folder + "/specsmith.yaml").0?.limits == LoadLimits(maxDepth: 300))
    }

    @Test func limitsMustBeAMapping() throws {
        try write("jobs: []\nlimits: [1, 2]\n", to: "specsmith.yaml")
        let (configuration, diagnostics) = Configuration.load(file: folder + "/specsmith.yaml")
        #expect(configuration == nil)
        #expect(lines(diagnostics) == ["specsmith.yaml:2:9: error: 'limits' must be a mapping, found a sequence"])
    }

    @Test func theCommandLineAppliesTheConfiguredLimits() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("specsmith").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the specsmith product first")
        try write(
            "jobs:\n  - {spec: api.yaml, output: Out, module: API}\nlimits: {maxDepth: 4}\n",
            to: "specsmith.yaml"
        )
        try write(Self.head + "x-deep: [[[[[1]]]]]\n", to: "api.yaml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["generate"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("api.yaml:4:12: error: mappings and sequences nest deeper than the limit of 4 levels (maxDepth)"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/Out"))
    }
}
