import Foundation
import SpecsmithDiagnostics
import SpecsmithYAML

/// A `$ref` value taken apart: the file it points into and the JSON Pointer inside it.
struct ReferenceTarget {
    /// The target file's path, normalised, relative to the current directory like the root's.
    var file: String
    /// The unescaped pointer tokens.
    var tokens: [String]
    /// The URI the reference names, when it was resolved against a document's URI (OpenAPI 3.2's `$self`).
    var uri: URIReference?

    /// `file#/escaped/pointer`, the pointer as ``JSONPointer/idPointer(_:)`` writes it.
    var id: String { file + "#" + JSONPointer.idPointer(tokens) }
}

enum ReferenceParsing {
    /// Splits a `$ref` into file and pointer relative to the referring file. Returns the reason it
    /// cannot be used on failure.
    ///
    /// With the referring document's URI (`base`, from OpenAPI 3.2's `$self`), the reference is resolved against
    /// it first: a URI that is a document's own (`documentFile`) names that document's file, and one with the same
    /// scheme and authority as the base names the file at the same relative path beside the referring file. Any
    /// other is read as without a base.
    static func parse(
        _ ref: String, from referringFile: String, base: URIReference? = nil,
        documentFile: (URIReference) -> String? = { _ in nil }
    ) -> Result<ReferenceTarget, ReferenceError> {
        let hash = ref.firstIndex(of: "#")
        var filePart = String(ref[..<(hash ?? ref.endIndex)])
        let fragment = hash.map { String(ref[ref.index(after: $0)...]) } ?? ""
        var uri: URIReference?
        var knownFile: String?
        var isBesideReferringFile = false
        if let base, !filePart.isEmpty {
            let resolved = base.resolving(URIReference(filePart))
            if let file = documentFile(resolved) {
                uri = resolved
                filePart = ""
                knownFile = file
                isBesideReferringFile = true
            } else if let path = base.relativePath(to: resolved) {
                uri = resolved
                filePart = path
                isBesideReferringFile = true
            }
        }
        // Bytes first: Foundation's substring search is slow, and most references have no `:`.
        if !isBesideReferringFile,
            filePart.containsByte(where: { $0 == UInt8(ascii: ":") }) && filePart.contains("://")
                || filePart.hasPrefix("//")
        {
            return .failure(.init("references to URLs are not supported; download the file and refer to it by path"))
        }
        guard let decodedFragment = percentDecode(fragment), let decodedFile = percentDecode(filePart) else {
            return .failure(.init("invalid percent-encoding"))
        }
        if !decodedFragment.isEmpty && !decodedFragment.hasPrefix("/") {
            return .failure(
                .init(
                    "anchors (\"#\(decodedFragment)\") are not supported; use a JSON Pointer such as \"#/components/schemas/Name\""
                )
            )
        }
        let file = knownFile ?? (decodedFile.isEmpty ? referringFile : resolve(decodedFile, relativeTo: referringFile))
        return .success(ReferenceTarget(file: file, tokens: JSONPointer.tokens(decodedFragment), uri: uri))
    }

    /// `relative` resolved against the directory of `file`, with `.` and `..` segments removed.
    static func resolve(_ relative: String, relativeTo file: String) -> String {
        if relative.hasPrefix("/") { return normalise(relative) }
        let lastSlash = file.isASCII ? file.utf8.lastIndex(of: UInt8(ascii: "/")) : file.lastIndex(of: "/")
        guard let slash = lastSlash else { return normalise(relative) }
        return normalise(String(file[...slash]) + relative)
    }

