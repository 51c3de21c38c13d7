internal import CGDAL
import Glibc

/// A file written through GDAL's virtual file system, from start to end: a plain path, or a zip archive
/// and its members. An archive is made by creating `/vsizip/book.xlsx` and, while it is open, each
/// member in turn (`/vsizip/book.xlsx/xl/workbook.xml`), deflated as it is written; closing the
/// archive writes its central directory. Deflating follows `GDAL_NUM_THREADS` as set when a member is
/// created (``GDALConfiguration/withThreadLocal(_:_:_:)``).
///
/// Failures name `reportedPath` (the file on disk, not the `/vsizip/` path) and the member as the layer,
/// with what the system said when a write came up short (a full disk).
public final class VirtualFileWriter {
    private var file: UnsafeMutablePointer<VSILFILE>?
    private let reportedPath: String
    private let member: String?

    /// Creates (or truncates) the file at `path`.
    /// - Parameters:
    ///   - reportedPath: the path failures name; `path` by default.
    ///   - member: the archive member being written, named in failures.
    public init(_ path: String, reportedPath: String? = nil, member: String? = nil) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        self.reportedPath = reportedPath ?? path
        self.member = member
        file = try capturingGDALMessages { box throws(GDALError) in
            // returns NULL when the file cannot be created
            guard let file = VSIFOpenL(path, "wb") else {
                throw Self.error(box, LibraryOperation("creating a file", zh: "创建文件"), reportedPath ?? path, member)
            }
            return file
        }
    }

    deinit {
        // a writer abandoned after a failure: its file is discarded with the temporary folder
        if let file { _ = VSIFCloseL(file) }
    }

    /// Appends `bytes`; fails when fewer are written (the disk is full, the archive failed).
    public func write(_ bytes: UnsafeRawBufferPointer) throws(GDALError) {
        guard let file, !bytes.isEmpty else { return }
        try capturingGDALMessages { box throws(GDALError) in
            // returns the number of bytes written; fewer on an error
            guard VSIFWriteL(bytes.baseAddress, 1, bytes.count, file) == bytes.count else {
                throw Self.error(box, LibraryOperation("writing", zh: "写入"), reportedPath, member, errno: errno)
            }
        }
    }

    /// Closes the file, flushing what is buffered (for an archive, writing its directory).
    public func close() throws(GDALError) {
        guard let file else { return }
        self.file = nil
        try capturingGDALMessages { box throws(GDALError) in
            // returns 0 on success
            guard VSIFCloseL(file) == 0 else {
                throw Self.error(box, LibraryOperation("closing", zh: "关闭"), reportedPath, member, errno: errno)
            }
        }
    }

    private static func error(_ box: GDALMessageBox, _ operation: LibraryOperation, _ path: String, _ member: String?,
                              errno code: Int32 = 0) -> GDALError {
        var error = box.error(operation, path: path, layer: member)
        if error.messages.isEmpty, code != 0 { error.messages = [String(cString: strerror(code))] }
        return error
    }
}
