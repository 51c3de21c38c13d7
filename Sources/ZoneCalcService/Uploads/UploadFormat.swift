import Foundation
import ZoneCalc

/// The formats a proposal is uploaded in, told from the file's content, never from its name.
public enum UploadFormat: String, Sendable, CaseIterable {
    /// The ministry's boundary-point coordinate txt (界址点坐标), GBK or UTF-8.
    case boundaryPointTxt = "txt"
    case geoJSON = "geojson"
    case kml
    case geoPackage = "gpkg"
    /// A zip holding a Shapefile (.shp with .shx and .dbf) or a FileGDB folder.
    case zip

    /// The extension the engine reads the file by.
    var fileExtension: String { rawValue }

    /// The format of the file at `url`, from its first bytes.
    /// - Throws: `badUpload` naming `name` when it is none of the formats.
    static func sniff(_ url: URL, name: String) throws(ServiceError) -> UploadFormat {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw .record(url.path, "cannot read the upload") }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 64 << 10)) ?? Data())
        guard !head.isEmpty else { throw .badUpload(file: name, Bilingual("文件是空的", "the file is empty")) }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if head.starts(with: Array("SQLite format 3\0".utf8)) {
            // a GeoPackage sets the SQLite application id to 'GPKG' (or 'GP10'/'GP11' in 1.0 and 1.1)
            let id = head.count >= 72 ? String(decoding: head[68..<72], as: UTF8.self) : ""
            guard ["GPKG", "GP10", "GP11"].contains(id) else {
                throw .badUpload(file: name, Bilingual("这是 SQLite 数据库，但不是 GeoPackage", "an SQLite database, but not a GeoPackage"))
            }
            return .geoPackage
        }
        guard let text = Self.text(head) else {
            throw .badUpload(file: name, Self.unknown)
        }
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("{"), text.contains("\"type\"") { return .geoJSON }
        if text.contains("<kml") { return .kml }
        if text.contains("[属性描述]") || text.contains("[地块坐标]") { return .boundaryPointTxt }
        throw .badUpload(file: name, Self.unknown)
    }

    private static let unknown = Bilingual("无法识别格式；请上传界址点坐标 txt、GeoJSON、KML、GeoPackage，或压缩为 zip 的 Shapefile、FileGDB",
                                           "not a format a proposal comes in; upload a boundary-point txt, GeoJSON, KML, GeoPackage, or a Shapefile or FileGDB in a zip")

    /// The first bytes as text, UTF-8 or else GBK; nil for bytes that are neither (a binary file).
    /// The last few bytes may be a character cut in two.
    private static func text(_ bytes: [UInt8]) -> String? {
        for cut in 0...3 where bytes.count > cut {
            let slice = Array(bytes.dropLast(cut))
            if let utf8 = String(validating: slice, as: UTF8.self) { return utf8 }
            if case .success(let converted) = iconvConvert(slice, from: "GBK", to: "UTF-8") { return String(decoding: converted, as: UTF8.self) }
        }
        return nil
    }
}
