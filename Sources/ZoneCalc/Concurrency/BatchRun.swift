import Foundation

/// Runs one job per input of a batch over the cores and gives the results in the order of the inputs,
/// whatever order they finish in, so a batch's output is the same at any thread count.
///
/// Jobs run without the progress meter (``ProgressMeter/current`` is nil inside them): the batch
/// counts inputs, and `done` is called as each one finishes.
public enum BatchRun {
    /// Runs `job` for each index of `0..<count` on up to `threads` threads, each thread with its own
    /// state, made by `state` on that thread before its first job (an analysis frame, say, which no two
    /// threads share).
    public static func map<State, Value: Sendable>(count: Int, threads: Int, state: @escaping @Sendable () -> State,
                                                   done: @escaping @Sendable () -> Void = {},
                                                   _ job: @escaping @Sendable (inout State, Int) -> Value) -> [Value] {
        let results = Slots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
            ProgressMeter.$current.withValue(nil) {
                var own: State?
                while let index = results.next() {
                    if own == nil { own = state() }
                    results.set(index, job(&own!, index))
                    done()
                }
            }
        }
        return results.values
    }

    /// Runs `job(index, workers)` for each index of `0..<count`: the inputs `alone` picks (large ones)
    /// one after another with every worker each, then the others side by side, one worker each.
    public static func map<Value: Sendable>(count: Int, workers: Int, alone: (Int) -> Bool,
                                            done: @escaping @Sendable () -> Void = {},
                                            _ job: @escaping @Sendable (_ index: Int, _ workers: Int) -> Value) -> [Value] {
        let picked = (0..<count).map(alone)
        let large = (0..<count).filter { picked[$0] }
        let small = (0..<count).filter { !picked[$0] }
        var values = [Value?](repeating: nil, count: count)
        for index in large {
            values[index] = ProgressMeter.$current.withValue(nil) { job(index, workers) }
            done()
        }
        let side = map(count: small.count, threads: workers, state: {}, done: done) { _, position in job(small[position], 1) }
        for (index, value) in zip(small, side) { values[index] = value }
        return values.map { $0! }
    }
}

/// Results filled by index from several threads under a lock, with the next index to take.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var nextIndex = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < slots.count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func set(_ index: Int, _ value: Value) { lock.lock(); slots[index] = value; lock.unlock() }

    var values: [Value] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}
