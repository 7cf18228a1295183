import CGSL

/// One-time process set-up for GSL.
///
/// GSL's default error handler prints and calls `abort()`. The GSL manual recommends
/// switching it off in production code and checking return codes instead; the handler is a
/// single static variable, so it is switched off exactly once, before any stream exists,
/// through the lazily initialised (and therefore thread-safe, run-once) `prepared` constant.
enum GSLRuntime {
  /// Reading this constant guarantees `gsl_set_error_handler_off()` has run.
  static let prepared: Void = {
    _ = gsl_set_error_handler_off()
  }()
}

/// A GSL routine reported a failure through its return code.
public struct GSLError: Error, CustomStringConvertible, Equatable {
  /// The GSL status code (`GSL_EDOM`, `GSL_ENOMEM`, …).
  public let code: Int32
  /// The GSL function that reported it.
  public let function: String

  /// The message GSL gives for the code (`gsl_strerror`), prefixed with the function.
  public var description: String {
    "\(function): \(String(cString: gsl_strerror(code)))"
  }
}
