import CLibgit2
import Foundation

/// The fast path of `status()`, for the common case: nothing staged (the index's cache tree is
/// HEAD's tree), no conflicts, a few edits in a large tree.
///
/// Like git's own refresh, a tracked file whose `lstat` matches its index entry (times, size,
/// inode, mode) and is not racily clean is trusted unchanged; the others are hashed and compared.
/// Anything unusual (a staged change, conflicts, submodules, attributes or line-ending filters,
/// thousands of changes) returns nil, and the caller runs libgit2's full status instead.
extension Repository {
    /// Most changed paths the fast path handles before leaving the work to libgit2.
    static let candidateLimit = 2000

    func fastStatus() throws -> StatusSummary? {
        guard let workTree, !isHeadUnborn, let headID = try head().id,
              let index = IndexFile.read(gitDirectory + "/index") else { return nil }
        defer { index.release() }
        let headTree: ObjectID = try withCommit(headID) { ObjectID(git_commit_tree_id($0)) }
        guard index.cacheTreeRoot == headTree,
              !index.entries.contains(where: { $0.stage != 0 || $0.extendedFlags != 0 || $0.mode & 0o170000 == 0o160000 }) else {
            return nil
        }
        var indexStat = stat()
        let racyLimit = lstat(gitDirectory + "/index", &indexStat) == 0 ? indexStat.st_mtim : timespec(tv_sec: Int.max, tv_nsec: 0)
        let walk = UntrackedWalk(repository: self, root: workTree, paths: index.entries.map(\.path))
        let modified = StatScan(root: workTree, entries: index.entries, racyLimit: racyLimit, alongside: walk).run()
        guard modified.count <= Repository.candidateLimit, let untracked = walk.result else { return nil }
        if modified.isEmpty && untracked.isEmpty { return StatusSummary(entries: []) }
        guard hashesWithoutFilters(index) else {
            return try exhaustiveStatus(limitedTo: Array(Set(modified.map(\.path) + untracked)).sorted())
        }
        var entries = untracked.map { StatusEntry(path: $0, originalPath: nil, staged: nil, unstaged: nil, isUntracked: true, isConflicted: false) }
        for candidate in modified {
            if let change = try workTreeChange(candidate, in: index, root: workTree) {
                entries.append(StatusEntry(path: candidate.path, originalPath: nil, staged: nil, unstaged: change, isUntracked: false, isConflicted: false))
            }
        }
        return StatusSummary(entries: entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })
    }

    /// True when a file's blob id is the hash of its bytes: no `.gitattributes`, no
    /// `core.autocrlf`, `core.filemode` on (git's default on Linux).
    private func hashesWithoutFilters(_ index: IndexFile) -> Bool {
        let attributes = Array(".gitattributes".utf8)
        if index.entries.contains(where: { $0.path.count >= attributes.count && $0.path.suffix(attributes.count).elementsEqual(attributes) }) {
            return false
        }
        if FileManager.default.fileExists(atPath: gitDirectory + "/info/attributes") { return false }
        let autocrlf = configString("core.autocrlf")?.lowercased()
        if autocrlf == "true" || autocrlf == "input" { return false }
        return configString("core.filemode")?.lowercased() != "false"
    }

    /// How the work tree's copy of a tracked file differs from its index entry, nil when it does not.
    private func workTreeChange(_ candidate: StatScan.Candidate, in index: IndexFile, root: String) throws -> StatusEntry.Change? {
        let full = root + "/" + candidate.path
        var info = stat()
        guard lstat(full, &info) == 0 else { return .deleted }
        let entry = candidate.entry
        let isLink = entry.mode & 0o170000 == 0o120000
        let onDiskLink = info.st_mode & S_IFMT == S_IFLNK
        guard isLink == onDiskLink, onDiskLink || info.st_mode & S_IFMT == S_IFREG else { return .typeChanged }
        var id = git_oid()
        if onDiskLink {
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(full, &target, target.count - 1)
            guard length >= 0 else { return .modified }
            try check(git_odb_hash(&id, target, length, GIT_OBJECT_BLOB), "cannot hash \(candidate.path)")
        } else {
            if (UInt32(info.st_mode) & 0o100 != 0) != (entry.mode & 0o100 != 0) { return .modified }
            try check(git_odb_hashfile(&id, full, GIT_OBJECT_BLOB), "cannot hash \(candidate.path)")
        }
        return ObjectID(id) == index.objectID(at: entry.idOffset) ? nil : .modified
    }
}

