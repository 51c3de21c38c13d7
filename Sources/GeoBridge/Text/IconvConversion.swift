import Glibc

/// Why an iconv conversion stopped.
public enum IconvFailure: Error, Equatable, Sendable {
    /// `iconv_open` does not know the pair of encodings.
    case unsupportedEncoding(from: String, to: String)
    /// The input holds a sequence that is invalid in the source encoding, or a character the
    /// target encoding cannot represent, or is truncated inside a sequence; `byteOffset` is
    /// where that sequence starts in the input.
    case invalidSequence(byteOffset: Int)
}

/// Converts `bytes` from one encoding to another with glibc's iconv, strictly (no
/// transliteration, no skipping).
///
/// swift-corelibs-foundation's `String(data:encoding:)` does not reliably support GB18030
/// on Linux, hence iconv. Encoding names are glibc's (`UTF-8`, `GB18030`, `GBK`, `UTF-16LE`).
public func iconvConvert(_ bytes: [UInt8], from source: String, to target: String) -> Result<[UInt8], IconvFailure> {
    if bytes.isEmpty { return .success([]) }
    let descriptor = iconv_open(target, source)
    // iconv_open returns (iconv_t)-1 on failure (errno EINVAL: unsupported conversion).
    guard let descriptor, Int(bitPattern: descriptor) != -1 else {
        return .failure(.unsupportedEncoding(from: source, to: target))
    }
    defer { iconv_close(descriptor) }

    var input = bytes
    var output = [UInt8](repeating: 0, count: max(16, bytes.count * 4))
    var outputUsed = 0
    var inputUsed = 0
    while true {
        let step = input.withUnsafeMutableBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer in
                convertOnce(descriptor, inputBuffer, from: inputUsed, outputBuffer, from: outputUsed)
            }
        }
        inputUsed = step.inputUsed
        outputUsed = step.outputUsed
        switch step.errorNumber {
        case nil:
            return .success(Array(output[..<outputUsed]))
        case E2BIG:
            output.append(contentsOf: repeatElement(0, count: output.count))
        default:
            // EILSEQ (invalid input / unrepresentable character) or EINVAL (truncated input).
            return .failure(.invalidSequence(byteOffset: inputUsed))
        }
    }
}

/// One `iconv` call over the unconverted rest of the input; on success also flushes the
/// shift state. Returns the new positions and `errno` when the call failed.
private func convertOnce(
    _ descriptor: iconv_t,
    _ input: UnsafeMutableRawBufferPointer, from inputStart: Int,
    _ output: UnsafeMutableRawBufferPointer, from outputStart: Int
) -> (inputUsed: Int, outputUsed: Int, errorNumber: Int32?) {
    let inputBase = input.baseAddress.map { $0.assumingMemoryBound(to: CChar.self) }
    let outputBase = output.baseAddress!.assumingMemoryBound(to: CChar.self)
    var inputPointer: UnsafeMutablePointer<CChar>? = inputBase.map { $0 + inputStart }
    var inputLeft = input.count - inputStart
    var outputPointer: UnsafeMutablePointer<CChar>? = outputBase + outputStart
    var outputLeft = output.count - outputStart
    var result = iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
    // iconv returns (size_t)-1 on failure and sets errno.
    if result != -1 {
        result = iconv(descriptor, nil, nil, &outputPointer, &outputLeft)
    }
    let errorNumber: Int32? = result == -1 ? errno : nil
    let inputUsed = input.count - inputLeft
    let outputUsed = output.count - outputLeft
    return (inputUsed, outputUsed, errorNumber)
}
