import Foundation
import GeoBridge

/// The bytes of a table being written, gathered in memory and handed to its file about a mebibyte at a
/// time: the one place where the CSV and XLSX writers turn text and numbers into bytes.
struct TableBytes {
    private let file: VirtualFileWriter
    private var bytes: [UInt8] = []
    private static let flushSize = 1 << 20
    /// The C locale (a decimal point, no grouping), made once; nil only if the system cannot make it,
    /// when the thread's locale stays.
    private nonisolated(unsafe) static let cLocale = newlocale(LC_NUMERIC_MASK, "C", nil)

    init(file: VirtualFileWriter) {
        self.file = file
        bytes.reserveCapacity(Self.flushSize + 4096)
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// A decimal integer.
    mutating func append(integer value: Int64) {
        append(String(value))
    }

    /// `%.{decimals}f` of `value` (``PrintfReal/fixed(_:decimals:into:)``, else `printf`).
    mutating func append(_ value: Double, decimals: Int) {
        if PrintfReal.fixed(value, decimals: decimals, into: &bytes) { return }
        append(value, printf: "%.*f", precision: Int32(decimals))
    }

    /// `%.15g` of `value` (``PrintfReal/general15(_:into:)``, else `printf`).
    mutating func appendGeneral15(_ value: Double) {
        if PrintfReal.general15(value, into: &bytes) { return }
        append(value, printf: "%.15g")
    }

    /// `value` as C's `printf` writes it with `format` (one `%…` conversion of a double, or `%.*f` with
    /// `precision`), as GDAL writes a real: the same digits whatever the locale.
    mutating func append(_ value: Double, printf format: StaticString, precision: Int32? = nil) {
        // printf follows the thread's locale (a decimal comma in some); the C locale for the call
        let previous = uselocale(Self.cLocale)
        defer { uselocale(previous) }
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            let arguments: [CVarArg] = precision.map { [$0, value] } ?? [value]
            let count = withVaList(arguments) { list in
                format.withUTF8Buffer { format in
                    format.withMemoryRebound(to: CChar.self) { vsnprintf(buffer.baseAddress, buffer.count, $0.baseAddress, list) }
                }
            }
            buffer.withMemoryRebound(to: UInt8.self) { bytes.append(contentsOf: $0.prefix(max(0, min(Int(count), buffer.count - 1)))) }
        }
    }

    /// Writes what is gathered once it passes the flush size.
    mutating func flushIfFull() throws(GDALError) {
        if bytes.count >= Self.flushSize { try flush() }
    }

    /// Writes everything gathered.
    mutating func flush() throws(GDALError) {
        let failure: GDALError? = bytes.withUnsafeBytes { buffer in
            do throws(GDALError) { try file.write(buffer); return nil } catch { return error }
        }
        if let failure { throw failure }
        bytes.removeAll(keepingCapacity: true)
    }
}
