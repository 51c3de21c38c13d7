import Foundation

/// Finds a rule data file: in the project's rule-profile folder when it has one by that name,
/// otherwise the copy bundled with ZoneCalc. Thresholds and code lists live in these files, not in
/// code, so that a province can ship its own profile.
public struct RuleFiles: Sendable {
    /// The profile folder, already resolved against the project file's folder; nil = bundled only.
    public var folder: String?

    public init(folder: String? = nil) { self.folder = folder }

    /// The rule files of a project (`rules:` is relative to the project file).
    public init(project: ZoneProject) {
        guard let rules = project.rules, !rules.isEmpty else { self.init(); return }
        let base = (project.path as NSString).deletingLastPathComponent
        self.init(folder: rules.hasPrefix("/") || base.isEmpty ? rules : (base as NSString).appendingPathComponent(rules))
    }

    /// The file `name` (e.g. "evaluation-profile.yaml").
    public func url(_ name: String) throws(ZoneCalcError) -> URL {
        if let folder {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        let file = name as NSString
        guard let url = Bundle.module.url(forResource: file.deletingPathExtension, withExtension: file.pathExtension, subdirectory: "Rules") else {
            throw .invalidArgument("the bundled rule file \(name) is missing from this installation")
        }
        return url
    }
}
