import SpecsmithYAML

/// libFuzzer's entry point: parses the bytes as YAML with the default limits. Any outcome but a crash,
/// a leak or a slow input is fine; the tree is walked so that every node is touched.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let root = try? YAMLLoader.load(bytes, file: "fuzz.yaml") {
        _ = countNodes(root)
    }
    return 0
}

private func countNodes(_ root: YAMLNode) -> Int {
    var count = 0
    var stack = [root]
    while let node = stack.popLast() {
        count += 1
        switch node.content {
        case .scalar:
            // Every accessor, as the loader would call them.
            _ = node.kindDescription
            _ = try? node.string()
            _ = try? node.int()
            _ = try? node.bool()
            _ = try? node.number()
        case .sequence(let items): stack.append(contentsOf: items)
        case .mapping(let mapping):
            for entry in mapping {
                stack.append(entry.key)
                stack.append(entry.value)
            }
        }
    }
    return count
}
