import Foundation
import GeoBridge

/// Writes outputs so that a failure or an interruption leaves nothing half-written and no input is ever
/// touched: each file is written into a temporary folder beside its destination and renamed into place
/// only when every file of the command is complete. rename(2) replaces an existing output atomically, so
/// a destination holds either the complete previous file or the complete new one, never a mixture, and
/// an existing output is replaced only when `force` is set.
///
/// Outputs written inside ``together(_:)`` (a proposal's GeoPackage, txt and report; a QC report and its
/// fixed layer) are all renamed into place at its end, or none is. The temporary folders are named
/// `.zonecalc-<process id>-<uuid>`; the run writing into one holds an exclusive lock on it (flock(2)),
/// which the system releases however the run ends, so a folder nobody holds (its run killed, or a crash)
/// is removed by the next output written into that folder — whichever machine or container wrote it.
/// Every file is flushed to disk (fsync) before it is renamed into place, and the folder after.
/// ``abandonPending()`` removes the folders of the running process, for the interrupt handler.
public enum SafeOutput {
    /// - Parameters:
    ///   - path: the output file (a Shapefile's sidecars `.shx .dbf .prj .cpg` go with it).
    ///   - inputs: paths the command reads; the output may not be any of them.
    ///   - write: writes the output at the temporary path it is given (same file name).
    public static func write(to path: String, inputs: [String], force: Bool, _ write: (String) throws -> Void) throws {
        if let transaction = OutputTransaction.current {
            try transaction.stage(path, inputs: inputs, force: force, write)
        } else {
            try together { try SafeOutput.write(to: path, inputs: inputs, force: force, write) }
        }
    }

    /// Runs `body`; the outputs it writes through ``write(to:inputs:force:_:)`` are renamed into place
    /// together when it returns, and none is when it throws.
    public static func together<T>(_ body: () throws -> T) throws -> T {
        if OutputTransaction.current != nil { return try body() }  // already inside one
        let transaction = OutputTransaction()
        defer { transaction.abandon() }
        let result = try OutputTransaction.$current.withValue(transaction) { try body() }
        try transaction.commit()
        return result
    }

    /// Writes the outputs `body` puts in `folder` together (``together(_:)``), making the folder (and
    /// the folders above it that are missing) first, and removing those again, empty, when nothing could
    /// be put in them.
    /// - Throws: `unsafeOutput` when `folder` names a file.
    public static func intoFolder<T>(_ folder: String, _ body: () throws -> T) throws -> T {
        let created = try makeFolder(folder)
        do {
            return try together(body)
        } catch {
            for made in created { rmdir(made.path) }  // the folders this run made, if still empty
            throw error
        }
    }

