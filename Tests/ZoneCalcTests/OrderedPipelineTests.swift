import Foundation
import Testing
@testable import ZoneCalc

/// The pipeline once waited for ever when a worker thread could not be created (seen under
/// ThreadSanitizer): it now works with the threads the system gives, or on the calling thread.
@Suite struct OrderedPipelineTests {
    private func squares(workers: Int, threadsGranted: Int) -> [Int] {
        let granted = NSLock()
        nonisolated(unsafe) var remaining = threadsGranted
        return OrderedPipeline.run(
            workers: workers,
            produce: { emit in for chunk in 0..<50 { emit(chunk) } },
            makeWorker: { 0 },
            process: { calls, chunk in calls += 1; return chunk * chunk },
            startThread: { body in
                granted.lock(); defer { granted.unlock() }
                guard remaining > 0 else { return false }
                remaining -= 1
                return WorkerThread.start(body)
            })
    }

    @Test func noThreadAtAllRunsTheWorkOnTheCallingThreadInOrder() {
        #expect(squares(workers: 4, threadsGranted: 0) == (0..<50).map { $0 * $0 })
    }

    @Test func fewerThreadsThanAskedStillFinishInOrder() {
        #expect(squares(workers: 4, threadsGranted: 1) == (0..<50).map { $0 * $0 })
        #expect(squares(workers: 2, threadsGranted: 2) == (0..<50).map { $0 * $0 })
    }
}
