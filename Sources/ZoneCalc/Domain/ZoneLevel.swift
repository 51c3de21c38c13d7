/// The level a development zone is approved at, which decides who approves its expansion.
public enum ZoneLevel: String, Sendable, CaseIterable {
    case national = "国家级"
    case provincial = "省级"
}