    /// Refuses, before any work, outputs `names` in `folder` that exist (without `force`) or are inputs,
    /// and a `folder` that names a file.
    public static func checkFolder(_ folder: String, holding names: [String], inputs: [String], force: Bool) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { return }  // made when written
        guard isFolder.boolValue else { throw namesAFile(folder) }
        try check(names.map { (folder as NSString).appendingPathComponent($0) }, inputs: inputs, force: force, inBatch: true)
    }

    private static func namesAFile(_ folder: String) -> ZoneCalcError {
        .unsafeOutput(path: folder, reason: Bilingual("-o 给的是文件；请给出存放结果的文件夹", "-o names a file; give a folder for the outputs"))
    }

    /// Removes what an earlier run wrote at `path` — the file with a Shapefile's sidecars, or a FileGDB
    /// folder — when a run with `--force` writes nothing there (an input of a batch that failed), so that
    /// no output outlives the input it no longer describes.
    public static func removeEarlierOutput(_ path: String) {
        for file in relatedFiles(of: URL(fileURLWithPath: path)) { try? FileManager.default.removeItem(at: file) }
    }

    /// Makes `folder` and the folders above it that are missing; returns those it made, innermost first.
    /// - Throws: `unsafeOutput` when `folder` names a file.
    public static func makeFolder(_ folder: String) throws -> [URL] {
        var isFolder: ObjCBool = false
        var created: [URL] = []
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            var missing = URL(fileURLWithPath: folder).standardizedFileURL
            while !FileManager.default.fileExists(atPath: missing.path) {
                created.append(missing)
                missing.deleteLastPathComponent()
            }
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            catch { throw ZoneCalcError.outputFailed(path: folder, reason: OutputFailure.reason(error)) }
        } else if !isFolder.boolValue {
            throw namesAFile(folder)
        }
        return created
    }

    /// Runs `body` in a transaction of its own, even inside another: its outputs are put in place when it
    /// returns, or none of them when it throws, whatever the enclosing outputs do.
    public static func separately<T>(_ body: () throws -> T) throws -> T {
        let transaction = OutputTransaction()
        defer { transaction.abandon() }
        let result = try OutputTransaction.$current.withValue(transaction) { try body() }
        try transaction.commit()
        return result
    }

    /// Removes the temporary folders of outputs not yet in place and returns their destinations (for an
    /// interrupt: nothing of them was written), and whether any output of this process was put in place
    /// before. Later commits of this process fail.
    public static func abandonPending() -> (pending: [String], wroteAny: Bool) { PendingOutputs.shared.abandonAll() }

    /// Whether outputs written inside ``appending(_:)`` add their layers to an existing GeoPackage or
    /// FileGDB instead of replacing it.
    @TaskLocal static var isAppending = false

    /// Runs `body` with `append` as the mode of its outputs: when true, a GeoPackage or FileGDB that
    /// exists keeps its layers and gets the new ones (a layer of the same name is replaced only with
    /// `--force`); the file is extended in a copy that replaces it when complete, as any output.
    public static func appending<T>(_ append: Bool, _ body: () throws -> T) rethrows -> T {
        try $isAppending.withValue(append) { try body() }
    }

    /// The formats whose files hold several layers, and so can be appended to.
    static func canAppend(_ url: URL) -> Bool { ["gpkg", "gdb"].contains(url.pathExtension.lowercased()) }

    /// Checks, before anything is read or written, that `path` can take an output: not an input, not a
    /// folder, not an existing file without `force`, in a folder that exists. The same checks are made
    /// again when the output is written.
    /// Several outputs of one command are checked together: none may be another's file.
    /// - Parameter inBatch: whether the outputs are a batch's, named after its inputs: a refusal then
    ///   suggests another folder, not another name, and never `--append`, which a batch refuses.
    public static func check(_ paths: [String], inputs: [String], force: Bool, inBatch: Bool = false) throws {
        var destinations: [URL] = []
        for path in paths {
            let destination = try checkedDestination(path, inputs: inputs, force: force, inBatch: inBatch).destination
            if destinations.contains(destination) { throw writtenTwice(path) }
            destinations.append(destination)
        }
    }

    /// The refusal of a second output to the same file.
    static func writtenTwice(_ path: String) -> ZoneCalcError {
        ZoneCalcError.unsafeOutput(path: path, reason: Bilingual("本命令会两次写出这个文件", "the command would write this file twice"))
    }

    /// Where `path` is written, and the files of it that exist, once the checks of ``check(_:inputs:force:)`` pass.
    static func checkedDestination(_ path: String, inputs: [String], force: Bool, inBatch: Bool = false) throws -> (destination: URL, existing: [URL]) {
        let given = URL(fileURLWithPath: path)
        let destination = try SafeOutput.resolvedDestination(given, path: path)
        let fileManager = FileManager.default
        // Files are compared as the system knows them (device and inode), so no path through links or `..`
        // makes an input look like another file.
        let protected = Set(inputs.flatMap { SafeOutput.relatedFiles(of: URL(fileURLWithPath: $0)) }.compactMap { SafeOutput.identity(of: $0) })
        for file in SafeOutput.relatedFiles(of: given) + SafeOutput.relatedFiles(of: destination)
        where SafeOutput.identity(of: file).map(protected.contains) == true {
            throw ZoneCalcError.unsafeOutput(path: path, reason: isAppending
                ? Bilingual("这是本次运行的输入文件，不能向其中添加图层（输入从不修改）；请写入另一个文件",
                            "this is an input of the run and layers are not added to it (inputs are never modified); write to another file")
                : inBatch ? Bilingual("这会覆盖输入文件；请换一个输出文件夹", "this would overwrite an input file; choose another output folder")
                : Bilingual("这会覆盖输入文件；请换一个输出文件名", "this would overwrite an input file; choose another output name"))
        }
        var isDirectory: ObjCBool = false
        // A FileGDB is a folder by format; any other folder is never replaced.
        let isFileGDB = destination.pathExtension.lowercased() == "gdb"
        if fileManager.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue, !isFileGDB {
            throw ZoneCalcError.unsafeOutput(path: path, reason: Bilingual("这是一个文件夹；请给出文件名（--force 从不替换文件夹）", "this is a folder; give a file name (--force never replaces a folder)"))
        }
        if isAppending, !canAppend(destination) {
            throw ZoneCalcError.unsafeOutput(path: path, reason: Bilingual("--append 只能向 GeoPackage（.gpkg）或 FileGDB（.gdb）添加图层；这种格式只有一个图层", "--append adds layers to a GeoPackage (.gpkg) or FileGDB (.gdb); this format holds one layer"))
        }
        let existing = SafeOutput.relatedFiles(of: destination).filter { fileManager.fileExists(atPath: $0.path) }
        if !existing.isEmpty && !force && !isAppending {
            throw ZoneCalcError.unsafeOutput(path: path, reason: !inBatch && canAppend(destination)
                ? Bilingual("输出文件已存在；加 --force 替换，或加 --append 向其中添加图层", "the output exists; add --force to replace it, or --append to add layers to it")
                : Bilingual("输出文件已存在；加 --force 替换", "the output exists; add --force to replace it"))
        }
        let folder = destination.deletingLastPathComponent()
        guard fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ZoneCalcError.unsafeOutput(path: path, reason: Bilingual("文件夹 \(folder.path) 不存在", "the folder \(folder.path) does not exist"))
        }
        return (destination, existing)
    }

    /// Tells the output being written that it holds `rows` rows (features, or table rows), for ``written``.
    public static func noteRows(_ rows: Int) { OutputTransaction.current?.noteRows(rows) }

    /// Every output this process has put in place, in the order written.
    public static var written: [WrittenOutput] { PendingOutputs.shared.written }

    /// Where an output given as `url` is written: a destination that is a symbolic link is written where it
    /// points (the link stays a link), in the folder as the system resolves it (links and `..`). Refused:
    /// a link to nothing, and a Shapefile given through a link (its sidecars would go beside the target).
    static func resolvedDestination(_ url: URL, path: String) throws -> URL {
        var link = stat()
        // lstat returns -1 when nothing has the name
        let isLink = lstat(url.path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
        if isLink, url.pathExtension.lowercased() == "shp" {
            throw ZoneCalcError.unsafeOutput(path: path, reason: Bilingual("Shapefile 不能经符号链接写出；请给出实际文件的路径", "a Shapefile given through a symbolic link; give the path of the real file"))
        }
        if let real = realPath(url.path) {
            // The format follows the given name; a link to a file of another kind would get the wrong one
            // (and a Shapefile's sidecars would be taken for leftovers).
            let target = URL(fileURLWithPath: real)
            guard !isLink || target.pathExtension.lowercased() == url.pathExtension.lowercased() else {
                throw ZoneCalcError.unsafeOutput(path: path, reason: Bilingual("这是指向 .\(target.pathExtension) 文件的符号链接；请给出实际文件的路径", "a symbolic link to a .\(target.pathExtension) file; give the path of the real file"))
            }
            return target
        }
        if isLink { throw ZoneCalcError.unsafeOutput(path: path, reason: Bilingual("这是指向不存在文件的符号链接；请删除它或换一个文件名", "this is a symbolic link to a file that does not exist; remove it or give another name")) }
        // A folder that does not exist is left as given, `..` and all, so that it is refused as missing.
        guard let folder = realPath(url.deletingLastPathComponent().path) else { return url }
        return URL(fileURLWithPath: folder).appendingPathComponent(url.lastPathComponent)
    }

    /// realpath(3): the path with every link and `..` resolved, nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }  // returns NULL on failure; ours to free
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The device and inode of an existing file, nil when there is none.
    static func identity(of url: URL) -> String? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }  // returns -1 when there is no such file
        return "\(status.st_dev):\(status.st_ino)"
    }

    /// The file and, for a Shapefile, its sidecar files.
    static func relatedFiles(of url: URL) -> [URL] {
        guard url.pathExtension.lowercased() == "shp" else { return [url] }
        let base = url.deletingPathExtension()
        return ["shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx"].map { base.appendingPathExtension($0) }
    }
}

