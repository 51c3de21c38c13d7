import Foundation

/// A throw-away PostgreSQL + PostGIS server for the tests: a new cluster in a temporary folder,
/// listening on 127.0.0.1 only at a free port, password authentication (the password reaches libpq
/// through `PGPASSWORD`, as a user's would), stopped and removed by ``stop()``. Under root the server
/// runs as the `postgres` account, which PostgreSQL requires.
final class PostGISServer: Sendable {
    let folder: URL
    let port: Int
    let user = "zonecalc"
    let password = "zc-\(UUID().uuidString.prefix(8))"
    let database = "zonecalc"
    private let bin: URL

    /// Why the server cannot be started here (PostgreSQL, PostGIS or ogr2ogr missing), or nil.
    static var unavailable: String? {
        guard bin() != nil else { return "PostgreSQL's initdb is not installed (Debian postgresql-15)" }
        guard FileManager.default.fileExists(atPath: "/usr/share/postgresql/15/extension/postgis.control")
                || (try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/postgresql"))?.contains(where: {
                    FileManager.default.fileExists(atPath: "/usr/share/postgresql/\($0)/extension/postgis.control") }) == true
        else { return "PostGIS is not installed (Debian postgresql-15-postgis-3)" }
        guard executable("ogr2ogr") != nil else { return "ogr2ogr is not installed (Debian gdal-bin)" }
        return nil
    }

    /// The GDAL connection string, without the password.
    var connection: String { "PG:host=127.0.0.1 port=\(port) user=\(user) dbname=\(database)" }

    /// The environment a client needs: the password as libpq reads it.
    var environment: [String: String] { ["PGPASSWORD": password] }

    init() throws {
        guard let bin = Self.bin() else { throw Failure("no PostgreSQL") }
        self.bin = bin
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        let passwordFile = folder.appendingPathComponent("password")
        do {
            try Data(password.utf8).write(to: passwordFile)
            if getuid() == 0 { try Self.command("/bin/chown", ["-R", "postgres", folder.path]) }
            try serverCommand("initdb", ["-D", dataFolder, "-U", user, "--auth=scram-sha-256", "--pwfile=\(passwordFile.path)", "-E", "UTF8", "--locale=C.UTF-8"])
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        do {
            // The server outlives pg_ctl: it may hold nothing of this process's.
            try serverCommand("pg_ctl", ["-D", dataFolder, "-l", folder.appendingPathComponent("log").path, "-w", "-t", "60", "start",
                                         "-o", "-c listen_addresses=127.0.0.1 -p \(port) -k \(folder.path) -c fsync=off"], detached: true)
            try psql("postgres", "CREATE DATABASE \(database)")
            try psql(database, "CREATE EXTENSION postgis")
        } catch {
            stop()
            throw error
        }
    }

    /// Loads the layers of `file` with ogr2ogr (GDAL's own tool, not ZoneCalc), column names as they are.
    func load(_ file: String) throws {
        try Self.command(Self.executable("ogr2ogr")!, ["-f", "PostgreSQL", connection, file, "-lco", "LAUNDER=NO", "-overwrite"], environment: environment)
    }

    /// Runs SQL in `database`.
    func psql(_ database: String, _ sql: String) throws {
        try Self.command(bin.appendingPathComponent("psql").path, ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-qc", sql],
                         environment: environment)
    }

    /// Stops the server and removes its folder.
    func stop() {
        try? serverCommand("pg_ctl", ["-D", dataFolder, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    private var dataFolder: String { folder.appendingPathComponent("data").path }

    private func serverCommand(_ name: String, _ arguments: [String], detached: Bool = false) throws {
        var path = bin.appendingPathComponent(name).path
        var arguments = arguments
        if detached {
            // Foundation notices a child's end by a descriptor the child inherits; a server that kept it
            // would make this process wait for the server. bash closes every descriptor above 2 first.
            arguments = ["-c", #"for fd in /proc/self/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; exec "$0" "$@""#, path] + arguments
            path = "/bin/bash"
        }
        if getuid() == 0 {
            try Self.command("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments, detached: detached)
        } else {
            try Self.command(path, arguments, detached: detached)
        }
    }

    struct Failure: Error, CustomStringConvertible { var description: String; init(_ text: String) { description = text } }

    @discardableResult
    private static func command(_ path: String, _ arguments: [String], environment: [String: String] = [:], detached: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let output = Pipe()
        process.standardOutput = detached ? FileHandle.nullDevice : output
        process.standardError = detached ? FileHandle.nullDevice : output
        try process.run()
        let text = detached ? "" : String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure("\((path as NSString).lastPathComponent) \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    private static func bin() -> URL? {
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        return versions.map { URL(fileURLWithPath: "/usr/lib/postgresql/\($0)/bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }

    private static func executable(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A port nothing listens on now: bound to 0 on 127.0.0.1, read back, released.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure("no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
