import ArgumentParser
import Foundation
import ZoneCalc

/// Runs a command body and turns every library error into a planner's message on stderr and an exit code.
func reportingErrors(source: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        let mapped = ZoneCalcError(error, source: source)
        FileHandle.standardError.write(Data("zonecalc: \(mapped.description)\n".utf8))
        throw ExitCode(mapped.exitCode)
    }
}
