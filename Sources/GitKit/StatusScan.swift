import CLibgit2
import Foundation

/// The fast half of `status()`: which paths may differ from the index or HEAD.
///
/// Like git's own refresh, a tracked file whose `lstat` matches its index entry (times, size,
/// inode, mode) and is not racily clean is trusted unchanged. Everything else is a candidate that
/// libgit2 examines exactly.
extension Repository {
    /// Most candidates the fast scan hands over before falling back to a full status.
    static let candidateLimit = 2000

    /// Candidate paths, or nil when the fast scan does not apply (unborn HEAD, conflicts, too many
    /// changes): the caller then runs libgit2's full status.
    func statusCandidates() throws -> [String]? {
        guard let workTree, !isHeadUnborn else { return nil }
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "cannot open the index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 0), "cannot read the index")
        if git_index_has_conflicts(index) == 1 { return nil }

        var candidates: [String] = []
        guard let staged = try stagedPathsIfCheap(index: index!) else { return nil }
        candidates += staged

        let count = git_index_entrycount(index)
        var entries: [UnsafePointer<git_index_entry>] = []
        entries.reserveCapacity(count)
        for position in 0..<count {
            if let entry = git_index_get_byindex(index, position) { entries.append(entry) }
        }
        var indexStat = stat()
        let racyLimit = lstat(gitDirectory + "/index", &indexStat) == 0 ? indexStat.st_mtim : timespec(tv_sec: Int.max, tv_nsec: 0)
        let walk = UntrackedWalk(repository: self, root: workTree, entries: entries)
        let scan = StatScan(root: workTree, entries: entries, racyLimit: racyLimit, alongside: walk)
        let modified = scan.run()
        guard modified.count <= Repository.candidateLimit, let untracked = walk.result else { return nil }
        candidates += modified + untracked
        if candidates.count > Repository.candidateLimit { return nil }
        return Array(Set(candidates)).sorted()
    }

    /// Paths whose index entry differs from HEAD; empty when the index's tree (from its cache) is
    /// HEAD's tree, the common case, which costs nothing. Nil when it cannot be computed.
    private func stagedPathsIfCheap(index: OpaquePointer) throws -> [String]? {
        var indexTree = git_oid()
        guard git_index_write_tree(&indexTree, index) == 0, let headID = try head().id else { return nil }
        let headTree: git_oid = try withCommit(headID) { git_commit_tree_id($0).pointee }
        var lhs = indexTree, rhs = headTree
        if git_oid_equal(&lhs, &rhs) == 1 { return [] }
        return try withTree(of: headID) { tree in
            var diff: OpaquePointer?
            try check(git_diff_tree_to_index(&diff, pointer, tree, index, nil), "cannot compare HEAD with the index")
            defer { git_diff_free(diff) }
            var paths: [String] = []
            for position in 0..<git_diff_num_deltas(diff) {
                guard let delta = git_diff_get_delta(diff, position)?.pointee else { continue }
                for side in [delta.old_file.path, delta.new_file.path] { if let side { paths.append(String(cString: side)) } }
            }
            return paths
        }
    }
}

/// Parallel `lstat` of every index entry against its recorded stat data, with the untracked walk
/// as one more task: workers pull tasks (the walk first, then chunks of entries) until none are
/// left, so no core idles while another still has work.
private struct StatScan: @unchecked Sendable {
    let root: String
    let entries: [UnsafePointer<git_index_entry>]
    let racyLimit: timespec
    /// Runs as the first task; it alone touches the repository handle.
    let alongside: UntrackedWalk

    static let chunkSize = 2048

