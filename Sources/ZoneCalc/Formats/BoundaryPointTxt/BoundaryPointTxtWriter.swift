import Foundation

/// Writes the 部标 boundary-point coordinate txt (部标界址点坐标交换格式) for upload to 报批 systems.
///
/// For each parcel it writes the header `界址点数,地块面积,地块编号,地块名称,面,图幅号,地块用途,地类编码,@`
/// and then the rings: 圈号 1 = part 1's exterior, then its holes, then part 2's exterior …;
/// exteriors clockwise from their north-west-most vertex, holes counter-clockwise; each ring
/// closed by repeating its first point with the same 点号; 界址点数 = the point lines
/// written. Coordinates are rounded to `decimals` first, and 地块面积 (公顷, 4 decimals) is the
/// shoelace area of the rounded rings (exteriors minus holes), so a reader recomputing the
/// area from the file gets the declared value.
///
/// ```swift
/// let square = [BoundaryVertex(easting: 500000, northing: 3000000), BoundaryVertex(easting: 500100, northing: 3000000),
///               BoundaryVertex(easting: 500100, northing: 3000100), BoundaryVertex(easting: 500000, northing: 3000100)]
/// let parcel = BoundaryParcelInput(id: "1", name: "地块1", parts: [BoundaryPolygonPart(exterior: square)])
/// let data = try BoundaryPointTxtWriter.write([parcel], zoneNumber: 39, zoneWidth: 3)
/// ```
public enum BoundaryPointTxtWriter {
    /// Renders `parcels` in zone `zoneNumber` of width `zoneWidth` (3 or 6) and encodes the text.
    ///
    /// - Parameter parcels: coordinates in metres in that zone, eastings without the prefix.
    /// - Throws: ``BoundaryPointTxtWriteError`` for invalid zones, rings or text.
    public static func write(_ parcels: [BoundaryParcelInput], zoneNumber: Int, zoneWidth: Int,
                             options: BoundaryPointTxtWriteOptions = .init()) throws(BoundaryPointTxtWriteError) -> Data {
        let text = try render(parcels, zoneNumber: zoneNumber, zoneWidth: zoneWidth, options: options)
        return try encode(text, as: options.encoding)
    }

    /// The text of the file, before encoding.
    private static func render(_ parcels: [BoundaryParcelInput], zoneNumber: Int, zoneWidth: Int,
                       options: BoundaryPointTxtWriteOptions) throws(BoundaryPointTxtWriteError) -> String {
        guard GaussKrugerZone.width(ofZoneNumber: zoneNumber) == zoneWidth else {
            throw .invalidZone(number: zoneNumber, width: zoneWidth)
        }
        guard (0...9).contains(options.decimals) else { throw .invalidDecimals(options.decimals) }
        guard !parcels.isEmpty else { throw .noParcels }

        var lines = ["[属性描述]"]
        for entry in try attributes(zoneNumber: zoneNumber, zoneWidth: zoneWidth, options: options) {
            lines.append("\(entry.key)=\(entry.value)")
        }
        lines.append("[地块坐标]")
        let eastingOffset = options.includeZonePrefix ? Double(zoneNumber) * 1_000_000 : 0
        for parcel in parcels {
            lines += try parcelLines(parcel, eastingOffset: eastingOffset, options: options)
        }
        let lineBreak = options.lineEnding == .crlf ? "\r\n" : "\n"
        return lines.map { $0 + lineBreak }.joined()
    }

    /// The `[属性描述]` entries: the standard keys in the standard order (部标界址点坐标交换格式),
    /// overrides applied, unknown override keys appended.
    private static func attributes(zoneNumber: Int, zoneWidth: Int,
                                   options: BoundaryPointTxtWriteOptions) throws(BoundaryPointTxtWriteError) -> [TxtKeyValue] {
        let resolution = options.decimals == 0 ? "1" : "0." + String(repeating: "0", count: options.decimals - 1) + "1"
        var entries = [
            TxtKeyValue(key: "格式版本号", value: "1.01版本"),
            TxtKeyValue(key: "数据产生单位", value: ""),
            TxtKeyValue(key: "数据产生日期", value: todayInChina()),
            TxtKeyValue(key: "坐标系", value: "2000国家大地坐标系"),
            TxtKeyValue(key: "几度分带", value: String(zoneWidth)),
            TxtKeyValue(key: "投影类型", value: "高斯克吕格"),
            TxtKeyValue(key: "计量单位", value: "米"),
            TxtKeyValue(key: "带号", value: String(zoneNumber)),
            TxtKeyValue(key: "精度", value: resolution),
            TxtKeyValue(key: "转换参数", value: ",,,,,,"),
        ]
        for override in options.attributeOverrides {
            guard override.key != "带号", override.key != "几度分带" else { throw .reservedAttribute(override.key) }
            guard !override.key.isEmpty, !override.key.contains("="), !containsLineBreak(override.key) else {
                throw .invalidText(field: "attribute key", value: override.key)
            }
            guard !containsLineBreak(override.value) else { throw .invalidText(field: override.key, value: override.value) }
            if let index = entries.firstIndex(where: { $0.key == override.key }) {
                entries[index].value = override.value
            } else {
                entries.append(override)
            }
        }
        return entries
    }