/// Parallel `lstat` of every index entry against its recorded stat data, with the untracked walk
/// as one more task: workers pull tasks (the walk first, then chunks of entries) until none are
/// left, so no core idles while another still has work.
private struct StatScan: @unchecked Sendable {
    /// A tracked file whose stat data does not match its entry (or that is racily clean).
    struct Candidate {
        var path: String
        var entry: IndexFile.Entry
    }

    let root: String
    let entries: [IndexFile.Entry]
    let racyLimit: timespec
    /// Runs as the first task; it alone touches the repository handle.
    let alongside: UntrackedWalk

    static let chunkSize = 2048

    func run() -> [Candidate] {
        let chunks = (entries.count + Self.chunkSize - 1) / Self.chunkSize
        let results = Slots(count: chunks)
        let queue = TaskCounter()
        let work: @Sendable () -> Void = {
            while let task = queue.next(limit: chunks + 1) {
                if task == 0 {
                    alongside.run()
                } else {
                    let lower = (task - 1) * Self.chunkSize
                    results.store(scan(lower..<min(entries.count, lower + Self.chunkSize)), at: task - 1)
                }
            }
        }
        // Plain threads, not Dispatch: from the async entry point, `concurrentPerform` waits on
        // the cooperative pool and leaves the cores idle (measured: 0.44 CPUs used, 2x slower).
        let helpers = min(3, max(1, ProcessInfo.processInfo.activeProcessorCount)) - 1 + (chunks > 0 ? 1 : 0)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<helpers {
            Thread { work(); done.signal() }.start()
        }
        work()
        for _ in 0..<helpers { done.wait() }
        return results.values.flatMap { $0 }
    }

    /// Hands out task numbers 0, 1, 2, … to whichever worker asks first.
    private final class TaskCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var nextTask = 0
        func next(limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextTask < limit else { return nil }
            nextTask += 1
            return nextTask - 1
        }
    }

    /// One result slot per chunk; each chunk's worker writes only its own slot.
    private final class Slots: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<[Candidate]>
        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: [])
        }
        deinit {
            _ = storage.deinitialize()
            storage.deallocate()
        }
        var values: [[Candidate]] { Array(storage) }
        func store(_ value: [Candidate], at slot: Int) { storage[slot] = value }
    }

    /// Stats each entry relative to an open descriptor of its folder (index order keeps a folder's
    /// entries together), so the kernel resolves one path component per file, not the whole path.
    private func scan(_ range: Range<Int>) -> [Candidate] {
        var found: [Candidate] = []
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { return range.map { Candidate(path: String(decoding: entries[$0].path, as: UTF8.self), entry: entries[$0]) } }
        defer { close(rootFD) }
        var folder: [UInt8] = []
        var folderFD: Int32 = rootFD
        defer { if folderFD != rootFD && folderFD >= 0 { close(folderFD) } }
        var name = [CChar](repeating: 0, count: 4097)
        var info = stat()
        for position in range {
            let entry = entries[position]
            let path = entry.path
            let slash = path.lastIndex(of: UInt8(ascii: "/"))
            let directory = slash.map { UnsafeBufferPointer(rebasing: path[..<$0]) } ?? UnsafeBufferPointer(rebasing: path[0..<0])
            if !folder.elementsEqual(directory) {
                if folderFD != rootFD && folderFD >= 0 { close(folderFD) }
                folder = Array(directory)
                folderFD = folder.isEmpty ? rootFD
                    : (folder + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { openat(rootFD, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } }
            }
            let base = UnsafeBufferPointer(rebasing: path[(slash.map { $0 + 1 } ?? 0)...])
            guard base.count < name.count else {
                found.append(Candidate(path: String(decoding: path, as: UTF8.self), entry: entry))
                continue
            }
            name.withUnsafeMutableBytes { raw in
                raw.copyMemory(from: UnsafeRawBufferPointer(base))
                raw[base.count] = 0
            }
            let missing = folderFD < 0 || fstatat(folderFD, name, &info, AT_SYMLINK_NOFOLLOW) != 0
            if missing || isCandidate(entry, info: info) { found.append(Candidate(path: String(decoding: path, as: UTF8.self), entry: entry)) }
        }
        return found
    }

    private func isCandidate(_ entry: IndexFile.Entry, info: stat) -> Bool {
        let mode = entry.mode & 0o170000
        if UInt32(info.st_mode) & 0o170000 != mode { return true }
        if mode == 0o100000, (UInt32(info.st_mode) & 0o100) != (entry.mode & 0o100) { return true }
        if Int(entry.mtimeSeconds) != info.st_mtim.tv_sec || Int(entry.mtimeNanoseconds) != info.st_mtim.tv_nsec { return true }
        if Int(entry.ctimeSeconds) != info.st_ctim.tv_sec || Int(entry.ctimeNanoseconds) != info.st_ctim.tv_nsec { return true }
        if entry.size != UInt32(truncatingIfNeeded: info.st_size) { return true }
        if entry.inode != UInt32(truncatingIfNeeded: info.st_ino) { return true }
        return info.st_mtim.tv_sec > racyLimit.tv_sec
            || (info.st_mtim.tv_sec == racyLimit.tv_sec && info.st_mtim.tv_nsec >= racyLimit.tv_nsec)
    }
}

