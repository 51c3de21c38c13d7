import Foundation

/// Runs one job per partition concurrently (one thread each) and returns their results in
/// partition order. Each job builds its own file handles and contexts: nothing is shared.
public enum PartitionedRun {
    public static func run<Part: Sendable, Output: Sendable>(
        _ parts: [Part], _ job: @escaping @Sendable (Part) throws -> Output
    ) throws -> [Output] {
        let results = ResultSlots<Output>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            results.set(index, Result { try job(parts[index]) })
        }
        return try results.values().map { try $0.get() }
    }

    /// `0..<count` cut into at most `workers` consecutive, nearly equal ranges (at least one).
    public static func ranges(_ count: Int, workers: Int) -> [Range<Int>] {
        let parts = max(1, min(workers, count))
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }
}

/// Result slots written by concurrent jobs, one slot each.
private final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Output, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Output, any Error>) {
        lock.lock(); slots[index] = value; lock.unlock()
    }

    func values() -> [Result<Output, any Error>] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}
