/// The limits every upload is held to, so that no request can fill the disk or the memory.
public struct UploadLimits: Sendable {
    /// The whole request body.
    public var bodyBytes: Int64 = 256 << 20
    /// Files in one request.
    public var files = 20
    /// What one zip may unpack to, counted on the bytes that come out.
    public var unpackedBytes: Int64 = 1 << 30
    /// Entries in one zip.
    public var zipEntries = 2000

    public init() {}
}
