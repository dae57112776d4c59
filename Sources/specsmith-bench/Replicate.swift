import Foundation
import SpecsmithYAML

/// `specsmith-bench replicate FILE N OUTPUT`: writes a document N times the size of FILE for
/// scaling checks. Every component (of every kind) and every path (and webhook) is there N times: copy
/// 1 as it was, copy k (k ≥ 2) under new names (components and webhooks `NameXk`, paths `/xk/path`),
/// with every internal `$ref` and `operationRef` of copy k pointing at copy k, operationIds (of
/// operations and links) `idXk`, discriminator mappings and operation security requirements naming copy
/// k's schemas and security schemes. Everything else (info, servers, tags, root security) is written
/// once. The file is read with SpecsmithYAML and written by ``YAMLWriter`` (block style), or by
/// ``JSONWriter`` (one line, as minified JSON comes) when OUTPUT ends in `.json`, so ×1 is FILE itself
/// in a uniform layout: compare copies written by this command with each other, not with FILE.
func runReplicate(_ arguments: [String]) -> Int32 {
    guard arguments.count == 3, let copies = Int(arguments[1]), copies >= 1 else {
        printError("usage: specsmith-bench replicate FILE N OUTPUT   (N ≥ 1; OUTPUT is JSON on one line if it ends in .json, else YAML)")
        return 2
    }
    let (path, output) = (arguments[0], arguments[2])
    guard let bytes = readFile(path) else {
        printError("\(path): cannot read the file")
        return 1
    }
    let root: YAMLNode
    do {
        root = try YAMLLoader.load(bytes, file: path)
    } catch {
        printError(error.description)
        return 1
    }
    guard let mapping = root.mapping else {
        printError("\(path): the document's root is not a mapping")
        return 1
    }
    let replicator = Replicator(root: mapping)
    if let clash = replicator.clash(copies: copies) {
        printError("\(path): cannot replicate: the new name \(clash) is already taken")
        return 1
    }
    let replicated = YAMLNode(mapping: replicator.replicate(copies: copies), at: root.location)
    let json = output.hasSuffix(".json")
    let text = json ? JSONWriter.text(of: replicated) : YAMLWriter.text(of: replicated)
    guard FileManager.default.createFile(atPath: output, contents: Data(text)) else {
        printError("\(output): cannot write the file")
        return 1
    }
    let components = replicator.components.values.reduce(0) { $0 + $1.count }
    print(
        "\(output): \(copies) copies of \(components) components and \(replicator.paths.count) paths, "
            + "\(text.count) bytes of \(json ? "JSON" : "YAML") (from \(bytes.count))"
    )
    return 0
}

/// Makes the copies of one document's components and paths.
struct Replicator {
    let root: YAMLMapping
    /// The names of each kind of component (`schemas`, `parameters`, ...).
    let components: [String: Set<String>]
    let paths: Set<String>
    let webhooks: Set<String>
    let operationIds: Set<String>

    init(root: YAMLMapping) {
        self.root = root
        func keys(_ node: YAMLNode?) -> Set<String> {
            Set((node?.mapping ?? YAMLMapping()).compactMap(\.keyText).filter { !$0.hasPrefix("x-") })
        }
        var components: [String: Set<String>] = [:]
        for kind in root["components"]?.mapping ?? YAMLMapping() {
            guard let name = kind.keyText, !name.hasPrefix("x-"), kind.value.mapping != nil else { continue }
            components[name] = keys(kind.value)
        }
        self.components = components
        paths = keys(root["paths"])
        webhooks = keys(root["webhooks"])
        var ids: Set<String> = []
        func collectOperationIds(_ mapping: YAMLMapping) {
            for entry in mapping {
                if entry.keyText == "operationId", let id = entry.value.scalar?.text {
                    ids.insert(id)
                } else {
                    collectOperationIds(entry.value)
                }
            }
        }
        func collectOperationIds(_ node: YAMLNode) {
            switch node.content {
            case .mapping(let mapping): collectOperationIds(mapping)
            case .sequence(let items): for item in items { collectOperationIds(item) }
            case .scalar: break
            }
        }
        collectOperationIds(root)
        operationIds = ids
    }

