internal import CGDAL

/// A file read through GDAL's virtual file system: a plain path, or a member of an archive such as
/// `/vsizip/book.xlsx/xl/worksheets/sheet1.xml`, inflated as it is read.
public enum VirtualFile {
    /// Reads the file at `path` from start to end, handing `body` each chunk of bytes in order.
    /// Fails when the file cannot be opened or a read fails before its end (a damaged archive member).
    public static func forEachChunk(of path: String, chunkSize: Int = 1 << 20,
                                    _ body: (UnsafeRawBufferPointer) -> Void) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        try capturingGDALMessages { box throws(GDALError) in
            // returns NULL when the file cannot be opened
            guard let file = VSIFOpenL(path, "rb") else { throw box.error(.opening, path: path) }
            defer { _ = VSIFCloseL(file) }  // returns 0 on success; nothing was written
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
            defer { buffer.deallocate() }
            while true {
                // returns the number of bytes read, 0 at the end of the file or on an error
                let count = VSIFReadL(buffer.baseAddress, 1, chunkSize, file)
                guard count > 0 else { break }
                body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            }
            // returns non-zero once a read found the end (an archive member sets it only on the read that
            // returns nothing); a read that returned nothing without it stopped at an error
            guard VSIFEofL(file) != 0 else {
                throw box.error(LibraryOperation("reading", zh: "读取"), path: path)
            }
        }
    }
}