/// The outputs of one ``SafeOutput/together(_:)``: staged in temporary folders, then renamed into place.
final class OutputTransaction: @unchecked Sendable {
    @TaskLocal static var current: OutputTransaction?

    private struct Staged {
        var destination: URL
        var temporary: URL
        /// Existing files of the destination the new output does not replace by name (a Shapefile's old
        /// `.qix`), removed once it is in place.
        var leftovers: [URL]
        /// The temporary folder, open and locked while it is in use (see ``StaleOutputFolders``).
        var lock: Int32
        /// Whether an existing output may be replaced (`--force`).
        var replacing: Bool
        /// The output as the user gave it, and the rows it holds when its writer said (``SafeOutput/noteRows(_:)``).
        var written: WrittenOutput
    }
    private var staged: [Staged] = []

    /// Checks the destination, writes the output into a new temporary folder beside it.
    func stage(_ path: String, inputs: [String], force: Bool, _ write: (String) throws -> Void) throws {
        let (destination, existing) = try SafeOutput.checkedDestination(path, inputs: inputs, force: force)
        if staged.contains(where: { $0.destination == destination }) { throw SafeOutput.writtenTwice(path) }
        let fileManager = FileManager.default
        let folder = destination.deletingLastPathComponent()
        StaleOutputFolders.remove(in: folder)
        let temporary = folder.appendingPathComponent(StaleOutputFolders.prefix + "\(getpid())-\(UUID().uuidString)")
        let lock = try PendingOutputs.shared.create(temporary, destination: path)
        staged.append(Staged(destination: destination, temporary: temporary, leftovers: [], lock: lock, replacing: force,
                             written: WrittenOutput(path: path, rows: nil)))
        let temporaryFile = temporary.appendingPathComponent(destination.lastPathComponent)
        do {
            if SafeOutput.isAppending, !existing.isEmpty {
                // The existing file is extended in a copy, which replaces it when complete.
                try fileManager.copyItem(at: destination, to: temporaryFile)
                staged[staged.count - 1].replacing = true
            }
            try write(temporaryFile.path)
        } catch let error as GDALError where error.path.hasPrefix(temporary.path) {
            // GDAL failed writing the output (disk full, a value the format cannot hold): its messages,
            // naming the destination instead of the temporary file, in one sentence.
            if error.messages.contains(where: { $0.contains("disk is full") || $0.contains("No space left") }) {
                throw ZoneCalcError.outputFailed(path: path, reason: OutputFailure.reason(errno: ENOSPC))
            }
            let said = error.messages.map { $0.replacingOccurrences(of: temporaryFile.path, with: path) }.joined(separator: "; ")
            throw ZoneCalcError.outputFailed(path: path, reason: Bilingual("GDAL 无法写出\(said.isEmpty ? "" : "（\(said)）")", "GDAL could not write it\(said.isEmpty ? "" : " (\(said))")"))
        } catch let error as CocoaError {
            throw ZoneCalcError.outputFailed(path: path, reason: OutputFailure.reason(error))
        } catch let error as POSIXError {
            throw ZoneCalcError.outputFailed(path: path, reason: OutputFailure.reason(errno: error.code.rawValue))
        }
        let produced = Set(((try? fileManager.contentsOfDirectory(atPath: temporary.path)) ?? []))
        staged[staged.count - 1].leftovers = existing.filter { !produced.contains($0.lastPathComponent) }
    }

