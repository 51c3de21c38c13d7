/// The zone type of the 2014 evaluation scheme (工业主导型 / 产城融合型), which decides the indicator set.
public enum ZoneType: String, Sendable {
    case industrial = "工业主导型"
    case mixedUse = "产城融合型"
    case other = "其他类型"

    /// Types that have an indicator set.
    static let reportedTypes: [ZoneType] = [.industrial, .mixedUse]
}
