import Crypto
import Foundation
import MultipartKit
import Hummingbird
import ZoneCalc

/// A file received in a form, written to disk as it arrived.
public struct ReceivedFile: Sendable, Equatable {
    /// The form field it came in (`pieces`, `removals`).
    public var field: String
    /// Its name on the user's machine, without any folder.
    public var name: String
    /// Where it is kept.
    public var url: URL
    public var bytes: Int64
    public var sha256: String
}

/// A `multipart/form-data` request body read part by part: text fields kept, files streamed to disk
/// (nothing held whole in memory), every limit checked as the bytes come in.
public struct MultipartUpload: Sendable {
    public var fields: [String: [String]] = [:]
    public var files: [ReceivedFile] = []

    /// The first value of a text field.
    public func field(_ name: String) -> String? { fields[name]?.first }

    /// Reads `body` (of content type `contentType`) into `folder`, which must exist.
    /// - Throws: `badRequest` for a body that is not a form, `tooLarge` past a limit; what was written
    ///   stays in `folder` for the caller to remove.
    public static func receive<Body: AsyncSequence>(_ body: Body, contentType: String?, into folder: URL, limits: UploadLimits) async throws(ServiceError) -> MultipartUpload
    where Body.Element == ByteBuffer {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"), let boundary = parameter("boundary", in: contentType) else {
            throw .badRequest(Bilingual("请以表单（multipart/form-data）上传文件", "send the files as a form (multipart/form-data)"))
        }
        let reader = PartReader(folder: folder, limits: limits)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in reader.header(name, value) }
        parser.onBody = { buffer in reader.body(&buffer) }
        parser.onPartComplete = { reader.complete() }
        var received: Int64 = 0
        do {
            for try await chunk in body {
                received += Int64(chunk.readableBytes)
                if received > limits.bodyBytes { throw ServiceError.tooLarge(Self.bodyTooLarge(limits)) }
                try parser.execute(chunk)
                if let failure = reader.failure { throw failure }
            }
        } catch let error as ServiceError {
            reader.close()
            throw error
        } catch {
            reader.close()
            throw .badRequest(Bilingual("表单不完整或格式有误（\(error)）；请重新上传", "the form is incomplete or malformed (\(error)); upload it again"))
        }
        reader.close()
        if let failure = reader.failure { throw failure }
        guard reader.isBetweenParts else {
            throw .badRequest(Bilingual("表单不完整（上传中断？）；请重新上传", "the form is incomplete (was the upload cut off?); upload it again"))
        }
        return reader.upload
    }

    static func bodyTooLarge(_ limits: UploadLimits) -> Bilingual {
        Bilingual("上传内容超过 \(limits.bodyBytes >> 20) MiB 的上限", "the upload is over the limit of \(limits.bodyBytes >> 20) MiB")
    }

    /// The value of `name` among the `;`-separated parameters of a header value, unquoted.
    static func parameter(_ name: String, in value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name.lowercased() else { continue }
            var text = pair[1]
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            if name.hasSuffix("*") {
                // RFC 5987: charset'language'percent-encoded
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                return pieces.count == 3 ? String(pieces[2]).removingPercentEncoding : nil
            }
            return text
        }
        return nil
    }
}

/// The parser's state between its callbacks: the part being read, and what has been read.
private final class PartReader {
    let folder: URL
    let limits: UploadLimits
    var upload = MultipartUpload()
    var failure: ServiceError?
    var isBetweenParts = true
    private var disposition: String?
    private var text = Data()
    private var file: (handle: FileHandle, received: ReceivedFile, hasher: SHA256)?

    init(folder: URL, limits: UploadLimits) {
        self.folder = folder
        self.limits = limits
    }

    func header(_ name: String, _ value: String) {
        isBetweenParts = false
        if name.lowercased() == "content-disposition" { disposition = value }
    }

    func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        openFile()
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        if var current = file {
            current.hasher.update(data: bytes)
            current.received.bytes += Int64(bytes.count)
            do { try current.handle.write(contentsOf: bytes) } catch { failure = .record(current.received.url.path, String(describing: error)) }
            file = current
        } else if !(disposition.map(Self.isFile) ?? false) {
            text.append(contentsOf: bytes)
            if text.count > 64 << 10 { failure = .tooLarge(Bilingual("表单字段过长", "a form field is too long")) }
        }
    }

    func complete() {
        openFile()   // an empty file sends no body
        if var current = file {
            try? current.handle.close()
            current.received.sha256 = current.hasher.finalize().hex
            upload.files.append(current.received)
        } else if let disposition, !Self.isFile(disposition), let name = MultipartUpload.parameter("name", in: disposition) {
            upload.fields[name, default: []].append(String(decoding: text, as: UTF8.self))
        }  // else a file field left empty in the form: no file
        file = nil
        disposition = nil
        text = Data()
        isBetweenParts = true
    }

    func close() { try? file?.handle.close() }

    /// Starts writing the file of a file part, once.
    private func openFile() {
        guard failure == nil, file == nil, let disposition, let filename = Self.filename(disposition) else { return }
        guard upload.files.count < limits.files else {
            failure = .tooLarge(Bilingual("一次最多上传 \(limits.files) 个文件", "at most \(limits.files) files in one upload"))
            return
        }
        let url = folder.appendingPathComponent(String(format: "%02d", upload.files.count + 1) + "-" + UploadNames.safe(filename))
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            failure = .record(url.path, "cannot write the upload")
            return
        }
        let field = MultipartUpload.parameter("name", in: disposition) ?? ""
        file = (handle, ReceivedFile(field: field, name: UploadNames.displayed(filename), url: url, bytes: 0, sha256: ""), SHA256())
    }

    /// Whether a part is a file field (its disposition has a file name, perhaps empty).
    static func isFile(_ disposition: String) -> Bool {
        MultipartUpload.parameter("filename", in: disposition) != nil || MultipartUpload.parameter("filename*", in: disposition) != nil
    }

    /// The file name a part's disposition gives (`filename*` before `filename`); nil for a text field
    /// and for a file field left empty.
    static func filename(_ disposition: String) -> String? {
        let name = MultipartUpload.parameter("filename*", in: disposition) ?? MultipartUpload.parameter("filename", in: disposition)
        return name?.isEmpty == false ? name : nil
    }
}
