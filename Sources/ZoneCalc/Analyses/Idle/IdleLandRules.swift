import Foundation
import Yams

/// The thresholds of the idle-land check (`Rules/idle-land.yaml`, 国土资源部令第53号).
public struct IdleLandRules: Sendable {
    public var idleAfterYears: Int
    public var idleFeeShare: Double
    public var recoverAfterYears: Int
    public var stalledDevelopedShareBelow: Double
    public var stalledInvestmentShareBelow: Double
    public var stalledSuspendedYears: Int
    /// The anniversary completes a year ("满一年" on the anniversary itself).
    public var anniversaryCompletesYear: Bool
    /// Without a suspension date: years after the agreed completion date that count as suspension.
    public var suspensionProxyYears: Int
    /// Land-use code prefixes of parcels expected to produce (for the 建而未投 proxy).
    public var productionLandUsePrefixes: [String]
    /// Article references for reports.
    public var sources: [String: String] = [:]
    /// The files the values came from.
    public var source: String

    /// Reads the layered `idle-land.yaml` (bundled, then the project's copy, key by key); every key must be
    /// given by some layer.
    public static func load(_ files: RuleFiles) throws(ZoneCalcError) -> IdleLandRules {
        let keys = ["idle_after_years", "idle_fee_share", "recover_after_years", "stalled_developed_share_below",
                    "stalled_investment_share_below", "stalled_suspended_years", "anniversary_completes_year",
                    "suspension_proxy_years_after_agreed_completion", "production_proxy", "production_land_use_prefixes", "sources"]
        let file = try LayeredRuleFile("idle-land.yaml", files: files, what: "the idle-land rules", allowed: keys)
        func years(_ key: String) throws(ZoneCalcError) -> Int {
            Int(try file.requiredNumber(key, Bilingual("不超过 100 的整年数", "a whole number of years up to 100")) { (0...100).contains($0) && $0 == $0.rounded() })
        }
        func share(_ key: String) throws(ZoneCalcError) -> Double {
            try file.requiredNumber(key, Bilingual("0 到 1 之间的比例", "a share between 0 and 1")) { (0...1).contains($0) }
        }
        let (anniversaryNode, anniversaryReader) = try file.required("anniversary_completes_year")
        guard let anniversary = anniversaryReader.text(anniversaryNode).flatMap(Bool.init) else {
            throw anniversaryReader.error(anniversaryNode, "anniversary_completes_year", Bilingual("应为 true 或 false", "must be true or false"))
        }
        guard try file.text("production_proxy") == "output_or_tax" else {
            let (node, reader) = try file.required("production_proxy")
            throw reader.error(node, "production_proxy", Bilingual("唯一可用的代理指标是 output_or_tax", "the only proxy is output_or_tax"))
        }
        let (prefixNode, prefixReader) = try file.required("production_land_use_prefixes")
        guard let items = prefixNode.sequence else {
            throw prefixReader.error(prefixNode, "production_land_use_prefixes", Bilingual("应为代码前缀列表", "expected a list of code prefixes"))
        }
        var rules = IdleLandRules(
            idleAfterYears: try years("idle_after_years"), idleFeeShare: try share("idle_fee_share"),
            recoverAfterYears: try years("recover_after_years"), stalledDevelopedShareBelow: try share("stalled_developed_share_below"),
            stalledInvestmentShareBelow: try share("stalled_investment_share_below"), stalledSuspendedYears: try years("stalled_suspended_years"),
            anniversaryCompletesYear: anniversary, suspensionProxyYears: try years("suspension_proxy_years_after_agreed_completion"),
            productionLandUsePrefixes: items.compactMap(prefixReader.text), source: file.source)
        if let (node, reader) = file.node("sources") {
            for (key, value) in try reader.mapping(node, key: "sources", allowed: ["order", "definition", "start", "consequences",
                                                                                    "government_cause", "supply_chain"]).ordered {
                // A source may name an entry of the citations file (e.g. mlr-order-53): its citation is shown.
                rules.sources[key] = reader.text(value).map(Citations.text)
            }
        }
        return rules
    }

    /// Whole years from `start` to `asOf` under the counting convention.
    func fullYears(from start: CalendarDate, to asOf: CalendarDate) -> Int {
        let years = start.fullYears(until: asOf)
        if !anniversaryCompletesYear, years > 0, start.adding(years: years) == asOf { return years - 1 }
        return years
    }
}
