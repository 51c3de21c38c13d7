import Foundation

/// Progress of a long QC run, for a terminal: counts features as workers finish them and hands a
/// line to `show` at most five times a second. Thread-safe.
public final class QCProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let show: @Sendable (String) -> Void
    private var phase = ""
    private var total = 0
    private var done = 0
    private var last = Date.distantPast

    /// - Parameter show: receives lines such as "qc: topology 412 000 / 1 000 000 (41 %)".
    public init(show: @escaping @Sendable (String) -> Void) { self.show = show }

    func start(_ phase: String, total: Int) {
        lock.lock(); self.phase = phase; self.total = total; done = 0; last = .distantPast; lock.unlock()
    }

    func advance(_ count: Int) {
        lock.lock()
        done += count
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.2 else { lock.unlock(); return }
        last = now
        let line = total > 0 ? "qc: \(phase) \(done) / \(total) (\(done * 100 / max(total, 1)) %)" : "qc: \(phase) \(done)"
        lock.unlock()
        show(line)
    }

    func finish() { show("") }
}
