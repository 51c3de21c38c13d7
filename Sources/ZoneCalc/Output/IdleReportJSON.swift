/// Renders an ``IdleLandReport`` as JSON for scripts: stable English keys and status codes, areas in
/// m², fees in 万元, every parcel in layer order with its reason and missing data in both languages, and
/// the documents the rules rest on.
public struct IdleReportJSON {
    public init() {}

    struct Document: Encodable {
        var zone: String
        var asOf: String
        var method: String
        var crs: String
        var source: String
        var rules: Rules
        var totals: [Total]
        var idle: Count
        var supplyChain: [Category]
        var approvedUnsupplied: Unsupplied
        var parcels: [Parcel]
        var assumptions: [Bilingual]
        var notes: [Bilingual]
    }
    struct Rules: Encodable {
        var document: String; var files: String; var sources: [String: String]
        var idleAfterYears: Int; var recoverAfterYears: Int; var idleFeeShare: Double
    }
    struct Total: Encodable {
        var status: String; var name: Bilingual; var isIdle: Bool; var article: String
        var parcels: Int; var squareMetres: Double; var feeWanYuan: Double?
    }
    struct Count: Encodable { var parcels: Int; var squareMetres: Double }
    struct Category: Encodable { var category: String; var name: String; var parcels: Int; var squareMetres: Double }
    struct Unsupplied: Encodable {
        var evaluated: Bool; var squareMetres: Double?; var approvedSquareMetres: Double?; var reason: Bilingual?
    }
    struct Parcel: Encodable {
        var id: String; var fid: Int64; var status: String; var isIdle: Bool; var article: String
        var yearsIdle: Int?; var feeWanYuan: Double?; var squareMetres: Double
        var categories: [String]; var reason: Bilingual; var missing: [Bilingual]
    }

    static func area(_ items: [IdleParcelResult]) -> Double { items.reduce(0) { $0 + $1.area } }

    public func render(_ report: IdleLandReport) throws -> String {
        let rules = report.rules
        let idle = report.parcels.filter(\.classification.status.isIdle)
        let document = Document(
            zone: report.zoneName, asOf: report.asOf.description, method: report.method.rawValue, crs: report.crs.definition,
            source: report.source,
            rules: Rules(document: Citations.text("mlr-order-53"), files: rules.source, sources: rules.sources,
                         idleAfterYears: rules.idleAfterYears, recoverAfterYears: rules.recoverAfterYears, idleFeeShare: rules.idleFeeShare),
            totals: IdleStatus.allCases.map { status in
                let items = report.parcels(status), fees = items.compactMap(\.classification.fee)
                return Total(status: status.rawValue, name: status.name, isIdle: status.isIdle, article: status.article, parcels: items.count,
                             squareMetres: Self.area(items), feeWanYuan: fees.isEmpty ? nil : fees.reduce(0, +))
            },
            idle: Count(parcels: idle.count, squareMetres: Self.area(idle)),
            supplyChain: SupplyChainCategory.allCases.map { category in
                let items = report.parcels(category)
                return Category(category: category.rawValue, name: category.chineseName, parcels: items.count, squareMetres: Self.area(items))
            },
            approvedUnsupplied: Unsupplied(evaluated: report.unsupplied != nil, squareMetres: report.unsupplied?.area,
                                           approvedSquareMetres: report.unsupplied?.approvedArea, reason: report.unsuppliedReason),
            parcels: report.parcels.map { item in
                let c = item.classification
                return Parcel(id: item.id, fid: item.fid, status: c.status.rawValue, isIdle: c.status.isIdle, article: c.status.article,
                              yearsIdle: c.yearsIdle, feeWanYuan: c.fee, squareMetres: item.area, categories: c.categories.map(\.rawValue),
                              reason: c.reason, missing: c.missing)
            },
            assumptions: report.assumptions, notes: report.notes)
        return try ReportJSON.encode(document)
    }
}
