import Foundation

/// Runs work over chunks on worker threads while the caller's thread produces the chunks, and
/// returns the results in chunk order, so output never depends on the number of workers.
///
/// Each worker builds its own state (GEOS/PROJ contexts) on its own thread with `makeWorker` and
/// keeps it for its life: thread confinement by construction. When the system gives fewer threads
/// than asked, the ones it gave do the work; when it gives none, the calling thread does.
public enum OrderedPipeline {
    /// - Parameters:
    ///   - workers: worker threads (at least 1).
    ///   - produce: called on the caller's thread; hands each chunk to `emit`, in order.
    ///   - makeWorker: builds one worker's state, on that worker's thread.
    ///   - process: turns a chunk into its result with the worker's state.
    public static func run<Chunk: Sendable, Output: Sendable, Worker>(
        workers: Int,
        produce: (_ emit: (Chunk) -> Void) throws -> Void,
        makeWorker: @escaping @Sendable () -> Worker,
        process: @escaping @Sendable (inout Worker, Chunk) -> Output
    ) rethrows -> [Output] {
        try run(workers: workers, produce: produce, makeWorker: makeWorker, process: process, startThread: WorkerThread.start)
    }

    /// ``run(workers:produce:makeWorker:process:)`` with the way threads are started given (for tests).
    static func run<Chunk: Sendable, Output: Sendable, Worker>(
        workers: Int,
        produce: (_ emit: (Chunk) -> Void) throws -> Void,
        makeWorker: @escaping @Sendable () -> Worker,
        process: @escaping @Sendable (inout Worker, Chunk) -> Output,
        startThread: (@escaping @Sendable () -> Void) -> Bool
    ) rethrows -> [Output] {
        let queue = ChunkQueue<Chunk, Output>(capacity: 2 * min(max(1, workers), ParallelLayerScan.maximumWorkers))
        let count = min(max(1, workers), ParallelLayerScan.maximumWorkers)
        let done = DispatchGroup()
        var started = 0
        for _ in 0..<count {
            done.enter()
            let running = startThread {
                var worker = makeWorker()
                while let (index, chunk) = queue.take() {
                    queue.deliver(index, process(&worker, chunk))
                }
                done.leave()
            }
            guard running else { done.leave(); break }  // the system has no more threads to give
            started += 1
        }
        if started == 0 {
            // Not one worker thread: the calling thread does the work, chunk by chunk, in order.
            var worker = makeWorker()
            var outputs: [Output] = []
            try produce { outputs.append(process(&worker, $0)) }
            return outputs
        }
        do {
            try produce { queue.put($0) }
        } catch {
            queue.finish()
            done.wait()
            throw error
        }
        queue.finish()
        done.wait()
        return queue.results()
    }
}

/// A bounded queue of numbered chunks and the slots for their results.
private final class ChunkQueue<Chunk: Sendable, Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending = FirstInFirstOut<(Int, Chunk)>()
    private var nextIndex = 0
    private var finished = false
    private var outputs: [Int: Output] = [:]
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ chunk: Chunk) {
        condition.lock()
        while pending.count >= capacity { condition.wait() }
        pending.append((nextIndex, chunk))
        nextIndex += 1
        condition.broadcast()
        condition.unlock()
    }

    func take() -> (Int, Chunk)? {
        condition.lock()
        defer { condition.unlock() }
        while pending.count == 0 && !finished { condition.wait() }
        guard let item = pending.removeFirst() else { return nil }
        condition.broadcast()
        return item
    }

    func deliver(_ index: Int, _ output: Output) {
        condition.lock()
        outputs[index] = output
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func results() -> [Output] {
        condition.lock()
        defer { condition.unlock() }
        return (0..<nextIndex).compactMap { outputs[$0] }
    }
}
