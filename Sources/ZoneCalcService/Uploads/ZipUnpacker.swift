import Foundation
import ZIPFoundation
import ZoneCalc

/// A zipped Shapefile or FileGDB unpacked for the engine, safely: every entry's name checked before
/// anything is written (no `..`, no absolute path, no link), the entry count and the unpacked bytes
/// held to their limits — the bytes counted as they come out, since an archive can declare sizes it
/// does not keep.
enum ZipUnpacker {
    /// The extensions of a Shapefile's files that are unpacked; other files are left in the zip.
    static let shapefileParts: Set<String> = ["shp", "shx", "dbf", "prj", "cpg"]
    /// Vector files that may come zipped on their own.
    static let singleFiles: Set<String> = ["geojson", "json", "kml", "gpkg", "txt"]

    /// Unpacks the vector data of the zip at `url` into `folder`, named `<stem>-1.shp`, `<stem>-2.gdb` …
    /// (a Shapefile's parts keeping one stem), and returns the files the engine is to read.
    /// - Throws: `badUpload` naming `name` for an unsafe or unreadable zip, or one with no vector data;
    ///   `tooLarge` past a limit.
    static func unpack(_ url: URL, name: String, into folder: URL, stem: String, limits: UploadLimits) throws(ServiceError) -> [URL] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw .badUpload(file: name, Bilingual("zip 文件已损坏或不完整", "the zip is damaged or incomplete"))
        }
        let entries = Array(archive)
        guard entries.count <= limits.zipEntries else {
            throw .tooLarge(Bilingual("\(name)：zip 中有 \(entries.count) 项，上限为 \(limits.zipEntries)", "\(name): the zip holds \(entries.count) entries, over the limit of \(limits.zipEntries)"))
        }
        var plan: [(entry: Entry, target: String)] = []
        var groups: [String: String] = [:]   // a Shapefile's folder and stem, or a FileGDB's folder → its unpacked name
        var inputs: [String] = []
        var declared: UInt64 = 0
        for entry in entries {
            let components = try safeComponents(entry, zip: name)
            guard entry.type == .file, let last = components.last else { continue }
            let fileExtension = (last as NSString).pathExtension.lowercased()
            if let gdb = components.firstIndex(where: { $0.lowercased().hasSuffix(".gdb") }), gdb < components.count - 1 {
                let key = components[...gdb].joined(separator: "/").lowercased()
                let unpacked = groups[key] ?? "\(stem)-\(groups.count + 1).gdb"
                if groups[key] == nil { groups[key] = unpacked; inputs.append(unpacked) }
                plan.append((entry, unpacked + "/" + components[(gdb + 1)...].joined(separator: "_")))
            } else if shapefileParts.contains(fileExtension) || singleFiles.contains(fileExtension) {
                let key = (components.dropLast() + [(last as NSString).deletingPathExtension]).joined(separator: "/").lowercased() + (singleFiles.contains(fileExtension) ? "." + fileExtension : "")
                let unpacked = groups[key] ?? "\(stem)-\(groups.count + 1)"
                if groups[key] == nil { groups[key] = unpacked }
                if fileExtension == "shp" || singleFiles.contains(fileExtension) { inputs.append(unpacked + "." + fileExtension) }
                plan.append((entry, unpacked + "." + fileExtension))
            } else {
                continue
            }
            declared += entry.uncompressedSize
        }
        guard !inputs.isEmpty else {
            throw .badUpload(file: name, Bilingual("zip 中没有 Shapefile（.shp）、FileGDB（.gdb 文件夹）或其他矢量文件", "the zip holds no Shapefile (.shp), FileGDB (.gdb folder) or other vector file"))
        }
        guard declared <= UInt64(limits.unpackedBytes) else { throw tooLarge(name, limits) }
        var unpacked: Int64 = 0
        for (entry, target) in plan {
            let destination = folder.appendingPathComponent(target)
            do {
                try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: destination.path, contents: nil) else { throw ServiceError.record(destination.path, "cannot write") }
                let handle = try FileHandle(forWritingTo: destination)
                defer { try? handle.close() }
                _ = try archive.extract(entry, skipCRC32: false) { data in
                    unpacked += Int64(data.count)
                    if unpacked > limits.unpackedBytes { throw tooLarge(name, limits) }
                    try handle.write(contentsOf: data)
                }
            } catch let error as ServiceError {
                throw error
            } catch {
                throw .badUpload(file: name, Bilingual("zip 中的 \(entry.path) 无法解压（\(error)）", "\(entry.path) in the zip cannot be unpacked (\(error))"))
            }
        }
        return inputs.map { folder.appendingPathComponent($0) }
    }

    /// The folders and name of an entry, either slash a separator.
    /// - Throws: `badUpload` for a link, an absolute path, a drive letter or a `..` component.
    private static func safeComponents(_ entry: Entry, zip name: String) throws(ServiceError) -> [String] {
        let path = entry.path
        if entry.type == .symlink {
            throw .badUpload(file: name, Bilingual("zip 中的 \(path) 是符号链接，不予解压", "\(path) in the zip is a symbolic link and is not unpacked"))
        }
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init)
        let absolute = path.hasPrefix("/") || path.hasPrefix("\\") || (path.count >= 2 && path.dropFirst().first == ":")
        if absolute || components.contains("..") || components.contains(where: { $0.contains("\0") }) {
            throw .badUpload(file: name, Bilingual("zip 中的 \(path) 指向压缩包以外的位置，不予解压", "\(path) in the zip points outside the archive and is not unpacked"))
        }
        return components.filter { $0 != "." }
    }

    private static func tooLarge(_ name: String, _ limits: UploadLimits) -> ServiceError {
        .tooLarge(Bilingual("\(name)：解压后超过 \(limits.unpackedBytes >> 20) MiB 的上限", "\(name): unpacks to more than the limit of \(limits.unpackedBytes >> 20) MiB"))
    }
}