    /// The output being written holds `rows` rows.
    func noteRows(_ rows: Int) {
        guard !staged.isEmpty else { return }
        staged[staged.count - 1].written.rows = rows
    }

    /// Renames every staged output into place (each file atomically, replacing the old one only with `--force`).
    func commit() throws {
        let fileManager = FileManager.default
        // Every file of every output on disk before the first rename: a failure here leaves all in place as before.
        for output in staged {
            for name in try fileManager.contentsOfDirectory(atPath: output.temporary.path) {
                try Durability.flush(output.temporary.appendingPathComponent(name), destination: output.destination)
            }
        }
        // Files put in place under a name that was free: removed again if a later one cannot be placed
        // (another run took its name meanwhile), so that without --force the outputs stay all or none.
        var newlyNamed: [URL] = []
        try PendingOutputs.shared.committing(staged.map(\.temporary), written: staged.map(\.written)) {
            do {
                for output in staged {
                    let folder = output.destination.deletingLastPathComponent()
                    // A Shapefile's .shp last, so that a reader never sees a new .shp beside old sidecars.
                    let produced = try fileManager.contentsOfDirectory(atPath: output.temporary.path)
                        .sorted { ($0.lowercased().hasSuffix(".shp") ? 1 : 0, $0) < ($1.lowercased().hasSuffix(".shp") ? 1 : 0, $1) }
                    for name in produced {
                        let target = folder.appendingPathComponent(name)
                        var isDirectory: ObjCBool = false
                        if fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
                            guard output.replacing else { throw Self.appeared(target) }
                            // rename(2) cannot replace a folder (a FileGDB): the old one moves into the temporary
                            // folder, removed with it, and the new one takes its place.
                            guard rename(target.path, output.temporary.appendingPathComponent(".replaced-" + name).path) == 0 else {
                                throw ZoneCalcError.outputFailed(path: target.path, reason: OutputFailure.reason(errno: errno))
                            }
                        }
                        let file = output.temporary.appendingPathComponent(name)
                        Self.keepPermissions(of: target, for: file)
                        if try Self.place(file, at: target, replacing: output.replacing) { newlyNamed.append(target) }
                    }
                    for old in output.leftovers { try? fileManager.removeItem(at: old) }
                    Durability.flushFolder(folder)
                }
            } catch {
                for placed in newlyNamed { try? fileManager.removeItem(at: placed) }  // names this run made moments ago (a FileGDB is a folder)
                throw error
            }
            // The temporary folders go before the lock is released, so an interrupt never finds one left.
            for output in staged { try? fileManager.removeItem(at: output.temporary) }
        }
    }

    /// Puts a finished file in place: rename(2) over the old one when `replacing`; otherwise link(2), which
    /// fails when the name exists, so a file another run put there meanwhile is never replaced without
    /// `--force` (rename where the file system has no hard links).
    /// Returns whether the name was free (nothing was replaced).
    @discardableResult
    static func place(_ file: URL, at target: URL, replacing: Bool) throws -> Bool {
        // link, rename and unlink return -1 on failure with errno set
        if !replacing {
            if link(file.path, target.path) == 0 {
                unlink(file.path)  // a failure leaves a second name in the temporary folder, removed with it
                return true
            }
            if errno == EEXIST { throw appeared(target) }
            guard [EPERM, ENOTSUP, EOPNOTSUPP, EMLINK, ENOSYS].contains(errno) else {
                throw ZoneCalcError.outputFailed(path: target.path, reason: OutputFailure.reason(errno: errno))
            }
            guard !FileManager.default.fileExists(atPath: target.path) else { throw appeared(target) }
        }
        let free = !replacing
        guard rename(file.path, target.path) == 0 else {
            throw ZoneCalcError.outputFailed(path: target.path, reason: OutputFailure.reason(errno: errno))
        }
        return free
    }

    /// Gives the new file the owner, group and permissions of the one it replaces (a shared output stays
    /// shared), as far as this user may: under a new owner the group's and others' permissions are kept
    /// and the new owner may read and write; nothing when there is no old file.
    static func keepPermissions(of old: URL, for new: URL) {
        var status = stat()
        // stat returns -1 when there is no old file; chmod and chown failures leave the new file as made
        guard stat(old.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return }
        // The old mode only with the old owner: under another owner it could shut the old one out.
        if chown(new.path, status.st_uid, status.st_gid) == 0 {
            _ = chmod(new.path, status.st_mode & 0o7777)
        } else if chown(new.path, UInt32.max, status.st_gid) == 0 {  // (uid_t)-1: the group alone, as far as this user may
            // The group's and others' permissions as they were; the new owner may read and write.
            _ = chmod(new.path, (status.st_mode & 0o077) | 0o600)
        }
    }

    private static func appeared(_ target: URL) -> ZoneCalcError {
        .unsafeOutput(path: target.path, reason: Bilingual("写出期间该输出文件被创建（另一次运行？）；加 --force 替换", "the output appeared while this run was writing it (another run?); add --force to replace it"))
    }

    /// Removes the temporary folders (after a commit they are empty) and releases their locks.
    func abandon() {
        for output in staged {
            try? FileManager.default.removeItem(at: output.temporary)
            close(output.lock)  // releases the lock; nothing was written through it, so nothing to report
        }
        PendingOutputs.shared.remove(staged.map(\.temporary))
        staged.removeAll()
    }
}

