internal import CGDAL

/// A GDAL/OGR call failed; names the operation, the file (and layer) and what GDAL said.
public struct GDALError: Error, CustomStringConvertible, Sendable {
    public var operation: LibraryOperation
    public var path: String
    public var layer: String?
    /// GDAL's CPLErrorNum of the last error, 0 if none was reported.
    public var code: Int
    public var messages: [String]
    /// The layer asked for when the file has no layer of that name (the file, not GDAL, is at fault);
    /// `messages` then are the names of the layers the file has.
    public var missingLayer: String?

    public init(operation: LibraryOperation, path: String, layer: String? = nil, code: Int = 0, messages: [String] = [],
                missingLayer: String? = nil) {
        self.operation = operation; self.path = path; self.layer = layer; self.code = code; self.messages = messages
        self.missingLayer = missingLayer
    }

    public var description: String {
        var where_ = path
        if let layer { where_ += ":\(layer)" }
        let said = messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")
        return "\(operation) failed for \(where_)\(said)"
    }
}

/// Messages GDAL reported on this thread while a capture was active.
final class GDALMessageBox {
    var errors: [(code: Int, message: String)] = []
    var warnings: [String] = []
}

/// Runs `body` with a thread-local GDAL error handler that collects messages instead of printing them.
/// GDAL's handler stack is per thread, so concurrent captures on different threads do not mix.
func capturingGDALMessages<T, E: Error>(_ body: (GDALMessageBox) throws(E) -> T) throws(E) -> T {
    let box = GDALMessageBox()
    let pointer = Unmanaged.passRetained(box).toOpaque()
    CPLPushErrorHandlerEx({ level, code, message in
        guard let userdata = CPLGetErrorHandlerUserData() else { return }
        let box = Unmanaged<GDALMessageBox>.fromOpaque(userdata).takeUnretainedValue()
        let text = message.map { String(cString: $0) } ?? ""
        if level == CE_Failure || level == CE_Fatal {
            box.errors.append((Int(code), text))
        } else if level == CE_Warning {
            box.warnings.append(text)
        }
    }, pointer)
    defer {
        CPLPopErrorHandler()
        Unmanaged<GDALMessageBox>.fromOpaque(pointer).release()
    }
    return try body(box)
}

extension GDALMessageBox {
    func error(_ operation: LibraryOperation, path: String, layer: String? = nil) -> GDALError {
        GDALError(operation: operation, path: path, layer: layer, code: errors.last?.code ?? 0,
                  messages: errors.map(\.message) + warnings)
    }
}

/// Registers GDAL's drivers once per process, before any worker starts.
enum GDALLibrary {
    private static let registered: Bool = {
        // Before any SQLite use: lifts SQLite's global allocation mutex so that GeoPackage layers
        // read on several threads do not queue behind one lock. Returns SQLITE_MISUSE (harmless)
        // if SQLite was initialised already.
        _ = zonecalc_sqlite_disable_memory_statistics()
        // Messages are captured per call (a handler pushed around it); one outside any capture — from driver
        // registration, a driver's lazy work, at close — is dropped rather than printed raw on the terminal.
        _ = CPLSetErrorHandler(CPLQuietErrorHandler)  // returns the previous handler
        GDALAllRegister()
        return true
    }()

    static func ensureRegistered() { _ = registered }
}

/// GDAL configuration options: process-wide (CPLSetConfigOption, set before workers start), or for the
/// calling thread during one piece of work.
public enum GDALConfiguration {
    public static func set(_ key: String, _ value: String?) {
        GDALLibrary.ensureRegistered()
        CPLSetConfigOption(key, value)
    }

    /// Runs `body` with the option `key` set to `value` on the calling thread only (CPLSetThreadLocalConfigOption),
    /// then puts back what the thread had.
    public static func withThreadLocal<T>(_ key: String, _ value: String, _ body: () throws -> T) rethrows -> T {
        GDALLibrary.ensureRegistered()
        // returns the thread's value, owned by GDAL until the next set: copied before it is replaced
        let previous = CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }
        CPLSetThreadLocalConfigOption(key, value)
        defer { CPLSetThreadLocalConfigOption(key, previous) }
        return try body()
    }
}
