import CLibgit2
import Foundation

/// The index file (`.git/index`, versions 2 and 3) read directly, without libgit2.
///
/// libgit2 verifies the file's SHA-1 trailer on every load (about 20 ms for 50,000 entries); git
/// itself does not, and neither does this reader, which only the fast status scan uses. Paths are
/// views into the file's bytes: no allocation per entry.
struct IndexFile {
    /// One entry's stat data, id and path (a view into `bytes`).
    struct Entry {
        var ctimeSeconds: UInt32
        var ctimeNanoseconds: UInt32
        var mtimeSeconds: UInt32
        var mtimeNanoseconds: UInt32
        var inode: UInt32
        var mode: UInt32
        var size: UInt32
        /// Offset of the 20-byte object id in `bytes`.
        var idOffset: Int
        var flags: UInt16
        var extendedFlags: UInt16
        var path: UnsafeBufferPointer<UInt8>

        var stage: Int { Int((flags >> 12) & 0x3) }
    }

    let bytes: UnsafeMutableRawBufferPointer
    private(set) var entries: [Entry] = []
    /// The root tree id from the cache-tree (`TREE`) extension, when the cache is valid.
    private(set) var cacheTreeRoot: ObjectID?

    /// Reads the index at `path`; nil when it is missing or in a form this reader leaves to libgit2
    /// (version 4, split index, sparse index, malformed).
    static func read(_ path: String) -> IndexFile? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= 32 else { return nil }
        let size = Int(info.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        var filled = 0
        while filled < size {
            let count = Foundation.read(descriptor, buffer.baseAddress! + filled, size - filled)
            guard count > 0 else { buffer.deallocate(); return nil }
            filled += count
        }
        var file = IndexFile(bytes: buffer)
        guard file.parse() else { buffer.deallocate(); return nil }
        return file
    }

    /// Frees the file's bytes; entries' paths are invalid afterwards.
    func release() { bytes.deallocate() }

    private func uint32(_ offset: Int) -> UInt32 {
        UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    private func uint16(_ offset: Int) -> UInt16 {
        UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    private mutating func parse() -> Bool {
        let end = bytes.count - 20
        guard bytes.count >= 32, uint32(0) == 0x4449_5243 else { return false } // "DIRC"
        let version = uint32(4)
        guard version == 2 || version == 3 else { return false }
        let count = Int(uint32(8))
        entries.reserveCapacity(count)
        var offset = 12
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        for _ in 0..<count {
            guard offset + 62 <= end else { return false }
            let flags = uint16(offset + 60)
            var pathStart = offset + 62
            var extended: UInt16 = 0
            if flags & 0x4000 != 0 {
                guard version == 3, pathStart + 2 <= end else { return false }
                extended = uint16(pathStart)
                pathStart += 2
            }
            guard let nul = memchr(base + pathStart, 0, end - pathStart) else { return false }
            let length = UnsafeRawPointer(nul) - UnsafeRawPointer(base + pathStart)
            entries.append(Entry(ctimeSeconds: uint32(offset), ctimeNanoseconds: uint32(offset + 4),
                                 mtimeSeconds: uint32(offset + 8), mtimeNanoseconds: uint32(offset + 12),
                                 inode: uint32(offset + 20), mode: uint32(offset + 24), size: uint32(offset + 36),
                                 idOffset: offset + 40, flags: flags, extendedFlags: extended,
                                 path: UnsafeBufferPointer(start: base + pathStart, count: length)))
            // Entries are padded with 1 to 8 NUL bytes to a multiple of 8.
            offset += ((pathStart - offset) + length + 8) & ~7
        }
        while offset + 8 <= end {
            let signature = uint32(offset), size = Int(uint32(offset + 4))
            let body = offset + 8
            guard body + size <= end else { return false }
            switch signature {
            case 0x5452_4545: // "TREE"
                cacheTreeRoot = rootOfCacheTree(at: body, size: size)
            case 0x6C69_6E6B, 0x7364_6972: // "link" (split index), "sdir" (sparse index)
                return false
            default:
                break
            }
            offset = body + size
        }
        return true
    }

    /// The first cache-tree entry is the root: `"" NUL count SP subtrees LF [20-byte id]`; a count
    /// of -1 means it is invalid.
    private func rootOfCacheTree(at start: Int, size: Int) -> ObjectID? {
        guard size > 2, bytes[start] == 0 else { return nil }
        var cursor = start + 1
        var text = ""
        while cursor < start + size, bytes[cursor] != UInt8(ascii: "\n") {
            text.append(Character(UnicodeScalar(bytes[cursor])))
            cursor += 1
        }
        guard let count = Int(text.split(separator: " ").first ?? ""), count >= 0, cursor + 21 <= start + size else { return nil }
        return objectID(at: cursor + 1)
    }

    func objectID(at offset: Int) -> ObjectID {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 20)]))
        }
        return ObjectID(oid)
    }

    /// Byte-wise order, the index's own.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let lhs = a.baseAddress, let rhs = b.baseAddress {
            let order = memcmp(lhs, rhs, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }
}