    /// `path` from the root of the file system, normalised: one spelling for every way of writing a path.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : normalise(FileManager.default.currentDirectoryPath + "/" + path)
    }

    static func normalise(_ path: String) -> String {
        if path.isASCII { return normaliseASCII(path) }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// ``normalise(_:)`` for an ASCII path, whose characters are its bytes: the segments are read and
    /// compared in place, which costs a fraction of splitting the text into substrings.
    private static func normaliseASCII(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            let absolute = bytes.first == UInt8(ascii: "/")
            var parts: [Range<Int>] = []
            func isParent(_ part: Range<Int>) -> Bool {
                part.count == 2 && bytes[part.lowerBound] == UInt8(ascii: ".")
                    && bytes[part.lowerBound + 1] == UInt8(ascii: ".")
            }
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                let part = start..<end
                start = end + 1
                if part.isEmpty || part.count == 1 && bytes[part.lowerBound] == UInt8(ascii: ".") { continue }
                if isParent(part) {
                    if let last = parts.last, !isParent(last) {
                        parts.removeLast()
                    } else if !absolute {
                        parts.append(part)
                    }
                } else {
                    parts.append(part)
                }
            }
            var normalised: [UInt8] = []
            normalised.reserveCapacity(bytes.count + 1)
            if absolute { normalised.append(UInt8(ascii: "/")) }
            for (number, part) in parts.enumerated() {
                if number > 0 { normalised.append(UInt8(ascii: "/")) }
                normalised.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part]))
            }
            return String(decoding: normalised, as: UTF8.self)
        }
    }

    /// Decodes `%XX` escapes as UTF-8; `nil` when an escape is malformed or the bytes are no UTF-8.
    static func percentDecode(_ text: String) -> String? {
        guard text.containsByte(where: { $0 == UInt8(ascii: "%") }) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

struct ReferenceError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A node found by following a `$ref`.
struct LocatedNode {
    var node: YAMLNode
    var file: String
    var id: String
}

extension LoadSession {
    /// The root node of a file named by a `$ref`, loading it on first use: `nil` inside when it was
    /// read but has YAML errors (reported once, when first loaded); a failure when it cannot be read.
    func fileRoot(_ path: String) -> Result<YAMLNode?, FileReadFailure> {
        if let cached = files[path] { return .success(cached) }
        if let failure = unreadableFiles[path] { return .failure(failure) }
        if let shared {
            if let cached = shared.files[path] { return .success(cached) }
            if let failure = shared.unreadableFiles[path] { return .failure(failure) }
            needsSharedSession = true
            return .failure(.missing)
        }
        switch readExternalFile(path) {
        case .success(let bytes):
            let root = parse(bytes, file: path)
            files[path] = root
            addSpelling(of: path)
            if version >= .v32, let mapping = root?.mapping, mapping["openapi"] != nil, let node = mapping["$self"] {
                readSelf(node, file: path)
            }
            return .success(root)
        case .failure(let failure):
            unreadableFiles[path] = failure
            return .failure(failure)
        }
    }

    /// Records `path` as the spelling of the file it names, for ``parseReference(_:from:)``.
    func addSpelling(of path: String) {
        let absolute = ReferenceParsing.absolute(path)
        if spellings[absolute] == nil { spellings[absolute] = path }
    }

    /// Parses a `$ref` like ``ReferenceParsing/parse(_:from:)``, with its file spelled as when that file
    /// was first read: `b.yaml`, `../api/b.yaml` and `/api/b.yaml` name one file, whose nodes are read
    /// once and whose schemas are one type each.
    func parseReference(_ written: String, from file: String) -> Result<ReferenceTarget, ReferenceError> {
        let base = documentURIs[file] ?? shared?.documentURIs[file]
        let documentFile = { (uri: URIReference) in self.documentFiles[uri] ?? self.shared?.documentFiles[uri] }
        return ReferenceParsing.parse(written, from: file, base: base, documentFile: documentFile).map { target in
            var target = target
            let path = target.file
            if files[path] != nil || shared?.files[path] != nil { return target }
            if let known = spellings[path] ?? shared?.spellings[path] {
                target.file = known
            } else {
                let absolute = ReferenceParsing.absolute(path)
                if let first = spellings[absolute] ?? shared?.spellings[absolute], first != path {
                    spellings[path] = first
                    target.file = first
                }
            }
            // A file first reached through a URI has that URI as its base, unless it gives its own `$self`.
            if shared == nil, let uri = target.uri, files[target.file] == nil, documentURIs[target.file] == nil {
                documentURIs[target.file] = uri
                if documentFiles[uri] == nil { documentFiles[uri] = target.file }
            }
            return target
        }
    }

    /// Takes a document's `$self` (OpenAPI 3.2) as its URI: the base its references are resolved against (see
    /// ``ReferenceParsing/parse(_:from:base:)``), itself resolved against the URI the file was reached through,
    /// or else the file's own `file:` URI. A value that is no URI reference without a fragment is reported and
    /// ignored; so is one that a file read before gave (references to the URI keep reading that file).
    func readSelf(_ node: YAMLNode, file: String) {
        guard let text = stringValue(node, key: "$self") else { return }
        if let problem = URIReference.problem(with: text) {
            report(.invalidSelf(text, problem, at: node.location))
            return
        }
        let retrieval = documentURIs[file] ?? URIReference.file(ReferenceParsing.absolute(file))
        let uri = retrieval.resolving(URIReference(text))
        if let first = documentFiles[uri] ?? shared?.documentFiles[uri], first != file {
            // Two documents claiming one URI: references to it keep reading the first, and this one's own
            // references are resolved as if it gave no `$self`.
            report(.sharedSelf(text, firstFile: first, at: node.location))
            return
        }
        documentURIs[file] = uri
        documentFiles[uri] = file
    }

    /// The bytes of a file other than the root, counted against ``LoadLimits/maxExternalFiles``.
    func readExternalFile(_ path: String) -> Result<[UInt8], FileReadFailure> {
        guard externalFilesRead < limits.maxExternalFiles else {
            return .failure(.tooManyFiles(limit: limits.maxExternalFiles))
        }
        let result = readFile(path)
        if case .success = result { externalFilesRead += 1 }
        return result
    }

    /// The bytes of a file: only a regular file no larger than ``LoadLimits/maxInputBytes``, its size
    /// checked before it is read (a reference to `/dev/zero` or a named pipe must not hang the load,
    /// and a huge file must not be read to be refused).
    ///
    /// The file is examined with `stat`, at a small part of the cost of `FileManager.attributesOfItem`:
    /// documents name dozens of Markdown files, most of them missing. A symbolic link is followed, so
    /// a link to a document reads the document, and a link to a device is refused like the device.
    func readFile(_ path: String) -> Result<[UInt8], FileReadFailure> {
        // A NUL would cut the path short for `stat`; Foundation refuses such a path.
        guard !path.utf8.contains(0) else { return .failure(.missing) }
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(.missing) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        let size = Int(status.st_size)
        guard size <= limits.maxInputBytes else {
            return .failure(.tooLarge(bytes: size, limit: limits.maxInputBytes))
        }
        guard let bytes = Self.contents(ofRegularFile: path, size: size) else { return .failure(.missing) }
        return .success(bytes)
    }

    /// The first `size` bytes of a file (fewer if it has shrunk), read straight into the array:
    /// `FileManager.contents(atPath:)` reads into a `Data` that then has to be copied, about 0.5M
    /// instructions for a 475 KB document, on the one thread that the load starts on.
    private static func contents(ofRegularFile path: String, size: Int) -> [UInt8]? {
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let read = Foundation.read(file, buffer.baseAddress! + count, size - count)
                if read > 0 {
                    count += read
                } else if read == 0 {
                    break
                } else if errno != EINTR {
                    failed = true
                    break
                }
            }
        }
        return failed ? nil : bytes
    }

    /// Parses bytes as YAML and records the text for the renderer: for a large file, decoded on another
    /// thread while this one parses (``LoadConcurrency/decodesTextConcurrently(count:)``).
    func parse(_ bytes: [UInt8], file: String) -> YAMLNode? {
        if concurrency.decodesTextConcurrently(count: bytes.count) {
            decodingSources.append((file, DecodedText(bytes)))
        } else {
            sources[file] = String(decoding: bytes, as: UTF8.self)
        }
        do {
            return try YAMLLoader.load(bytes, file: file, limits: limits.yaml, parallelism: concurrency.yaml)
        } catch {
            for diagnostic in error.diagnostics { report(diagnostic) }
            return nil
        }
    }

    /// Follows a `$ref` to its node, reporting an error at `location` when it cannot.
    func locate(_ written: String, from file: String, at location: SourceLocation) -> LocatedNode? {
        let target: ReferenceTarget
        switch parseReference(written, from: file) {
        case .success(let t): target = t
        case .failure(let error):
            report(.unresolvedReference(written, error.reason, at: location))
            return nil
        }
        let loaded: YAMLNode?
        switch fileRoot(target.file) {
        case .success(let root): loaded = root
        case .failure(let failure):
            report(.unresolvedReference(written, failure.reason(target.file), at: location))
            return nil
        }
        guard var node = loaded else {
            report(.unresolvedReference(written, "file \"\(target.file)\" has errors", at: location))
            return nil
        }
        var walked: [String] = []
        var nodeFile = target.file
        for token in target.tokens {
            var next: YAMLNode?
            switch node.content {
            case .mapping(let mapping): next = mapping[token]
            case .sequence(let items): next = Int(token).flatMap { items.indices.contains($0) ? items[$0] : nil }
            case .scalar: next = nil
            }
            // A pointer that passes through a `$ref` (into a referenced request body, say) continues
            // in the referenced node.
            var hops = 0
            while next == nil, let refText = node.mapping?["$ref"].flatMap({ try? $0.string() }),
                case .success(let via) = parseReference(refText, from: nodeFile),
                case .success(let viaRoot?) = fileRoot(via.file), let viaNode = Self.walk(viaRoot, via.tokens)
            {
                guard hops < limits.maxRefChain else {
                    report(.referencesTooDeep(written, limit: limits.maxRefChain, at: location))
                    return nil
                }
                hops += 1
                node = viaNode
                nodeFile = via.file
                next =
                    node.mapping?[token]
                    ?? node.sequence.flatMap { items in
                        Int(token).flatMap { items.indices.contains($0) ? items[$0] : nil }
                    }
            }
            guard let found = next else {
                let place = walked.isEmpty ? "the document" : "\"#\(JSONPointer.pointer(walked))\""
                let fileText = target.file == file ? "" : " of \"\(target.file)\""
                report(.unresolvedReference(written, "\(place)\(fileText) has no \"\(token)\"", at: location))
                return nil
            }
            walked.append(token)
            node = found
        }
        return LocatedNode(node: node, file: nodeFile, id: target.id)
    }

    /// Follows pointer tokens through mappings and sequences, without following references.
    static func walk(_ root: YAMLNode, _ tokens: [String]) -> YAMLNode? {
        var node = root
        for token in tokens {
            switch node.content {
            case .mapping(let mapping):
                guard let next = mapping[token] else { return nil }
                node = next
            case .sequence(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                node = items[index]
            case .scalar:
                return nil
            }
        }
        return node
    }

    /// Reads a parameter, request body, header or response that may be given as `$ref`, like
    /// ``referable(_:file:object:read:)``: the value remembers the id of the object its references lead
    /// to, and in 3.1 the `description` written next to the `$ref` replaces its own.
    func referableObject<T: ReferableObject>(
        _ node: YAMLNode, file: String, object: String, read: (YAMLNode, String) -> T?
    ) -> T? {
        // Destructured, so that the value is moved out of the result rather than copied.
        guard case (var value, let referenceID, let description)? = referable(node, file: file, object: object, read: read) else {
            return nil
        }
        if let referenceID { value.referenceID = referenceID }
        if let description { value.describe(description) }
        return value
    }

    /// Reads an object that may be given as `$ref` (parameter, response, request body, header,
    /// example, security scheme, path item): follows references (each target read once, cycles
    /// reported), and returns the value with the id of the object at the end of the chain of references
    /// and, in 3.1, the `description` written next to the first `$ref`.
    func referable<T>(
        _ node: YAMLNode,
        file: String,
        object: String,
        read: (YAMLNode, String) -> T?
    ) -> (value: T, referenceID: String?, description: String?)? {
        guard let mapping = node.mapping, let refEntry = mapping.entry("$ref") else {
            // Not `map`: its closure would copy the value into the tuple.
            guard let value = read(node, file) else { return nil }
            return (value, nil, nil)
        }
        guard let written = stringValue(refEntry.value, key: "$ref") else { return nil }
        var description: String?
        var ignored: [String] = []
        for entry in mapping where entry.keyText != "$ref" {
            let key = entry.keyText ?? ""
            if version >= .v31 && key == "description" {
                description = textValue(entry.value, file: file, key: key)
            } else if version >= .v31 && key == "summary" {
                continue
            } else {
                ignored.append(key)
            }
        }
        if !ignored.isEmpty {
            report(
                .referenceSiblingsIgnored(
                    ignored,
                    version: version,
                    at: mapping.entry(ignored[0])?.key.location ?? node.location
                )
            )
        }
        guard let target = locate(written, from: file, at: refEntry.value.location) else { return nil }
        let cacheKey = object + " " + target.id
        if let cached = (objectCache[cacheKey] ?? shared?.objectCache[cacheKey]) as? T {
            let end = objectChainEnds[cacheKey] ?? shared?.objectChainEnds[cacheKey]
            return (cached, end ?? target.id, description)
        }
        if shared != nil {
            needsSharedSession = true
            return nil
        }
        if referencesInProgress.contains(cacheKey) {
            report(.referenceCycle(written, at: refEntry.value.location))
            return nil
        }
        // A reference on a chain found too long fails again without another error: otherwise each
        // component along the chain, and each reference into it, would report it once more.
        if tooDeepReferences.contains(cacheKey) { return nil }
        if referencesFollowed >= limits.maxRefChain {
            report(.referencesTooDeep(written, limit: limits.maxRefChain, at: refEntry.value.location))
            tooDeepReferences.insert(cacheKey)
            tooDeepReferences.formUnion(referencesInProgress)
            return nil
        }
        referencesInProgress.insert(cacheKey)
        referencesFollowed += 1
        defer {
            referencesInProgress.remove(cacheKey)
            referencesFollowed -= 1
        }
        guard case (let value, let end, _)? = referable(target.node, file: target.file, object: object, read: read) else {
            return nil
        }
        objectCache[cacheKey] = value
        if let end { objectChainEnds[cacheKey] = end }
        return (value, end ?? target.id, description)
    }

    /// Reads a component of the root document (`components.parameters.Name`, ...) once, so that
    /// references to it later find it in the cache; `adopt` gives the value what its own `$ref` says (the
    /// id at the chain's end, the description beside it) before it is cached.
    func component<T>(
        _ node: YAMLNode,
        kind: String,
        name: String,
        object: String,
        read: (YAMLNode, String) -> T?,
        adopt: (inout T, _ end: String?, _ description: String?) -> Void = { _, _, _ in }
    ) -> (value: T, referenceID: String?, description: String?)? {
        let id = componentID(kind, name)
        let cacheKey = object + " " + id
        if let cached = objectCache[cacheKey] as? T { return (cached, nil, nil) }
        referencesInProgress.insert(cacheKey)
        defer { referencesInProgress.remove(cacheKey) }
        guard case (var value, let end, let description)? = referable(node, file: rootFile, object: object, read: read)
        else { return nil }
        adopt(&value, end, description)
        objectCache[cacheKey] = value
        if let end { objectChainEnds[cacheKey] = end }
        return (value, end, description)
    }

    /// Reads a component that remembers which object a `$ref` stands for (a parameter, request body, header
    /// or response), like ``component(_:kind:name:object:read:)``: a component that is itself a `$ref`
    /// (`Missing: {$ref: '#/components/responses/NotFound', description: ...}`) is the object at its chain's
    /// end, with, in 3.1, the `description` written beside its `$ref`. A reference to the component then
    /// finds it so.
    func component<T: ReferableObject>(
        _ node: YAMLNode,
        kind: String,
        name: String,
        object: String,
        read: (YAMLNode, String) -> T?
    ) -> (value: T, referenceID: String?, description: String?)? {
        component(node, kind: kind, name: name, object: object, read: read) { value, end, description in
            if let end { value.referenceID = end }
            if let description { value.describe(description) }
        }
    }

    /// Text such as a `description`: a string, or `{$ref: file}` naming a text file (Markdown, say)
    /// whose contents become the text. A missing file is counted and reported once per load.
    func textValue(_ node: YAMLNode, file: String, key: String) -> String? {
        guard let mapping = node.mapping, let refEntry = mapping.entry("$ref") else {
            return stringValue(node, key: key)
        }
        guard let written = stringValue(refEntry.value, key: "$ref") else { return nil }
        // The byte test first: Foundation's `contains` is slow, and most of these name a file.
        if written.containsByte(where: { $0 == UInt8(ascii: "#") }) && written.contains("#") {
            guard let target = locate(written, from: file, at: refEntry.value.location) else { return nil }
            return stringValue(target.node, key: key)
        }
        let path = ReferenceParsing.resolve(ReferenceParsing.percentDecode(written) ?? written, relativeTo: file)
        if let text = textFiles[path] ?? shared?.textFiles[path] { return text }
        if shared != nil {
            // A worker notes a missing file as the shared session would; anything else is the shared
            // session's to do, since a file read counts against `maxExternalFiles`.
            if case .failure(.missing) = readFile(path) {
                missingTextFiles.append((written, refEntry.value.location))
            } else {
                needsSharedSession = true
            }
            return nil
        }
        let bytes: [UInt8]
        switch readExternalFile(path) {
        case .success(let read): bytes = read
        case .failure(.missing):
            missingTextFiles.append((written, refEntry.value.location))
            return nil
        case .failure(let failure):
            report(.unresolvedReference(written, failure.reason(path), at: refEntry.value.location))
            return nil
        }
        var text = String(decoding: bytes, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        textFiles[path] = text
        return text
    }

    /// Resolves a schema `$ref` to a ``SchemaReference``, reading its target into the schema table
    /// the first time. A cycle simply finds the target already in the table.
    func schemaReference(_ refNode: YAMLNode, from file: String) -> SchemaReference? {
        guard let written = stringValue(refNode, key: "$ref") else { return nil }
        let id: String
        let key = CodePointKey(written)
        if let local = Self.localID(written, in: file) {
            id = local
        } else if let known = schemaReferenceIDs[file]?[key] ?? shared?.schemaReferenceIDs[file]?[key] {
            id = known
        } else {
            guard case .success(let parsed) = parseReference(written, from: file) else {
                _ = locate(written, from: file, at: refNode.location)
                return nil
            }
            id = parsed.id
            schemaReferenceIDs[file, default: [:]][key] = id
        }
        let reference = SchemaReference(id: id, written: written, location: refNode.location)
        if isEntered(id) { return reference }
        guard let target = locate(written, from: file, at: refNode.location) else { return nil }
        return schemaReference(to: target, written: written, at: refNode.location)
    }

    /// The canonical id of a `$ref` into its own file whose pointer needs no unescaping and no encoding
    /// (`#/components/schemas/Pet`: ASCII, without `%` or `~`), the commonest kind: the file's path and the
    /// text as written, which is what ``parseReference(_:from:)`` and ``JSONPointer/idPointer(_:)`` make of
    /// it (the file being read is loaded, so its spelling stands), at a small part of their cost and of a
    /// look-up in ``schemaReferenceIDs``. `nil` for any other reference.
    static func localID(_ written: String, in file: String) -> String? {
        let isLocal = written.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == UInt8(ascii: "/") else { return false }
            return !bytes.contains { $0 >= 0x80 || $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "~") }
        }
        guard isLocal == true else { return nil }
        return file + written
    }

    /// The canonical id of the root document's component `name` of `kind` (`schemas`, `responses`...).
    func componentID(_ kind: String, _ name: String) -> String {
        JSONPointer.componentID(file: rootFile, kind: kind, name: name)
    }

    /// Enters a located schema into the table under its id (once) and returns a reference to it.
    /// The schema itself is read later, by ``readPendingSchemas()``, so that long chains of
    /// references never nest calls (and cycles need no special case).
    func schemaReference(to target: LocatedNode, written: String, at location: SourceLocation) -> SchemaReference {
        let reference = SchemaReference(id: target.id, written: written, location: location)
        if isEntered(target.id) { return reference }
        schemas[target.id] = Schema(location: target.node.location)
        pendingSchemas.append(target)
        return reference
    }

    /// Whether a schema is in the table already; for a worker, in its own or the shared session's.
    /// A worker enters into its own table, and ``adopt(_:)`` enters those schemas into the shared one.
    private func isEntered(_ id: String) -> Bool {
        schemas.contains(key: id) || shared?.schemas.contains(key: id) == true
    }

    /// Reads every schema entered into the table and not read yet, including those they reach: those
    /// pending at once concurrently when there are enough of them (``readConcurrently(_:_:)``).
    func readPendingSchemas() {
        var next = 0
        while next < pendingSchemas.count {
            // The schemas pending now; reading them enters more at the end of `pendingSchemas`.
            let targets = pendingSchemas
            let first = next
            let reads = readConcurrently(targets.count - first) { worker, index in
                let target = targets[first + index]
                return worker.readSchema(target.node.withOwnStorage(), file: Self.privateCopy(target.file))
            }
            guard let reads else {
                let target = pendingSchemas[next]
                next += 1
                schemas[target.id] = readSchema(target.node, file: target.file)
                continue
            }
            for (offset, read) in reads.enumerated() {
                let target = targets[first + offset]
                if case let (schema, takeOver)? = read, adopt(takeOver) {
                    schemas[target.id] = schema
                } else {
                    schemas[target.id] = readSchema(target.node, file: target.file)
                }
            }
            next = targets.count
        }
        pendingSchemas.removeAll()
    }

    /// Reports every chain of schemas that are each only a `$ref` to the next and that is longer than
    /// ``LoadLimits/maxRefChain``, once, at the `$ref` that starts it. Following such a chain costs
    /// every later stage a step per link, each time it looks through a reference.
    func checkSchemaReferenceChains() {
        // The length of the chain from each pure reference, found without recursion: walk forward to
        // a schema that is not a pure reference (or one already measured, or a cycle), then assign the
        // lengths on the way back.
        var lengths: [String: Int] = [:]
        var targets: Set<String> = []
        for entry in schemas where entry.value.isPureReference {
            let id = entry.key
            if let next = entry.value.ref?.id { targets.insert(next) }
            guard lengths[id] == nil else { continue }
            var path: [String] = []
            var onPath: Set<String> = []
            var current = id
            var end = 0
            while let next = schemas[current], next.isPureReference, let ref = next.ref {
                if let known = lengths[current] {
                    end = known
                    break
                }
                guard onPath.insert(current).inserted else { break }  // a cycle: counted once around
                path.append(current)
                current = ref.id
            }
            for link in path.reversed() {
                end += 1
                lengths[link] = end
            }
        }
        for entry in schemas where entry.value.isPureReference && !targets.contains(entry.key) {
            guard let length = lengths[entry.key], length > limits.maxRefChain, let ref = entry.value.ref else {
                continue
            }
            report(.schemaReferenceChainTooLong(ref.written, length: length, limit: limits.maxRefChain, at: ref.location))
        }
    }
}

/// An object that a `$ref` may stand for and that remembers which one: see
/// ``LoadSession/referableObject(_:file:object:read:)``.
protocol ReferableObject {
    var referenceID: String? { get set }
    /// Takes the description written next to a `$ref` to it.
    mutating func describe(_ description: String)
}

extension Parameter: ReferableObject {
    mutating func describe(_ description: String) { self.description = description }
}

extension RequestBody: ReferableObject {
    mutating func describe(_ description: String) { self.description = description }
}

extension Header: ReferableObject {
    mutating func describe(_ description: String) { self.description = description }
}

extension Response: ReferableObject {
    mutating func describe(_ description: String) { self.description = description }
}
