import ArgumentParser
import Foundation
import ZoneCalc

/// Runs a command body and turns every library error into a planner's message on stderr and its exit status.
func reportingErrors(source: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        let mapped = ZoneCalcError(error, source: source)
        FileHandle.standardError.write(Data("zonecalc: \(mapped.description)\n".utf8))
        throw ExitCode(mapped.exitStatus.rawValue)
    }
}

extension ExitCode {
    /// The exit code of a status in the one table.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
