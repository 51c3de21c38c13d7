import Foundation

/// Finds a rule data file: in the project's rule-profile folder when it has one by that name,
/// otherwise the copy bundled with ZoneCalc; and the bundled profile of the project's province.
/// Thresholds and code lists live in these files, not in code.
public struct RuleFiles: Sendable {
    /// The profile folder, already resolved against the project file's folder; nil = bundled only.
    public var folder: String?
    /// The project's province (short name, e.g. 山西), for its bundled profile `Rules/provinces/<name>/`.
    public var province: String?

    public init(folder: String? = nil, province: String? = nil) {
        self.folder = folder
        self.province = province.map(Self.shortProvinceName)
    }

    /// 山西省 → 山西, 广西壮族自治区 → 广西, 上海市 → 上海.
    static func shortProvinceName(_ name: String) -> String {
        var short = name.trimmingCharacters(in: .whitespaces)
        for suffix in ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"] where short.hasSuffix(suffix) && short.count > suffix.count {
            short.removeLast(suffix.count)
            break
        }
        return short
    }

    /// The layers of the rule profile as a planner reads them: ZoneCalc's bundled national values, the
    /// bundled profile of the province when ZoneCalc has one, the project's rules folder.
    public var profile: Bilingual {
        var parts = [Bilingual("ZoneCalc 内置规则（全国）", "ZoneCalc's bundled rules (national)")]
        if let province {
            if let root = Bundle.module.resourceURL?.appendingPathComponent("Rules/provinces/\(province)"),
               FileManager.default.fileExists(atPath: root.path) {
                parts.append(Bilingual("ZoneCalc 内置\(province)省规则", "ZoneCalc's bundled \(province) profile"))
            } else {
                parts.append(Bilingual("（ZoneCalc 没有\(province)省规则，用全国规则）", "(ZoneCalc has no \(province) profile: national rules)"))
            }
        }
        if let folder { parts.append(Bilingual("项目规则文件夹 \(folder)", "the project's rules folder \(folder)")) }
        return parts.dropFirst().reduce(parts[0]) { $0 + Bilingual(verbatim: " → ") + $1 }
    }

    /// The bundled profile of the project's province for `name`, when ZoneCalc ships one.
    public func provinceURL(_ name: String) -> URL? {
        guard let province else { return nil }
        let file = name as NSString
        return Bundle.module.url(forResource: file.deletingPathExtension, withExtension: file.pathExtension,
                                 subdirectory: "Rules/provinces/\(province)")
    }

    /// The copies of `name` in the order they are layered — the bundled one (national values), the
    /// bundled profile of the project's province, the project's — with their names for reports:
    /// "Rules/name" (the copy inside ZoneCalc), "Rules/provinces/山西/name", the project copy's path.
    func layers(of name: String) throws(ZoneCalcError) -> [(path: String, name: String)] {
        var copies = [(path: try RuleFiles().url(name).path, name: "Rules/\(name)")]
        if let copy = provinceURL(name), let province {
            copies.append((copy.path, "Rules/provinces/\(province)/\(name)"))
        }
        let project = try url(name).path
        if !copies.contains(where: { $0.path == project }) { copies.append((project, project)) }
        return copies
    }

    /// The rule files of a project (`rules:` is relative to the project file).
    public init(project: ZoneProject) {
        guard let rules = project.rules, !rules.isEmpty else { self.init(province: project.province); return }
        let base = (project.path as NSString).deletingLastPathComponent
        self.init(folder: rules.hasPrefix("/") || base.isEmpty ? rules : (base as NSString).appendingPathComponent(rules),
                  province: project.province)
    }

    /// The file `name` (e.g. "evaluation-profile.yaml").
    public func url(_ name: String) throws(ZoneCalcError) -> URL {
        if let folder {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        let file = name as NSString
        guard let url = Bundle.module.url(forResource: file.deletingPathExtension, withExtension: file.pathExtension, subdirectory: "Rules") else {
            throw .invalidArgument(Bilingual("本安装缺少内置规则文件 \(name)", "the bundled rule file \(name) is missing from this installation"))
        }
        return url
    }
}
