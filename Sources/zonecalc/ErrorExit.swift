import ArgumentParser
import Foundation
import ZoneCalc

/// Runs a command body and turns ZoneCalc errors into a message on stderr and an exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ZoneCalcError {
        FileHandle.standardError.write(Data("zonecalc: \(error.description)\n".utf8))
        throw ExitCode(error.exitCode)
    }
}
