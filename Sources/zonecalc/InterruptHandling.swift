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
                RendererWork.abandon()
                let message = !abandoned.isEmpty && wroteAny
                    ? Bilingual("已中断；未向 \(abandoned.joined(separator: "、")) 写入任何内容，此前已写出的输出完整保留。",
                                "interrupted; nothing was written to \(abandoned.joined(separator: ", ")); the outputs written before it are complete.")
                    : !abandoned.isEmpty
                    ? Bilingual("已中断；未向 \(abandoned.joined(separator: "、")) 写入任何内容。", "interrupted; nothing was written to \(abandoned.joined(separator: ", ")).")
                    : wroteAny ? Bilingual("已中断；输出此前已写出。", "interrupted after its outputs were written.")
                    : Bilingual("已中断；没有写出任何输出。", "interrupted; no output was written.")
                FileHandle.standardError.write(Data("zonecalc: \(message.inRun)\n".utf8))
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
