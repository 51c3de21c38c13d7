import Foundation
import GRDB
import ZoneCalc

/// Where a check is.
public enum CheckState: String, Sendable, Codable, CaseIterable {
    /// Waiting for a free core.
    case queued
    case running
    /// Checked: the verdict and the outputs are there.
    case done
    /// The engine could not check it (a file it could not read, say); the message says why.
    case failed
    /// Stopped at the time limit.
    case timedOut = "timed_out"

    public var label: Bilingual {
        switch self {
        case .queued: return Bilingual("排队中", "queued")
        case .running: return Bilingual("审查中", "running")
        case .done: return Bilingual("已完成", "done")
        case .failed: return Bilingual("未能审查", "failed")
        case .timedOut: return Bilingual("超时中止", "timed out")
        }
    }

    /// Whether the check will change no more.
    public var isFinal: Bool { self == .done || self == .failed || self == .timedOut }
}

/// A file of a check: an upload as received, or an output of the engine.
public struct CheckFile: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// A piece of the proposal (land added).
        case upload
        /// Land taken out (调出).
        case removal
        case output
    }
    public var kind: Kind
    /// The name the user gave (an upload) or the engine wrote (an output).
    public var name: String
    /// Where it is kept, relative to the check's folder.
    public var stored: String
    /// The format read from its content (uploads).
    public var format: String?
    public var bytes: Int64
    public var sha256: String
}

/// One check in the record.
public struct CheckRecord: Sendable, Codable, Equatable {
    public var id: String
    public var account: String
    public var accountID: Int64
    public var zone: String
    public var zoneName: String
    public var ruleProfile: String?
    public var submittedAt: String
    public var startedAt: String?
    public var finishedAt: String?
    public var state: CheckState
    /// 符合/不符合/需复核 as the engine's exit status says it (`pass`, `fail`, `review`).
    public var verdict: String?
    public var exitStatus: Int?
    public var message: String?
    public var files: [CheckFile]
}

/// What the record list is narrowed to.
public struct CheckQuery: Sendable {
    public var zone: String?
    public var verdict: String?
    /// Text found in the account name, the zone's name or a file's name.
    public var text: String?
    /// Only these checks (empty: any), e.g. the proposals of one upload.
    public var ids: [String]
    public var limit = 200

    public init(zone: String? = nil, verdict: String? = nil, text: String? = nil, ids: [String] = []) {
        self.zone = zone; self.verdict = verdict; self.text = text; self.ids = ids
    }
}

