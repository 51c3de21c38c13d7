import Foundation
import ServiceLifecycle
import ZoneCalc

/// Submitting and running checks: an upload becomes one check (its files the pieces of one proposal)
/// or, with `each`, one check per file; each is recorded with its uploads archived unchanged, queued,
/// and run by the engine; its outputs are recorded with their checksums.
public final class CheckService: Sendable {
    public let store: RecordStore
    public let catalog: ZoneCatalog
    public let engine: CheckEngine
    public let limits: UploadLimits
    private let queue: CheckQueue
    private let completions = CheckCompletions()

    /// - Parameters:
    ///   - concurrency: checks run at once, one per core by default.
    ///   - capacity: checks that may wait.
    public init(store: RecordStore, catalog: ZoneCatalog, engine: CheckEngine, limits: UploadLimits = UploadLimits(),
                concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, capacity: Int = 64) {
        self.store = store
        self.catalog = catalog
        self.engine = engine
        self.limits = limits
        let box = WeakService()
        queue = CheckQueue(concurrency: concurrency, capacity: capacity) { id in await box.service?.run(id) }
        box.service = self
    }

    /// Queues again the checks a stop left unfinished.
    public func resume() async throws(ServiceError) {
        for id in try store.requeueUnfinished() { await queue.enqueue(id) }
    }

    /// A folder for an upload as it arrives, inside the data folder (so that archiving it is a rename).
    public func incomingFolder() throws(ServiceError) -> URL {
        let folder = store.folder.appendingPathComponent("incoming").appendingPathComponent(UUID().uuidString)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch { throw .record(folder.path, String(describing: error)) }
        return folder
    }

    /// Records and queues the checks of `upload` (received in `incoming`, which is removed): fields
    /// `zone`, `each` (each file a proposal of its own), `language`; files `pieces` and `removals`.
    /// - Throws: `notFound` for an unknown zone, `badRequest` for no proposal file, `badUpload` for a
    ///   file in no format a proposal comes in or an unsafe zip, `busy` when the queue is full; nothing
    ///   is recorded then.
    public func submit(_ upload: MultipartUpload, from incoming: URL, account: Account) async throws(ServiceError) -> [CheckRecord] {
        defer { try? FileManager.default.removeItem(at: incoming) }
        guard let zoneID = upload.field("zone"), let zone = catalog.zone(zoneID) else {
            throw .notFound(Bilingual("没有这个开发区：\(upload.field("zone") ?? "（未选择）")", "no such zone: \(upload.field("zone") ?? "(none chosen)")"))
        }
        let language = upload.field("language").flatMap(Language.init(rawValue:)) ?? .zh
        let pieces = upload.files.filter { $0.field != "removals" }
        let removals = upload.files.filter { $0.field == "removals" }
        guard !pieces.isEmpty else {
            throw .badRequest(Bilingual("请上传方案文件（新增用地）", "upload the proposal's files (the land added)"))
        }
        let each = ["1", "on", "true", "yes"].contains(upload.field("each")?.lowercased() ?? "")
        if each, !removals.isEmpty {
            throw .badRequest(Bilingual("逐个审查时不另传调出文件：每个文件自成方案", "checking each file on its own takes no files of land taken out: each file is a proposal of its own"))
        }
        var formats: [URL: UploadFormat] = [:]
        for file in upload.files { formats[file.url] = try UploadFormat.sniff(file.url, name: file.name) }
        let groups: [(pieces: [ReceivedFile], removals: [ReceivedFile])] = each ? pieces.map { ([$0], []) } : [(pieces, removals)]
        try await queue.reserve(groups.count)
        // Every check prepared before any is recorded: an upload refused is refused whole, leaving nothing.
        var prepared: [(id: String, inputs: EngineInputs, files: [CheckFile])] = []
        do throws(ServiceError) {
            for group in groups {
                let id = Self.newID()
                prepared.append((id, EngineInputs(pieces: [], removals: [], language: language.rawValue), []))
                let inputs = try prepare(group.pieces, group.removals, formats: formats, in: store.checkFolder(id), language: language)
                let files = (group.pieces + group.removals).map { file in
                    CheckFile(kind: file.field == "removals" ? .removal : .upload, name: file.name, stored: "uploads/" + file.url.lastPathComponent,
                              format: formats[file.url]?.rawValue, bytes: file.bytes, sha256: file.sha256)
                }
                prepared[prepared.count - 1] = (id, inputs, files)
                try inputs.save(in: store.checkFolder(id))
            }
        } catch {
            await queue.release(groups.count)
            for check in prepared { try? FileManager.default.removeItem(at: store.checkFolder(check.id)) }
            throw error
        }
        var ids: [String] = []
        do throws(ServiceError) {
            for check in prepared {
                try store.addCheck(id: check.id, account: account, zone: zone.id, zoneName: zone.name, ruleProfile: zone.ruleProfile, files: check.files)
                ids.append(check.id)
            }
        } catch {
            await queue.release(groups.count - ids.count)
            for id in ids { await queue.enqueue(id) }
            throw error
        }
        for id in ids { await queue.enqueue(id) }
        var records: [CheckRecord] = []
        for id in ids { if let record = try store.check(id) { records.append(record) } }
        return records
    }

