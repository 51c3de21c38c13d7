import Foundation
import GeoBridge

/// The summaries of batch runs of `area`, `qc`, `convert` and `info`: each command's figures per input,
/// and for an input that failed its error, the rows of the others complete.
extension BatchSummary {
    private static let done = Bilingual("完成", "done")

    /// `area`: features measured, the total by each method in `unit`, the features repaired and left
    /// out, and declared areas that do not match.
    public static func area(_ items: [BatchItem<AreaReport>], methods: [AreaMethod], unit: AreaUnit, decimals: Int?,
                            declared: Bool, language: Language) -> BatchSummary {
        var figures = [LedgerColumn("FEATURES", Bilingual("要素数", "features"), .integer)]
        figures += methods.map { AreaExport.areaColumn($0, unit: unit, decimals: decimals) }
        figures += [LedgerColumn("REPAIRED", Bilingual("修复后计算", "repaired"), .integer), LedgerColumn("SKIPPED", Bilingual("未计入", "left out"), .integer)]
        if declared { figures.append(LedgerColumn("MISMATCH", Bilingual("与申报面积不符", "declared area differs"), .integer)) }
        return summarise(items, title: Bilingual("面积汇总", "areas"), figures: figures, language: language) { summary, item, report in
            var values: [FieldValue] = [.integer(Int64(report.measuredCount))]
            values += methods.map { method in report.total[method].map { .real(unit.value(ofSquareMetres: $0)) } ?? .null }
            values += [.integer(Int64(report.repairedCount)), .integer(Int64(report.skipped.count))]
            if declared { values.append(report.declared.map { .integer(Int64($0.mismatches.count)) } ?? .null) }
            summary.add(file: item.file.path, layer: item.file.layer, figures: values, status: done, exit: .success, output: item.output,
                        note: report.readWarnings.map { $0.text(language) }.joined(separator: "；"), language: language)
        }
    }

    /// `qc`: parcels checked and findings by severity; the status says whether any reaches `failOn`.
    public static func qc(_ items: [BatchItem<QCReport>], failOn: QCSeverity, language: Language) -> BatchSummary {
        let figures = [LedgerColumn("FEATURES", Bilingual("要素数", "features"), .integer),
                       LedgerColumn("ERRORS", Bilingual("错误", "errors"), .integer), LedgerColumn("WARNINGS", Bilingual("警告", "warnings"), .integer),
                       LedgerColumn("INFOS", Bilingual("提示", "notes"), .integer), LedgerColumn("CODES", Bilingual("问题代码", "codes"), .string)]
        return summarise(items, title: Bilingual("质检汇总", "QC summary"), figures: figures, language: language) { summary, item, report in
            let count = { (severity: QCSeverity) in FieldValue.integer(Int64(report.findings.filter { $0.severity == severity }.count)) }
            var codes: [String: Int] = [:]
            for finding in report.findings { codes[finding.code, default: 0] += 1 }
            let listed = codes.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
            let failed = report.count(atLeast: failOn) > 0
            summary.add(file: item.file.path, layer: item.file.layer,
                        figures: [.integer(Int64(report.featureCount)), count(.error), count(.warning), count(.info), listed.isEmpty ? .null : .string(listed)],
                        status: failed ? Bilingual("有问题", "findings") : Bilingual("无问题", "clean"), exit: failed ? .failed : .success,
                        output: item.output, note: nil, language: language)
        }
    }

    /// `convert`: the features written and those that could not be, and the CRS written.
    public static func convert(_ items: [BatchItem<ConvertSummary>], language: Language) -> BatchSummary {
        let figures = [LedgerColumn("WRITTEN", Bilingual("写出要素数", "features written"), .integer),
                       LedgerColumn("SKIPPED", Bilingual("未能转换", "skipped"), .integer), LedgerColumn("CRS", Bilingual("坐标参照系", "CRS"), .string)]
        return summarise(items, title: Bilingual("转换汇总", "conversions"), figures: figures, language: language) { summary, item, converted in
            let notes = converted.skipped + converted.readNotes + [converted.datumNote].compactMap { $0 }
            summary.add(file: item.file.path, layer: item.file.layer,
                        figures: [.integer(Int64(converted.written)), .integer(Int64(converted.skipped.count)),
                                  converted.targetCRS.map { .string($0.text(language)) } ?? .null],
                        status: done, exit: .success, output: item.output, note: notes.map { $0.text(language) }.joined(separator: "；"), language: language)
        }
    }

    /// `info`: one row per layer — format, features, geometry types, CRS, text encoding, fields and
    /// invalid geometries.
    public static func info(_ items: [BatchItem<[LayerSummary]>], language: Language) -> BatchSummary {
        let figures = [LedgerColumn("FORMAT", Bilingual("格式", "format"), .string), LedgerColumn("FEATURES", Bilingual("要素数", "features"), .integer),
                       LedgerColumn("GEOMETRY", Bilingual("几何类型", "geometries"), .string), LedgerColumn("CRS", Bilingual("坐标参照系", "CRS"), .string),
                       LedgerColumn("ENCODING", Bilingual("文字编码", "encoding"), .string), LedgerColumn("FIELDS", Bilingual("字段数", "fields"), .integer),
                       LedgerColumn("INVALID", Bilingual("无效几何", "invalid"), .integer)]
        return summarise(items, title: Bilingual("数据清单", "data inventory"), figures: figures, language: language) { summary, item, layers in
            for layer in layers {
                let geometries = layer.geometryTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                var crs: FieldValue = .null
                var notes = layer.readWarnings.map { $0.text(language) }
                switch layer.crs {
                case .success(let resolved): crs = .string(resolved.summary(language))
                case .failure(let error): notes.insert(error.message(language), at: 0)
                }
                summary.add(file: item.file.path, layer: layer.layer,
                            figures: [.string(layer.format.text(language)), .integer(Int64(layer.featureCount)), geometries.isEmpty ? .null : .string(geometries),
                                      crs, .string(layer.encoding.text(language)), .integer(Int64(layer.fields.count)), .integer(Int64(layer.invalid.count))],
                            status: done, exit: .success, output: nil, note: notes.joined(separator: "；"), language: language)
            }
        }
    }

    /// The summary of `items` in input order: `addRows` adds the rows of an input that was processed;
    /// an input that could not be gets one row with no figures and its error.
    static func summarise<Value>(_ items: [BatchItem<Value>], title: Bilingual, figures: [LedgerColumn], language: Language,
                                 addRows: (inout BatchSummary, BatchItem<Value>, Value) -> Void) -> BatchSummary {
        var summary = BatchSummary(title: title, figures: figures)
        for item in items {
            switch item.result {
            case .success(let value): addRows(&summary, item, value)
            case .failure(let error):
                summary.add(file: item.file.path, layer: item.file.layer, figures: Array(repeating: .null, count: figures.count), status: failedStatus,
                            exit: error.exitStatus, output: nil, note: error.message(language), language: language)
            }
        }
        return summary
    }
}
