import Foundation

/// One proposal of a batch: its file and its check, or why it could not be checked.
public typealias ProposalBatchItem = BatchItem<ProposalReport>

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
        BatchRun.map(count: files.count, threads: workers, state: { () -> Result<AnalysisFrame, ZoneCalcError> in
            do { return .success(try AnalysisFrame(project: project, workers: 1)) } catch { return .failure(ZoneCalcError(error, source: project.path)) }
        }, done: checked) { frame, index in
            var each = options
            each.files = [files[index]]
            let result: Result<ProposalReport, ZoneCalcError>
            switch frame {
            case .success(let frame):
                do { result = .success(try ProposalJob.run(frame: frame, options: each)) } catch { result = .failure(ZoneCalcError(error, source: files[index].path)) }
            case .failure(let error):
                result = .failure(error)
            }
            return ProposalBatchItem(file: files[index], result: result)
        }
    }
}
