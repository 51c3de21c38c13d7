/// The 集约度分值 of TD/T 1029-2010 集约度分值: each indicator standardised against its ideal value, the total as
/// the weighted mean. Ideal values and weights come only from the rule profile; the standardisation
/// is the common practice noted there（待核实）.
enum EvaluationScoring {
    /// Scores the indicators the profile gives an ideal value and a weight; returns the total, or why
    /// there is none. `set` is the zone type's indicator set (nil: every indicator).
    static func apply(_ profile: EvaluationProfile, to indicators: inout [IndicatorResult], set: [String]?) -> EvaluationScore {
        var weighted = 0.0, weights = 0.0, unscored: [String] = [], missing: [Bilingual] = []
        for index in indicators.indices {
            let id = indicators[index].definition.id
            guard set?.contains(id) ?? true else { continue }
            guard let rule = profile.scoring[id], let ideal = rule.ideal, let weight = rule.weight else {
                unscored.append(indicators[index].definition.name)
                continue
            }
            indicators[index].weight = weight
            indicators[index].ideal = ideal
            indicators[index].lowerIsBetter = rule.direction == .negative
            guard let value = indicators[index].value else {
                let name = indicators[index].definition.name
                missing.append(Bilingual("\(name)：无法计算", "\(name): not computable"))
                continue
            }
            let score = standardised(value, ideal: ideal, direction: rule.direction)
            indicators[index].score = score
            weighted += weight * score
            weights += weight
        }
        let source = profile.scoringSource
        if !unscored.isEmpty {
            missing.insert(Bilingual("评价配置没有给出\(unscored.joined(separator: "、"))的理想值和权重",
                                     "no ideal value and weight in the profile for \(unscored.joined(separator: ", "))"), at: 0)
        }
        guard missing.isEmpty, weights > 0 else {
            let reason = missing.isEmpty ? Bilingual("评价配置没有给出权重", "the profile gives no weights") : missing.joined(zh: "；", en: "; ")
            return EvaluationScore(total: nil, reason: reason, confirmed: profile.scoringConfirmed, source: source)
        }
        let scored = indicators.filter { $0.score != nil }.count
        return EvaluationScore(total: weighted / weights,
                               reason: Bilingual("\(scored) 项指标的 Σ 权重 × 分值 / Σ 权重", "Σ weight × score / Σ weight over \(scored) indicators"),
                               confirmed: profile.scoringConfirmed, source: source)
    }

    /// Positive: min(value / ideal, 1) × 100. Negative (a rate in %): 100 at or below the ideal, then
    /// linearly down to 0 at 100 %.
    static func standardised(_ value: Double, ideal: Double, direction: EvaluationProfile.Direction) -> Double {
        switch direction {
        case .positive:
            guard ideal > 0 else { return 100 }
            return min(value / ideal, 1) * 100
        case .negative:
            guard value > ideal else { return 100 }
            guard ideal < 100 else { return 0 }
            return max(0, (100 - value) / (100 - ideal)) * 100
        }
    }
}