/// Walks the work tree for names the index does not know, keeping those `.gitignore` does not hide.
private final class UntrackedWalk {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// A name the index knows directly under a folder, with the entries below it (empty for a file).
    private struct Child {
        var name: Bytes
        var range: Range<Int>
    }

    let repository: Repository
    let root: String
    /// Index paths, in index (byte-wise sorted) order; they point into the index, which outlives the walk.
    let paths: [Bytes]
    private var found: [String] = []
    private var budget = Repository.candidateLimit
    /// The untracked paths once `run()` finished, nil when it gave up (too many).
    private(set) var result: [String]?

    init(repository: Repository, root: String, paths: [Bytes]) {
        self.repository = repository
        self.root = root
        self.paths = paths
    }

    func run() {
        result = walk(directory: [], range: 0..<paths.count) ? found : nil
    }

    /// `directory` is relative with a trailing slash (empty for the root); `range` holds the index
    /// entries under it, nil for a folder the index does not know (all of it is untracked).
    private func walk(directory: [UInt8], range: Range<Int>?) -> Bool {
        let known = range.map { knownChildren(of: directory.count, in: $0) } ?? []
        let absolute = root + "/" + String(decoding: directory, as: UTF8.self)
        guard let handle = opendir(absolute) else { return true }
        defer { closedir(handle) }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(handle) {
            let raw = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: UInt8.self)
            let name = Bytes(start: raw, count: strlen(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self)))
            if name.elementsEqual([UInt8(ascii: ".")]) || name.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) { continue }
            let isDirectory = entryIsDirectory(entry.pointee, parent: absolute, name: name)
            if isDirectory, name.elementsEqual(".git".utf8) {
                // A repository nested in an untracked folder shows as that folder, like git does.
                if range == nil { return record(String(decoding: directory, as: UTF8.self)) }
                continue
            }
            if let child = Self.find(name, in: known) {
                if isDirectory, !child.range.isEmpty {
                    guard walk(directory: directory + name + [UInt8(ascii: "/")], range: child.range) else { return false }
                }
                continue
            }
            let relative = String(decoding: directory + name, as: UTF8.self)
            if isDirectory {
                if isIgnored(relative + "/") { continue }
                guard walk(directory: directory + name + [UInt8(ascii: "/")], range: nil) else { return false }
            } else if !isIgnored(relative) {
                guard record(relative) else { return false }
            }
        }
        return true
    }

    /// The children the index knows under the folder whose paths start `prefixLength` bytes in,
    /// sorted by name for binary search. No allocation per name: names point into the index.
    private func knownChildren(of prefixLength: Int, in range: Range<Int>) -> [Child] {
        var children: [Child] = []
        var position = range.lowerBound
        while position < range.upperBound {
            let path = paths[position]
            let rest = Bytes(rebasing: path[prefixLength...])
            if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                let childPrefix = Bytes(rebasing: path[..<(prefixLength + slash + 1)])
                var end = position + 1
                while end < range.upperBound, paths[end].starts(with: childPrefix) { end += 1 }
                children.append(Child(name: Bytes(rebasing: rest[..<slash]), range: position..<end))
                position = end
            } else {
                children.append(Child(name: rest, range: position..<position))
                position += 1
            }
        }
        children.sort { IndexFile.compare($0.name, $1.name) < 0 }
        return children
    }

    private static func find(_ name: Bytes, in children: [Child]) -> Child? {
        var low = 0, high = children.count
        while low < high {
            let middle = (low + high) / 2
            let order = IndexFile.compare(children[middle].name, name)
            if order == 0 { return children[middle] }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }


    private func record(_ path: String) -> Bool {
        budget -= 1
        found.append(path)
        return budget > 0
    }

    private func entryIsDirectory(_ entry: dirent, parent: String, name: Bytes) -> Bool {
        if entry.d_type == UInt8(DT_DIR) { return true }
        if entry.d_type != UInt8(DT_UNKNOWN) { return false }
        var info = stat()
        let path = parent + String(decoding: name, as: UTF8.self)
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func isIgnored(_ relative: String) -> Bool {
        var ignored: Int32 = 0
        return git_ignore_path_is_ignored(&ignored, repository.pointer, relative) == 0 && ignored == 1
    }
}
