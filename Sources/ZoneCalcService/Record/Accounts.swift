import Foundation
import GRDB
import HummingbirdBcrypt
import ZoneCalc

/// What an account may do.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Submits checks and sees its own.
    case reviewer
    /// Sees every check and the whole record.
    case auditor
    /// Sees every check and manages accounts.
    case admin

    /// Whether the role sees the checks of other accounts.
    public var seesAllChecks: Bool { self != .reviewer }
    /// The roles that submit checks (an auditor sees them only).
    public static let submitters: Set<Role> = [.reviewer, .admin]

    public var label: Bilingual {
        switch self {
        case .reviewer: return Bilingual("审查人员", "reviewer")
        case .auditor: return Bilingual("审计人员", "auditor")
        case .admin: return Bilingual("管理员", "administrator")
        }
    }
}

/// A signed-in account.
public struct Account: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var role: Role
}

/// Accounts with their passwords, stored as bcrypt hashes (cost 12), never as given.
extension RecordStore {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 10

    /// Creates an account.
    /// - Throws: `account` for a name that is empty, has spaces or control characters or is taken, or a
    ///   password shorter than ``minimumPasswordLength``.
    @discardableResult
    public func addAccount(name: String, role: Role, password: String) throws(ServiceError) -> Account {
        guard !name.isEmpty, name.count <= 64, !name.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.union(.controlCharacters).contains($0) }) else {
            throw .account(Bilingual("账号名应为 1–64 个字符，不含空格和控制字符", "an account name is 1–64 characters without spaces or control characters"))
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw .account(Bilingual("密码至少 \(Self.minimumPasswordLength) 个字符", "a password has at least \(Self.minimumPasswordLength) characters"))
        }
        let hash = Bcrypt.hash(password, cost: 12)
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [name]) == true {
                throw ServiceError.account(Bilingual("账号 \(name) 已存在", "the account \(name) exists"))
            }
            try db.execute(sql: "INSERT INTO account (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, role.rawValue, hash, RecordStore.now()])
            return Account(id: db.lastInsertedRowID, name: name, role: role)
        }
    }

    /// The account with this name and password.
    /// - Throws: `wrongPassword` for an unknown name, a disabled account or a wrong password alike.
    public func authenticate(name: String, password: String) throws(ServiceError) -> Account {
        let row = try read { db in try Row.fetchOne(db, sql: "SELECT id, role, password_hash FROM account WHERE name = ? AND disabled = 0", arguments: [name]) }
        // An unknown name costs a hash as a known one does, so that the time taken tells nothing.
        guard let row, let role = Role(rawValue: row["role"]) else {
            _ = Bcrypt.verify(password, hash: Self.decoyHash)
            throw .wrongPassword
        }
        guard Bcrypt.verify(password, hash: row["password_hash"]) else { throw .wrongPassword }
        return Account(id: row["id"], name: name, role: role)
    }

    /// Every account, by name.
    public func accounts() throws(ServiceError) -> [Account] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role FROM account ORDER BY name").compactMap { row in
                Role(rawValue: row["role"]).map { Account(id: row["id"], name: row["name"], role: $0) }
            }
        }
    }

    /// A hash of nothing anyone knows, verified against when the name is unknown.
    private static let decoyHash = Bcrypt.hash(UUID().uuidString, cost: 12)
}
