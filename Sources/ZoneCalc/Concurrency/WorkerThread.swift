import Foundation

/// A worker thread whose start is checked: Foundation's `Thread.start()` cannot report that the system
/// refused a thread, and a pipeline waiting for a worker that never ran would wait for ever.
enum WorkerThread {
    /// The stack each worker gets: GEOS recurses deeply on large geometries.
    static let stackSize = 8 << 20

    /// Starts `body` on a new detached thread; false when the system refused to create one (then `body`
    /// is not run).
    static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        var attributes = pthread_attr_t()
        // each returns 0 on success, an error number otherwise
        guard pthread_attr_init(&attributes) == 0 else { return false }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0,
              pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) == 0 else { return false }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        guard pthread_create(&thread, &attributes, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box) == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            return false
        }
        return true
    }

    private final class Box: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
