/// A `[name]` section of `key=value` lines, such as `[项目信息]`.
public struct TxtSection: Sendable, Equatable {
    /// The name between the square brackets.
    public var name: String
    /// The entries in file order.
    public var entries: [TxtKeyValue]

    /// Creates a section.
    public init(name: String, entries: [TxtKeyValue] = []) {
        self.name = name
        self.entries = entries
    }
}

/// One `key=value` line, split on the first `=` with both sides trimmed; the value may be empty.
public struct TxtKeyValue: Sendable, Equatable {
    /// The key, e.g. `带号`.
    public var key: String
    /// The value, e.g. `40`.
    public var value: String

    /// Creates an entry.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
