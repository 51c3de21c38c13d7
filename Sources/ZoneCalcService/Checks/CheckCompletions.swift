import Foundation

/// Who waits for which check to end: a client asking for a check with `wait` is answered the moment
/// its check is final, not at its next look.
actor CheckCompletions {
    private var waiting: [String: [UUID: CheckedContinuation<Void, Never>]] = [:]

    /// Returns when check `id` ends or after `seconds`, whichever comes first.
    func wait(for id: String, seconds: TimeInterval) async {
        let token = UUID()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiting[id, default: [:]][token] = continuation
            Task { [weak self] in
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
                await self?.resume(id, token)
            }
        }
    }

    /// Check `id` has ended: every wait for it returns.
    func ended(_ id: String) {
        for continuation in (waiting.removeValue(forKey: id) ?? [:]).values { continuation.resume() }
    }

    private func resume(_ id: String, _ token: UUID) {
        guard let continuation = waiting[id]?.removeValue(forKey: token) else { return }
        if waiting[id]?.isEmpty == true { waiting[id] = nil }
        continuation.resume()
    }
}
