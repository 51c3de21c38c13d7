import Foundation

/// The names of a batch's outputs, one per input: the file's name without its extension (and its
/// layer, when one was named), numbered when two inputs would get the same name.
public enum BatchOutputNames {
    public static func stems(_ files: [SourceSpec]) -> [String] {
        var used: [String: Int] = [:]
        return files.map { spec in
            var stem = ((spec.path as NSString).lastPathComponent as NSString).deletingPathExtension
            if let layer = spec.layer { stem += "_" + layer }
            stem = stem.replacingOccurrences(of: "/", with: "_")
            used[stem, default: 0] += 1
            return used[stem]! == 1 ? stem : "\(stem)-\(used[stem]!)"
        }
    }
}
