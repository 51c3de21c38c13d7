import Foundation
import Testing
@testable import ZoneCalc

/// Reading ahead keeps the order, stops both sides on an error from either, and works without a thread.
@Suite struct ReadAheadTests {
    struct Failure: Error, Equatable { let at: Int }

    /// Consumes the items `produce` makes; the items consumed and the error, if any.
    private func consumed(threads: Bool, batchSize: Int = 7, failingConsumerAt: Int? = nil,
                          produce: @escaping @Sendable ((Int) throws -> Void) throws -> Void) -> ([Int], Error?) {
        var items: [Int] = []
        do {
            try ReadAhead.run(batchSize: batchSize, capacity: 2, produce: produce, consume: { item in
                if item == failingConsumerAt { throw Failure(at: item) }
                items.append(item)
            }, startThread: threads ? WorkerThread.start : { _ in false })
            return (items, nil)
        } catch {
            return (items, error)
        }
    }

    @Test(arguments: [true, false]) func everyItemArrivesInOrder(threads: Bool) {
        let (items, error) = consumed(threads: threads) { emit in for item in 0..<1000 { try emit(item) } }
        #expect(error == nil)
        #expect(items == Array(0..<1000))
    }

    /// The producer's error comes after every item it made before it.
    @Test(arguments: [true, false]) func aProducerErrorFollowsItsItems(threads: Bool) {
        let (items, error) = consumed(threads: threads) { emit in
            for item in 0..<100 { try emit(item) }
            throw Failure(at: 100)
        }
        #expect(items == Array(0..<100))
        #expect(error as? Failure == Failure(at: 100))
    }

    /// A consumer that fails stops the producer, which has ended by the time the error is rethrown.
    @Test(arguments: [true, false]) func aConsumerErrorStopsTheProducer(threads: Bool) {
        let produced = NSLock()
        nonisolated(unsafe) var last = -1
        nonisolated(unsafe) var ended = false
        let (items, error) = consumed(threads: threads, failingConsumerAt: 50) { emit in
            defer { produced.lock(); ended = true; produced.unlock() }
            for item in 0..<100_000 {
                try emit(item)
                produced.lock(); last = item; produced.unlock()
            }
        }
        #expect(items == Array(0..<50))
        #expect(error as? Failure == Failure(at: 50))
        produced.lock(); defer { produced.unlock() }
        #expect(ended)
        #expect(last < 50 + 7 * 3 + 7, "the producer ran on to \(last): at most the batches in between and one being filled")
    }
}
