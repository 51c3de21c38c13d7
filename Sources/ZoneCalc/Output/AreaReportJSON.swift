import Foundation

/// Renders an ``AreaReport`` as JSON for scripts: areas in m² and in the chosen unit, keys sorted.
public struct AreaReportJSON {
    public var unit: AreaUnit
    public var includeFeatures: Bool

    public init(unit: AreaUnit, includeFeatures: Bool = true) {
        self.unit = unit
        self.includeFeatures = includeFeatures
    }

    struct Areas: Encodable {
        var squareMetres: [String: Double]
        var inUnit: [String: Double]
    }

    struct Document: Encodable {
        var source: String
        var crs: String
        var epsg: Int?
        var planarCRS: String?
        var methods: [String: String]
        var unit: String
        var featureCount: Int
        var total: Areas
        var groups: [Group]?
        var features: [Feature]?
        var repaired: Int
        var skipped: [Skipped]
        var declared: Declared?
        var readWarnings: [Bilingual]
    }

    struct Group: Encodable { var key: String; var count: Int; var area: Areas }
    struct Feature: Encodable {
        var index: Int; var fid: Int64; var id: String?; var group: String?; var area: Areas
        var declaredSquareMetres: Double?; var invalidReason: Bilingual?; var readNote: Bilingual?
    }
    struct Skipped: Encodable { var index: Int; var fid: Int64; var id: String?; var reason: Bilingual }
    struct Declared: Encodable {
        var field: String; var unit: String; var tolerance: Double; var method: String; var mismatches: [Int64]; var missing: Int
    }

    private func areas(_ area: MeasuredArea, methods: [AreaMethod]) -> Areas {
        var m2: [String: Double] = [:], converted: [String: Double] = [:]
        for method in methods {
            guard let value = area[method] else { continue }
            m2[method.rawValue] = value
            converted[method.rawValue] = unit.value(ofSquareMetres: value)
        }
        return Areas(squareMetres: m2, inUnit: converted)
    }

    public func render(_ report: AreaReport) throws -> String {
        let methods = report.methods
        let document = Document(
            source: report.source, crs: report.crs.summary, epsg: report.crs.epsg, planarCRS: report.planarCRS,
            methods: Dictionary(uniqueKeysWithValues: methods.map { ($0.rawValue, $0.summary(in: report.crs)) }),
            unit: unit.rawValue, featureCount: report.measuredCount, total: areas(report.total, methods: methods),
            groups: report.groups.isEmpty ? nil : report.groups.map { Group(key: $0.key, count: $0.count, area: areas($0.area, methods: methods)) },
            features: includeFeatures ? report.features.map {
                Feature(index: $0.index, fid: $0.fid, id: $0.label, group: $0.group, area: areas($0.area, methods: methods),
                        declaredSquareMetres: $0.declaredSquareMetres, invalidReason: $0.repairedProblem?.bilingual, readNote: $0.readNote)
            } : nil,
            repaired: report.repairedCount,
            skipped: report.skipped.map { Skipped(index: $0.index, fid: $0.fid, id: $0.label, reason: $0.reason) },
            declared: report.declared.map { check in
                Declared(field: check.field, unit: check.unit.rawValue, tolerance: check.tolerance, method: check.method.rawValue,
                         mismatches: check.mismatches.map { report.features[$0].fid }, missing: check.missing)
            },
            readWarnings: report.readWarnings)
        return try ReportJSON.encode(document)
    }
}
