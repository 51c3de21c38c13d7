import Foundation

/// Parses a parcel header line, one that ends with `@` (部标界址点坐标交换格式), leniently:
/// fields are mapped by position, 界址点数 and 地块面积 become `nil` when blank or not
/// numbers, `公顷` is stripped, and field names written instead of values are dropped.
enum ParcelHeaderParser {
    /// Field names (pinyin abbreviations) that mis-configured exporters write instead of
    /// values, e.g. `…,FID_0,DKMC,面,TFH,DKYT,DLBM,@`.
    static let placeholders: Set<String> = [
        "JZDS", "DKMJ", "DKBH", "DKMC", "JLTXSX", "TFH", "DKYT", "DLBM", "TBLX", "DL", "GZQ", "GZH", "BZ",
    ]

    private static let geometryKinds: Set<String> = ["面", "线", "点"]

    /// Where each named field sits in a header layout.
    private struct Layout {
        var pointCount = 0, area = 1, id = 2, name = 3, geometryKind = 4, mapSheet = 5, landUse = 6, landClassCode = 7
        var extras: [Int]
    }

    /// Parses `text` (already trimmed, ending with `@`) found on `line`; the parcel has no rings yet.
    static func parse(_ text: String, line: Int, warnings: inout [BoundaryPointTxtWarning]) -> BoundaryParcel {
        var body = text.dropLast().trimmedTxtField
        if body.hasSuffix(",") { body.removeLast() }
        var fields = body.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmedTxtField }

        let variant = variant(of: fields)
        let layout = layout(of: variant, fieldCount: fields.count)
        let found = fields.indices.filter { placeholders.contains(fields[$0].uppercased()) }
        if !found.isEmpty {
            let names = found.map { fields[$0] }.joined(separator: ", ")
            warnings.append(.init(line: line, code: .headerPlaceholder,
                                  message: Bilingual("地块行写的是字段名而不是值（\(names)），按空值处理", "parcel header holds field names instead of values (\(names)); taken as empty")))
            for index in found { fields[index] = "" }
        }
        switch variant {
        case .sevenField, .other:
            warnings.append(.init(line: line, code: .headerFieldCount,
                                  message: Bilingual("地块行有 \(fields.count) 个字段，应为 8 个（界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码），按位置对应", "parcel header has \(fields.count) fields, expected 8 (界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码); fields mapped by position")))
        case .standard, .landConsolidation, .zhejiangProvincial:
            break
        }

        func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
        let areaText = field(layout.area).replacingOccurrences(of: "公顷", with: "").trimmedTxtField
        let area = number(areaText, named: "地块面积", line: line, warnings: &warnings, parse: { Double($0).flatMap { $0.isFinite ? $0 : nil } })
        let parcel = BoundaryParcel(
            declaredPointCount: number(field(layout.pointCount), named: "界址点数", line: line, warnings: &warnings, parse: { Int($0) }),
            declaredAreaHectares: area,
            declaredAreaDecimals: area == nil ? nil : DeclaredArea.decimals(in: areaText),
            id: field(layout.id),
            name: field(layout.name),
            geometryKind: field(layout.geometryKind),
            mapSheet: field(layout.mapSheet),
            landUse: field(layout.landUse),
            landClassCode: field(layout.landClassCode),
            extraFields: layout.extras.map(field),
            headerVariant: variant,
            line: line
        )
        if parcel.geometryKind != "面" {
            warnings.append(.init(line: line, code: .geometryKind,
                                  message: Bilingual("记录图形属性为“\(parcel.geometryKind)”，应为“面”", "记录图形属性 is '\(parcel.geometryKind)', expected 面")))
        }
        return parcel
    }

    private static func variant(of fields: [String]) -> ParcelHeaderVariant {
        switch fields.count {
        case 8: .standard
        case 7: .sevenField
        case 13: .landConsolidation
        case 10 where geometryKinds.contains(fields[6]) && !geometryKinds.contains(fields[4]): .zhejiangProvincial
        default: .other(fieldCount: fields.count)
        }
    }

    private static func layout(of variant: ParcelHeaderVariant, fieldCount: Int) -> Layout {
        switch variant {
        case .zhejiangProvincial:
            Layout(id: 4, name: 5, geometryKind: 6, mapSheet: 7, landUse: 8, landClassCode: 9, extras: [2, 3])
        case .standard, .sevenField, .landConsolidation, .other:
            Layout(extras: Array(8..<max(8, fieldCount)))
        }
    }

    /// `nil` for a blank field; `nil` and a warning for text that `parse` rejects.
    private static func number<T>(
        _ text: String, named name: String, line: Int,
        warnings: inout [BoundaryPointTxtWarning], parse: (String) -> T?
    ) -> T? {
        if text.isEmpty { return nil }
        if let value = parse(text) { return value }
        warnings.append(.init(line: line, code: .headerNotNumber, message: Bilingual("\(name)“\(text)”不是数字，按未知处理", "\(name) '\(text)' is not a number; taken as unknown")))
        return nil
    }
}
