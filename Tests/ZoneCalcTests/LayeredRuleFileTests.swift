import Foundation
import Testing
@testable import ZoneCalc

/// Rule files are layered key by key (bundled, then the project's copy); a key no layer gives is an
/// error naming the files and the key; the numbers have no second copy in code.
@Suite struct LayeredRuleFileTests {
    func folder(with text: String, named name: String) throws -> URL {
        let folder = try TestData.temporaryFolder()
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aProjectCopyReplacesOnlyTheKeysItNames() throws {
        let folder = try folder(with: "max_distance_km: 5\nmax_expansion_km2:\n", named: "proposal-rules.yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = try ProposalRules.load(RuleFiles(folder: folder.path))
        let bundled = try ProposalRules.load(RuleFiles())
        #expect(rules.maxDistanceKm == 5 && bundled.maxDistanceKm == 30)
        #expect(rules.maxExpansionKm2 == nil && bundled.maxExpansionKm2 == nil)  // no national limit
        #expect(rules.overlapTolerance == bundled.overlapTolerance && rules.sliverArea == bundled.sliverArea)
        #expect(rules.source.contains("Rules/proposal-rules.yaml + ") && rules.source.contains(folder.path))
        let permuFolder = try self.folder(with: "minimum_land_mu: 5\n", named: "permu-profile.yaml")
        defer { try? FileManager.default.removeItem(at: permuFolder) }
        let permu = try PerMuProfile.load(RuleFiles(folder: permuFolder.path))
        let bundledPermu = try PerMuProfile.load(RuleFiles())
        #expect(permu.minimumLandMu == 5 && bundledPermu.minimumLandMu == 3 && permu.schemes.count == bundledPermu.schemes.count)
        let landFolder = try self.folder(with: "industrial_defaults: { building_coverage: { value: 40, source: \"province\" } }\n",
                                         named: "standard-land.yaml")
        defer { try? FileManager.default.removeItem(at: landFolder) }
        let land = try StandardLandRules.load(RuleFiles(folder: landFolder.path))
        #expect(land.industrialDefaults["building_coverage"]?.value == 40 && land.industrialDefaults["office_share"] == nil)
        #expect(land.industrialDefaults["building_coverage"]?.source.en.hasPrefix(landFolder.path) == true)
        #expect(try StandardLandRules.load(RuleFiles()).industrialDefaults["building_coverage"]?.source.en.hasPrefix("national: ") == true)
        #expect(land.indicators.count == (try StandardLandRules.load(RuleFiles())).indicators.count)
        let profileFolder = try self.folder(with: "zone_type: { industrial_share_above: 40, residential_share_below: 20, source: \"省级方案\" }\n",
                                            named: "evaluation-profile.yaml")
        defer { try? FileManager.default.removeItem(at: profileFolder) }
        let profile = try EvaluationProfile.load(RuleFiles(folder: profileFolder.path))
        let bundledProfile = try EvaluationProfile.load(RuleFiles())
        #expect(profile.industrialShareAbove == 40 && bundledProfile.industrialShareAbove != 40)
        #expect(profile.indicatorSets == bundledProfile.indicatorSets)
        let idleFolder = try self.folder(with: "idle_fee_share: 0.1\n", named: "idle-land.yaml")
        defer { try? FileManager.default.removeItem(at: idleFolder) }
        let idle = try IdleLandRules.load(RuleFiles(folder: idleFolder.path))
        #expect(idle.idleFeeShare == 0.1 && idle.recoverAfterYears == 2)
    }

    /// A rule table is layered row by row: the project's copy names only the codes it changes or adds.
    @Test func aProjectTableReplacesOnlyTheRowsItNames() throws {
        let folder = try folder(with: "industry_code,industry,min_floor_area_ratio,tag\n13,农副食品加工业,1.2,省\n99,试验行业,0.9,省\n",
                                named: "industrial-floor-area-ratio.csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundled = try StandardLandRules.load(RuleFiles()).floorAreaRatioByIndustry
        let layered = try StandardLandRules.load(RuleFiles(folder: folder.path)).floorAreaRatioByIndustry
        #expect(bundled["13"]?.value == 1.0 && layered["13"]?.value == 1.2)
        #expect(bundled["99"] == nil && layered["99"]?.value == 0.9)
        #expect(layered.count == bundled.count + 1 && layered["14"]?.value == bundled["14"]?.value)
        // Each threshold names where it comes from: the national table or the project's file and line.
        #expect(bundled["13"]?.source.en.hasPrefix("national: 国土资发〔2008〕24号") == true && layered["14"]?.source == bundled["14"]?.source)
        #expect(bundled["13"]?.source.zh.hasPrefix("国家标准：国土资发〔2008〕24号 表2") == true)
        #expect(layered["13"]?.source.en.contains(folder.path + "/industrial-floor-area-ratio.csv line 2") == true, "\(layered["13"]?.source.en ?? "")")
        let statusFolder = try self.folder(with: "sandiao_code,evaluation_code,tag,note\n1201,C3,省,不可建设\nbad\n",
                                           named: "evaluation-land-status.csv")
        defer { try? FileManager.default.removeItem(at: statusFolder) }
        do {
            _ = try EvaluationLandStatus.load(RuleFiles(folder: statusFolder.path), classes: try LandClassTable.bundled())
            Issue.record("a row with too few columns was accepted")
        } catch {
            #expect("\(error)".contains("evaluation-land-status.csv:3"), "\(error)")
        }
        try "sandiao_code,evaluation_code,tag,note\n1201,C3,省,不可建设\n"
            .write(to: statusFolder.appendingPathComponent("evaluation-land-status.csv"), atomically: true, encoding: .utf8)
        let status = try EvaluationLandStatus.load(RuleFiles(folder: statusFolder.path), classes: try LandClassTable.bundled())
        let national = try EvaluationLandStatus.load(RuleFiles(), classes: try LandClassTable.bundled())
        #expect(national.code(for: "1201") == "B21" && status.code(for: "1201") == "C3")
        #expect(status.code(for: "0702") == national.code(for: "0702") && status.source.contains("Rules/evaluation-land-status.csv + "))
    }

    /// Tables as Excel saves them (CRLF, a BOM) are read; a missing header, a repeated code and a file that
    /// is not UTF-8 are errors naming the file and line — never a table silently left out.
    @Test func tableFilesAreReadAsExcelWritesThemAndMistakesNamed() throws {
        func load(_ bytes: [UInt8]) throws -> EvaluationLandStatus {
            let folder = try TestData.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try Data(bytes).write(to: folder.appendingPathComponent("evaluation-land-status.csv"))
            return try EvaluationLandStatus.load(RuleFiles(folder: folder.path), classes: try LandClassTable.bundled())
        }
        func message(_ bytes: [UInt8]) -> String {
            do { _ = try load(bytes); return "accepted" } catch { return "\(error)" }
        }
        let header = "sandiao_code,evaluation_code,tag,note"
        let crlf = try load([0xEF, 0xBB, 0xBF] + Array("\(header)\r\n1201,C3,省,x\r\n".utf8))
        #expect(crlf.code(for: "1201") == "C3")
        #expect(message(Array("1201,C3,省,x\n".utf8)).contains("evaluation-land-status.csv:1: the first line must be the header"))
        #expect(message(Array("\(header)\n1201,XX,省,x\n1201,C3,省,x\n".utf8)).contains("evaluation-land-status.csv:3: 1201 is already given on line 2"))
        // 宗地 in GBK (D7 DA B5 D8), not UTF-8.
        #expect(message(Array("\(header)\n1201,C3,".utf8) + [0xD7, 0xDA, 0xB5, 0xD8] + Array(",x\n".utf8)).contains("is not UTF-8"))
    }

    /// The province's bundled profile comes between the national file and the project's copy.
    @Test func aProvincesProfileIsLayeredOverTheNationalOne() throws {
        let shanxi = try ProposalRules.load(RuleFiles(province: "山西省"))
        #expect(shanxi.maxExpansionKm2 == 30 && shanxi.expansionLimitGiven)
        #expect(shanxi.expansionLimitSource.contains("2017年7月") && shanxi.source.contains("provinces/山西/proposal-rules.yaml"))
        let jiangsu = try ProposalRules.load(RuleFiles(province: "江苏"))
        #expect(jiangsu.maxExpansionKm2 == nil && !jiangsu.expansionLimitGiven && jiangsu.province == "江苏")
        #expect(RuleFiles.shortProvinceName("广西壮族自治区") == "广西" && RuleFiles.shortProvinceName("上海市") == "上海")
    }

    @Test func aKeyNoLayerGivesIsAnErrorNamingFileAndKey() throws {
        let file = try LayeredRuleFile("proposal-rules.yaml", files: RuleFiles(), what: "the proposal rules",
                                       allowed: ["overlap_tolerance_m2", "max_cultivated_share", "max_construction_share", "adjustment_tolerance_m2",
                                                 "max_expansion_km2", "max_expansion_share_percent", "sliver_width_m", "sliver_area_m2",
                                                 "spike_angle_degrees", "declared_area_tolerance_percent", "max_distance_km",
                                                 "expansion_limit_source", "preconditions"])
        do {
            _ = try file.requiredNumber("max_gap_km")
            Issue.record("a missing key read as a value")
        } catch {
            let message = "\(error)"
            #expect(message.contains("max_gap_km") && message.contains("proposal-rules.yaml"), "\(message)")
        }
    }

    @Test func badValuesAndUnknownKeysNameTheLine() throws {
        let folder = try folder(with: "max_distance_km: -3\n", named: "proposal-rules.yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ZoneCalcError.self) { _ = try ProposalRules.load(RuleFiles(folder: folder.path)) }
        let typo = try self.folder(with: "max_distanse_km: 3\n", named: "proposal-rules.yaml")
        defer { try? FileManager.default.removeItem(at: typo) }
        do {
            _ = try ProposalRules.load(RuleFiles(folder: typo.path))
            Issue.record("an unknown key was accepted")
        } catch {
            #expect("\(error)".contains("max_distanse_km"))
        }
    }
}

/// The QC rule set has no numbers of its own either: every check and tolerance comes from a file.
@Suite struct QCRuleCompletenessTests {
    @Test func everyCheckAndToleranceComesFromTheFiles() throws {
        let rules = try QCRules.load(path: nil, files: RuleFiles())
        for value in [rules.overlapArea, rules.outsideArea, rules.sliverThinness, rules.sliverArea, rules.spikeAngle,
                      rules.repeatedPointDistance, rules.declaredAreaPercent, rules.gapWidth, rules.gapMinArea] {
            #expect(value.isFinite)
        }
        #expect(rules.overlapArea == 1 && rules.declaredAreaPercent == 5)   // as qc-rules.yaml says
        #expect(!rules.requiredFields.isEmpty)
    }

    /// The rule files are named as every other rule file: `Rules/qc-rules.yaml` inside ZoneCalc, then the
    /// project's copy and the `--rules` file by their paths, in the order they are layered.
    @Test func theRuleFilesAreNamedByWhereTheyAre() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try QCRules.load(path: nil, files: RuleFiles()).source == "Rules/qc-rules.yaml")
        let project = folder.appendingPathComponent("qc-rules.yaml"), given = folder.appendingPathComponent("strict.yaml")
        try "tolerances: { overlap_area_m2: 2 }\n".write(to: project, atomically: true, encoding: .utf8)
        try "tolerances: { overlap_area_m2: 3 }\n".write(to: given, atomically: true, encoding: .utf8)
        let rules = try QCRules.load(path: given.path, files: RuleFiles(folder: folder.path))
        #expect(rules.overlapArea == 3)
        #expect(rules.source == "Rules/qc-rules.yaml + \(project.path) + \(given.path)", "\(rules.source)")
    }
}

/// Reports cite documents from the citations file, never a file the reader does not have.
@Suite struct CitationTests {
    @Test func everyCitedDocumentIsInTheCitationsFile() throws {
        for id in ["three-control-lines-2019", "zone-catalogue-2018", "state-council-2017-7", "tdt-1055-2019", "tdt-1029-2010",
                   "mlr-order-53", "survey-2008-32", "industrial-indicators-2008", "shanxi-2017-zones"] {
            #expect(Citations.all[id] != nil, "\(id)")
        }
    }

    @Test func theProposalReportCitesNoInternalFile() throws {
        let project = try ZoneProjectLoader.load(TestData.sample("zone.yaml"))
        var options = ProposalOptions()
        options.layer = .expansion
        let report = try ProposalJob.run(frame: try AnalysisFrame(project: project), options: options)
        for rule in report.rules {
            for text in [rule.source, rule.reason.zh, rule.reason.en] {
                #expect(!text.contains("rules.md") && !text.contains("formats.md") && !text.contains("[U]") && !text.contains("[P]")
                        && !text.contains("[C]"), "\(rule.id): \(text)")
            }
        }
    }
}
