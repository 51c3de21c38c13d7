import GeoBridge

// The sentences of the library errors in a planner's language. GeoBridge names each operation in both
// languages (`LibraryOperation`); the language and the sentence around it are ZoneCalc's. What the library
// said is quoted as it said it. English is each error's `description`.

extension GDALError {
    /// `PATH[:LAYER]：GDAL 读取要素失败：…` in `language` (no closing full stop).
    public func message(_ language: Language) -> String {
        guard language == .zh else { return description }
        let place = path + (layer.map { ":\($0)" } ?? "")
        return "\(place)：" + failedInChinese("GDAL", operation, messages)
    }
}

extension ProjError {
    /// `PROJ 读取坐标系 '…' 失败：…` in `language` (no closing full stop).
    public func message(_ language: Language) -> String {
        language == .zh ? failedInChinese("PROJ", operation, messages) : description
    }
}

extension GEOSError {
    /// `GEOS 求交失败：…` in `language` (no closing full stop).
    public func message(_ language: Language) -> String {
        language == .zh ? failedInChinese("GEOS", operation, messages) : description
    }
}

/// `GEOS 读取 WKB 失败：…`: the library, the operation, and its messages as it wrote them (nothing when it
/// said nothing). A space sets Latin text off from Chinese, as in the rest of the messages.
private func failedInChinese(_ library: String, _ operation: LibraryOperation, _ messages: [String]) -> String {
    let space = operation.zh.last?.isASCII == true ? " " : ""
    return "\(library) \(operation.zh)\(space)失败" + (messages.isEmpty ? "" : "：" + messages.joined(separator: "；"))
}

extension Bilingual {
    /// What an error says in both languages: a GDAL, PROJ, GEOS or ZoneCalc error in its sentences
    /// (`message(_:)`), any other as it describes itself.
    init(describing error: any Error) {
        switch error {
        case let error as CoordinateOutOfRange: self = error.message
        case let error as ZoneCalcError: self.init(error.message(.zh), error.message(.en))
        case let error as GDALError: self.init(error.message(.zh), error.message(.en))
        case let error as ProjError: self.init(error.message(.zh), error.message(.en))
        case let error as GEOSError: self.init(error.message(.zh), error.message(.en))
        default: self.init(verbatim: "\(error)")
        }
    }
}