/// An output put in place: the path as given, and how many rows it holds when its writer counts them.
public struct WrittenOutput: Sendable, Equatable {
    public var path: String
    public var rows: Int?

    /// `已写出 PATH（N 条）` / `wrote PATH (N rows)`.
    public func line(_ language: Language) -> String {
        guard let rows else { return Bilingual("已写出 \(path)", "wrote \(path)").text(language) }
        return Bilingual("已写出 \(path)（\(rows) 条）", "wrote \(path) (\(rows) \(rows == 1 ? "row" : "rows"))").text(language)
    }
}

/// The temporary folders of this process's outputs not yet in place, for the interrupt handler.
final class PendingOutputs: @unchecked Sendable {
    static let shared = PendingOutputs()
    private let lock = NSLock()
    private var folders: [URL: String] = [:]
    private var abandoned = false

    /// Makes, locks and registers a temporary folder in one step under the lock, so an interrupt either
    /// removes it or comes before it exists; refused once the outputs were abandoned. Returns the open,
    /// locked folder, for the caller to close when it is done with it.
    func create(_ folder: URL, destination: String) throws -> Int32 {
        try locked {
            guard !abandoned else { throw ZoneCalcError.outputFailed(path: destination, reason: OutputFailure.interrupted) }
            let lock: Int32
            do { lock = try StaleOutputFolders.makeLocked(folder) }
            catch { throw ZoneCalcError.outputFailed(path: destination, reason: OutputFailure.reason(error)) }
            folders[folder] = destination
            return lock
        }
    }
    func remove(_ removed: [URL]) { locked { for folder in removed { folders[folder] = nil } } }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs the renames holding the lock, so an interrupt waits until the outputs are all in place (or
    /// comes before any is). Nothing is renamed after ``abandonAll()``.
    func committing(_ committed: [URL], written outputs: [WrittenOutput], _ renames: () throws -> Void) throws {
        try locked {
            guard !abandoned else { throw ZoneCalcError.outputFailed(path: folders.values.sorted().first ?? "", reason: OutputFailure.interrupted) }
            defer { wroteAny = true }
            try renames()
            for folder in committed { folders[folder] = nil }
            placed += outputs
        }
    }

    /// Whether an output of this process has been put in place.
    private var wroteAny = false
    /// The outputs put in place, in order.
    private var placed: [WrittenOutput] = []
    var written: [WrittenOutput] { locked { placed } }

    /// Removes the pending folders; returns their destinations and whether any output was put in place before.
    func abandonAll() -> (pending: [String], wroteAny: Bool) {
        locked {
            abandoned = true
            for folder in folders.keys { try? FileManager.default.removeItem(at: folder) }
            defer { folders.removeAll() }
            return (folders.values.sorted(), wroteAny)
        }
    }
}

/// Temporary output folders left by runs that were killed or crashed.
///
/// A run makes its folder under a name no sweep touches (`.zonecalc-new-<uuid>`), opens and locks it
/// (flock(2), exclusive), and only then renames it to `.zonecalc-<pid>-<uuid>`: a folder of that name
/// that can be locked is held by no one. The system releases the lock when the process ends in any way,
/// so this holds across containers and PID namespaces, where a process id says nothing.
enum StaleOutputFolders {
    static let prefix = ".zonecalc-"
    static let newPrefix = ".zonecalc-new-"