    static func suffix(_ copy: Int) -> String { "X\(copy)" }
    static func pathPrefix(_ copy: Int) -> String { "/x\(copy)" }

    /// A new name that an original one already has, if any.
    func clash(copies: Int) -> String? {
        guard copies >= 2 else { return nil }
        for copy in 2...copies {
            for names in components.values.map({ $0 }) + [webhooks, operationIds] {
                if let name = names.first(where: { names.contains($0 + Self.suffix(copy)) }) {
                    return name + Self.suffix(copy)
                }
            }
            if let path = paths.first(where: { paths.contains(Self.pathPrefix(copy) + $0) }) {
                return Self.pathPrefix(copy) + path
            }
        }
        return nil
    }

    /// The root's entries with `copies` copies of each component kind's entries, of `paths` and of
    /// `webhooks`.
    func replicate(copies: Int) -> [YAMLMapping.Entry] {
        var result: [YAMLMapping.Entry] = []
        for entry in root {
            switch (entry.keyText, entry.value.content) {
            case ("paths", .mapping(let mapping)):
                result.append(entry.replacingValue(replicated(mapping, copies: copies) { Self.pathPrefix($1) + $0 }))
            case ("webhooks", .mapping(let mapping)):
                result.append(entry.replacingValue(replicated(mapping, copies: copies) { $0 + Self.suffix($1) }))
            case ("components", .mapping(let kinds)):
                var newKinds: [YAMLMapping.Entry] = []
                for kind in kinds {
                    guard let name = kind.keyText, components[name] != nil,
                        case .mapping(let mapping) = kind.value.content
                    else {
                        newKinds.append(kind)
                        continue
                    }
                    newKinds.append(kind.replacingValue(replicated(mapping, copies: copies) { $0 + Self.suffix($1) }))
                }
                result.append(entry.replacingValue(newKinds))
            default:
                result.append(entry)
            }
        }
        return result
    }

    /// Every entry of `mapping` once per copy, renamed by `rename(name, copy)` from copy 2 on, with its
    /// value rewritten for that copy; `x-` extensions once.
    private func replicated(_ mapping: YAMLMapping, copies: Int, rename: (String, Int) -> String)
        -> [YAMLMapping.Entry]
    {
        var result = Array(mapping)
        guard copies >= 2 else { return result }
        for copy in 2...copies {
            for entry in mapping {
                guard let name = entry.keyText, !name.hasPrefix("x-") else { continue }
                let key = entry.key.replacingText { _ in rename(name, copy) }
                result.append(YAMLMapping.Entry(key: key, value: rewritten(entry.value, copy: copy)))
            }
        }
        return result
    }

    /// `node` with every reference made to point at copy `copy`.
    func rewritten(_ node: YAMLNode, copy: Int) -> YAMLNode {
        switch node.content {
        case .scalar:
            return node
        case .sequence(let items):
            return YAMLNode(sequence: items.map { rewritten($0, copy: copy) }, at: node.location)
        case .mapping(let mapping):
            var result: [YAMLMapping.Entry] = []
            result.reserveCapacity(mapping.count)
            for entry in mapping {
                let value: YAMLNode
                switch (entry.keyText, entry.value.content) {
                case ("$ref", .scalar), ("operationRef", .scalar):
                    value = entry.value.replacingText { reference($0, copy: copy) }
                case ("operationId", .scalar):
                    value = entry.value.replacingText { operationIds.contains($0) ? $0 + Self.suffix(copy) : $0 }
                case ("discriminator", .mapping):
                    // The values of its `mapping` name schemas, by reference or by bare name.
                    value = entry.value.changingEntries { part in
                        guard part.keyText == "mapping" else { return part }
                        return part.changingValue { targets in
                            targets.changingEntries { target in
                                target.changingValue { name in
                                    name.replacingText { discriminatorTarget($0, copy: copy) }
                                }
                            }
                        }
                    }
                case ("security", .sequence):
                    // Requirements name security schemes by their keys.
                    value = entry.value.changingItems { requirement in
                        requirement.changingEntries { scheme in
                            YAMLMapping.Entry(
                                key: scheme.key.replacingText { securityScheme($0, copy: copy) },
                                value: scheme.value
                            )
                        }
                    }
                default:
                    value = rewritten(entry.value, copy: copy)
                }
                result.append(YAMLMapping.Entry(key: entry.key, value: value))
            }
            return YAMLNode(mapping: result, at: node.location)
        }
    }