    func run() -> [String] {
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

    /// One result slot per worker; each worker writes only its own slot.
    private final class Slots: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<[String]>
        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: [])
        }
        deinit {
            _ = storage.deinitialize()
            storage.deallocate()
        }
        var values: [[String]] { Array(storage) }
        func store(_ value: [String], at slot: Int) { storage[slot] = value }
    }

    /// Stats each entry relative to an open descriptor of its folder (index order keeps a folder's
    /// entries together), so the kernel resolves one path component per file, not the whole path.
    private func scan(_ range: Range<Int>) -> [String] {
        var found: [String] = []
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { return range.map { String(cString: entries[$0].pointee.path) } }
        defer { close(rootFD) }
        var folder: [CChar] = []
        var folderFD: Int32 = rootFD
        defer { if folderFD != rootFD && folderFD >= 0 { close(folderFD) } }
        var info = stat()
        for position in range {
            let entry = entries[position].pointee
            let path = entry.path!
            let length = strlen(path)
            var slash = length
            while slash > 0 && path[slash - 1] != CChar(UInt8(ascii: "/")) { slash -= 1 }
            let dirLength = slash > 0 ? slash - 1 : 0
            if dirLength != folder.count || (dirLength > 0 && !folder.withUnsafeBufferPointer({ memcmp($0.baseAddress!, path, dirLength) == 0 })) {
                if folderFD != rootFD && folderFD >= 0 { close(folderFD) }
                folder = Array(UnsafeBufferPointer(start: path, count: dirLength))
                if dirLength == 0 {
                    folderFD = rootFD
                } else {
                    folderFD = (folder + [0]).withUnsafeBufferPointer { openat(rootFD, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
                }
            }
            let missing = folderFD < 0 || fstatat(folderFD, path + slash, &info, AT_SYMLINK_NOFOLLOW) != 0
            if missing || isCandidate(entry, info: info) { found.append(String(cString: path)) }
        }
        return found
    }

    private func isCandidate(_ entry: git_index_entry, info: stat) -> Bool {
        let mode = entry.mode & 0o170000
        if mode == 0o160000 { return true }
        if entry.flags & UInt16(GIT_INDEX_ENTRY_STAGEMASK) != 0 { return true }
        if entry.flags_extended & UInt16(GIT_INDEX_ENTRY_EXTENDED_FLAGS.rawValue) != 0 { return true }
        if UInt32(info.st_mode) & 0o170000 != mode { return true }
        if mode == 0o100000, (UInt32(info.st_mode) & 0o100) != (entry.mode & 0o100) { return true }
        if Int64(entry.mtime.seconds) != Int64(info.st_mtim.tv_sec) || Int(entry.mtime.nanoseconds) != info.st_mtim.tv_nsec { return true }
        if Int64(entry.ctime.seconds) != Int64(info.st_ctim.tv_sec) || Int(entry.ctime.nanoseconds) != info.st_ctim.tv_nsec { return true }
        if entry.file_size != UInt32(truncatingIfNeeded: info.st_size) { return true }
        if entry.ino != UInt32(truncatingIfNeeded: info.st_ino) { return true }
        let racy = info.st_mtim.tv_sec > racyLimit.tv_sec
            || (info.st_mtim.tv_sec == racyLimit.tv_sec && info.st_mtim.tv_nsec >= racyLimit.tv_nsec)
        return racy
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

    init(repository: Repository, root: String, entries: [UnsafePointer<git_index_entry>]) {
        self.repository = repository
        self.root = root
        paths = entries.map { entry in
            Bytes(start: UnsafeRawPointer(entry.pointee.path).assumingMemoryBound(to: UInt8.self), count: strlen(entry.pointee.path))
        }
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
        children.sort { Self.compare($0.name, $1.name) < 0 }
        return children
    }

    private static func find(_ name: Bytes, in children: [Child]) -> Child? {
        var low = 0, high = children.count
        while low < high {
            let middle = (low + high) / 2
            let order = compare(children[middle].name, name)
            if order == 0 { return children[middle] }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private static func compare(_ a: Bytes, _ b: Bytes) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let lhs = a.baseAddress, let rhs = b.baseAddress {
            let order = memcmp(lhs, rhs, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
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
