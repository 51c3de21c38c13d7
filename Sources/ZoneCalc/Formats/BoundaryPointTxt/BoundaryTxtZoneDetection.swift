/// Works out the Gauss–Krüger zone of a file from its eastings and its `带号` / `几度分带`
/// attributes (部标界址点坐标交换格式).
///
/// A zone prefix on the eastings is self-describing, so it wins over `带号` when they
/// disagree (a warning says so); the zone number's range (25–45 → 3°, 13–23 → 6°) wins
/// over `几度分带` for the same reason.
enum BoundaryTxtZoneDetection {
    /// The zone facts of a file.
    struct Zone: Equatable {
        var number: Int?
        var width: Int?
        var hasPrefix: Bool
    }

    /// Detects the zone from `eastings` (after axis correction) and `attributes`.
    static func detect(eastings: [Double], attributes: [TxtKeyValue],
                       warnings: inout [BoundaryPointTxtWarning]) -> Zone {
        let prefixes = eastings.filter(BoundaryTxtAxisOrder.isPrefixedEasting).map { Int($0 / 1e6) }
        let plainCount = eastings.filter(BoundaryTxtAxisOrder.isPlainEasting).count
        let hasPrefix = prefixes.count > plainCount
        let prefixCounts = Dictionary(prefixes.map { ($0, 1) }, uniquingKeysWith: +)
        if (!prefixes.isEmpty && plainCount > 0) || prefixCounts.count > 1 {
            let listed = prefixCounts.keys.sorted().map { "\($0) ×\(prefixCounts[$0]!)" }.joined(separator: ", ")
            warnings.append(.init(line: nil, code: .mixedZonePrefix,
                                  message: Bilingual("东坐标混有带号（\(listed)）和 \(plainCount) 个不带带号的值", "eastings mix zone prefixes (\(listed)) and \(plainCount) without prefix")))
        }
        let prefixZone = prefixCounts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
        let declaredZone = attributeNumber(attributes, keys: ["带号"], suffixes: ["带"], warnings: &warnings)

        var number: Int?
        if hasPrefix, let prefixZone {
            number = prefixZone
            if let declaredZone, declaredZone != prefixZone {
                warnings.append(.init(line: nil, code: .zoneMismatch,
                                      message: Bilingual("带号=\(declaredZone) 与东坐标的带号 \(prefixZone) 不符，按第 \(prefixZone) 带处理", "带号=\(declaredZone) contradicts the easting prefix \(prefixZone); zone \(prefixZone) used")))
            }
        } else if let declaredZone {
            number = declaredZone
            warnings.append(.init(line: nil, code: .noZonePrefix,
                                  message: Bilingual("东坐标不带带号，按“带号”取第 \(declaredZone) 带", "eastings carry no zone prefix; zone \(declaredZone) taken from 带号")))
        } else {
            warnings.append(.init(line: nil, code: .zoneUnknown,
                                  message: Bilingual("东坐标不带带号且“带号”为空，无法确定投影带", "eastings carry no zone prefix and 带号 is empty; the zone is unknown")))
        }

        var declaredWidth = attributeNumber(attributes, keys: ["几度分带", "分带"], suffixes: ["度带", "度"], warnings: &warnings)
        if let width = declaredWidth, width != 3 && width != 6 {
            warnings.append(.init(line: nil, code: .attributeValue, message: Bilingual("几度分带=\(width) 既不是 3 也不是 6，已忽略", "几度分带=\(width) is neither 3 nor 6; ignored")))
            declaredWidth = nil
        }
        let impliedWidth = number.flatMap(GaussKrugerZone.width(ofZoneNumber:))
        if let number, impliedWidth == nil {
            warnings.append(.init(line: nil, code: .zoneOutOfRange,
                                  message: Bilingual("第 \(number) 带既不是中国境内的 3° 带（25–45）也不是 6° 带（13–23）", "zone \(number) is neither a 3° zone (25–45) nor a 6° zone (13–23) in China")))
        }
        if let number, let impliedWidth, let declaredWidth, impliedWidth != declaredWidth {
            warnings.append(.init(line: nil, code: .zoneWidthMismatch,
                                  message: Bilingual("几度分带=\(declaredWidth) 与第 \(number) 带（\(impliedWidth)° 带）不符，按 \(impliedWidth)° 带处理", "几度分带=\(declaredWidth) contradicts zone \(number), a \(impliedWidth)° zone; \(impliedWidth)° used")))
        }
        return Zone(number: number, width: impliedWidth ?? declaredWidth, hasPrefix: hasPrefix)
    }

    /// The integer value of the first of `keys` present, with one of `suffixes` allowed
    /// (`3度带`); `nil` when absent or empty, `nil` and a warning when not a number.
    private static func attributeNumber(_ attributes: [TxtKeyValue], keys: [String], suffixes: [String],
                                        warnings: inout [BoundaryPointTxtWarning]) -> Int? {
        guard let entry = attributes.first(where: { keys.contains($0.key) }), !entry.value.isEmpty else { return nil }
        var text = Substring(entry.value)
        if let suffix = suffixes.first(where: text.hasSuffix) { text = text.dropLast(suffix.count) }
        guard let value = Int(text) else {
            warnings.append(.init(line: nil, code: .attributeValue, message: Bilingual("\(entry.key)=\(entry.value) 不是数字，已忽略", "\(entry.key)=\(entry.value) is not a number; ignored")))
            return nil
        }
        return value
    }
}
