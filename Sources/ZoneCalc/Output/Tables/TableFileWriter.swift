import GeoBridge

/// A writer of tables that makes the file's bytes itself rather than through a GDAL driver: CSV
/// (``CSVTableWriter``) and XLSX (``XLSXWorkbookWriter``), where GDAL's drivers cost several times the
/// measuring (Docs/Decisions/0011-tables-written-directly.md). ``FeatureFileWriter`` drives it: each
/// layer begun, its rows added in order, the file finished.
protocol TableFileWriter: AnyObject {
    /// Starts the next layer (a workbook's next sheet), writing its headings.
    func beginLayer(_ spec: OutputLayerSpec) throws
    /// Adds a row to the layer begun last, values in the order of its columns.
    func add(_ values: [FieldValue]) throws
    /// Ends the last layer and completes the file.
    func finish() throws(GDALError)
}

extension FeatureFileWriter {
    /// The direct writer of `specs` in a file of `format` at `path`, or nil where GDAL's driver writes
    /// them: a CSV with geometry or with several layers, a column of a type without a cell (time,
    /// binary, list), a layer added to an existing file.
    static func tableWriter(_ format: OutputFormat, specs: [OutputLayerSpec], path: String, destination: String,
                            encoding: TextEncodingChoice) throws(GDALError) -> (any TableFileWriter)? {
        let cellTypes: Set<FieldType> = [.integer, .integer64, .real, .string, .date, .dateTime]
        guard !SafeOutput.isAppending, specs.allSatisfy({ $0.columns.allSatisfy { cellTypes.contains($0.type) } }) else { return nil }
        switch format {
        case .csv where specs.count == 1 && specs[0].geometry == .none:
            // UTF-8 with a byte-order mark, which Excel on Chinese Windows needs to read it as UTF-8; a GBK
            // file is transcoded from UTF-8 once written (``GBKOutput``), without a mark.
            return try CSVTableWriter(path: path, byteOrderMark: encoding == .utf8)
        case .xlsx:
            return try XLSXWorkbookWriter(path: path, destination: destination)
        default:
            return nil
        }
    }
}
