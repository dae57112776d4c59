import Foundation
public import SpecsmithDiagnostics
import SpecsmithYAML

/// The access level of generated declarations.
public enum AccessLevel: String, Sendable, Hashable, CaseIterable {
    case `public`
    case package
    case `internal`
}

/// One generation: a spec, the folder its Swift goes to, and the module that folder is.
public struct GenerationJob: Sendable, Hashable {
    /// The OpenAPI document, as written in the configuration (relative to the current folder).
    public var spec: String
    /// The folder the generated files are written to; Specsmith owns the files it generated there.
    public var output: String
    /// The Swift module the generated files belong to.
    public var module: String
    /// The access level of the generated declarations.
    public var access: AccessLevel
    /// A folder of templates that replace the defaults of the same name.
    public var templates: String?
    /// Whether validators assert `format` (`date`, `time`, `uuid`, `email`, `uri` on strings) rather
    /// than treat it as an annotation, as JSON Schema 2020-12 does by default. A document can also
    /// opt in with `x-specsmith-assert-formats: true` at its root.
    public var assertFormats: Bool

    public init(
        spec: String, output: String, module: String, access: AccessLevel = .public, templates: String? = nil,
        assertFormats: Bool = false
    ) {
        self.spec = spec
        self.output = output
        self.module = module
        self.access = access
        self.templates = templates
        self.assertFormats = assertFormats
    }
}

extension GenerationJob {
    /// Whether `name` can be a job's module: a Swift identifier of ASCII letters, digits and `_`, not
    /// starting with a digit, as SwiftPM makes of a target's name. The client type is named after it.
    public static func isModuleName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                true
            default: false
            }
        }
    }

    /// The message for a module name that ``isModuleName(_:)`` refuses.
    public static func moduleNameProblem(_ name: String) -> String {
        "module '\(name)' is not a Swift identifier (letters, digits and _, not starting with a digit)"
    }
}

/// `specsmith.yaml`: the generation jobs of a repository, and optionally the limits every document
/// is loaded with.
///
/// ```yaml
/// jobs:
///   - spec: specs/eval.yaml
///     output: Sources/EvalAPI
///     module: EvalAPI
///     access: public          # public (default), package or internal
///     templates: Templates/custom   # optional
/// limits:                     # optional; each key optional, see LoadLimits for the defaults
///   maxInputBytes: 67108864
///   maxRefChain: 64
/// ```
public struct Configuration: Sendable, Hashable {
    /// The configuration's file name, looked for in the current folder.
    public static let fileName = "specsmith.yaml"

    /// The generation jobs, in order.
    public var jobs: [GenerationJob]
    /// The limits every document is loaded with: the defaults, with any given in `limits:`.
    public var limits: LoadLimits

    /// Creates the value; every part but the required ones has a default.
    public init(jobs: [GenerationJob], limits: LoadLimits = LoadLimits()) {
        self.jobs = jobs
        self.limits = limits
    }

