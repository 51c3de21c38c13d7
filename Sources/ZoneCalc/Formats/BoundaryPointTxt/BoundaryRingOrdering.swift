/// Ring arithmetic for the writer: shoelace area, orientation and the cadastral start
/// vertex (部标界址点坐标交换格式: numbering starts at the north-west corner and runs clockwise).
/// Rings here are open (no repeated closing vertex), in easting/northing metres.
enum BoundaryRingOrdering {
    /// Shoelace area with x = easting, y = northing: positive when counter-clockwise on the map.
    static func signedArea(_ ring: [BoundaryVertex]) -> Double {
        var twiceArea = 0.0
        for (index, point) in ring.enumerated() {
            let next = ring[(index + 1) % ring.count]
            twiceArea += point.easting * next.northing - next.easting * point.northing
        }
        return twiceArea / 2
    }

    /// The ring clockwise on the map, starting at its north-west-most vertex: the one
    /// nearest to the north-west corner of its bounding box (the first such, on ties).
    static func cadastralExterior(_ ring: [BoundaryVertex]) -> [BoundaryVertex] {
        let clockwise = signedArea(ring) > 0 ? reversedKeepingStart(ring) : ring
        let west = clockwise.map(\.easting).min()!
        let north = clockwise.map(\.northing).max()!
        func distanceSquared(_ point: BoundaryVertex) -> Double {
            (point.easting - west) * (point.easting - west) + (north - point.northing) * (north - point.northing)
        }
        let start = clockwise.indices.min { distanceSquared(clockwise[$0]) < distanceSquared(clockwise[$1]) }!
        return Array(clockwise[start...] + clockwise[..<start])
    }

    /// The ring counter-clockwise on the map, keeping its start vertex.
    static func counterClockwiseHole(_ ring: [BoundaryVertex]) -> [BoundaryVertex] {
        signedArea(ring) < 0 ? reversedKeepingStart(ring) : ring
    }

    private static func reversedKeepingStart(_ ring: [BoundaryVertex]) -> [BoundaryVertex] {
        [ring[0]] + ring.dropFirst().reversed()
    }
}
