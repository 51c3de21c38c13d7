import Foundation

/// How far a long run has got, for a terminal: the step it is in (reading and measuring, overlaying,
/// checking pairs, writing), the count done and, when the total is known, the share and an estimate of
/// the time left. Analyses and writers report to ``current``, which the command line sets only when
/// stderr is a terminal, so nothing extra is written otherwise. It hands a line to `show` at most five
/// times a second. Thread-safe: workers advance it from their threads.
public final class ProgressMeter: @unchecked Sendable {
    /// The meter of the running command, nil when nothing shows progress.
    @TaskLocal public static var current: ProgressMeter?

    private let lock = NSLock()
    private let language: Language
    private let show: @Sendable (String) -> Void
    private var step = Bilingual("", "")
    private var total: Int?
    private var done = 0
    private var started = Date()
    private var last = Date.distantPast

    /// - Parameter show: receives lines such as "逐宗检查 412000 / 1000000（41%），约剩 6 秒", and "" at the end.
    public init(language: Language, show: @escaping @Sendable (String) -> Void) {
        self.language = language
        self.show = show
    }

    /// Starts a step of `total` items (nil when unknown).
    public func start(_ step: Bilingual, total: Int?) {
        lock.lock()
        (self.step, self.total, done, started, last) = (step, total, 0, Date(), .distantPast)
        lock.unlock()
    }

    /// `count` more items are done.
    public func advance(_ count: Int) {
        lock.lock()
        done += count
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.2 else { lock.unlock(); return }
        last = now
        let line = Self.line(step.text(language), done: done, total: total, elapsed: now.timeIntervalSince(started), language: language)
        lock.unlock()
        show(line)
    }

    /// The run is over: the line is cleared.
    public func finish() { show("") }

    /// The text of one progress line.
    static func line(_ step: String, done: Int, total: Int?, elapsed: TimeInterval, language: Language) -> String {
        guard let total, total > 0 else { return "\(step) \(done)" }
        let shown = min(done, total)
        let percent = shown * 100 / total
        var line = language == .zh ? "\(step) \(shown) / \(total)（\(percent)%）" : "\(step) \(shown) / \(total) (\(percent) %)"
        if elapsed >= 1, shown > 0, shown < total {
            let left = Int((elapsed * Double(total - shown) / Double(shown)).rounded(.up))
            line += language == .zh ? "，约剩 \(left) 秒" : ", about \(left) s left"
        }
        return line
    }
}
