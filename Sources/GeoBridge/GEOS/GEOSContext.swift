internal import CGEOS

/// One GEOS context handle and the messages GEOS reported through it.
///
/// Thread confinement: a context and every ``Geometry`` made with it belong to one thread
/// (or one task at a time). GEOS's re-entrant API is safe across threads only with one
/// context per thread; make a context per worker, never share one.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages: MessageBox

    /// Messages GEOS reports through a context, collected between operations.
    final class MessageBox {
        var errors: [String] = []
        var notices: [String] = []
    }

    public init() {
        // GEOS_init_r returns NULL only when memory is exhausted.
        guard let handle = GEOS_init_r() else { fatalError("GEOS_init_r: out of memory") }
        self.handle = handle
        self.messages = MessageBox()
        let box = Unmanaged.passUnretained(messages).toOpaque()
        // The handlers hold an unretained pointer to `messages`, which lives as long as `self`.
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().errors.append(String(cString: message))
        }, box)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().notices.append(String(cString: message))
        }, box)
    }

    deinit {
        helpersStorage = nil  // the WKB reader/writer must go before the context
        GEOS_finish_r(handle)
    }

    private var helpersStorage: Helpers?
    private var helpers: Helpers {
        if let helpersStorage { return helpersStorage }
        let made = Helpers(handle: handle)
        helpersStorage = made
        return made
    }
    var wkbReader: OpaquePointer { helpers.wkbReader }
    var wkbWriter: OpaquePointer { helpers.wkbWriter }
    var linework: OpaquePointer { helpers.makeValidParams }

    /// Clears captured messages before an operation whose failure we want to explain.
    func resetMessages() {
        messages.errors.removeAll(keepingCapacity: true)
        messages.notices.removeAll(keepingCapacity: true)
    }

    /// The error for a failed GEOS call, with everything GEOS said about it.
    func failure(_ operation: LibraryOperation) -> GEOSError {
        let error = GEOSError(operation: operation, messages: messages.errors + messages.notices)
        resetMessages()
        return error
    }

    /// Runs a GEOS call that returns a new geometry (NULL on exception) and takes ownership of it.
    func makeGeometry(_ operation: LibraryOperation, _ call: () -> OpaquePointer?) throws(GEOSError) -> Geometry {
        resetMessages()  // only what this call reports explains its failure (and the buffer stays small)
        guard let raw = call() else { throw failure(operation) }
        return Geometry(owning: raw, context: self)
    }

    /// Runs a GEOS predicate (returns 0 false, 1 true, 2 on exception).
    func predicate(_ operation: LibraryOperation, _ call: () -> CChar) throws(GEOSError) -> Bool {
        resetMessages()
        switch call() {
        case 0: return false
        case 1: return true
        default: throw failure(operation)
        }
    }

    /// Runs a GEOS measure that writes a Double (returns 0 on exception).
    func measure(_ operation: LibraryOperation, _ call: (UnsafeMutablePointer<Double>) -> Int32) throws(GEOSError) -> Double {
        var value = 0.0
        resetMessages()
        guard call(&value) != 0 else { throw failure(operation) }
        return value
    }
}

/// A GEOS operation failed; carries the operation and the messages GEOS reported.
public struct GEOSError: Error, CustomStringConvertible, Sendable {
    public var operation: LibraryOperation
    public var messages: [String]
    public var description: String {
        messages.isEmpty ? "GEOS \(operation) failed" : "GEOS \(operation) failed: \(messages.joined(separator: "; "))"
    }
}

extension GEOSContext {
    /// Reusable per-context helpers: WKB reader and writer, make-valid parameters.
    final class Helpers {
        let wkbReader: OpaquePointer
        let wkbWriter: OpaquePointer
        let makeValidParams: OpaquePointer
        private let handle: GEOSContextHandle_t

        init(handle: GEOSContextHandle_t) {
            self.handle = handle
            // The create functions return NULL only when memory is exhausted.
            guard let reader = GEOSWKBReader_create_r(handle), let writer = GEOSWKBWriter_create_r(handle),
                  let params = GEOSMakeValidParams_create_r(handle)
            else { fatalError("GEOS: out of memory creating WKB reader/writer") }
            GEOSWKBWriter_setOutputDimension_r(handle, writer, 2)
            GEOSWKBWriter_setFlavor_r(handle, writer, Int32(GEOS_WKB_ISO.rawValue))
            // returns 0 on exception (cannot fail for a valid method)
            _ = GEOSMakeValidParams_setMethod_r(handle, params, GEOS_MAKE_VALID_LINEWORK)
            wkbReader = reader; wkbWriter = writer; makeValidParams = params
        }

        deinit {
            GEOSWKBReader_destroy_r(handle, wkbReader)
            GEOSWKBWriter_destroy_r(handle, wkbWriter)
            GEOSMakeValidParams_destroy_r(handle, makeValidParams)
        }
    }
}
