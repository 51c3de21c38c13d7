import Foundation
import ZoneCalc

/// Runs one check with the `zonecalc` command — the engine the command line uses, so a check through
/// the service gives the figures `zonecalc proposal check` gives — as a child process in a group of its
/// own: a check that crashes cannot take the service down, and one past its time limit is stopped
/// (SIGTERM, which makes zonecalc remove its unfinished outputs, then SIGKILL) with everything it started.
public struct CheckEngine: Sendable {
    /// The `zonecalc` executable.
    public var executable: String
    /// How long one check may take.
    public var timeLimit: TimeInterval = 600
    /// Whether the engine may make the PDF copy (it needs Chromium or LibreOffice on the server).
    public var pdf = true

    public init(executable: String) { self.executable = executable }

    /// The `zonecalc` beside the running program, else the first on the PATH.
    public static func besideThisProgram() -> String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("zonecalc").path
        if FileManager.default.isExecutableFile(atPath: here) { return here }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/zonecalc" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? here
    }

    /// How a run ended.
    public struct Outcome: Sendable {
        /// The engine's exit status (0 符合, 1 不符合, 2 需复核, 3–5 an error); nil when it was stopped.
        public var exitStatus: Int32?
        public var timedOut: Bool
        /// What the engine said on stderr (its error, in the check's language).
        public var errors: String
    }

    /// Checks `pieces` (land added) and `removals` (land taken out) against `project`, writing the
    /// reports into `output` (which must not exist), the engine's JSON result into `result` and its
    /// messages into `log`.
    public func run(project: String, pieces: [String], removals: [String], output: URL, result: URL, log: URL, language: Language) async -> Outcome {
        var arguments = ["proposal", "check", project] + pieces
        for removal in removals { arguments += ["--remove", removal] }
        arguments += ["-o", output.path, "--format", "json", "--lang", language.rawValue]
        if !pdf { arguments.append("--no-pdf") }
        let pid: pid_t
        do { pid = try ProcessGroup.spawn(executable, arguments, output: result.path, errors: log.path, destination: output.path) } catch {
            return Outcome(exitStatus: nil, timedOut: false, errors: ZoneCalcError(error, source: executable).message(language))
        }
        Self.running.insert(pid)
        defer { Self.running.remove(pid) }
        let started = Date()
        let deadline = started.addingTimeInterval(timeLimit)
        var status: Int32 = 0
        var timedOut = false
        var stopping: Date?
        while true {
            // returns the pid once it has ended, 0 while it runs, -1 on an error
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid || (ended == -1 && errno != EINTR) { break }
            let now = Date()
            if stopping == nil, now >= deadline {
                timedOut = true
                kill(-pid, SIGTERM)
                stopping = now
            } else if let stopping, now.timeIntervalSince(stopping) > 10 {
                kill(-pid, SIGKILL)
            }
            await Self.pause(after: now.timeIntervalSince(started))
        }
        // a helper left behind in the group ends with it
        kill(-pid, SIGKILL)
        let errors = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Outcome(exitStatus: timedOut ? nil : ProcessGroup.exitCode(status), timedOut: timedOut, errors: errors.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Between two looks at the engine: 5 ms in its first two seconds (most checks take less than a
    /// second, and the wait is part of every check's time), 50 ms after; even in a cancelled task (the
    /// engine is waited for whatever happens to the request).
    private static func pause(after elapsed: TimeInterval) async {
        let nanoseconds: UInt64 = elapsed < 2 ? 5_000_000 : 50_000_000
        do { try await Task.sleep(nanoseconds: nanoseconds) } catch { usleep(UInt32(nanoseconds / 1000)) }
    }

    /// The process groups of the checks running now.
    private static let running = RunningGroups()

    /// Stops every check running now (when the service shuts down): each engine removes its unfinished
    /// outputs; the checks are queued again at the next start.
    public static func stopAll() { running.signalAll(SIGTERM) }
}

/// A set of process groups, shared by the checks running at once.
private final class RunningGroups: @unchecked Sendable {
    private let lock = NSLock()
    private var groups: Set<pid_t> = []

    func insert(_ group: pid_t) { lock.withLock { _ = groups.insert(group) } }
    func remove(_ group: pid_t) { lock.withLock { _ = groups.remove(group) } }
    func signalAll(_ signal: Int32) { for group in lock.withLock({ groups }) { kill(-group, signal) } }
}
