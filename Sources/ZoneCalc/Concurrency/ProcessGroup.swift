import Foundation

/// A program started in a process group of its own, so that it and every helper it starts can be
/// stopped as one (`kill(-group, …)`).
public enum ProcessGroup {
    /// Starts `program` with `arguments`, no input, its output and errors written to the files given
    /// (created or truncated) or discarded; returns its process id, which is also its group's.
    /// - Throws: `outputFailed` on `destination` when the program cannot be started.
    public static func spawn(_ program: String, _ arguments: [String], output: String? = nil, errors: String? = nil,
                             destination: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer { posix_spawn_file_actions_destroy(&actions); posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        for (descriptor, path) in [(STDOUT_FILENO, output), (STDERR_FILENO, errors)] {
            posix_spawn_file_actions_addopen(&actions, descriptor, path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        posix_spawnattr_setpgroup(&attributes, 0)   // its own group: stopped as one
        // The signals that stop it are heard by it and what it starts, whatever this process ignores or
        // blocks (a server ignores SIGTERM to handle it itself, and ignoring is inherited).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        // returns 0 on success, an error number otherwise
        guard posix_spawn(&pid, program, &actions, &attributes, argv, environ) == 0 else {
            let name = (program as NSString).lastPathComponent
            throw ZoneCalcError.outputFailed(path: destination, reason: Bilingual("无法启动 \(name)", "\(name) could not be started"))
        }
        return pid
    }

    /// Whether a status from `waitpid` is a normal exit with status 0.
    public static func succeeded(_ status: Int32) -> Bool { exitCode(status) == 0 }

    /// The exit code in a status from `waitpid`, nil when a signal ended the program.
    public static func exitCode(_ status: Int32) -> Int32? { status & 0x7f == 0 ? (status >> 8) & 0xff : nil }
}
