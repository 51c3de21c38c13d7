/// One feature's (or a total's) area by each method computed, in m².
public struct MeasuredArea: Sendable, Equatable {
    public var planar: Double?
    public var ellipsoidal: Double?
    public var geodesic: Double?

    public init(planar: Double? = nil, ellipsoidal: Double? = nil, geodesic: Double? = nil) {
        self.planar = planar; self.ellipsoidal = ellipsoidal; self.geodesic = geodesic
    }

    public subscript(method: AreaMethod) -> Double? {
        get {
            switch method {
            case .planar: return planar
            case .ellipsoidal: return ellipsoidal
            case .geodesic: return geodesic
            }
        }
        set {
            switch method {
            case .planar: planar = newValue
            case .ellipsoidal: ellipsoidal = newValue
            case .geodesic: geodesic = newValue
            }
        }
    }

    /// Every method's area times `factor`.
    public func scaled(by factor: Double) -> MeasuredArea {
        var result = MeasuredArea()
        for method in AreaMethod.allCases { result[method] = self[method].map { $0 * factor } }
        return result
    }

    /// Adds another area method by method (a method missing on either side stays as it is).
    public mutating func add(_ other: MeasuredArea) {
        for method in AreaMethod.allCases {
            if let value = other[method] { self[method] = (self[method] ?? 0) + value }
        }
    }
}
