import Foundation

/// A place in a source file: the file's path as given by the user, a 1-based line, and a 1-based column
/// counted in Unicode characters (code points), not bytes.
///
/// Every YAML node, schema and diagnostic carries one, so a location is kept to three integers: the
/// file is a ``SourceFile`` (an index into a table of paths), and copying a location touches no
/// reference count.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var sourceFile: SourceFile
    private var storedLine: Int32
    private var storedColumn: Int32

    public init(file: SourceFile, line: Int, column: Int) {
        self.sourceFile = file
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: SourceFile(file), line: line, column: column)
    }

    /// The file's path as given by the user.
    public var file: String {
        get { sourceFile.path }
        set { sourceFile = SourceFile(newValue) }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// `file:line:column`, the form compilers and editors use.
    public var description: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``description``'s UTF-8 to `out`.
    func write(to out: inout [UInt8]) {
        out += file.utf8
        out.append(UInt8(ascii: ":"))
        out += String(line).utf8
        out.append(UInt8(ascii: ":"))
        out += String(column).utf8
    }

    /// By file path, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.sourceFile != rhs.sourceFile { return lhs.file < rhs.file }
        return (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }
}

/// A file's path, stored once for the whole process: equal paths get equal values, and the value is
/// a small integer. Make one per file read and reuse it for every location in that file.
public struct SourceFile: Sendable, Hashable, CustomStringConvertible {
    private let index: UInt32

    public init(_ path: String) {
        index = Self.table.index(of: path)
    }

    /// The path as given.
    public var path: String { Self.table.path(at: index) }

    public var description: String { path }

    /// The paths seen so far. A process reads a handful of files, so the table only grows a little.
    private static let table = Table()

    private final class Table: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        private var indices: [String: UInt32] = [:]

        func index(of path: String) -> UInt32 {
            lock.lock()
            defer { lock.unlock() }
            if let index = indices[path] { return index }
            let index = UInt32(paths.count)
            paths.append(path)
            indices[path] = index
            return index
        }

        func path(at index: UInt32) -> String {
            lock.lock()
            defer { lock.unlock() }
            return paths[Int(index)]
        }
    }
}
