import Crypto
import Foundation

/// The files a check's engine wrote, with their sizes and SHA-256, for the record.
enum OutputFiles {
    /// Every file under `folder/sub`, by path, named by its path below `sub`.
    static func list(in folder: URL, under sub: String) throws(ServiceError) -> [CheckFile] {
        let root = folder.appendingPathComponent(sub)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [CheckFile] = []
        for case let relative as String in walker {
            var isFolder: ObjCBool = false
            let url = root.appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            var file = try entry(for: url, in: folder)
            file.name = relative
            files.append(file)
        }
        return files.sorted { $0.name < $1.name }
    }

    /// The record of the output at `url`, inside `folder`.
    static func entry(for url: URL, in folder: URL) throws(ServiceError) -> CheckFile {
        let stored = String(url.path.dropFirst(folder.path.count + 1))
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw .record(url.path, "cannot read the output") }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes: Int64 = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytes += Int64(chunk.count)
        }
        return CheckFile(kind: .output, name: url.lastPathComponent, stored: stored, format: nil, bytes: bytes,
                         sha256: hasher.finalize().hex)
    }
}
