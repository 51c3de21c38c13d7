/// Renders a ``PerMuReport`` as JSON for scripts: stable English keys and indicator codes, land in m²
/// and 亩, figures with their units in the key names (万元, 吨标煤, 吨, persons, 万kWh), the zone's and
/// every enterprise's indicators (each with its unit), score parts, class and rank in ranking order,
/// every parcel in layer order with its users, and the document the scoring rests on.
public struct PerMuReportJSON {
    public init() {}

    struct Document: Encodable {
        var zone: String
        var method: String
        var crs: String
        var source: String
        var profile: Profile
        var zoneFigures: Zone
        var enterprises: [Enterprise]
        var parcels: [Parcel]
        var notes: [Bilingual]
    }
    struct Profile: Encodable {
        var document: String; var source: String; var files: String; var minimumLandMu: Double; var indicatorCap: Double?
        var landUsePrefixes: [String]; var schemes: [Scheme]; var classes: [Class]
    }
    struct Scheme: Encodable { var id: String; var name: String; var match: [String]; var indicators: [Weighted] }
    struct Weighted: Encodable { var indicator: String; var weight: Double; var benchmark: Double; var whenMissing: String }
    struct Class: Encodable { var `class`: String; var minScore: Double; var meaning: String; var enterprises: Int }
    struct Figures: Encodable {
        var landSquareMetres: Double; var landMu: Double
        var taxWanYuan: Double?; var valueAddedWanYuan: Double?; var revenueWanYuan: Double?; var outputWanYuan: Double?
        var investmentWanYuan: Double?; var rdSpendingWanYuan: Double?; var energyTonnesStandardCoal: Double?; var emissionsTonnes: Double?
        var employees: Double?; var electricityWanKWh: Double?
    }
    struct Ratio: Encodable {
        var indicator: String; var name: Bilingual; var unit: String; var value: Double?; var valueWanYuanPerHectare: Double?
        var used: Int; var leftOut: Int; var leftOutNote: Bilingual?
    }
    struct Zone: Encodable { var evaluatedEnterprises: Int; var figures: Figures; var indicators: [Ratio] }
    struct Part: Encodable { var indicator: String; var value: Double?; var weight: Double; var benchmark: Double; var score: Double; var basis: String }
    struct Enterprise: Encodable {
        var id: String; var name: String; var scale: String?; var rank: Int?; var scheme: String?; var score: Double?; var `class`: String?
        var notScored: Bilingual?; var parcels: [String]; var figures: Figures; var indicators: [Ratio]; var parts: [Part]
    }
    struct User: Encodable { var enterprise: String; var share: Double }
    struct Parcel: Encodable { var id: String; var fid: Int64; var figures: Figures; var users: [User]; var split: Bilingual? }

    static func figures(_ f: PerMuFigures) -> Figures {
        Figures(landSquareMetres: f.land, landMu: f.mu, taxWanYuan: f.tax, valueAddedWanYuan: f.valueAdded, revenueWanYuan: f.revenue,
                outputWanYuan: f.output, investmentWanYuan: f.investment, rdSpendingWanYuan: f.rd, energyTonnesStandardCoal: f.energy,
                emissionsTonnes: f.emissions, employees: f.employees, electricityWanKWh: f.electricity)
    }

    /// An indicator over its groups; per unit of land also per 公顷 (15 亩).
    static func ratio(_ ratio: PerMuRatio) -> Ratio {
        let indicator = ratio.indicator
        return Ratio(indicator: indicator.rawValue, name: indicator.label, unit: indicator.unit, value: ratio.value,
                     valueWanYuanPerHectare: indicator.perLand ? ratio.value.map { $0 * 15 } : nil,
                     used: ratio.used, leftOut: ratio.leftOut, leftOutNote: ratio.leftOutNote)
    }

    public func render(_ report: PerMuReport) throws -> String {
        let profile = report.profile
        let document = Document(
            zone: report.zoneName, method: report.method.rawValue, crs: report.crs.definition, source: report.source,
            profile: Profile(document: Citations.text("huangyan-2022-per-mu"), source: profile.source, files: profile.file,
                             minimumLandMu: profile.minimumLandMu, indicatorCap: profile.indicatorCap, landUsePrefixes: profile.landUsePrefixes,
                             schemes: profile.schemes.map { scheme in
                                 Scheme(id: scheme.id, name: scheme.name, match: scheme.match, indicators: scheme.indicators.map {
                                     Weighted(indicator: $0.indicator, weight: $0.weight, benchmark: $0.benchmark,
                                              whenMissing: $0.averageWhenMissing ? "average" : "zero")
                                 })
                             },
                             classes: profile.classes.map { cutoff in
                                 Class(class: cutoff.label, minScore: cutoff.minScore, meaning: cutoff.meaning,
                                       enterprises: report.enterprises.filter { $0.classLabel == cutoff.label }.count)
                             }),
            zoneFigures: Zone(evaluatedEnterprises: report.evaluatedCount, figures: Self.figures(report.zone),
                              indicators: report.zoneRatios.map(Self.ratio)),
            enterprises: report.enterprises.map { enterprise in
                Enterprise(id: enterprise.id, name: enterprise.name, scale: enterprise.scale, rank: enterprise.rank, scheme: enterprise.scheme,
                           score: enterprise.score, class: enterprise.classLabel, notScored: enterprise.notScored, parcels: enterprise.parcels,
                           figures: Self.figures(enterprise.figures), indicators: PerMuIndicator.allCases.map { Self.ratio(enterprise.ratio($0)) },
                           parts: enterprise.parts.map {
                               Part(indicator: $0.indicator.rawValue, value: $0.value, weight: $0.weight, benchmark: $0.benchmark, score: $0.score,
                                    basis: $0.basis.rawValue)
                           })
            },
            parcels: report.parcels.map { parcel in
                Parcel(id: parcel.id, fid: parcel.fid, figures: Self.figures(parcel.figures),
                       users: parcel.users.map { User(enterprise: $0.id, share: $0.share) },
                       split: parcel.users.isEmpty ? nil : parcel.split)
            },
            notes: report.notes)
        return try ReportJSON.encode(document)
    }
}
