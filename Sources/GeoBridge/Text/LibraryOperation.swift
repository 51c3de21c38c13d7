/// What a library call was doing when it failed, said in English and in Chinese ("reading features" /
/// "读取要素"), so that an error can name it in a planner's language.
///
/// The phrase is written where the operation is known, here; the sentence around it — and the choice of
/// language — belongs to the layer that talks to the planner, so GeoBridge needs no language of its own.
/// What the library itself said stays in the error's messages, as it said it.
public struct LibraryOperation: Sendable, Equatable, CustomStringConvertible {
    /// The operation in English, as in `GDALError.description`.
    public var en: String
    /// The operation in Chinese, a verb phrase that reads after the library's name ("GDAL 读取要素失败").
    public var zh: String

    public init(_ en: String, zh: String) { self.en = en; self.zh = zh }

    public var description: String { en }
}

extension LibraryOperation {
    /// Opening a dataset: when it fails, the file named is at fault.
    public static let opening = LibraryOperation("opening", zh: "打开")
    /// Reading the features of a layer.
    public static let readingFeatures = LibraryOperation("reading features", zh: "读取要素")
}
