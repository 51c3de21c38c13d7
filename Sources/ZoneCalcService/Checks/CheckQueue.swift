/// The checks waiting and running: at most `concurrency` at a time (one per core), at most `capacity`
/// waiting; a submission past that is refused, not held.
actor CheckQueue {
    let concurrency: Int
    let capacity: Int
    private var waiting: [String] = []
    private var running = 0
    private var reserved = 0
    private let work: @Sendable (String) async -> Void

    init(concurrency: Int, capacity: Int, work: @escaping @Sendable (String) async -> Void) {
        self.concurrency = max(1, concurrency)
        self.capacity = max(1, capacity)
        self.work = work
    }

    /// Holds `count` places for checks about to be recorded.
    /// - Throws: `busy` when the queue has not that many free.
    func reserve(_ count: Int) throws(ServiceError) {
        guard waiting.count + reserved + count <= capacity else { throw .busy }
        reserved += count
    }

    /// Gives back places reserved for checks that were not recorded.
    func release(_ count: Int) { reserved = max(0, reserved - count) }

    /// Queues a recorded check, in a place reserved for it when there is one.
    func enqueue(_ id: String) {
        if reserved > 0 { reserved -= 1 }
        waiting.append(id)
        startWaiting()
    }

    /// The checks waiting, and those running.
    var load: (waiting: Int, running: Int) { (waiting.count, running) }

    private func startWaiting() {
        while running < concurrency, !waiting.isEmpty {
            let id = waiting.removeFirst()
            running += 1
            Task.detached { [work] in
                await work(id)
                await self.ended()
            }
        }
    }

    private func ended() {
        running -= 1
        startWaiting()
    }
}
