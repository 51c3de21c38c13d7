/// Detects, per file, coordinates written easting-first and swaps them back
/// (部标界址点坐标交换格式).
///
/// A point is *northing-first* when X is a northing in China (1.9e6…6.0e6 m, no prefix) and
/// Y an easting (prefixed 13e6…24e6 or 25e6…46e6, or plain 0…1e6), *easting-first* when it
/// is the other way round. The ranges do not overlap, so a point is never both. The file
/// is swapped when more points are easting-first than northing-first.
enum BoundaryTxtAxisOrder {
    static let northingRange = 1.9e6...6.0e6

    /// Whether `value` is an easting with a 6° (13–23) or 3° (25–45) zone prefix.
    static func isPrefixedEasting(_ value: Double) -> Bool {
        GaussKrugerZone.fromPrefixedEasting(value) != nil
    }

    /// Whether `value` is an easting without a zone prefix (false easting 500 000 m).
    static func isPlainEasting(_ value: Double) -> Bool {
        (0..<1e6).contains(value)
    }

    /// Swaps northing and easting of every point when the file is easting-first.
    static func correct(_ parcels: inout [BoundaryParcel], warnings: inout [BoundaryPointTxtWarning]) {
        let points = parcels.flatMap { $0.rings.flatMap(\.points) }
        let northingFirst = points.filter { looksNorthingFirst(x: $0.northing, y: $0.easting) }
        let eastingFirst = points.filter { looksNorthingFirst(x: $0.easting, y: $0.northing) }
        if northingFirst.isEmpty && eastingFirst.isEmpty {
            warnings.append(.init(line: nil, code: .unrecognisedCoordinates,
                                  message: Bilingual("没有一个点像中国境内的高斯–克吕格北坐标（X，1.9e6–6.0e6 米）和东坐标（Y），坐标按原样读取", "no point looks like a Gauss–Krüger northing (X, 1.9e6–6.0e6 m) and easting (Y) in China; coordinates taken as written")))
            return
        }
        let swap = eastingFirst.count > northingFirst.count
        if !northingFirst.isEmpty && !eastingFirst.isEmpty {
            let minority = swap ? northingFirst[0] : eastingFirst[0]
            warnings.append(.init(line: minority.line, code: .mixedAxisOrder,
                                  message: Bilingual("\(eastingFirst.count) 个点东坐标在前、\(northingFirst.count) 个点北坐标在前，全文件按\(swap ? "东" : "北")坐标在前读取", "\(eastingFirst.count) points are easting-first and \(northingFirst.count) northing-first; the file is taken as \(swap ? "easting" : "northing")-first")))
        }
        guard swap else { return }
        warnings.append(.init(line: eastingFirst[0].line, code: .swappedAxes,
                              message: Bilingual("X、Y 写反（东坐标在前），已交换回来", "X and Y are swapped (the easting comes first); swapped back")))
        for parcel in parcels.indices {
            for ring in parcels[parcel].rings.indices {
                for index in parcels[parcel].rings[ring].points.indices {
                    let point = parcels[parcel].rings[ring].points[index]
                    parcels[parcel].rings[ring].points[index].northing = point.easting
                    parcels[parcel].rings[ring].points[index].easting = point.northing
                }
            }
        }
    }

    private static func looksNorthingFirst(x: Double, y: Double) -> Bool {
        northingRange.contains(x) && (isPrefixedEasting(y) || isPlainEasting(y))
    }
}
