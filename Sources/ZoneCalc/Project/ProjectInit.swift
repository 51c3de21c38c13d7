import Foundation

/// `zonecalc init DIR`: looks at the GIS files in a folder, guesses which layer is which (by the
/// usual layer and file names of Chinese zone data) and how their fields map, and drafts `zone.yaml`.
public enum ProjectInit {
    /// Formats looked at, best first: a layer found in a GeoPackage wins over the same layer as txt.
    static let extensions = ["gpkg", "gdb", "shp", "geojson", "json", "kml", "txt"]

    public static func draft(folder: String, zoneName: String?) throws(ZoneCalcError) -> String {
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch { throw .fileNotFound(path: folder) }
        let aliases = try FieldAliases.bundled()
        var drafts: [ProjectTemplate.LayerDraft] = [], unassigned: [String] = []
        let ranked = files.filter { !$0.hasPrefix(".") && extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted { (extensions.firstIndex(of: ($0 as NSString).pathExtension.lowercased())!, $0)
                      < (extensions.firstIndex(of: ($1 as NSString).pathExtension.lowercased())!, $1) }
        for file in ranked {
            let path = (folder as NSString).appendingPathComponent(file)
            guard let readers = try? LayerReaders.openAll(SourceSpec(path: path)) else { continue }
            for reader in readers {
                let multi = readers.count > 1
                let name = multi ? "\(file):\(reader.layerName)" : file
                // The layer's own name decides first; the file's name only for single-layer files.
                guard let role = LayerRole.guess(reader.layerName) ?? (multi ? nil : LayerRole.guess(file)) else {
                    unassigned.append(name)
                    continue
                }
                // The same layer in a second format (e.g. kfqfw.txt beside zone.gpkg:kfqfw) is listed, not used.
                guard !drafts.contains(where: { $0.role == role }) else {
                    unassigned.append("\(name) (another \(role.rawValue) layer)")
                    continue
                }
                drafts.append(.init(role: role, file: file, layer: multi ? reader.layerName : nil, fields: aliases.guess(reader.fields.map(\.name))))
            }
        }
        drafts.sort { LayerRole.allCases.firstIndex(of: $0.role)! < LayerRole.allCases.firstIndex(of: $1.role)! }
        let name = zoneName ?? URL(fileURLWithPath: folder).lastPathComponent
        return ProjectTemplate.render(name: name, layers: drafts, unassigned: unassigned)
    }
}
