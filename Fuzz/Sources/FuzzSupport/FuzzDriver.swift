/// libFuzzer's driver (LLVMFuzzerRunDriver, in the runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Runs libFuzzer with the process's arguments on `callback`. SwiftPM links an executable target's entry
/// point under its own name, so each target's entry point calls this instead of relying on libFuzzer's main.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = CommandLine.argc
    var argv = Optional(CommandLine.unsafeArgv)
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
