import ArgumentParser
import Foundation
import ZoneCalc

/// A batch of `area`, `qc`, `convert` or `info`: the files the arguments name, each processed on its
/// own with the same options — small ones side by side over the cores, large ones one at a time with
/// every core — its output written into the output folder as `<file name>.<ext>`, and one summary
/// (`summary.xlsx` in the folder, and on the terminal). An input that fails is reported in the summary
/// while the others go on; each input's output is in place complete, or absent.
struct LayerBatch {
    /// Inputs above this size run one at a time with every worker.
    static let largeInputBytes: Int64 = 64 << 20

    /// The folder a batch writes into, and the format of each input's output in it (`-o FOLDER --as EXT`).
    struct OutputFolder {
        let path: String
        /// Without a dot, in lower case.
        let fileExtension: String
    }

    let files: [SourceSpec]
    /// Each input's output path, when there is an output folder.
    let outputs: [String?]
    let folder: String?
    let force: Bool
    let workers: Int

    /// - Parameter output: where the outputs go (-o with --as), nil for none.
    init(_ arguments: [String], source: SourceOptions, output: OutputFolder?, force: Bool, workers: Int?) throws {
        var files = try InputFiles.expand(arguments)
        for index in files.indices { files[index].encoding = source.encoding }
        self.files = files
        self.folder = output?.path
        self.force = force
        self.workers = workers ?? ProcessInfo.processInfo.activeProcessorCount
        if let output {
            let stems = BatchOutputNames.stems(files, reserved: [(BatchSummary.fileName as NSString).deletingPathExtension])
            outputs = stems.map { (output.path as NSString).appendingPathComponent($0 + "." + output.fileExtension) }
        } else {
            outputs = files.map { _ in nil }
        }
    }

    /// Refuses, before any work, outputs (and the summary) that exist without --force or are inputs, in
    /// formats ZoneCalc writes, and an output folder that is a file.
    func checkFirst(inputs: [String]) throws {
        guard let folder else { return }
        for case let output? in outputs { _ = try OutputFormat(path: output) }
        try SafeOutput.checkFolder(folder, holding: outputs.compactMap { $0.map { ($0 as NSString).lastPathComponent } } + [BatchSummary.fileName],
                                   inputs: inputs + files.map(\.path), force: force)
    }

    /// Runs `job(file, output, workers)` for every input, with progress, and gives the results in the
    /// order of the inputs.
    func run<Value: Sendable>(_ step: Bilingual, _ job: @escaping @Sendable (SourceSpec, String?, Int) throws -> Value) throws -> [BatchItem<Value>] {
        if let folder {
            _ = try SafeOutput.makeFolder(folder)
            // An earlier run's summary would describe other outputs if this run were interrupted.
            if force { SafeOutput.removeEarlierOutput((folder as NSString).appendingPathComponent(BatchSummary.fileName)) }
        }
        let meter = ProgressMeter.current
        meter?.start(step, total: files.count)
        let (files, outputs, force) = (self.files, self.outputs, self.force)
        return BatchRun.map(count: files.count, workers: workers, alone: { InputFiles.bytes(files[$0]) > Self.largeInputBytes },
                            done: { meter?.advance(1) }) { index, workers in
            do {
                // Each input's output is put in place complete, or not at all, whatever happens to the others.
                let value = try SafeOutput.separately { try job(files[index], outputs[index], workers) }
                return BatchItem(file: files[index], result: .success(value), output: outputs[index].map { ($0 as NSString).lastPathComponent })
            } catch {
                if force, let output = outputs[index] { SafeOutput.removeEarlierOutput(output) }
                return BatchItem(file: files[index], result: .failure(ZoneCalcError(error, source: files[index].path)))
            }
        }
    }

    /// Writes the summary into the folder (when there is one), prints it (or its JSON), and returns the
    /// batch's exit status.
    func finish(_ summary: BatchSummary, json: Bool, inputs: [String]) throws -> ExitStatus {
        // The table first: it says what became of each input even when the workbook cannot be written.
        print(json ? try summary.json() : summary.text(RunLanguage.current), terminator: json ? "\n" : "")
        if let folder {
            try summary.write(to: (folder as NSString).appendingPathComponent(BatchSummary.fileName), language: RunLanguage.current,
                              inputs: inputs + files.map(\.path), force: force)
        }
        return summary.worst
    }
}
