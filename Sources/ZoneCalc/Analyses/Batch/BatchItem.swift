import Foundation

/// One input of a batch: its file, what the command made of it or why it could not, and the output
/// written for it.
public struct BatchItem<Value: Sendable>: Sendable {
    public var file: SourceSpec
    public var result: Result<Value, ZoneCalcError>
    /// The file (or folder) written for this input, as the user will find it.
    public var output: String?

    public init(file: SourceSpec, result: Result<Value, ZoneCalcError>, output: String? = nil) {
        self.file = file
        self.result = result
        self.output = output
    }
}
