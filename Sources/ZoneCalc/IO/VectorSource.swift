import Foundation
import GeoBridge

/// Opens vector files through GDAL with the encoding rules Chinese data need (GDAL format notes):
/// a Shapefile's `.cpg` or LDID is honoured by GDAL; a `.dbf` with neither whose text is not valid
/// UTF-8 is reopened as GBK (CP936).
public enum VectorSource {
    /// The text encoding a layer's attributes were read with, for `info`.
    public enum TextEncoding: Sendable, Equatable {
        case declared(String)
        case utf8
        case gbkDetected
        /// Given by the user (`--encoding`), as GDAL's Shapefile driver names it.
        case given(String)
        case unknown
    }

    /// How many features are sampled to decide whether undeclared Shapefile text is GBK.
    static let encodingSampleSize = 2000

    /// SQLite-based formats (GeoPackage) are read through a memory map rather than one read call per
    /// 4 KiB page (SQLite's limit is just under 2 GiB; the rest of a larger file is read as usual).
    private static let memoryMappedSQLite: Void = GDALConfiguration.set("OGR_SQLITE_PRAGMA", "mmap_size=2147418112")

    /// Opens `path` read-only and returns the dataset and how its text is decoded; `encoding`, when
    /// given, decides a Shapefile's text whatever its `.cpg` says.
    public static func open(_ path: String, encoding: TextEncodingChoice? = nil) throws(ZoneCalcError) -> (VectorDataset, TextEncoding) {
        if SourceSpec.isDatabaseConnection(path) {
            try DatabaseConnection.requireNoPassword(path)
            do { return (try VectorDataset.open(path), .utf8) } catch {
                throw .database(connection: DatabaseConnection.redacted(path), problem: DatabaseConnection.problem(opening: error))
            }
        }
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        _ = memoryMappedSQLite
        do {
            // Only the Shapefile driver reads an ENCODING option; other formats say their encoding.
            if let encoding, ["shp", "dbf"].contains((path as NSString).pathExtension.lowercased()) {
                let dataset = try VectorDataset.open(path, openOptions: ["ENCODING": encoding.shapefileOption])
                return (dataset, dataset.driverName == "ESRI Shapefile" ? .given(encoding.shapefileOption) : .utf8)
            }
            let dataset = try VectorDataset.open(path)
            guard dataset.driverName == "ESRI Shapefile", let layer = dataset.layers.first else {
                return (dataset, dataset.driverName == "ESRI Shapefile" ? .unknown : .utf8)
            }
            if let declared = layer.metadataItem("SOURCE_ENCODING", domain: "SHAPEFILE"), !declared.isEmpty {
                return (dataset, .declared(declared))
            }
            guard try hasInvalidUTF8(layer) else { return (dataset, .utf8) }
            return (try VectorDataset.open(path, openOptions: ["ENCODING": "CP936"]), .gbkDetected)
        } catch {
            throw .gdal(error as? GDALError ?? GDALError(operation: .opening, path: path, layer: nil, code: 0, messages: ["\(error)"]))
        }
    }

    /// Picks the named layer, or the only one; a multi-layer file without a name is an error listing its layers.
    public static func layer(of dataset: VectorDataset, named name: String?) throws(ZoneCalcError) -> VectorLayer {
        if let name {
            do { return try dataset.layer(named: name) } catch { throw .gdal(error) }
        }
        let layers = dataset.layers
        guard layers.count == 1 else {
            throw .invalidArgument(Bilingual("\(dataset.path) 有 \(layers.count) 个图层（\(layers.map(\.name).joined(separator: "、"))）：请用 文件:图层 指定一个",
                                             "\(dataset.path) has \(layers.count) layers (\(layers.map(\.name).joined(separator: ", "))): pick one with FILE:LAYER"))
        }
        return layers[0]
    }

    private static func hasInvalidUTF8(_ layer: VectorLayer) throws -> Bool {
        let stringFields = layer.fields.enumerated().filter { $0.element.type == .string }.map(\.offset)
        guard !stringFields.isEmpty else { return false }
        var invalid = false
        try layer.forEachFeature(limit: encodingSampleSize) { feature in
            guard !invalid else { return }
            for index in stringFields {
                if let bytes = feature.stringBytes(index), String(validating: bytes, as: UTF8.self) == nil {
                    invalid = true
                    return
                }
            }
        }
        return invalid
    }
}
