import Foundation
import GeoBridge

/// The summary of a batch: one row per input (per layer for `info`) — 序号, the file, the command's own
/// figures, the status, the output written and the error of an input that failed. The same rows are
/// written as a workbook (`summary.xlsx`), printed as a table and given as JSON.
public struct BatchSummary: Sendable {
    /// The name of the summary workbook in a batch's output folder.
    public static let fileName = "summary.xlsx"

    /// The sheet's name.
    public var title: Bilingual
    public var columns: [LedgerColumn]
    public private(set) var rows: [[FieldValue]] = []
    /// Each row's exit status, for the batch's.
    public private(set) var statuses: [ExitStatus] = []

    /// A summary with `figures`, the command's own columns, between the file's and the status's.
    /// - Parameters:
    ///   - statusHeading, outputHeading: what the status and output columns are called in this batch
    ///     (结论 and 报告文件夹 for proposals).
    public init(title: Bilingual, figures: [LedgerColumn], statusHeading: Bilingual = Bilingual("状态", "status"),
                outputHeading: Bilingual = Bilingual("输出", "output")) {
        self.title = title
        columns = Self.leading + figures + [LedgerColumn("STATUS", statusHeading, .string), LedgerColumn("OUTPUT", outputHeading, .string),
                                            LedgerColumn("ERROR", Bilingual("错误或说明", "error or note"), .string)]
    }

    /// 序号 first: GDAL (and QGIS) read a sheet's first row as headings only when the second is not text throughout.
    static let leading = [LedgerColumn("SEQ", Bilingual("序号", "No."), .integer), LedgerColumn("FILE", Bilingual("文件", "file"), .string),
                          LedgerColumn("LAYER", Bilingual("图层", "layer"), .string)]

    /// Adds a row: `figures` in the order of the command's columns (rounded as they say), `status` as
    /// words and as the exit status it stands for.
    public mutating func add(file: String, layer: String?, figures: [FieldValue], status: Bilingual, exit: ExitStatus,
                             output: String?, note: String?, language: Language) {
        let row: [FieldValue] = [.integer(Int64(rows.count + 1)), .string(file), layer.map(FieldValue.string) ?? .null] + figures
            + [.string(status.text(language)), output.map(FieldValue.string) ?? .null, note.flatMap { $0.isEmpty ? nil : .string($0) } ?? .null]
        rows.append(AreaExport.rounded(row, columns))
        statuses.append(exit)
    }

    /// The words for an input that could not be processed.
    public static let failedStatus = Bilingual("失败", "failed")

    /// The worst status of the batch: an input that failed, else findings or a failed check, else one
    /// to review, else success.
    public var worst: ExitStatus { Self.worst(statuses) }

    /// The worst of `statuses`: the highest error (3–5), else a failure (1), else a review (2), else success.
    public static func worst(_ statuses: [ExitStatus]) -> ExitStatus {
        if let error = statuses.filter({ ![.success, .failed, .needsReview].contains($0) }).max(by: { $0.rawValue < $1.rawValue }) { return error }
        if statuses.contains(.failed) { return .failed }
        if statuses.contains(.needsReview) { return .needsReview }
        return .success
    }

    /// Writes the rows to `path` (the format from its extension; a workbook in a batch's folder).
    public func write(to path: String, language: Language, inputs: [String], force: Bool) throws {
        let format = try OutputFormat(path: path)
        let spec = OutputLayerSpec(name: title.text(language), crs: nil, geometry: .none,
                                   columns: columns.fields(format: format, language: language), expectedRows: rows.count)
        try FeatureFileWriter.write(to: path, format: format, layer: spec, inputs: inputs, force: force) { emit in
            for row in rows { try emit(row, nil) }
        }
    }

    /// The rows as a terminal table.
    public func text(_ language: Language) -> String {
        var table = TextTable(headers: columns.map { $0.heading.text(language) },
                              alignments: columns.map { $0.type == .real || $0.type == .integer ? .right : .left })
        for row in rows { table.add(zip(row, columns).map(ReportDocument.text)) }
        return table.render()
    }

    /// The rows as JSON: an array of objects keyed by the columns' names, with each row's exit status.
    public func json() throws -> String {
        try ReportJSON.encode(zip(rows, statuses).map { row, status in
            var object = Dictionary(uniqueKeysWithValues: zip(columns.map { $0.key.lowercased() }, row.map(JSONValue.init)))
            object["exit_status"] = .integer(Int64(status.rawValue))
            return object
        })
    }
}

/// A cell of the summary in JSON.
private enum JSONValue: Encodable {
    case null, integer(Int64), real(Double), string(String)

    init(_ value: FieldValue) {
        switch value {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .real(let number): self = .real(number)
        case .string(let text), .date(let text), .dateTime(let text): self = .string(text)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let number): try container.encode(number)
        case .real(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }
}
