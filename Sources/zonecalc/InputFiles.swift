import Foundation
import ZoneCalc

/// The files a batch names: each argument a file (FILE[:LAYER]), a folder (the vector files in it,
/// by name) or a glob pattern (`*.txt`, for shells that do not expand it, as on Windows).
enum InputFiles {
    /// Extensions of the files a folder contributes.
    static let extensions: Set<String> = ["txt", "shp", "gpkg", "geojson", "json", "kml", "gdb", "csv", "xlsx"]

    static func expand(_ arguments: [String]) throws -> [SourceSpec] {
        var files: [SourceSpec] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue, !argument.lowercased().hasSuffix(".gdb") {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                let found = names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }.sorted()
                guard !found.isEmpty else {
                    throw ZoneCalcError.invalidArgument(Bilingual("文件夹 \(argument) 中没有矢量文件（\(extensions.sorted().joined(separator: "、"))）",
                                                                  "the folder \(argument) holds no vector files (\(extensions.sorted().joined(separator: ", ")))"))
                }
                files += found.map { SourceSpec(parsing: (argument as NSString).appendingPathComponent($0)) }
            } else if !FileManager.default.fileExists(atPath: argument), argument.contains(where: { "*?[".contains($0) }) {
                let matches = glob(argument)
                guard !matches.isEmpty else {
                    throw ZoneCalcError.invalidArgument(Bilingual("没有文件与 \(argument) 匹配", "no file matches \(argument)"))
                }
                files += matches.map { SourceSpec(parsing: $0) }
            } else {
                files.append(SourceSpec(parsing: argument))
            }
        }
        return files
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
