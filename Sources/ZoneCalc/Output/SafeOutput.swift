import Foundation

/// Writes outputs so that a failure leaves nothing half-written and no input is ever touched:
/// the writer fills a temporary folder beside the destination, and only a complete result is
/// moved into place. An existing output is replaced only when `force` is set.
public enum SafeOutput {
    /// - Parameters:
    ///   - path: the output file (a Shapefile's sidecars `.shx .dbf .prj .cpg` go with it).
    ///   - inputs: paths the command reads; the output may not be any of them.
    ///   - write: writes the output at the temporary path it is given (same file name).
    public static func write(to path: String, inputs: [String], force: Bool, _ write: (String) throws -> Void) throws {
        let destination = URL(fileURLWithPath: path).standardizedFileURL
        let protected = Set(inputs.flatMap { relatedFiles(of: URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath()) })
        for file in relatedFiles(of: destination.resolvingSymlinksInPath()) where protected.contains(file) {
            throw ZoneCalcError.unsafeOutput(path: path, reason: "this would overwrite an input file; choose another output name")
        }
        let fileManager = FileManager.default
        let existing = relatedFiles(of: destination).filter { fileManager.fileExists(atPath: $0.path) }
        if !existing.isEmpty && !force {
            throw ZoneCalcError.unsafeOutput(path: path, reason: "the output exists; add --force to replace it")
        }
        let folder = destination.deletingLastPathComponent()
        guard fileManager.fileExists(atPath: folder.path) else {
            throw ZoneCalcError.unsafeOutput(path: path, reason: "the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".zonecalc-\(UUID().uuidString)")
        try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
        defer { try? fileManager.removeItem(at: temporary) }
        try write(temporary.appendingPathComponent(destination.lastPathComponent).path)
        for old in existing { try fileManager.removeItem(at: old) }
        for produced in try fileManager.contentsOfDirectory(atPath: temporary.path).sorted() {
            // rename(2) within one folder's file system: each file appears whole or not at all
            try fileManager.moveItem(at: temporary.appendingPathComponent(produced), to: folder.appendingPathComponent(produced))
        }
    }

    /// The file and, for a Shapefile, its sidecar files.
    static func relatedFiles(of url: URL) -> [URL] {
        guard url.pathExtension.lowercased() == "shp" else { return [url] }
        let base = url.deletingPathExtension()
        return ["shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx"].map { base.appendingPathExtension($0) }
    }
}
