import GeoBridge

/// Writes per-mu results: a GIS file gets the parcels (per-mu figures, users, their classes) for
/// mapping; CSV and XLSX get the enterprise ranking (figures, per-mu indicators, score, class).
public enum PerMuExport {
    static let indicatorColumns = PerMuIndicator.allCases.map { FieldDefinition(name: $0.rawValue.uppercased(), type: .real, width: 20, precision: 6) }

    public static func write(_ report: PerMuReport, to path: String, encoding: OutputTextEncoding, force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(resultsAt: path)
        if format.hasGeometry { try writeParcels(report, to: path, format: format, encoding: encoding, force: force, inputs: inputs) }
        else { try writeEnterprises(report, to: path, format: format, encoding: encoding, force: force, inputs: inputs) }
    }

    static func writeParcels(_ report: PerMuReport, to path: String, format: OutputFormat, encoding: OutputTextEncoding, force: Bool,
                             inputs: [String]) throws {
        let columns = [FieldDefinition(name: "PARCEL_ID", type: .string), FieldDefinition(name: "SRC_FID", type: .integer64),
                       FieldDefinition(name: "AREA_MU", type: .real, width: 20, precision: 6), FieldDefinition(name: "USERS", type: .string),
                       FieldDefinition(name: "CLASSES", type: .string), FieldDefinition(name: "SPLIT", type: .string)] + indicatorColumns
        let classes = Dictionary(report.enterprises.map { ($0.id, $0.classLabel ?? "—") }, uniquingKeysWith: { first, _ in first })
        let spec = OutputLayerSpec(name: "permu_parcels", crs: report.crs.definition, geometry: .multiPolygon, columns: columns, nameColumn: "PARCEL_ID")
        try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: force) { emit in
            for parcel in report.parcels {
                let values: [FieldValue] = [.string(parcel.id), .integer(parcel.fid), .real(parcel.figures.mu),
                                            .string(parcel.users.map(\.id).joined(separator: " ")),
                                            .string(parcel.users.map { classes[$0.id] ?? "—" }.joined(separator: " ")), .string(parcel.split.zh)]
                    + PerMuIndicator.allCases.map { $0.value(parcel.figures).map(FieldValue.real) ?? .null }
                try emit(values, parcel.wkb)
            }
        }
    }

    static func writeEnterprises(_ report: PerMuReport, to path: String, format: OutputFormat, encoding: OutputTextEncoding, force: Bool,
                                 inputs: [String]) throws {
        let columns = [FieldDefinition(name: "RANK", type: .integer), FieldDefinition(name: "ENTERPRISE_ID", type: .string),
                       FieldDefinition(name: "NAME", type: .string), FieldDefinition(name: "SCALE", type: .string),
                       FieldDefinition(name: "PARCELS", type: .string), FieldDefinition(name: "LAND_MU", type: .real, width: 20, precision: 6),
                       FieldDefinition(name: "TAX", type: .real, width: 20, precision: 4), FieldDefinition(name: "VALUE_ADDED", type: .real, width: 20, precision: 4),
                       FieldDefinition(name: "REVENUE", type: .real, width: 20, precision: 4)] + indicatorColumns
            + [FieldDefinition(name: "SCHEME", type: .string), FieldDefinition(name: "SCORE", type: .real, width: 16, precision: 6),
               FieldDefinition(name: "CLASS", type: .string), FieldDefinition(name: "NOTE", type: .string)]
        let spec = OutputLayerSpec(name: "permu_enterprises", crs: nil, geometry: .none, columns: columns)
        try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: force) { emit in
            for enterprise in report.enterprises {
                let f = enterprise.figures
                var values: [FieldValue] = [enterprise.rank.map { .integer(Int64($0)) } ?? .null, .string(enterprise.id), .string(enterprise.name),
                                            enterprise.scale.map(FieldValue.string) ?? .null, .string(enterprise.parcels.joined(separator: " ")),
                                            .real(f.mu), f.tax.map(FieldValue.real) ?? .null, f.valueAdded.map(FieldValue.real) ?? .null,
                                            (f.revenue ?? f.output).map(FieldValue.real) ?? .null]
                let ratios = PerMuIndicator.allCases.map(enterprise.ratio)
                values += ratios.map { $0.value.map(FieldValue.real) ?? .null }
                let averaged = enterprise.parts.filter { $0.basis == .schemeAverage }.map(\.indicator.name)
                let partial = ratios.filter { $0.used > 0 && $0.leftOut > 0 }
                    .map { "\($0.indicator.name)按\($0.used + $0.leftOut)宗中的\($0.used)宗计（\($0.leftOutNote!.zh)）" }
                let note = enterprise.notScored?.zh ?? ((averaged.isEmpty ? [] : [averaged.joined(separator: "、") + "按方案平均分计"]) + partial)
                    .joined(separator: "；")
                values += [enterprise.scheme.map(FieldValue.string) ?? .null, enterprise.score.map(FieldValue.real) ?? .null,
                           enterprise.classLabel.map(FieldValue.string) ?? .null, .string(note)]
                try emit(values, nil)
            }
        }
    }
}