    /// `#/components/KIND/NAME...`, `#/paths/PATH...` and `#/webhooks/NAME...` of copy `copy`; any
    /// other reference (another file, a name that is not there) as it was.
    func reference(_ text: String, copy: Int) -> String {
        func split(_ rest: Substring) -> (name: Substring, remainder: Substring) {
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            return (rest[..<end], rest[end...])
        }
        if text.hasPrefix("#/components/") {
            let (kind, afterKind) = split(text.dropFirst("#/components/".count))
            let (name, remainder) = split(afterKind.dropFirst())
            guard let names = components[String(kind)], names.contains(Self.unescape(name)) else { return text }
            return "#/components/\(kind)/\(name)\(Self.suffix(copy))\(remainder)"
        }
        if text.hasPrefix("#/paths/") {
            let (name, remainder) = split(text.dropFirst("#/paths/".count))
            guard paths.contains(Self.unescape(name)) else { return text }
            return "#/paths/~1x\(copy)\(name)\(remainder)"
        }
        if text.hasPrefix("#/webhooks/") {
            let (name, remainder) = split(text.dropFirst("#/webhooks/".count))
            guard webhooks.contains(Self.unescape(name)) else { return text }
            return "#/webhooks/\(name)\(Self.suffix(copy))\(remainder)"
        }
        return text
    }

    /// A discriminator mapping's value: a reference, or the bare name of a schema.
    func discriminatorTarget(_ text: String, copy: Int) -> String {
        if text.hasPrefix("#") { return reference(text, copy: copy) }
        return components["schemas"]?.contains(text) == true ? text + Self.suffix(copy) : text
    }

    func securityScheme(_ name: String, copy: Int) -> String {
        components["securitySchemes"]?.contains(name) == true ? name + Self.suffix(copy) : name
    }

    /// A JSON pointer segment of a URI fragment as the name it stands for.
    static func unescape(_ segment: Substring) -> String {
        (String(segment).removingPercentEncoding ?? String(segment))
            .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
}

extension YAMLMapping.Entry {
    fileprivate func replacingValue(_ entries: [YAMLMapping.Entry]) -> Self {
        Self(key: key, value: YAMLNode(mapping: entries, at: value.location))
    }
}

extension YAMLMapping.Entry {
    fileprivate func changingValue(_ change: (YAMLNode) -> YAMLNode) -> Self {
        Self(key: key, value: change(value))
    }
}

extension YAMLNode {
    /// A mapping with each entry changed by `change`; any other node as it is.
    fileprivate func changingEntries(_ change: (YAMLMapping.Entry) -> YAMLMapping.Entry) -> YAMLNode {
        guard case .mapping(let mapping) = content else { return self }
        return YAMLNode(mapping: mapping.map(change), at: location)
    }

    /// A sequence with each item changed by `change`; any other node as it is.
    fileprivate func changingItems(_ change: (YAMLNode) -> YAMLNode) -> YAMLNode {
        guard case .sequence(let items) = content else { return self }
        return YAMLNode(sequence: items.map(change), at: location)
    }

    /// A scalar with its text changed by `change`; any other node as it is.
    fileprivate func replacingText(_ change: (String) -> String) -> YAMLNode {
        guard case .scalar(let s) = content else { return self }
        return YAMLNode(YAMLScalar(change(s.text), style: s.style, tag: s.tag), at: location)
    }
}
