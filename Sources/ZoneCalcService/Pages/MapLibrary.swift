import Foundation
import HTTPTypes
import Hummingbird
import ZoneCalc

/// Leaflet, for the check page's interactive map, from a folder on the server — Debian's package
/// `libjs-leaflet` puts it in /usr/share/javascript/leaflet — served under `/assets/leaflet/`, with the
/// page's own script `/assets/check-map.js`. Nothing comes from the network. Without Leaflet the page
/// shows the report's SVG map alone.
public struct MapLibrary: Sendable {
    /// The folder holding `leaflet.js` and `leaflet.css`.
    public var folder: URL

    /// Where Debian's `libjs-leaflet` installs it.
    public static let debianFolder = URL(fileURLWithPath: "/usr/share/javascript/leaflet")

    public init(folder: URL = debianFolder) { self.folder = folder }

    /// Whether the folder holds Leaflet's script and style.
    public var isAvailable: Bool {
        ["leaflet.js", "leaflet.css"].allSatisfy { FileManager.default.isReadableFile(atPath: folder.appendingPathComponent($0).path) }
    }

    /// The files served from the folder, with their types (the layer control's icons are images the style names).
    static let files = ["leaflet.js": "text/javascript; charset=utf-8", "leaflet.css": "text/css; charset=utf-8",
                        "images/layers.png": "image/png", "images/layers-2x.png": "image/png"]

    func add(to router: Router<ServiceContext>) {
        router.get("assets/leaflet/**") { _, context in
            let name = context.parameters.getCatchAll().joined(separator: "/")
            guard let type = Self.files[name], let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
                throw ServiceError.notFound(Bilingual("没有文件 \(name)", "no file \(name)"))
            }
            return Self.asset(data, type: type)
        }
        router.get("assets/check-map.js") { _, _ in
            guard let data = ServiceResponses.bundled("check-map.js") else {
                throw ServiceError.notFound(Bilingual("没有文件 check-map.js", "no file check-map.js"))
            }
            return Self.asset(data, type: "text/javascript; charset=utf-8")
        }
    }

    private static func asset(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600", .init("X-Content-Type-Options")!: "nosniff"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
