import Foundation
import GRDB
import ZoneCalc

/// The service's record (审查记录), one SQLite file in the data folder: accounts, their sessions, every
/// check with who asked for it, when, on which zone and rule profile, its verdict, and the files of each
/// check with their checksums. Kept across restarts; a check and its files are never deleted (triggers
/// refuse it).
public final class RecordStore: Sendable {
    let database: DatabaseQueue
    /// The data folder: the record database and each check's folder.
    public let folder: URL

    /// Opens (or creates) the record in `folder`, bringing its schema up to date.
    public init(folder: URL) throws(ServiceError) {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            // Every commit reaches the disk before it returns (the record is an audit trail): a
            // write-ahead log synced at each commit, one sync where a rollback journal needs several.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            database = try DatabaseQueue(path: folder.appendingPathComponent("record.sqlite").path, configuration: configuration)
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try Self.migrator.migrate(database)
        } catch {
            throw .record(folder.path, String(describing: error))
        }
    }

    /// Each check's folder: its uploads as received, what was unpacked from them, and the engine's outputs.
    public func checkFolder(_ id: String) -> URL { folder.appendingPathComponent("checks").appendingPathComponent(id) }

    /// Runs `body` in a write transaction, a database failure reported as the record's.
    func write<T>(_ body: (Database) throws -> T) throws(ServiceError) -> T {
        do { return try database.write(body) } catch let error as ServiceError { throw error } catch { throw .record(folder.path, String(describing: error)) }
    }

    /// Reads from the record, a database failure reported as the record's.
    func read<T>(_ body: (Database) throws -> T) throws(ServiceError) -> T {
        do { return try database.read(body) } catch let error as ServiceError { throw error } catch { throw .record(folder.path, String(describing: error)) }
    }

    /// The schema, one migration per change, never edited once released.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-record") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL CHECK (role IN ('reviewer', 'auditor', 'admin')),
                    password_hash TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE session (
                    token_hash TEXT PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES account(id),
                    csrf TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                CREATE TABLE check_run (
                    id TEXT PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES account(id),
                    zone TEXT NOT NULL,
                    zone_name TEXT NOT NULL,
                    rule_profile TEXT,
                    submitted_at TEXT NOT NULL,
                    started_at TEXT,
                    finished_at TEXT,
                    state TEXT NOT NULL,
                    verdict TEXT,
                    exit_status INTEGER,
                    message TEXT
                );
                CREATE INDEX check_run_by_account ON check_run(account_id, submitted_at);
                CREATE TABLE check_file (
                    check_id TEXT NOT NULL REFERENCES check_run(id),
                    kind TEXT NOT NULL CHECK (kind IN ('upload', 'removal', 'output')),
                    name TEXT NOT NULL,
                    stored TEXT NOT NULL,
                    format TEXT,
                    bytes INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    PRIMARY KEY (check_id, kind, name)
                );
                CREATE TRIGGER check_run_kept BEFORE DELETE ON check_run
                    BEGIN SELECT RAISE(ABORT, 'the record of checks is never deleted'); END;
                CREATE TRIGGER check_file_kept BEFORE DELETE ON check_file
                    BEGIN SELECT RAISE(ABORT, 'the record of checks is never deleted'); END;
                """)
        }
        return migrator
    }

    /// Now, as the record writes times: ISO 8601 in UTC, to the second.
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
