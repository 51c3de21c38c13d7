internal import CPROJ

/// A transformation between two CRSs with x = easting/longitude and y = northing/latitude on
/// both sides, whatever axis order the EPSG definitions declare.
///
/// Owns its `PJ` (freed in `deinit`); confined to the thread of its ``ProjContext``.
public final class CoordinateTransform {
    private let raw: OpaquePointer
    private let context: ProjContext

    public init(from source: CoordinateSystem, to target: CoordinateSystem) throws(ProjError) {
        let context = source.context
        // returns NULL when no operation is found
        guard let operation = proj_create_crs_to_crs_from_pj(context.raw, source.raw, target.raw, nil, nil) else {
            throw context.failure(LibraryOperation("finding a transformation from \(source.name) to \(target.name)", zh: "查找从 \(source.name) 到 \(target.name) 的坐标转换"))
        }
        defer { proj_destroy(operation) }
        // Longitude/easting first on both sides; returns NULL on error.
        guard let normalized = proj_normalize_for_visualization(context.raw, operation) else {
            throw context.failure(LibraryOperation("normalising the axis order from \(source.name) to \(target.name)", zh: "规范从 \(source.name) 到 \(target.name) 的坐标轴顺序"))
        }
        self.raw = normalized
        self.context = context
    }

    deinit { proj_destroy(raw) }

    /// Transforms points in place. Points PROJ cannot transform become infinite and are counted as an error.
    public func transform(_ points: inout [XY]) throws(ProjError) {
        try points.withUnsafeMutableBufferPointer { buffer throws(ProjError) in try transform(buffer) }
    }

    /// Transforms points in place in a caller's buffer.
    public func transform(_ points: UnsafeMutableBufferPointer<XY>) throws(ProjError) {
        guard let base = points.baseAddress, points.count > 0 else { return }
        let stride = MemoryLayout<XY>.stride
        let raw = UnsafeMutableRawPointer(base)
        let x = raw.assumingMemoryBound(to: Double.self)
        let y = (raw + MemoryLayout<Double>.stride).assumingMemoryBound(to: Double.self)
        context.resetMessages()
        proj_errno_reset(self.raw)  // resets the object's and its context's error number
        // returns the number of points processed; failures are flagged per point with HUGE_VAL
        let done = proj_trans_generic(self.raw, PJ_FWD, x, stride, points.count, y, stride, points.count,
                                      nil, 0, 0, nil, 0, 0)
        guard done == points.count, points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
            throw context.failure(LibraryOperation("transforming \(points.count) points", zh: "转换 \(points.count) 个点的坐标"))
        }
    }
}
