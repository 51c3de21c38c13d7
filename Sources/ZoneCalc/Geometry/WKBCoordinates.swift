/// The coordinates in ISO WKB, read without building a geometry.
enum WKBCoordinates {
    /// Whether every x and y (Z and M are not looked at) of a little- or big-endian ISO WKB geometry of linear types (points, lines,
    /// polygons, their multi-forms and collections; Z, M, ZM) is finite. False for WKB it cannot walk, so a
    /// geometry it cannot vouch for never reaches an output as if it were sound.
    static func allFinite(_ wkb: [UInt8]) -> Bool { wkb.withUnsafeBytes { allFinite($0) } }

    /// ``allFinite(_:)-([UInt8])`` of borrowed bytes.
    static func allFinite(_ wkb: UnsafeRawBufferPointer) -> Bool {
        var offset = 0, nonFinite = false
        return walk(wkb, &offset, &nonFinite) && offset == wkb.count
    }

    /// The ISO type of the outermost geometry without its dimensions (1 point, 2 line, 3 polygon, 4–6
    /// their multi-forms, 7 collection); nil for bytes that do not start a WKB geometry.
    static func baseType(_ wkb: [UInt8]) -> UInt32? {
        guard wkb.count >= 5, wkb[0] <= 1 else { return nil }
        let raw = wkb.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 1, as: UInt32.self) }
        return (wkb[0] == 1 ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)) % 1000
    }

    /// Whether the walk meets a NaN or infinite coordinate (false for WKB it cannot walk up to one).
    static func containsNonFinite(_ wkb: UnsafeRawBufferPointer) -> Bool {
        var offset = 0, nonFinite = false
        _ = walk(wkb, &offset, &nonFinite)
        return nonFinite
    }

    private static func walk(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int, _ nonFinite: inout Bool) -> Bool {
        guard offset + 5 <= bytes.count, bytes[offset] <= 1 else { return false }
        let little = bytes[offset] == 1
        func word(_ at: Int) -> UInt32 {
            let raw = bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)
            return little ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
        }
        let type = word(offset + 1)
        offset += 5
        let dimensions: Int
        switch type / 1000 {
        case 0: dimensions = 2
        case 1, 2: dimensions = 3
        case 3: dimensions = 4
        default: return false
        }
        func points(_ count: Int) -> Bool {
            guard count >= 0, offset + 8 * dimensions * count <= bytes.count else { return false }
            // x and y only: ArcGIS marks unset measures (and some heights) with NaN, which says nothing about the shape.
            for k in 0..<(count * dimensions) where k % dimensions < 2 {
                let raw = bytes.loadUnaligned(fromByteOffset: offset + 8 * k, as: UInt64.self)
                guard Double(bitPattern: little ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw)).isFinite else {
                    nonFinite = true
                    return false
                }
            }
            offset += 8 * dimensions * count
            return true
        }
        func count() -> Int? {
            guard offset + 4 <= bytes.count else { return nil }
            defer { offset += 4 }
            return Int(word(offset))
        }
        switch type % 1000 {
        case 1:
            return points(1)
        case 2:
            guard let n = count() else { return false }
            return points(n)
        case 3:
            guard let rings = count() else { return false }
            for _ in 0..<rings {
                guard let n = count(), points(n) else { return false }
            }
            return true
        case 4, 5, 6, 7:
            guard let parts = count(), parts <= bytes.count else { return false }
            for _ in 0..<parts where !walk(bytes, &offset, &nonFinite) { return false }
            return true
        default:
            return false
        }
    }
}
