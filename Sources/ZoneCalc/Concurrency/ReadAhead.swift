import Foundation

/// Reads ahead on a thread of its own while the calling thread consumes, in the order produced: a
/// writer re-reading its source layer for the attributes then spends the time of the slower of the
/// two, not of both. At most `capacity` batches wait in between, so memory stays bounded.
///
/// The producer alone touches what it reads from (a layer reader is confined to its thread for the
/// call); the consumer's side (a GDAL dataset being written, the progress meter) stays on the calling
/// thread. An error on either side stops both and is rethrown on the calling thread; the producer's
/// after every item it produced before it.
enum ReadAhead {
    /// - Parameters:
    ///   - produce: runs on the read-ahead thread; hands each item to `emit`, which throws once the
    ///     consumer has stopped.
    ///   - consume: runs on the calling thread, once per item, in order.
    static func run<Item: Sendable>(batchSize: Int = 256, capacity: Int = 8,
                                    produce: @escaping @Sendable (_ emit: (Item) throws -> Void) throws -> Void,
                                    consume: (Item) throws -> Void) throws {
        try run(batchSize: batchSize, capacity: capacity, produce: produce, consume: consume, startThread: WorkerThread.start)
    }

    /// ``run(batchSize:capacity:produce:consume:)`` with the way the thread is started given (for tests).
    static func run<Item: Sendable>(batchSize: Int, capacity: Int,
                                    produce: @escaping @Sendable (_ emit: (Item) throws -> Void) throws -> Void,
                                    consume: (Item) throws -> Void,
                                    startThread: (@escaping @Sendable () -> Void) -> Bool) throws {
        let channel = BatchChannel<Item>(capacity: capacity)
        let started = startThread {
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            do {
                try produce { item in
                    batch.append(item)
                    if batch.count == batchSize {
                        guard channel.put(batch) else { throw Stopped() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                _ = channel.put(batch)
                channel.finish(error: nil)
            } catch {
                _ = channel.put(batch)
                channel.finish(error: error)
            }
        }
        guard started else {
            // No thread to read ahead on: the calling thread reads and consumes in turn.
            try produce(consume)
            return
        }
        do {
            while let batch = try channel.take() {
                for item in batch { try consume(item) }
            }
        } catch {
            channel.stop()
            throw error
        }
    }

    /// Thrown into the producer when the consumer has stopped; never reaches the caller.
    private struct Stopped: Error {}
}

/// Batches passed from the read-ahead thread to the calling thread, bounded, with the producer's end.
private final class BatchChannel<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches = FirstInFirstOut<[Item]>()
    private var finished = false
    private var failure: Error?
    private var stopped = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room; false when the consumer has stopped (the batch is dropped).
    func put(_ batch: [Item]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        if !batch.isEmpty { batches.append(batch) }
        condition.broadcast()
        return true
    }

    /// The producer has ended, with its error if it failed.
    func finish(error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil at the end; the producer's error once every batch before it was taken.
    func take() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.count == 0 && !finished { condition.wait() }
        guard let batch = batches.removeFirst() else {
            if let failure { throw failure }
            return nil
        }
        condition.broadcast()
        return batch
    }

    /// The consumer has stopped: the producer's next hand-over fails, and this waits until it has ended,
    /// so nothing it reads from outlives the call.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}

extension ReadAhead {
    /// Streams `reader`'s features as ``FeatureLayerReader/read(fieldIndices:swapXY:_:)`` does, read
    /// ahead on a thread of its own while `body` runs on the calling thread. Until this returns, the
    /// read-ahead thread alone uses the reader.
    static func features(of reader: FeatureLayerReader, fieldIndices: [Int], swapXY: Bool,
                         _ body: (LayerFeature) throws -> Void) throws {
        let confined = ConfinedReader(reader: reader)
        try run(produce: { emit in
            try confined.reader.read(fieldIndices: fieldIndices, swapXY: swapXY) { try emit($0) }
        }, consume: body)
    }

    /// A reader handed to the read-ahead thread, which alone uses it while ``features(of:fieldIndices:swapXY:_:)`` runs.
    private struct ConfinedReader: @unchecked Sendable {
        let reader: FeatureLayerReader
    }
}
