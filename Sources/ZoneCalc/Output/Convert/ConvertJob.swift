import Foundation
import GeoBridge

/// What `zonecalc convert` should do.
public struct ConvertOptions: Sendable {
    public var crsOverride: String?
    public var swapXY = false
    /// `--to-crs`: reproject to this CRS.
    public var targetCRS: String?
    /// Text encoding of Shapefile and boundary-point txt outputs; nil = the format's usual one
    /// (UTF-8 for Shapefiles, GBK for the txt, as 报批 systems expect).
    public var encoding: TextEncodingChoice?
    public var force = false
    /// Files the conversion reads besides the layer (a --crs .prj file), which the output may not replace.
    public var otherInputs: [String] = []
    /// Boundary-point txt: writer options and the fields that fill the parcel header.
    public var txt = BoundaryPointTxtWriteOptions()
    public var idField: String?
    public var nameField: String?
    public var landClassField: String?
    /// How a change between Xi'an 1980 / Beijing 1954 and another datum is made (refused by default).
    public var datum = DatumPolicy.refuse

    public init() {}
}

/// The outcome of a conversion.
public struct ConvertSummary: Sendable {
    public var written: Int
    /// Features left out, or written without their geometry, with the reason (e.g. a line in a boundary-point txt output).
    public var skipped: [Bilingual]
    /// The CRS the output is in, described.
    public var targetCRS: Bilingual?
    /// The datum change made with the given parameters, when there was one.
    public var datumNote: Bilingual?
    /// Features whose reading is noted (``ReadNotes``: a curve linearised, a problem GDAL reported).
    public var readNotes: [Bilingual] = []
}

/// Converts a layer between GIS formats and the boundary-point txt (`zonecalc convert`).
public enum ConvertJob {
    static let usualNameFields = ["DKMC", "名称", "地块名称", "MC", "FAMC", "KFQMC", "QYMC"]

    public static func run(_ reader: FeatureLayerReader, to path: String, options: ConvertOptions) throws -> ConvertSummary {
        let format = try OutputFormat(path: path)
        let source = try sourceCRS(reader, options: options, required: format == .kml || format == .boundaryPointTxt || options.targetCRS != nil)
        var reprojector: GeometryReprojector?
        var crs = source
        var datumNote: Bilingual?
        if let target = options.targetCRS, let source {
            let resolved = try CRSResolver.resolve(declared: nil, override: target, bounds: nil, source: path, context: ProjContext())
            crs = resolved
            reprojector = try options.datum.reprojector(from: source, to: resolved, layer: reader.sourceName)
            datumNote = options.datum.statement(from: source, to: resolved, layer: reader.sourceName)
        } else if format == .boundaryPointTxt, let source, source.kind == .geographic {
            // The txt holds Gauss–Krüger metres: lon/lat input goes to the 3° zone of its centre.
            let centre = try centreLongitude(reader, swapXY: options.swapXY)
            guard let zone = GaussKrugerZone.threeDegree(containing: centre) else {
                throw ZoneCalcError.invalidArgument(Bilingual(
                    "\(reader.sourceName)：图层中心 \(centre) 不是经度，无法确定高斯-克吕格带；请检查坐标，或用 --crs 给出坐标系（x、y 互换时用 --swap-xy）",
                    "\(reader.sourceName): the layer's centre, \(centre), is not a longitude, so it has no Gauss–Krüger zone; "
                        + "check the coordinates or give the CRS with --crs (or --swap-xy when x and y are exchanged)"))
            }
            guard let code = (source.datum ?? .cgcs2000).gaussKrugerEPSG(zone, prefixed: false) else {
                throw ZoneCalcError.invalidArgument(Bilingual(
                    "\(reader.sourceName)：图层中心经度 \(centre)° 不在我国高斯-克吕格分带范围（东经 73.5°–136.5°）内，而界址点 txt 按分带写出；请检查坐标或给出 --crs",
                    "\(reader.sourceName): the layer's centre, longitude \(centre)°, is outside China's Gauss–Krüger zones "
                        + "(73.5°–136.5°E), which the boundary-point txt is written in; check the coordinates or give --crs"))
            }
            reprojector = try GeometryReprojector(from: source.definition, to: "EPSG:\(code)")
            crs = try CRSResolver.resolve(declared: nil, override: "EPSG:\(code)", bounds: nil, source: path, context: ProjContext())
        }
        let inputs = [reader.sourceName.components(separatedBy: ":").first ?? reader.sourceName] + options.otherInputs
        if format == .boundaryPointTxt {
            var summary = try BoundaryTxtExport.write(reader, to: path, crs: crs!, reprojector: reprojector, options: options, inputs: inputs)
            summary.datumNote = datumNote
            return summary
        }
        let spec = OutputLayerSpec(name: reader.layerName, crs: crs?.definition, geometry: reader.geometryType,
                                   columns: reader.fields, nameColumn: nameField(reader, options: options))
        let encoding = options.encoding ?? .utf8
        let allFields = Array(reader.fields.indices)
        var unusable: [Int: FeatureGeometryProblem] = [:], readNotes: [Bilingual] = []
        let written = try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: options.force) { emit in
            try reader.read(fieldIndices: allFields, swapXY: options.swapXY) { feature in
                if let note = feature.readNotes { readNotes.append(Bilingual("要素 #\(feature.index + 1)：", "feature #\(feature.index + 1): ") + note) }
                do { try emit(feature.attributes, try FeatureGeometryIntake.wkb(of: feature, label: nil, reprojector: reprojector)) }
                catch let problem as FeatureGeometryProblem {
                    unusable[feature.index + 1] = problem
                    try emit(feature.attributes, nil)
                }
            }
        }
        // The KML driver always writes WGS 84 longitude/latitude (GDAL format notes).
        let withoutGeometry = (Set(written.withoutGeometry).union(unusable.keys)).sorted().map { number in
            let reason = unusable[number]?.reason ?? Bilingual("有 NaN 或无穷大坐标", "a NaN or infinite coordinate")
            return Bilingual("要素 #\(number)：\(reason.zh)；写出时不带几何", "feature #\(number): \(reason.en); written without its geometry")
        }
        let kml = Bilingual("WGS 84 经纬度（KML 的要求）", "WGS 84 longitude/latitude (as KML requires)")
        return ConvertSummary(written: written.count, skipped: withoutGeometry, targetCRS: format == .kml ? kml : crs?.bilingualSummary,
                              datumNote: datumNote, readNotes: readNotes)
    }

    /// The source CRS; nil when the file has none and the output does not need one.
    static func sourceCRS(_ reader: FeatureLayerReader, options: ConvertOptions, required: Bool) throws -> ResolvedCRS? {
        if !required, reader.declaredCRS == nil, options.crsOverride == nil { return nil }
        return try CRSResolver.resolve(reader, override: options.crsOverride, swapXY: options.swapXY)
    }


    static func centreLongitude(_ reader: FeatureLayerReader, swapXY: Bool) throws -> Double {
        guard let b = try reader.extent() else { return 0 }
        return swapXY ? (b.minY + b.maxY) / 2 : (b.minX + b.maxX) / 2
    }

    static func nameField(_ reader: FeatureLayerReader, options: ConvertOptions) -> String? {
        options.nameField ?? reader.idField(options.idField)
    }
}
