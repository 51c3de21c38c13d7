import Crypto
import Foundation
import GRDB
import ZoneCalc

/// A session of a signed-in account: the token the browser keeps in a cookie (or an API client sends as
/// `Authorization: Bearer`), and the token its forms carry against cross-site requests.
public struct Session: Sendable, Equatable {
    public var token: String
    public var csrf: String
    public var account: Account
}

/// Sessions, kept in the record (so they survive a restart) by the SHA-256 of their token: the
/// database alone lets no one in.
extension RecordStore {
    /// How long a session lasts.
    public static let sessionLifetime: TimeInterval = 12 * 3600

    /// Starts a session for `account`.
    public func startSession(for account: Account) throws(ServiceError) -> Session {
        let session = Session(token: Self.randomToken(), csrf: Self.randomToken(), account: account)
        let expires = ISO8601DateFormatter().string(from: Date().addingTimeInterval(Self.sessionLifetime))
        try write { db in
            try db.execute(sql: "INSERT INTO session (token_hash, account_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [Self.sha256(Data(session.token.utf8)), account.id, session.csrf, RecordStore.now(), expires])
        }
        return session
    }

    /// The session of `token`, nil when there is none or it has ended (or its account is disabled).
    public func session(token: String) throws(ServiceError) -> Session? {
        let row = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT session.csrf, session.expires_at, account.id, account.name, account.role
                FROM session JOIN account ON account.id = session.account_id
                WHERE session.token_hash = ? AND account.disabled = 0
                """, arguments: [Self.sha256(Data(token.utf8))])
        }
        guard let row, let role = Role(rawValue: row["role"]), let expires = ISO8601DateFormatter().date(from: row["expires_at"]), expires > Date() else {
            return nil
        }
        return Session(token: token, csrf: row["csrf"], account: Account(id: row["id"], name: row["name"], role: role))
    }

    /// Ends the session of `token`.
    public func endSession(token: String) throws(ServiceError) {
        try write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [Self.sha256(Data(token.utf8))]) }
    }

    /// 32 random bytes from the system's generator, in hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }.hex
    }

    /// The SHA-256 of `data`, in hex.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).hex
    }
}
