import Foundation
import GeoBridge
import Testing
@testable import ZoneCalc

/// A written CSV or XLSX file is proved whole by counting its rows from its bytes; a file cut short fails
/// the count.
@Suite struct WrittenRowCountTests {
    /// Values that put quotes, commas and line ends inside CSV fields.
    static let awkward: [[FieldValue]] = [
        [.string("第一行\n第二行"), .real(1.5)],
        [.string("引号\"在中间\", 逗号"), .real(2)],
        [.string("\n"), .null],
        [.null, .real(-3.25)],
    ]

    static func write(_ path: String, format: OutputFormat, layers: [Int]) throws -> FeatureFileWriter.Written {
        let specs = layers.indices.map { index in
            OutputLayerSpec(name: "表\(index + 1)", crs: nil, geometry: .none,
                            columns: [FieldDefinition(name: "名称", type: .string), FieldDefinition(name: "数值", type: .real)])
        }
        return try FeatureFileWriter.write(to: path, format: format, layers: specs, inputs: [], force: false) { layer, emit in
            for row in 0..<layers[layer] { try emit(awkward[row % awkward.count], nil) }
        }
    }

    @Test func csvRecordsHoldingLineEndsAndQuotesAreCounted() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.csv").path
        #expect(try Self.write(path, format: .csv, layers: [4]).count == 4)
        #expect(try WrittenRowCount.csvRecords(path) == 4)
        // GDAL reads back the same four rows, line ends inside fields included.
        #expect(try VectorDataset.open(path).layers[0].featureCount == 4)
        try "a,b\n\"x\ny\",1\n\"p\"\"q\",2\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try WrittenRowCount.csvRecords(path) == 2)
        try "a,b\n1,2\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try WrittenRowCount.csvRecords(path) == 1)
        try "a,b\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try WrittenRowCount.csvRecords(path) == 0)
        // GDAL ends every line, the heading's included: a file that stops inside a line, or inside a
        // quoted field, was cut short and holds no count.
        for cut in ["a,b\n1,2\n3,", "a,b\n1,2\n\"p\"\"q", "a,b\n1,\"x\n", "a,", ""] {
            try cut.write(toFile: path, atomically: false, encoding: .utf8)
            #expect(try WrittenRowCount.csvRecords(path) == nil, "\(cut.debugDescription)")
        }
    }

    /// A workbook of three sheets (none, two and three rows below the headings) is counted sheet by sheet.
    @Test func xlsxRowsAreCountedPerSheet() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.xlsx").path
        #expect(try Self.write(path, format: .xlsx, layers: [0, 2, 3]).count == 5)
        #expect(try WrittenRowCount.xlsxRows(path, sheet: 1) == 0)
        #expect(try WrittenRowCount.xlsxRows(path, sheet: 2) == 2)
        #expect(try WrittenRowCount.xlsxRows(path, sheet: 3) == 3)
    }

    /// A file cut short by any number of bytes fails the check — the last record's bytes or the end of a
    /// workbook's archive too (GDAL's own reader takes a zip missing the last bytes of its end record) —
    /// and so does a workbook of empty sheets cut short.
    @Test(arguments: [OutputFormat.csv, .xlsx]) func everyShorterFileIsRefused(format: OutputFormat) throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suffix = format == .csv ? "csv" : "xlsx"
        let path = folder.appendingPathComponent("t.\(suffix)").path
        for layers in format == .csv ? [[9], [0]] : [[9, 2], [0, 0]] {
            try? FileManager.default.removeItem(atPath: path)
            let rows = try Self.write(path, format: format, layers: layers).count
            let names = layers.indices.map { "表\($0 + 1)" }
            try FeatureFileWriter.verify(path, format: format, layers: names, holds: rows, destination: "成果")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let cut = folder.appendingPathComponent("cut.\(suffix)")
            var accepted: [Int] = []
            // Every length for a CSV; for a workbook every 13th and each of the last 64 (its archive's end).
            let lengths = format == .csv ? Array(0..<bytes.count) : Array(stride(from: 0, to: bytes.count - 64, by: 13)) + Array(bytes.count - 64..<bytes.count)
            for length in lengths {
                try bytes.prefix(length).write(to: cut)
                if (try? FeatureFileWriter.verify(cut.path, format: format, layers: names, holds: rows, destination: "成果")) != nil {
                    accepted.append(length)
                }
            }
            #expect(accepted.isEmpty, "\(layers): of \(bytes.count) bytes, the first \(accepted) bytes were accepted")
        }
    }

    /// A file cut to half its length fails the check with an output failure naming the destination.
    @Test(arguments: [OutputFormat.csv, .xlsx]) func aFileCutShortIsRefused(format: OutputFormat) throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.\(format == .csv ? "csv" : "xlsx")").path
        _ = try Self.write(path, format: format, layers: [400])
        try FeatureFileWriter.verify(path, format: format, layers: ["表1"], holds: 400, destination: "成果.\(format)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        let result = Result { try FeatureFileWriter.verify(path, format: format, layers: ["表1"], holds: 400, destination: "成果.\(format)") }
        guard case .failure(let error) = result, let failure = error as? ZoneCalcError else {
            Issue.record("a file cut short was accepted: \(result)")
            return
        }
        #expect(failure.description.contains("成果.\(format)") && failure.description.contains("of the 400 rows"), "\(failure)")
    }
}
