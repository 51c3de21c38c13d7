import Foundation
import GeoBridge

/// Writes polygon features as the ministry's boundary-point txt (部标界址点坐标交换格式): one parcel per
/// feature, its parts and holes as rings, in the Gauss–Krüger zone of the (possibly reprojected) data.
enum BoundaryTxtExport {
    static func write(_ reader: FeatureLayerReader, to path: String, crs: ResolvedCRS, reprojector: GeometryReprojector?,
                      options: ConvertOptions, inputs: [String]) throws -> ConvertSummary {
        guard case .gaussKruger(_, let falseEasting, let zone?) = crs.kind else {
            throw ZoneCalcError.unsupportedCRS(source: path, detail: Bilingual("界址点 txt 存放高斯-克吕格坐标，而数据是 \(crs.summary(.zh))；请加 --to-crs 给出高斯-克吕格投影的 EPSG 代码",
                                                                            "a boundary-point txt holds Gauss–Krüger coordinates, but the data are in \(crs.summary); add --to-crs with a Gauss–Krüger EPSG code"))
        }
        // Eastings without the zone prefix (the writer adds it back when asked).
        let prefixOffset = falseEasting - 500_000
        let fieldNames = reader.fields.map(\.name)
        func index(_ explicit: String?, _ usual: [String]) throws -> Int? {
            if let explicit { return try reader.fieldIndex(explicit) }
            return usual.lazy.compactMap { name in fieldNames.firstIndex(of: name) }.first
        }
        let idIndex = try reader.idField(options.idField).map { name throws in try reader.fieldIndex(name) }
        let nameIndex = try index(options.nameField, ConvertJob.usualNameFields)
        let classIndex = try index(options.landClassField, ["DLBM", "地类编码"])
        let wanted = [idIndex, nameIndex, classIndex].compactMap { $0 }
        let context = GEOSContext()
        var parcels: [BoundaryParcelInput] = [], skipped: [Bilingual] = []
        try reader.read(fieldIndices: wanted, swapXY: options.swapXY) { feature in
            var slot = 0
            func next(_ present: Int?) -> String? {
                guard present != nil else { return nil }
                defer { slot += 1 }
                return feature.attributes[slot].text
            }
            let id = next(idIndex) ?? String(feature.index + 1)
            let name = next(nameIndex) ?? id
            let landClass = next(classIndex) ?? ""
            let wkb: [UInt8]
            do {
                guard let read = try FeatureGeometryIntake.wkb(of: feature, label: id, reprojector: reprojector) else {
                    skipped.append(Bilingual("要素 #\(feature.index + 1)（\(id)）：没有几何", "feature #\(feature.index + 1) (\(id)): no geometry")); return
                }
                wkb = read
            } catch let problem as FeatureGeometryProblem {
                skipped.append(problem.bilingual); return
            }
            let geometry = try Geometry.fromWKB(wkb, context: context)
            let parts = try self.parts(of: geometry, prefixOffset: prefixOffset)
            guard !parts.isEmpty else {
                skipped.append(Bilingual("要素 #\(feature.index + 1)（\(id)）：\(geometry.kind) 不是地块的面",
                                         "feature #\(feature.index + 1) (\(id)): a \(geometry.kind) is not a parcel polygon")); return
            }
            parcels.append(BoundaryParcelInput(id: id, name: name, landClassCode: landClass, parts: parts))
        }
        var txtOptions = options.txt
        if let encoding = options.encoding { txtOptions.encoding = encoding == .gbk ? .gbk : .utf8 }
        let data: Data
        do { data = try BoundaryPointTxtWriter.write(parcels, zoneNumber: zone.number, zoneWidth: zone.width, options: txtOptions) }
        catch { throw ZoneCalcError.boundaryPointTxtWrite(error, path: path) }
        try SafeOutput.write(to: path, inputs: inputs, force: options.force) { temporaryPath in
            try data.write(to: URL(fileURLWithPath: temporaryPath))
            SafeOutput.noteRows(parcels.count)
        }
        return ConvertSummary(written: parcels.count, skipped: skipped, targetCRS: crs.bilingualSummary)
    }

    /// A (multi)polygon's parts with their holes, eastings less the zone prefix; empty for anything else.
    static func parts(of geometry: Geometry, prefixOffset: Double) throws -> [BoundaryPolygonPart] {
        guard !geometry.isEmpty else { return [] }
        let polygons = geometry.kind == .polygon ? [geometry] : (geometry.kind == .multiPolygon ? geometry.parts : [])
        return try polygons.map { polygon in
            let rings = try polygon.polygonRings().map { ring in ring.map { BoundaryVertex(easting: $0.x - prefixOffset, northing: $0.y) } }
            return BoundaryPolygonPart(exterior: rings[0], holes: Array(rings.dropFirst()))
        }
    }
}
