import Foundation
import Synchronization
import WorkflowModel

/// Values computed once per file and shared by the rules that need them (the structural walk).
public final class FileMemo: Sendable {
    private let values = Mutex<[String: any Sendable]>([:])

    public init() {}

    /// The value stored under `key`, computing and storing it on first use.
    public func value<T: Sendable>(for key: String, _ compute: () -> T) -> T {
        if let cached = values.withLock({ $0[key] }) as? T { return cached }
        let value = compute()
        values.withLock { $0[key] = value }
        return value
    }
}

/// What a rule may know beyond the file: the repository's other files (local actions, called
/// reusable workflows), read through a closure so examples can use an in-memory repository.
public struct LintContext: Sendable {
    /// The file's path relative to the repository root, when known (`.github/workflows/ci.yml`).
    public let relativePath: String?
    /// Reads a file by its path relative to the repository root; nil when absent or when the
    /// repository is unknown (local references are then not checked).
    public let readFile: @Sendable (String) -> String?
    /// Lists the file names in a folder given relative to the repository root; empty when absent.
    public let listDirectory: @Sendable (String) -> [String]
    /// Per-file values shared between rules; a new context has an empty memo.
    public let memo = FileMemo()
    /// The `lint:` settings of `shipgate.yml` that rules read (e.g. `allow_unpinned`).
    public let config: LintConfig

    public init(relativePath: String?, config: LintConfig = LintConfig(),
                listDirectory: @escaping @Sendable (String) -> [String] = { _ in [] },
                readFile: @escaping @Sendable (String) -> String?) {
        self.relativePath = relativePath
        self.config = config
        self.listDirectory = listDirectory
        self.readFile = readFile
    }

    /// A context with no repository: local references are not checked.
    public static var standalone: LintContext { LintContext(relativePath: nil, readFile: { _ in nil }) }

    /// Whether local references can be checked at all.
    public var knowsRepository: Bool { relativePath != nil }

    /// A context reading the repository at `root` on disk.
    public static func repository(root: String, relativePath: String, config: LintConfig = LintConfig()) -> LintContext {
        LintContext(relativePath: relativePath, config: config, listDirectory: { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: (root as NSString).appendingPathComponent(folder))) ?? []).sorted()
        }) { path in
            let full = (root as NSString).appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: full) else { return nil }
            return String(validating: data, as: UTF8.self)
        }
    }

    /// The metadata of the local action at `./path`, nil when there is none.
    public func localAction(_ reference: String) -> ActionMetadata? {
        let directory = normalized(reference)
        for name in ["action.yml", "action.yaml"] {
            let path = directory.isEmpty ? name : directory + "/" + name
            guard let text = readFile(path) else { continue }
            let source = SourceText(file: path, text: text)
            guard let root = try? YAMLDocument.parse(text, file: path) else { return nil }
            return ActionMetadata(root: root, source: source)
        }
        return nil
    }

    /// The local workflow at `./path`, nil when absent or unparseable.
    public func localWorkflow(_ reference: String) -> Workflow? {
        let path = normalized(reference)
        guard let text = readFile(path), let root = try? YAMLDocument.parse(text, file: path) else { return nil }
        return Workflow(root: root, source: SourceText(file: path, text: text))
    }

    private func normalized(_ reference: String) -> String {
        var path = Substring(reference)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
