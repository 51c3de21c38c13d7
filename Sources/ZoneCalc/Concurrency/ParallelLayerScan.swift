import GeoBridge

/// Reads a layer once and hands every feature to per-worker state, using both cores:
/// each worker reads its own consecutive part through its own file handle where the format allows
/// (``FeatureLayerReader/partitions(_:)``), otherwise the calling thread reads and workers process
/// chunks. Batches come back in layer order, so results never depend on the number of workers.
public enum ParallelLayerScan {
    /// Features handed to a worker at a time when the calling thread reads.
    static let chunkSize = 1024
    /// More worker threads than this are not started, whatever `--workers` asks (a huge count would only
    /// exhaust the machine).
    public static let maximumWorkers = 64

    /// Features counted at a time on the progress meter.
    static let progressStep = 4096

    /// - Parameters:
    ///   - step: what the scan does, for the progress meter (``ProgressMeter/current``).
    ///   - makeWorker: builds one worker's state on that worker's thread (GEOS/PROJ contexts).
    ///   - process: adds one feature to the worker's current batch.
    public static func run<Worker, Batch: Sendable>(
        _ reader: FeatureLayerReader, fieldIndices: [Int], swapXY: Bool, workers: Int, step: Bilingual,
        makeWorker: @escaping @Sendable () -> Worker,
        newBatch: @escaping @Sendable () -> Batch,
        process handle: @escaping @Sendable (inout Worker, borrowing BorrowedFeature, inout Batch) -> Void
    ) throws(ZoneCalcError) -> [Batch] {
        let workers = min(max(1, workers), maximumWorkers)
        // Worker threads do not inherit task-local values: the meter is taken here and captured.
        let meter = ProgressMeter.current
        meter?.start(step, total: reader.knownFeatureCount)
        let process: @Sendable (inout Worker, borrowing BorrowedFeature, inout Batch) -> Void = { worker, feature, batch in
            handle(&worker, feature, &batch)
            if (feature.index + 1) % progressStep == 0 { meter?.advance(progressStep) }
        }
        do {
            if let parts = try reader.partitions(workers) {
                return try PartitionedRun.run(parts) { part in
                    let partReader = try GDALLayerReader(partition: part)
                    var worker = makeWorker()
                    var batch = newBatch()
                    try partReader.readBorrowed(fieldIndices: fieldIndices, swapXY: swapXY) { process(&worker, $0, &batch) }
                    return batch
                }
            }
            return try OrderedPipeline.run(
                workers: workers,
                produce: { emit in
                    var chunk: [LayerFeature] = []
                    chunk.reserveCapacity(chunkSize)
                    try reader.read(fieldIndices: fieldIndices, swapXY: swapXY) { feature in
                        chunk.append(feature)
                        if chunk.count == chunkSize { emit(chunk); chunk.removeAll(keepingCapacity: true) }
                    }
                    if !chunk.isEmpty { emit(chunk) }
                },
                makeWorker: makeWorker,
                process: { worker, chunk in
                    var batch = newBatch()
                    for feature in chunk { BorrowedFeature.lending(feature) { process(&worker, $0, &batch) } }
                    return batch
                })
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
    }
}