    /// Whether `name` is exactly a name this type gives (`.zonecalc-<digits>-<uuid>`, `.zonecalc-new-<uuid>`):
    /// a folder of the user's that merely starts with `.zonecalc-` is never touched.
    static func isOurs(_ name: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        if name.hasPrefix(newPrefix) { return UUID(uuidString: String(name.dropFirst(newPrefix.count))) != nil }
        let parts = name.dropFirst(prefix.count).split(separator: "-", maxSplits: 1)
        return parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isASCII) && parts[0].allSatisfy(\.isNumber)
            && UUID(uuidString: String(parts[1])) != nil
    }

    /// Makes `folder`, returns it open and exclusively locked (unlocked where the file system has no
    /// flock, e.g. some network shares: then no sweep can lock it either, and none removes it).
    static func makeLocked(_ folder: URL) throws(POSIXError) -> Int32 {
        let unnamed = folder.deletingLastPathComponent().appendingPathComponent(newPrefix + UUID().uuidString).path
        // mkdir, open, flock and rename return -1 on failure with errno set
        guard mkdir(unnamed, 0o755) == 0 else { throw posixError(errno) }
        let descriptor = open(unnamed, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { let code = errno; rmdir(unnamed); throw posixError(code) }
        let locked = flock(descriptor, LOCK_EX | LOCK_NB) == 0
        let unsupported = [ENOLCK, EBADF, EOPNOTSUPP, ENOSYS, EINVAL].contains(errno)
        guard locked || unsupported, rename(unnamed, folder.path) == 0 else {
            let code = errno
            close(descriptor)  // clean-up of a folder never used: their results change nothing
            rmdir(unnamed)
            throw posixError(code)
        }
        return descriptor
    }

    private static func posixError(_ code: Int32) -> POSIXError { POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }

    /// Removes, in `folder`, every `.zonecalc-<pid>-<uuid>` folder no running process holds, and
    /// unnamed ones (a run killed between making and naming its folder) untouched for a day.
    static func remove(in folder: URL) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where isOurs(name) {
            let url = folder.appendingPathComponent(name)
            if name.hasPrefix(newPrefix) {
                let modified = (try? fileManager.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
                if let modified, Date().timeIntervalSince(modified) > 86_400 { try? fileManager.removeItem(at: url) }
                continue
            }
            let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)  // returns -1 on failure
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            // returns 0 when the lock is granted: no one holds the folder
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { try? fileManager.removeItem(at: url) }
        }
    }
}

