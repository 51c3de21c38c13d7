import Foundation

/// One proposal of a batch: its file and its check, or why it could not be checked.
public struct ProposalBatchItem: Sendable {
    public var file: SourceSpec
    public var result: Result<ProposalReport, ZoneCalcError>
}

/// `zonecalc proposal check --each`: every file its own proposal, checked separately against the same
/// project. Files are spread over the cores — each worker with its own analysis frame, so nothing is
/// shared between threads — and the results come back in the order of the files; a file that cannot
/// be checked is reported with its error while the others go on.
public enum ProposalBatchJob {
    /// - Parameters:
    ///   - options: what every check shares (CRS of the files); its files are replaced by each file in turn.
    ///   - checked: called (on any thread) as each file is done, for the progress meter.
    public static func run(project: ZoneProject, files: [SourceSpec], options: ProposalOptions,
                           workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                           checked: @escaping @Sendable () -> Void = {}) -> [ProposalBatchItem] {
        let results = BatchResults(count: files.count)
        let threads = max(1, min(workers, files.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var frame: Result<AnalysisFrame, ZoneCalcError>?
            while let index = results.next() {
                if frame == nil {
                    do { frame = .success(try AnalysisFrame(project: project, workers: 1)) } catch { frame = .failure(ZoneCalcError(error, source: project.path)) }
                }
                var each = options
                each.files = [files[index]]
                let result: Result<ProposalReport, ZoneCalcError>
                switch frame! {
                case .success(let frame):
                    do { result = .success(try ProposalJob.run(frame: frame, options: each)) } catch { result = .failure(ZoneCalcError(error, source: files[index].path)) }
                case .failure(let error):
                    result = .failure(error)
                }
                results.set(index, ProposalBatchItem(file: files[index], result: result))
                checked()
            }
        }
        return results.items
    }
}

/// The batch's results, filled by index from the workers under a lock.
private final class BatchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ProposalBatchItem?]
    private var nextIndex = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < slots.count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func set(_ index: Int, _ item: ProposalBatchItem) { lock.lock(); slots[index] = item; lock.unlock() }

    var items: [ProposalBatchItem] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}
