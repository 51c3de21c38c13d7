extension Sequence where Element == UInt8 {
    /// The bytes in lower-case hex, two digits each: how checksums and tokens are written.
    var hex: String {
        map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
