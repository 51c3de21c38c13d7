import Foundation

/// Names of uploaded files: as shown to the user, and as stored on the server's disk.
enum UploadNames {
    /// The name without any folder a browser or client put before it (either slash), and without
    /// control characters.
    static func displayed(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(String.UnicodeScalarView(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }))
        return clean.isEmpty ? "file" : clean
    }

    /// A name safe to store: the displayed name with no leading dot and at most 100 characters, its
    /// extension kept.
    static func safe(_ name: String) -> String {
        var clean = displayed(name)
        while clean.hasPrefix(".") { clean.removeFirst() }
        if clean.isEmpty || clean == "." || clean == ".." { clean = "file" }
        if clean.count > 100 {
            let fileExtension = (clean as NSString).pathExtension
            clean = String(clean.prefix(90)) + (fileExtension.isEmpty ? "" : "." + String(fileExtension.prefix(9)))
        }
        return clean
    }
}
