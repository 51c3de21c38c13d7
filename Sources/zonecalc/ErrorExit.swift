import ArgumentParser
import Foundation
import ZoneCalc

/// Runs a command body, then lists the files it wrote (`已写出 PATH（N 条）`: on stdout, or on stderr when
/// stdout carries JSON); turns every library error into a planner's message on stderr and its exit status.
/// With `append` (`--append`), the outputs add their layers to an existing GeoPackage or FileGDB.
func reportingErrors(source: String, json: Bool = false, append: Bool = false, _ body: () throws -> Void) throws {
    // Progress only on a terminal: stderr redirected to a file or a pipe gets nothing extra.
    let meter = isatty(STDERR_FILENO) != 0 ? ProgressMeter(language: RunLanguage.current) { line in
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    } : nil
    do {
        do {
            defer { meter?.finish() }   // the progress line is cleared before anything else is printed
            try ProgressMeter.$current.withValue(meter) { try SafeOutput.appending(append, body) }
        }
        // By path: the outputs of a batch are put in place in the order its inputs finish.
        let lines = SafeOutput.written.sorted { $0.path < $1.path }.map { $0.line(RunLanguage.current) + "\n" }.joined()
        if json { FileHandle.standardError.write(Data(lines.utf8)) } else { print(lines, terminator: "") }
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        let mapped = ZoneCalcError(error, source: source)
        FileHandle.standardError.write(Data("zonecalc: \(mapped.message(RunLanguage.current))\n".utf8))
        throw ExitCode(mapped.exitStatus.rawValue)
    }
}

extension ExitCode {
    /// The exit code of a status in the one table.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
