internal import CPROJ

/// One PROJ context and the log messages PROJ reported through it.
///
/// Thread confinement: a context and the objects made with it (``CoordinateSystem``,
/// ``CoordinateTransform``) belong to one thread; make a context per worker.
public final class ProjContext {
    let raw: OpaquePointer
    private let log: LogBox

    final class LogBox { var messages: [String] = [] }

    public init() {
        // proj_context_create returns NULL only when memory is exhausted.
        guard let raw = proj_context_create() else { fatalError("proj_context_create: out of memory") }
        self.raw = raw
        self.log = LogBox()
        // Capture PROJ's log lines instead of letting it print to stderr; errors only.
        proj_log_level(raw, PJ_LOG_ERROR)
        proj_log_func(raw, Unmanaged.passUnretained(log).toOpaque()) { userdata, _, message in
            guard let userdata, let message else { return }
            Unmanaged<LogBox>.fromOpaque(userdata).takeUnretainedValue().messages.append(String(cString: message))
        }
    }

    deinit { proj_context_destroy(raw) }

    /// Clears the log before a call whose failure we want to explain, so that nothing earlier attaches
    /// to it and the log of a long-lived worker context stays small (PROJ's error number is reset with
    /// the object called, `proj_errno_reset`).
    func resetMessages() { log.messages.removeAll(keepingCapacity: true) }

    /// The error for a failed PROJ call: errno text plus any logged lines.
    func failure(_ operation: LibraryOperation) -> ProjError {
        let code = proj_context_errno(raw)
        var messages = log.messages
        if code != 0, let text = proj_context_errno_string(raw, code) { messages.insert(String(cString: text), at: 0) }
        log.messages.removeAll()
        return ProjError(operation: operation, code: Int(code), messages: messages)
    }
}

/// A PROJ operation failed; carries the operation, PROJ's error number and its messages.
public struct ProjError: Error, CustomStringConvertible, Sendable {
    public var operation: LibraryOperation
    public var code: Int
    public var messages: [String]
    public var description: String {
        messages.isEmpty ? "PROJ: \(operation) failed" : "PROJ: \(operation) failed: \(messages.joined(separator: "; "))"
    }
}
