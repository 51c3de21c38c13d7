extension Substring {
    /// The text without leading and trailing Unicode white space (including the ideographic
    /// space U+3000), as the boundary-point txt reader trims lines, keys and fields.
    ///
    /// Pure standard library: Foundation's `trimmingCharacters(in:)` goes through NSString
    /// on Linux and dominated the reading time of large files.
    var trimmedTxtField: String {
        guard let first = unicodeScalars.firstIndex(where: { !isTxtWhitespace($0) }),
              let last = unicodeScalars.lastIndex(where: { !isTxtWhitespace($0) }) else { return "" }
        return String(unicodeScalars[first...last])
    }
}

/// Unicode white space, with ASCII answered without a property lookup.
private func isTxtWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII ? scalar == " " || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}" : scalar.properties.isWhitespace
}

extension String {
    /// The text without leading and trailing Unicode white space; see `Substring.trimmedTxtField`.
    var trimmedTxtField: String {
        self[...].trimmedTxtField
    }
}