    private static func parcelLines(_ parcel: BoundaryParcelInput, eastingOffset: Double,
                                    options: BoundaryPointTxtWriteOptions) throws(BoundaryPointTxtWriteError) -> [String] {
        let textFields = [("地块编号", parcel.id), ("地块名称", parcel.name), ("图幅号", parcel.mapSheet),
                          ("地块用途", parcel.landUse), ("地类编码", parcel.landClassCode)]
        for (field, value) in textFields where value.contains(",") || value.contains("，") || containsLineBreak(value) {
            throw .invalidText(field: field, value: value)
        }
        guard !parcel.parts.isEmpty else { throw .parcelWithoutParts(parcelID: parcel.id) }

        var rings: [[BoundaryVertex]] = []
        var areaSquareMetres = 0.0
        for part in parcel.parts {
            let exterior = BoundaryRingOrdering.cadastralExterior(
                try prepared(part.exterior, parcelID: parcel.id, ringNumber: rings.count + 1, decimals: options.decimals))
            rings.append(exterior)
            areaSquareMetres += abs(BoundaryRingOrdering.signedArea(exterior))
            for hole in part.holes {
                let ordered = BoundaryRingOrdering.counterClockwiseHole(
                    try prepared(hole, parcelID: parcel.id, ringNumber: rings.count + 1, decimals: options.decimals))
                rings.append(ordered)
                areaSquareMetres -= abs(BoundaryRingOrdering.signedArea(ordered))
            }
        }

        var pointLines: [String] = []
        var nextNumber = 1
        for (index, ring) in rings.enumerated() {
            if options.restartNumberingPerRing { nextNumber = 1 }
            let names = ring.indices.map { pointName(nextNumber + $0, options.pointNaming) }
            nextNumber += ring.count
            for (point, name) in zip(ring + [ring[0]], names + [names[0]]) {
                pointLines.append(pointLine(name: name, ringNumber: index + 1, point: point,
                                            eastingOffset: eastingOffset, decimals: options.decimals))
            }
        }
        let header = [String(pointLines.count), String(format: "%.4f", areaSquareMetres / 10_000), parcel.id, parcel.name,
                      "面", parcel.mapSheet, parcel.landUse, parcel.landClassCode, "@"].joined(separator: ",")
        return [header] + pointLines
    }

    /// The ring open (closing duplicate dropped), checked and rounded to `decimals`.
    private static func prepared(_ ring: [BoundaryVertex], parcelID: String, ringNumber: Int,
                                 decimals: Int) throws(BoundaryPointTxtWriteError) -> [BoundaryVertex] {
        var open = ring
        if open.count > 1, open.first == open.last { open.removeLast() }
        for point in open {
            guard point.easting.isFinite, point.northing.isFinite else {
                throw .nonFiniteCoordinate(parcelID: parcelID, ringNumber: ringNumber)
            }
            guard BoundaryTxtAxisOrder.isPlainEasting(point.easting) else {
                throw .eastingOutOfRange(parcelID: parcelID, ringNumber: ringNumber, easting: point.easting)
            }
        }
        let distinct = Set(open.map { [$0.easting, $0.northing] }).count
        guard distinct >= 3 else { throw .ringTooShort(parcelID: parcelID, ringNumber: ringNumber, vertexCount: distinct) }
        let scale = pow(10, Double(decimals))
        return open.map { BoundaryVertex(easting: ($0.easting * scale).rounded() / scale, northing: ($0.northing * scale).rounded() / scale) }
    }

    private static func pointName(_ number: Int, _ naming: BoundaryPointTxtWriteOptions.PointNaming) -> String {
        switch naming {
        case .jPrefixed: "J\(number)"
        case .plainNumbers: String(number)
        }
    }

    /// `点号,圈号,X,Y` with X = northing and Y = easting (plus the zone prefix, if any).
    private static func pointLine(name: String, ringNumber: Int, point: BoundaryVertex,
                                  eastingOffset: Double, decimals: Int) -> String {
        let northing = String(format: "%.*f", Int32(decimals), point.northing)
        let easting = String(format: "%.*f", Int32(decimals), point.easting + eastingOffset)
        return "\(name),\(ringNumber),\(northing),\(easting)"
    }

    private static func containsLineBreak(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
    }

    /// Today's date in China Standard Time, `yyyy-MM-dd`: the default 数据产生日期.
    private static func todayInChina() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        let today = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", Int32(today.year!), Int32(today.month!), Int32(today.day!))
    }

    /// Encodes the text; GBK goes through iconv (部标界址点坐标交换格式).
    private static func encode(_ text: String,
                               as encoding: BoundaryPointTxtWriteOptions.OutputEncoding) throws(BoundaryPointTxtWriteError) -> Data {
        let utf8 = Array(text.utf8)
        switch encoding {
        case .utf8:
            return Data(utf8)
        case .utf8WithBOM:
            return Data([0xEF, 0xBB, 0xBF] + utf8)
        case .gbk:
            switch iconvConvert(utf8, from: "UTF-8", to: "GBK") {
            case .success(let bytes):
                return Data(bytes)
            case .failure(.invalidSequence(let offset)):
                let character = String(decoding: utf8[offset...], as: UTF8.self).first.map(String.init) ?? ""
                throw .unencodableCharacter(character, encoding: .gbk)
            case .failure(.unsupportedEncoding):
                // glibc always ships GBK; report the first non-ASCII character as unencodable.
                throw .unencodableCharacter(text.first { !$0.isASCII }.map(String.init) ?? "", encoding: .gbk)
            }
        }
    }
}
