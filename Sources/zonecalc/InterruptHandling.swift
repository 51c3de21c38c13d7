import Dispatch
import Foundation
import ZoneCalc

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP (a closed terminal or ssh session): the outputs not yet in place are removed, the user is told that nothing
/// was written, and zonecalc exits with 128 + the signal number, as shells expect. An output already being
/// renamed into place is finished first (``SafeOutput``), so a destination is never left half-replaced.
enum InterruptHandling {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)  // delivered to the dispatch source instead
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                let (abandoned, wroteAny) = SafeOutput.abandonPending()
                let message = !abandoned.isEmpty ? "zonecalc: interrupted; nothing was written to \(abandoned.joined(separator: ", ")).\n"
                    : wroteAny ? "zonecalc: interrupted after its outputs were written.\n" : "zonecalc: interrupted; no output was written.\n"
                FileHandle.standardError.write(Data(message.utf8))
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