    /// Reads a configuration file, reporting every problem in it at its location.
    public static func load(file: String) -> (configuration: Configuration?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: file) else {
            return (nil, [.error("cannot read \(file)", at: nil)])
        }
        let root: YAMLNode
        do {
            root = try YAMLLoader.load([UInt8](data), file: file)
        } catch {
            return (nil, error.diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        guard let top = root.mapping else {
            return (nil, [.error("expected a mapping with a 'jobs' list, found \(root.kindDescription)", at: root.location)])
        }
        var jobs: [GenerationJob] = []
        var limits = LoadLimits()
        for entry in top {
            switch entry.keyText {
            case "limits":
                limits = readLimits(entry.value, &diagnostics)
            case "jobs":
                guard let list = entry.value.sequence else {
                    diagnostics.append(.error("'jobs' must be a list, found \(entry.value.kindDescription)", at: entry.value.location))
                    continue
                }
                // Each job's folder, spelled one way, and where it is first given: a second job writing
                // into it would replace the first one's files and remove the rest as stale.
                var outputs: [String: SourceLocation] = [:]
                for item in list {
                    guard let job = readJob(item, &diagnostics) else { continue }
                    let location = item.mapping?["output"]?.location ?? item.location
                    let folder = ReferenceParsing.normalise(job.output)
                    if let first = outputs[folder] {
                        diagnostics.append(
                            .error(
                                "output '\(job.output)' is also the folder of the job at line \(first.line); "
                                    + "each job needs a folder of its own", at: location))
                    } else {
                        outputs[folder] = location
                    }
                    jobs.append(job)
                }
            default:
                diagnostics.append(
                    .error("unknown key '\(entry.keyText ?? "?")' (expected 'jobs' or 'limits')", at: entry.key.location))
            }
        }
        if top["jobs"] == nil {
            diagnostics.append(.error("missing 'jobs'", at: root.location))
        }
        let configuration = diagnostics.hasErrors ? nil : Configuration(jobs: jobs, limits: limits)
        return (configuration, diagnostics.sortedByLocation())
    }

    /// Reads `limits:`: a mapping from limit names to positive integers, each optional.
    private static func readLimits(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> LoadLimits {
        var limits = LoadLimits()
        guard let mapping = node.mapping else {
            if !node.isNull {
                diagnostics.append(.error("'limits' must be a mapping, found \(node.kindDescription)", at: node.location))
            }
            return limits
        }
        let names = LoadLimits.settings.map(\.name)
        for entry in mapping {
            let key = entry.keyText ?? "?"
            guard let setting = LoadLimits.settings.first(where: { $0.name == key }) else {
                diagnostics.append(
                    .error("unknown limit '\(key)' (expected \(names.joined(separator: ", ")))", at: entry.key.location))
                continue
            }
            do {
                let value = try entry.value.int()
                guard value > 0 else {
                    diagnostics.append(.error("limit '\(key)' must be a positive integer, not \(value)", at: entry.value.location))
                    continue
                }
                if key == "maxDepth", value > LoadLimits.maxDepthCeiling {
                    diagnostics.append(
                        .error(
                            "limit 'maxDepth' may be at most \(LoadLimits.maxDepthCeiling), not \(value): the generator "
                                + "follows nesting by recursion, and deeper nesting could exhaust its stack",
                            at: entry.value.location))
                    continue
                }
                limits[keyPath: setting.keyPath] = value
            } catch {
                diagnostics.append(error)
            }
        }
        return limits
    }

    private static func readJob(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> GenerationJob? {
        guard let mapping = node.mapping else {
            diagnostics.append(.error("a job must be a mapping, found \(node.kindDescription)", at: node.location))
            return nil
        }
        var values: [String: String] = [:]
        var assertFormats = false
        for entry in mapping {
            let key = entry.keyText ?? "?"
            guard ["spec", "output", "module", "access", "templates", "assertFormats"].contains(key) else {
                diagnostics.append(
                    .error(
                        "unknown key '\(key)' in a job (expected spec, output, module, access, templates, assertFormats)",
                        at: entry.key.location))
                continue
            }
            if key == "assertFormats" {
                do {
                    assertFormats = try entry.value.bool()
                } catch {
                    diagnostics.append(error)
                }
                continue
            }
            do {
                values[key] = try entry.value.string()
            } catch {
                diagnostics.append(error)
            }
        }
        var complete = true
        for key in ["spec", "output", "module"] where values[key] == nil {
            diagnostics.append(.error("a job needs '\(key)'", at: node.location))
            complete = false
        }
        // An empty output would put the files at the root of the file system ("" + "/Models.swift").
        for key in ["spec", "output", "templates"] where values[key]?.isEmpty == true {
            diagnostics.append(.error("a job's '\(key)' must not be empty", at: mapping[key]?.location))
            complete = false
        }
        if let module = values["module"], !GenerationJob.isModuleName(module) {
            diagnostics.append(.error(GenerationJob.moduleNameProblem(module), at: mapping["module"]?.location))
            complete = false
        }
        var access = AccessLevel.public
        if let text = values["access"] {
            if let level = AccessLevel(rawValue: text) {
                access = level
            } else {
                diagnostics.append(.error("access must be public, package or internal, not '\(text)'", at: mapping["access"]?.location))
                complete = false
            }
        }
        guard complete, let spec = values["spec"], let output = values["output"], let module = values["module"] else {
            return nil
        }
        return GenerationJob(
            spec: spec, output: output, module: module, access: access, templates: values["templates"],
            assertFormats: assertFormats)
    }
}
