import Foundation
import Testing

/// Layers read from PostGIS (GDAL's `PG:` connection strings, as ogr2ogr takes them) against a real
/// server started for the suite: the sample zone loaded by ogr2ogr gives the figures of the
/// GeoPackage, byte for byte; a server that does not answer, a wrong password, a missing table, a
/// table without geometry and a password in the connection string each get a clear message and exit 3.
/// Where the test run installed PostgreSQL (`ZONECALC_POSTGIS_TESTS=1`, as `.ci/run` sets it), a server
/// that cannot start fails the suite instead of skipping it.
@Suite(.serialized) struct PostGISTests {
    static let required = ProcessInfo.processInfo.environment["ZONECALC_POSTGIS_TESTS"] == "1"

    /// The server, or why the suite is skipped (said on stderr, so that the run shows it).
    static let server: Result<PostGISServer, PostGISServer.Failure> = {
        if let why = PostGISServer.unavailable {
            FileHandle.standardError.write(Data("SKIP PostGIS tests: \(why); `bash Scripts/install-deps.sh --postgis` installs it\n".utf8))
            return .failure(PostGISServer.Failure(why))
        }
        do {
            let server = try PostGISServer()
            try server.load(CLITests.sample("zone.gpkg"))
            atexit { if case .success(let server) = PostGISTests.server { server.stop() } }
            return .success(server)
        } catch {
            FileHandle.standardError.write(Data("SKIP PostGIS tests: the server did not start: \(error)\n".utf8))
            return .failure(PostGISServer.Failure("\(error)"))
        }
    }()

    /// The JSON of a run with every `source` (the file or the connection) left out.
    static func figures(_ json: String) throws -> Data {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] { return object.filter { $0.key != "source" }.mapValues(strip) }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        return try JSONSerialization.data(withJSONObject: strip(try JSONSerialization.jsonObject(with: Data(json.utf8))), options: [.sortedKeys])
    }

    /// The sample project with every layer in the database.
    static func databaseProject(_ server: PostGISServer, in folder: URL) throws -> String {
        let project = try String(contentsOfFile: CLITests.sample("zone.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "coverage: zone.gpkg:sjfw", with: "coverage: \"\(server.connection):sjfw\"")
            .replacingOccurrences(of: "file: zone.gpkg", with: "file: \"\(server.connection)\"")
            .replacingOccurrences(of: "file: qyxx.csv", with: "file: " + CLITests.sample("qyxx.csv"))
        let path = folder.appendingPathComponent("zone.yaml").path
        try project.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The server, or nil when the suite is skipped; a failure where the server was to be there.
    static func started() -> PostGISServer? {
        switch server {
        case .success(let server): return server
        case .failure(let why):
            if required { Issue.record("ZONECALC_POSTGIS_TESTS=1 but no PostGIS server: \(why)") }
            return nil
        }
    }

    @Test func theSampleZoneInPostGISGivesTheGeoPackagesFigures() throws {
        guard let server = Self.started() else { return }
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = try Self.databaseProject(server, in: folder)
        let runs: [(database: [String], file: [String])] = [
            (["area", server.connection + ":dltb", "--format", "json"], ["area", CLITests.sample("zone.gpkg") + ":dltb", "--format", "json"]),
            (["area", server.connection, "--layer", "public.zd", "--format", "json"], ["area", CLITests.sample("zone.gpkg"), "--layer", "zd", "--format", "json"]),
            (["qc", project, "--role", "parcels", "--format", "json"], ["qc", CLITests.sample("zone.yaml"), "--role", "parcels", "--format", "json"]),
            (["proposal", "check", project, CLITests.sample("kqfw.txt"), "--format", "json"], ["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kqfw.txt"), "--format", "json"]),
        ]
        for (database, file) in runs {
            let fromDatabase = try CLITests.run(database, environment: server.environment), fromFile = try CLITests.run(file)
            #expect(fromDatabase.status == fromFile.status, "\(database.prefix(2)): \(fromDatabase.err)")
            #expect(try Self.figures(fromDatabase.out) == (try Self.figures(fromFile.out)), "\(database.prefix(2)) gives the GeoPackage's figures")
        }
        // 36 569 979.46 m² of 三调 in 1 212 features, as the GeoPackage holds (and the project's expected figures)
        let area = try CLITests.run(["area", server.connection + ":dltb"], environment: server.environment)
        #expect(area.out.contains("1212") && area.out.contains("36569979.46"), "\(area.out)")
        // GDAL's URI form, taken whole (its port is no table), the table by --layer
        let uri = try CLITests.run(["area", "PG:postgresql://\(server.user)@127.0.0.1:\(server.port)/\(server.database)", "--layer", "dltb"], environment: server.environment)
        #expect(uri.status == 0 && uri.out.contains("36569979.46"), "\(uri.err)")
    }

    @Test func whatGoesWrongWithADatabaseIsSaidAndExitsThree() throws {
        guard let server = Self.started() else { return }
        try server.psql(server.database, "CREATE TABLE IF NOT EXISTS plain (id integer PRIMARY KEY, name text)")
        let unused = try PostGISServer.freePort()
        let cases: [(arguments: [String], environment: [String: String], says: String)] = [
            (["area", "PG:host=127.0.0.1 port=\(unused) user=\(server.user) dbname=\(server.database):dltb"], server.environment, "cannot reach the database server"),
            (["area", server.connection + ":dltb"], ["PGPASSWORD": "wrong"], "refused the user or the password"),
            (["area", server.connection + ":nosuch"], server.environment, "the database has no table 'nosuch'"),
            (["area", server.connection + ":plain"], server.environment, "the table plain has no geometry column"),
            (["area", "PG:host=127.0.0.1 port=\(server.port) user=\(server.user) dbname=nosuchdb:dltb"], server.environment, "the server has no such database"),
            (["area", server.connection + " password=\(server.password):dltb"], [:], "may not hold a password"),
            (["area", "PG:postgresql://\(server.user)@127.0.0.1/\(server.database)?port=\(server.port)&password=\(server.password)", "--layer", "dltb"], [:], "may not hold a password"),
            (["area", "PG:postgresql://\(server.user):\(server.password)@127.0.0.1:\(server.port)/\(server.database)", "--layer", "dltb"], [:], "may not hold a password"),
        ]
        for (arguments, environment, says) in cases {
            let run = try CLITests.run(arguments, environment: environment)
            #expect(run.status == 3 && run.err.contains(says), "\(arguments): \(run.status) \(run.err)")
            #expect(!run.err.contains(server.password), "the password is never shown")
        }
        // A project file may not hold a password either; the message names the line.
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = try String(contentsOfFile: try Self.databaseProject(server, in: folder), encoding: .utf8)
            .replacingOccurrences(of: "dbname=\(server.database)\"", with: "dbname=\(server.database) password=\(server.password)\"")
        try project.write(to: folder.appendingPathComponent("zone.yaml"), atomically: true, encoding: .utf8)
        let run = try CLITests.run(["area", folder.appendingPathComponent("zone.yaml").path, "--role", "boundary"])
        #expect(run.status == 3 && run.err.contains("zone.yaml:") && run.err.contains("may not hold a password") && !run.err.contains(server.password), "\(run.err)")
    }
}