/// Flushing what was written to the disk before it is put in place, so that a power cut after the
/// rename cannot leave a destination naming an incomplete file.
enum Durability {
    /// fsync(2) of a folder after renames into it, as far as the file system allows: the outputs are in
    /// place by then, so a folder that cannot be opened or synced (no read permission, a file system
    /// that does not sync folders) changes nothing about them.
    static func flushFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)  // returns -1 on failure
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)  // a failure is not an output failure: see above
        close(descriptor)
    }

    /// fsync(2) of a file, or of each file in a folder (a FileGDB) and the folder.
    /// EINVAL or ENOTSUP: the file system cannot sync this kind of file, nothing to do.
    static func flush(_ url: URL, destination: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue,
           url.pathExtension.lowercased() == "gdb" {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
                try flush(url.appendingPathComponent(name), destination: destination)
            }
        }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)  // returns -1 on failure
        guard descriptor >= 0 else { throw ZoneCalcError.outputFailed(path: destination.path, reason: OutputFailure.reason(errno: errno)) }
        defer { close(descriptor) }
        // returns -1 on failure
        guard fsync(descriptor) == 0 || [EINVAL, ENOTSUP, EOPNOTSUPP].contains(errno) else {
            throw ZoneCalcError.outputFailed(path: destination.path, reason: OutputFailure.reason(errno: errno))
        }
    }
}

/// One sentence for why an output could not be written, from a Foundation or POSIX error.
enum OutputFailure {
    /// The run was interrupted (Ctrl-C, SIGTERM) before the output was in place.
    static let interrupted = Bilingual("运行被中断", "interrupted")

    static func reason(_ error: any Error) -> Bilingual {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(errno: Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return reason(errno: Int32(nsError.code)) }
        switch nsError.code {
        case NSFileWriteNoPermissionError: return reason(errno: EACCES)
        case NSFileWriteOutOfSpaceError: return reason(errno: ENOSPC)
        case NSFileWriteVolumeReadOnlyError: return reason(errno: EROFS)
        default: return Bilingual("\(error)", "\(error)")
        }
    }

    static func reason(errno code: Int32) -> Bilingual {
        switch code {
        case EACCES, EPERM: return Bilingual("没有写入权限：文件夹只读或属于他人；请换一个文件夹", "permission denied: the folder is read-only or belongs to someone else; choose another folder")
        case ENOSPC, EDQUOT: return Bilingual("磁盘已满；请释放空间或换一个磁盘", "the disk is full; free some space or choose another disk")
        case EROFS: return Bilingual("磁盘只读；请换一个文件夹", "the disk is read-only; choose another folder")
        default: return Bilingual("系统错误：\(String(cString: strerror(code)))", String(cString: strerror(code)))
        }
    }
}
