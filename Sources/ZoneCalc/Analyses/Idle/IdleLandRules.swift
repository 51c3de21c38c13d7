import Foundation
import Yams

/// The thresholds of the idle-land check (`Rules/idle-land.yaml`, rules.md §2).
public struct IdleLandRules: Sendable {
    public var idleAfterYears = 1
    public var idleFeeShare = 0.20
    public var recoverAfterYears = 2
    public var stalledDevelopedShareBelow = 1.0 / 3
    public var stalledInvestmentShareBelow = 0.25
    public var stalledSuspendedYears = 1
    /// The anniversary completes a year ("满一年" on the anniversary itself).
    public var anniversaryCompletesYear = true
    /// Without a suspension date: years after the agreed completion date that count as suspension.
    public var suspensionProxyYears = 1
    /// Land-use code prefixes of parcels expected to produce (for the 建而未投 proxy).
    public var productionLandUsePrefixes = ["05", "06"]
    /// Article references for reports.
    public var sources: [String: String] = [:]
    public var source = "idle-land.yaml"

    public init() {}

    public static func load(_ files: RuleFiles) throws(ZoneCalcError) -> IdleLandRules {
        let url = try files.url("idle-land.yaml")
        let (root, reader) = try NodeReader.document(at: url.path, what: "the idle-land rules")
        let keys = ["idle_after_years", "idle_fee_share", "recover_after_years", "stalled_developed_share_below",
                    "stalled_investment_share_below", "stalled_suspended_years", "anniversary_completes_year",
                    "suspension_proxy_years_after_agreed_completion", "production_proxy", "production_land_use_prefixes", "sources"]
        let top = try reader.mapping(root, key: "(top level)", allowed: keys)
        var rules = IdleLandRules()
        func integer(_ key: String) throws(ZoneCalcError) -> Int? {
            guard let value = try reader.optionalNumber(top[key], key: key) else { return nil }
            guard value >= 0, value == value.rounded() else { throw reader.error(top[key]!, key, "must be a whole number of years") }
            return Int(value)
        }
        func share(_ key: String) throws(ZoneCalcError) -> Double? {
            guard let value = try reader.optionalNumber(top[key], key: key) else { return nil }
            guard (0...1).contains(value) else { throw reader.error(top[key]!, key, "must be a share between 0 and 1") }
            return value
        }
        rules.idleAfterYears = try integer("idle_after_years") ?? rules.idleAfterYears
        rules.recoverAfterYears = try integer("recover_after_years") ?? rules.recoverAfterYears
        rules.stalledSuspendedYears = try integer("stalled_suspended_years") ?? rules.stalledSuspendedYears
        rules.suspensionProxyYears = try integer("suspension_proxy_years_after_agreed_completion") ?? rules.suspensionProxyYears
        rules.idleFeeShare = try share("idle_fee_share") ?? rules.idleFeeShare
        rules.stalledDevelopedShareBelow = try share("stalled_developed_share_below") ?? rules.stalledDevelopedShareBelow
        rules.stalledInvestmentShareBelow = try share("stalled_investment_share_below") ?? rules.stalledInvestmentShareBelow
        if let node = top["anniversary_completes_year"], let value = reader.text(node) {
            guard let flag = Bool(value) else { throw reader.error(node, "anniversary_completes_year", "must be true or false") }
            rules.anniversaryCompletesYear = flag
        }
        if let node = top["production_proxy"], let value = reader.text(node), value != "output_or_tax" {
            throw reader.error(node, "production_proxy", "the only proxy is output_or_tax")
        }
        if let node = top["production_land_use_prefixes"] {
            guard let items = node.sequence else { throw reader.error(node, "production_land_use_prefixes", "expected a list of code prefixes") }
            rules.productionLandUsePrefixes = items.compactMap(reader.text)
        }
        if let node = top["sources"] {
            for (key, value) in try reader.mapping(node, key: "sources", allowed: ["order", "definition", "start", "consequences",
                                                                                    "government_cause", "supply_chain"]).ordered {
                rules.sources[key] = reader.text(value)
            }
        }
        rules.source = url.lastPathComponent
        return rules
    }

    /// Whole years from `start` to `asOf` under the counting convention.
    func fullYears(from start: CalendarDate, to asOf: CalendarDate) -> Int {
        let years = start.fullYears(until: asOf)
        if !anniversaryCompletesYear, years > 0, start.adding(years: years) == asOf { return years - 1 }
        return years
    }
}
