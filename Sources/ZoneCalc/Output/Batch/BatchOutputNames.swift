import Foundation

/// The names of a batch's outputs, one per input: the file's name without its extension (and its
/// layer, when one was named), numbered when two inputs would get the same name — `x`, `x-2`, `x-3`,
/// never a name another input has of its own or one of `reserved` (a batch's summary).
public enum BatchOutputNames {
    public static func stems(_ files: [SourceSpec], reserved: Set<String> = []) -> [String] {
        let bases = files.map { spec in
            var stem = ((spec.path as NSString).lastPathComponent as NSString).deletingPathExtension
            if let layer = spec.layer { stem += "_" + layer }
            return stem.replacingOccurrences(of: "/", with: "_")
        }
        var taken = reserved
        return bases.map { base in
            var name = base
            var number = 1
            while taken.contains(name) || (name != base && bases.contains(name)) {
                number += 1
                name = "\(base)-\(number)"
            }
            taken.insert(name)
            return name
        }
    }
}