    /// Archives the uploads in `folder/uploads` and lays out what the engine reads in `folder/work`.
    private func prepare(_ pieces: [ReceivedFile], _ removals: [ReceivedFile], formats: [URL: UploadFormat], in folder: URL, language: Language) throws(ServiceError) -> EngineInputs {
        let uploads = folder.appendingPathComponent("uploads"), work = folder.appendingPathComponent("work")
        do {
            try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch { throw .record(folder.path, String(describing: error)) }
        var inputs = EngineInputs(pieces: [], removals: [], language: language.rawValue)
        var used: Set<String> = []
        for file in pieces + removals {
            let archived = uploads.appendingPathComponent(file.url.lastPathComponent)
            do { try FileManager.default.moveItem(at: file.url, to: archived) } catch { throw .record(archived.path, String(describing: error)) }
            guard let format = formats[file.url] else { continue }
            var stem = ((file.name as NSString).deletingPathExtension as String)
            if stem.isEmpty { stem = "file" }
            stem = UploadNames.safe(stem)
            var unique = stem
            var number = 2
            while used.contains(unique.lowercased()) { unique = "\(stem)-\(number)"; number += 1 }
            used.insert(unique.lowercased())
            let readable: [URL]
            if format == .zip {
                readable = try ZipUnpacker.unpack(archived, name: file.name, into: work, stem: unique, limits: limits)
            } else {
                let target = work.appendingPathComponent(unique + "." + format.fileExtension)
                do { try FileManager.default.copyItem(at: archived, to: target) } catch { throw .record(target.path, String(describing: error)) }
                readable = [target]
            }
            let relative = readable.map { "work/" + $0.lastPathComponent }
            if file.field == "removals" { inputs.removals += relative } else { inputs.pieces += relative }
        }
        return inputs
    }

    /// The longest a client may ask to wait for a check to end.
    public static let maxWait: TimeInterval = 60

    /// Check `id` as `account` may see it, once it is final or `seconds` (at most ``maxWait``) have
    /// passed: one request instead of a client's polling, answered the moment the check ends.
    /// A client that goes away ends its wait; a shutdown ends every wait.
    public func check(_ id: String, visibleTo account: Account, waitingUpTo seconds: TimeInterval) async throws(ServiceError) -> CheckRecord {
        let deadline = Date().addingTimeInterval(min(max(0, seconds), Self.maxWait))
        let store = store, completions = completions
        while true {
            let record = try store.check(id, visibleTo: account)
            let left = deadline.timeIntervalSinceNow
            let closed = await completions.isClosed
            if record.state.isFinal || left <= 0 || Task.isCancelled || closed { return record }
            await withGracefulShutdownHandler {
                await withTaskCancellationHandler {
                    // Looked at again every few seconds all the same: a check that ends without a word (a restart) is seen.
                    await completions.wait(for: id, seconds: min(left, 5)) { (try? store.check(id)?.state.isFinal) ?? true }
                } onCancel: {
                    Task { await completions.ended(id) }
                }
            } onGracefulShutdown: {
                Task { await completions.close() }
            }
        }
    }

    /// Runs check `id`, then answers whoever waits for it.
    func run(_ id: String) async {
        await runAndRecord(id)
        await completions.ended(id)
    }

    /// The engine on check `id`'s prepared inputs, the outcome and the outputs recorded.
    private func runAndRecord(_ id: String) async {
        do {
            guard let record = try store.check(id) else { return }
            let folder = store.checkFolder(id)
            guard let zone = catalog.zone(record.zone) else {
                try store.finish(id, state: .failed, verdict: nil, exitStatus: nil, message: "the zone \(record.zone) is no longer served", outputs: [])
                return
            }
            let inputs = try EngineInputs.load(from: folder)
            try store.markStarted(id)
            let output = folder.appendingPathComponent("output")
            // what an earlier, interrupted attempt left
            try? FileManager.default.removeItem(at: output)
            let result = folder.appendingPathComponent("result.json"), log = folder.appendingPathComponent("engine.log")
            let outcome = await engine.run(project: zone.project, pieces: inputs.pieces.map { folder.appendingPathComponent($0).path },
                                           removals: inputs.removals.map { folder.appendingPathComponent($0).path },
                                           output: output, result: result, log: log, language: Language(rawValue: inputs.language) ?? .zh)
            let verdict: String? = switch outcome.exitStatus { case 0: "pass"; case 1: "fail"; case 2: "review"; default: nil }
            let state: CheckState = outcome.timedOut ? .timedOut : verdict == nil ? .failed : .done
            let outputs = verdict == nil ? [] : try OutputFiles.list(in: folder, under: "output") + [OutputFiles.entry(for: result, in: folder)]
            let message = outcome.timedOut ? "stopped after \(Int(engine.timeLimit)) s" : verdict == nil ? outcome.errors : nil
            try store.finish(id, state: state, verdict: verdict, exitStatus: outcome.exitStatus.map(Int.init), message: message, outputs: outputs)
        } catch {
            try? store.finish(id, state: .failed, verdict: nil, exitStatus: nil, message: error.message(.en), outputs: [])
        }
    }

    /// A new check's id: its time and six random hex digits, so ids sort by time and cannot be guessed.
    static func newID() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date()) + "-" + String(RecordStore.randomToken().prefix(12))
    }
}

/// A reference to the service that the queue's work holds without keeping it alive.
private final class WeakService: @unchecked Sendable {
    weak var service: CheckService?
}

/// What the engine reads for a check, relative to its folder, and the language of its reports.
struct EngineInputs: Codable {
    var pieces: [String]
    var removals: [String]
    var language: String

    static let fileName = "inputs.json"

    func save(in folder: URL) throws(ServiceError) {
        let url = folder.appendingPathComponent(Self.fileName)
        do { try JSONEncoder().encode(self).write(to: url, options: .atomic) } catch { throw .record(url.path, String(describing: error)) }
    }

    static func load(from folder: URL) throws(ServiceError) -> EngineInputs {
        let url = folder.appendingPathComponent(fileName)
        do { return try JSONDecoder().decode(EngineInputs.self, from: Data(contentsOf: url)) } catch { throw .record(url.path, String(describing: error)) }
    }
}

extension Error {
    /// The message of a service error, or of any other as the library words it.
    func message(_ language: Language) -> String {
        (self as? ServiceError)?.message(language) ?? ZoneCalcError(self, source: "").message(language)
    }
}