extension RecordStore {
    /// Records a new check, queued, with its uploaded files.
    public func addCheck(id: String, account: Account, zone: String, zoneName: String, ruleProfile: String?, files: [CheckFile]) throws(ServiceError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO check_run (id, account_id, zone, zone_name, rule_profile, submitted_at, state) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, account.id, zone, zoneName, ruleProfile, RecordStore.now(), CheckState.queued.rawValue])
            for file in files { try Self.insert(file, of: id, db) }
        }
    }

    /// Marks a check as running.
    public func markStarted(_ id: String) throws(ServiceError) {
        try write { db in
            try db.execute(sql: "UPDATE check_run SET state = ?, started_at = ? WHERE id = ?", arguments: [CheckState.running.rawValue, RecordStore.now(), id])
        }
    }

    /// Records how a check ended, and its outputs.
    public func finish(_ id: String, state: CheckState, verdict: String?, exitStatus: Int?, message: String?, outputs: [CheckFile]) throws(ServiceError) {
        try write { db in
            try db.execute(sql: "UPDATE check_run SET state = ?, finished_at = ?, verdict = ?, exit_status = ?, message = ? WHERE id = ?",
                           arguments: [state.rawValue, RecordStore.now(), verdict, exitStatus, message, id])
            for file in outputs { try Self.insert(file, of: id, db) }
        }
    }

    /// Checks a restart found queued or running, back in the queue (a running one starts again from
    /// its archived uploads; its outputs were never put in place), oldest first.
    public func requeueUnfinished() throws(ServiceError) -> [String] {
        try write { db in
            try db.execute(sql: "UPDATE check_run SET state = ?, started_at = NULL WHERE state = ?", arguments: [CheckState.queued.rawValue, CheckState.running.rawValue])
            return try String.fetchAll(db, sql: "SELECT id FROM check_run WHERE state = ? ORDER BY submitted_at, id", arguments: [CheckState.queued.rawValue])
        }
    }

    /// The check `id`, nil when there is none.
    public func check(_ id: String) throws(ServiceError) -> CheckRecord? {
        try read { db in try Self.checks(db, where: "check_run.id = ?", [id], limit: 1).first }
    }

    /// The check `id` when `account` may see it (its own, or any for an auditor or administrator).
    /// - Throws: `notFound` when there is none or it is another reviewer's (which is not said).
    public func check(_ id: String, visibleTo account: Account) throws(ServiceError) -> CheckRecord {
        guard let record = try check(id), account.role.seesAllChecks || record.accountID == account.id else {
            throw .notFound(Bilingual("没有审查记录 \(id)", "no check \(id)"))
        }
        return record
    }

    /// The checks `account` may see (its own, or every one for an auditor or administrator), newest first.
    public func checks(visibleTo account: Account, _ query: CheckQuery = CheckQuery()) throws(ServiceError) -> [CheckRecord] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if !account.role.seesAllChecks { conditions.append("check_run.account_id = ?"); arguments.append(account.id) }
        if let zone = query.zone, !zone.isEmpty { conditions.append("check_run.zone = ?"); arguments.append(zone) }
        if let verdict = query.verdict, !verdict.isEmpty { conditions.append("check_run.verdict = ?"); arguments.append(verdict) }
        if let text = query.text, !text.isEmpty {
            conditions.append("""
                (instr(account.name, ?) > 0 OR instr(check_run.zone_name, ?) > 0 OR instr(check_run.id, ?) > 0
                 OR EXISTS (SELECT 1 FROM check_file WHERE check_file.check_id = check_run.id AND instr(check_file.name, ?) > 0))
                """)
            arguments += [text, text, text, text]
        }
        if !query.ids.isEmpty {
            conditions.append("check_run.id IN (\(Array(repeating: "?", count: query.ids.count).joined(separator: ", ")))")
            arguments += query.ids
        }
        let condition = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        return try read { db in try Self.checks(db, where: condition, arguments, limit: query.limit) }
    }

    private static func checks(_ db: Database, where condition: String, _ arguments: [any DatabaseValueConvertible], limit: Int) throws -> [CheckRecord] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT check_run.*, account.name AS account_name FROM check_run JOIN account ON account.id = check_run.account_id
            WHERE \(condition) ORDER BY check_run.submitted_at DESC, check_run.id DESC LIMIT \(max(1, limit))
            """, arguments: StatementArguments(arguments))
        return try rows.map { row in
            let id: String = row["id"]
            let files = try Row.fetchAll(db, sql: "SELECT * FROM check_file WHERE check_id = ? ORDER BY kind = 'output', rowid", arguments: [id]).map { file in
                CheckFile(kind: CheckFile.Kind(rawValue: file["kind"]) ?? .output, name: file["name"], stored: file["stored"], format: file["format"],
                          bytes: file["bytes"], sha256: file["sha256"])
            }
            return CheckRecord(id: id, account: row["account_name"], accountID: row["account_id"], zone: row["zone"], zoneName: row["zone_name"],
                               ruleProfile: row["rule_profile"], submittedAt: row["submitted_at"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                               state: CheckState(rawValue: row["state"]) ?? .failed, verdict: row["verdict"], exitStatus: row["exit_status"],
                               message: row["message"], files: files)
        }
    }

    private static func insert(_ file: CheckFile, of id: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO check_file (check_id, kind, name, stored, format, bytes, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [id, file.kind.rawValue, file.name, file.stored, file.format, file.bytes, file.sha256])
    }
}
