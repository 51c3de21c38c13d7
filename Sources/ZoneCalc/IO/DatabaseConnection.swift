import Foundation
import GeoBridge

/// A PostgreSQL/PostGIS connection string as GDAL and ogr2ogr take it (`PG:dbname=… host=… port=…
/// user=…`, with `schemas=`/`tables=`): never holding a password — libpq reads it from `PGPASSWORD` or
/// `~/.pgpass` — and shown with any password taken out.
public enum DatabaseConnection {
    /// Why a database layer could not be read.
    public enum Problem: Sendable, Equatable {
        /// No server answers at the host and port.
        case unreachable(said: String)
        /// The server refused the user or the password.
        case authentication(said: String)
        /// The server has no such database.
        case noDatabase(said: String)
        /// The connection string holds a password.
        case passwordGiven
        /// The table has no geometry column.
        case noGeometry(table: String)
        /// Another refusal, as libpq worded it.
        case other(said: String)
    }

    /// Why a connection string with a password is refused, and where the password goes instead.
    static let passwordRefusal = Bilingual(
        "连接串中不可写密码（会留在项目文件、命令历史和日志里）；请去掉密码，把它放在运行 zonecalc 的账户的环境变量 PGPASSWORD 或 ~/.pgpass 中",
        "a connection string may not hold a password (it would stay in project files, shell history and logs); "
            + "leave it out and give it in PGPASSWORD or ~/.pgpass of the account that runs zonecalc")

    /// `text` with the value of any `password=` (keyword or URI query) and a URI's `user:password@`
    /// removed, for messages and logs.
    public static func redacted(_ text: String) -> String {
        text.replacingOccurrences(of: #"(?i)(password\s*=\s*)('([^'\\]|\\.)*'|[^\s&]*)"#, with: "$1***", options: .regularExpression)
            .replacingOccurrences(of: #"(://[^/@:\s]*):[^/@\s]*@"#, with: "$1:***@", options: .regularExpression)
    }

    /// Whether `text` names a password: `password=` as a keyword or in a URI's query, or a URI's `user:password@`.
    static func holdsPassword(_ text: String) -> Bool {
        text.range(of: #"(?i)(^|[\s:?&])password\s*="#, options: .regularExpression) != nil
            || text.range(of: #"://[^/@:\s]*:[^/@\s]*@"#, options: .regularExpression) != nil
    }

    /// Refuses a connection string with a password in it.
    static func requireNoPassword(_ text: String) throws(ZoneCalcError) {
        if holdsPassword(text) { throw .database(connection: redacted(text), problem: .passwordGiven) }
    }

    /// What GDAL's failure to connect says, as a problem a planner can act on.
    static func problem(opening error: GDALError) -> Problem {
        let said = error.messages.joined(separator: " ").replacingOccurrences(of: "PQconnectdb failed.", with: "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let redactedSaid = redacted(said)
        if said.contains("password authentication failed") || said.contains("no password supplied") || said.contains("role \"") && said.contains("does not exist") {
            return .authentication(said: redactedSaid)
        }
        if said.contains("database \"") && said.contains("does not exist") { return .noDatabase(said: redactedSaid) }
        if said.contains("Connection refused") || said.contains("could not translate host name") || said.contains("timeout expired")
            || said.contains("No route to host") || said.contains("Is the server running") {
            return .unreachable(said: redactedSaid)
        }
        return .other(said: redactedSaid)
    }
}

extension DatabaseConnection.Problem {
    /// What is wrong and what to do, in `language`.
    func message(_ language: Language) -> String {
        let zh = language == .zh
        func t(_ chinese: String, _ english: String) -> String { zh ? chinese : english }
        switch self {
        case .unreachable(let said):
            return t("无法连接数据库服务器（\(said)）。请检查 host 和 port，以及服务器是否在运行并接受 TCP/IP 连接。",
                     "cannot reach the database server (\(said)). Check host and port, and that the server runs and accepts TCP/IP connections.")
        case .authentication(let said):
            return t("数据库拒绝了用户或密码（\(said)）。密码请放在环境变量 PGPASSWORD 或 ~/.pgpass 中，不写在连接串里。",
                     "the database refused the user or the password (\(said)). Give the password in PGPASSWORD or ~/.pgpass, not in the connection string.")
        case .noDatabase(let said):
            return t("服务器上没有这个数据库（\(said)）。请检查 dbname。", "the server has no such database (\(said)). Check dbname.")
        case .passwordGiven:
            return t(DatabaseConnection.passwordRefusal.zh + "。", DatabaseConnection.passwordRefusal.en + ".")
        case .noGeometry(let table):
            return t("表 \(table) 没有几何字段，不是空间图层。请指定含几何列的表（或在 PostGIS 中为它加几何列）。",
                     "the table \(table) has no geometry column, so it is no spatial layer. Name a table with a geometry column.")
        case .other(let said):
            return t("数据库无法打开（\(said)）。", "the database cannot be opened (\(said)).")
        }
    }
}
