import Foundation
import HTTPTypes
import Hummingbird
import ZoneCalc

/// The files of a check as downloads: its outputs by the names the record gives them.
enum CheckDownloads {
    /// The output `name` of `record`, kept in `folder`.
    /// - Throws: `notFound` for a name that is no output of the check.
    static func response(_ record: CheckRecord, name: String, folder: URL) throws(ServiceError) -> Response {
        guard let file = record.files.first(where: { $0.kind == .output && $0.name == name }),
              let data = try? Data(contentsOf: folder.appendingPathComponent(file.stored)) else {
            throw .notFound(Bilingual("审查 \(record.id) 没有文件 \(name)", "the check \(record.id) has no file \(name)"))
        }
        let fileName = (name as NSString).lastPathComponent
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "download"
        let headers: HTTPFields = [
            .contentType: contentType(fileName),
            .contentDisposition: "attachment; filename=\"\(encoded)\"; filename*=UTF-8''\(encoded)",
            .init("X-Content-SHA256")!: file.sha256,
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "geojson": return "application/geo+json"
        case "txt": return "text/plain"
        case "pdf": return "application/pdf"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "gpkg": return "application/geopackage+sqlite3"
        default: return "application/octet-stream"
        }
    }
}
