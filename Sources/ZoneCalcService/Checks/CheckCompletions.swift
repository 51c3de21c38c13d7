import Foundation

/// Who waits for which check to end: a client asking for a check with `wait` is answered the moment
/// its check is final, not at its next look; every wait ends when the service shuts down.
actor CheckCompletions {
    private var waiting: [String: [UUID: CheckedContinuation<Void, Never>]] = [:]
    /// The service is shutting down: no wait starts, none goes on.
    private(set) var isClosed = false

    /// Returns when check `id` ends, after `seconds`, or when the service shuts down, whichever comes
    /// first; at once when `isFinal` (asked once the wait is registered, so that an end in between
    /// is not missed) says it has ended already.
    func wait(for id: String, seconds: TimeInterval, unlessFinal isFinal: @Sendable () -> Bool) async {
        guard !isClosed else { return }
        let token = UUID()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiting[id, default: [:]][token] = continuation
            if isFinal() { resume(id, token); return }
            Task { [weak self] in
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
                await self?.resume(id, token)
            }
        }
    }

    /// Check `id` has ended (or a client waiting for it has gone): every wait for it returns.
    func ended(_ id: String) {
        for continuation in (waiting.removeValue(forKey: id) ?? [:]).values { continuation.resume() }
    }

    /// The service shuts down: every wait returns now, and any later one at once.
    func close() {
        isClosed = true
        for continuations in waiting.values { for continuation in continuations.values { continuation.resume() } }
        waiting = [:]
    }

    private func resume(_ id: String, _ token: UUID) {
        guard let continuation = waiting[id]?.removeValue(forKey: token) else { return }
        if waiting[id]?.isEmpty == true { waiting[id] = nil }
        continuation.resume()
    }
}
