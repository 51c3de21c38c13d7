import Foundation
import ZoneCalc

/// The files a batch names: each argument a file (FILE[:LAYER]), a folder (the vector files in it,
/// by name) or a glob pattern (`*.txt`, for shells that do not expand it, as on Windows).
enum InputFiles {
    /// Extensions of the files a folder contributes.
    static let extensions: Set<String> = ["txt", "shp", "gpkg", "geojson", "json", "kml", "gdb", "csv", "xlsx"]

    /// Whether `arguments` make a batch: several of them, or a folder, or a pattern — even when it
    /// matches one file, so that the outputs of one call are always of one kind.
    static func isBatch(_ arguments: [String]) -> Bool {
        arguments.count > 1 || arguments.contains { isFolder($0) || isPattern($0) }
    }

    /// A folder of files (a FileGDB, though a folder, is one input).
    private static func isFolder(_ argument: String) -> Bool {
        guard !SourceSpec.isDatabaseConnection(argument) else { return false }
        var isFolder: ObjCBool = false
        var name = argument
        while name.count > 1, name.hasSuffix("/") { name.removeLast() }  // as tab completion writes a folder
        return FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) && isFolder.boolValue && !name.lowercased().hasSuffix(".gdb")
    }

    /// A glob pattern, with or without `:LAYER`: no such file, and a wildcard in it.
    private static func isPattern(_ argument: String) -> Bool {
        guard !SourceSpec.isDatabaseConnection(argument) else { return false }
        let path = SourceSpec(parsing: argument).path
        // the wildcard may stand before a colon that belongs to the file names (`a:b*.txt`)
        return !FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: argument) && argument.contains(where: { "*?[".contains($0) })
    }

    /// The files the arguments name, in their order, a folder's and a pattern's sorted by name; a
    /// pattern's `:LAYER` goes with each file it matches. A folder and a pattern contribute the same
    /// files: vector files by extension (a FileGDB folder among them, no other folder), never a file
    /// named `summary.xlsx` (the summary a batch writes); a Shapefile's sidecars listed beside it (as a
    /// shell expands `k*`) are part of it, not inputs.
    /// - Throws: `badInput` (before any input is read) for an argument that names nothing — a file
    ///   that does not exist, a pattern that matches no vector file, a folder without vector files —
    ///   and for a layer given to a folder or a boundary-point txt: the command is wrong, not an
    ///   input. An input that exists and cannot be processed is its own row's failure instead.
    static func expand(_ arguments: [String]) throws -> [SourceSpec] {
        var files: [SourceSpec] = []
        for argument in arguments {
            if isFolder(argument) {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                let found = names.map { (argument as NSString).appendingPathComponent($0) }.filter(isVectorFile).sorted()
                guard !found.isEmpty else {
                    throw ZoneCalcError.invalidArgument(Bilingual("文件夹 \(argument) 中没有矢量文件（\(extensions.sorted().joined(separator: "、"))）",
                                                                  "the folder \(argument) holds no vector files (\(extensions.sorted().joined(separator: ", ")))"))
                }
                files += found.map { SourceSpec(path: $0) }
            } else if isPattern(argument) {
                // A colon may belong to the file names (`a:b*.txt`): the whole argument is tried first.
                let whole = glob(argument).filter(isVectorFile)
                let pattern = whole.isEmpty ? SourceSpec(parsing: argument) : SourceSpec(path: argument)
                let matches = whole.isEmpty ? glob(pattern.path).filter(isVectorFile) : whole
                guard !matches.isEmpty else {
                    throw ZoneCalcError.invalidArgument(Bilingual("没有矢量文件与 \(pattern.path) 匹配；请检查路径和通配符", "no vector file matches \(pattern.path); check the path and the wildcards"))
                }
                files += try matches.map { try layered(SourceSpec(path: $0, layer: pattern.layer)) }
            } else {
                let file = SourceSpec(parsing: argument)
                guard file.isDatabase || FileManager.default.fileExists(atPath: file.path) else { throw ZoneCalcError.fileNotFound(path: file.path) }
                if file.layer != nil, isFolder(file.path) {
                    throw ZoneCalcError.invalidArgument(Bilingual("\(file.path) 是文件夹，没有图层；请去掉 :\(file.layer ?? "")", "\(file.path) is a folder and has no layers; leave out :\(file.layer ?? "")"))
                }
                files.append(try layered(file))
            }
        }
        let shapefiles = Set(files.filter { $0.path.lowercased().hasSuffix(".shp") }.map { ($0.path as NSString).deletingPathExtension })
        return files.filter { file in
            var stem = (file.path as NSString).deletingPathExtension
            if stem.lowercased().hasSuffix(".shp") { stem = (stem as NSString).deletingPathExtension }  // ArcGIS's zd.shp.xml
            return !(shapefileSidecars.contains((file.path as NSString).pathExtension.lowercased()) && shapefiles.contains(stem))
        }
    }

    /// The files that go with a Shapefile (`zd.dbf` … and ArcGIS's metadata `zd.shp.xml`).
    private static let shapefileSidecars: Set<String> = ["dbf", "shx", "prj", "cpg", "qpj", "qix", "sbn", "sbx", "xml", "fix", "aih", "ain", "atx"]

    /// Whether a folder's or a pattern's entry is an input: a vector file, or a FileGDB.
    private static func isVectorFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard extensions.contains((name as NSString).pathExtension.lowercased()), !name.hasPrefix("."), name != BatchSummary.fileName else { return false }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && (!isFolder.boolValue || name.lowercased().hasSuffix(".gdb"))
    }

    /// `spec`, refused when it gives a layer to a boundary-point txt, which has none.
    private static func layered(_ spec: SourceSpec) throws -> SourceSpec {
        if let layer = spec.layer, spec.isBoundaryPointTxt {
            throw ZoneCalcError.invalidArgument(Bilingual("\(spec.path) 是界址点坐标 txt，没有图层；请去掉 :\(layer)", "\(spec.path) is a boundary-point txt and has no layers; leave out :\(layer)"))
        }
        return spec
    }

    /// The bytes an input holds on disk: its file with a Shapefile's sidecars, or every file of a FileGDB.
    static func bytes(_ spec: SourceSpec) -> Int64 {
        let manager = FileManager.default
        let path = spec.path
        if path.lowercased().hasSuffix(".gdb") {
            let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            return names.reduce(0) { $0 + size((path as NSString).appendingPathComponent($1)) }
        }
        let stem = (path as NSString).deletingPathExtension
        let sidecars = path.lowercased().hasSuffix(".shp") ? ["dbf", "shx"].map { stem + "." + $0 } : []
        return ([path] + sidecars).reduce(0) { $0 + size($1) }
    }

    private static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// The paths matching a pattern, sorted.
    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        // returns 0 on success, GLOB_NOMATCH when nothing matches
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
