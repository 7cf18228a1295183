import Foundation

/// A file-system operation failed, as one line naming the path and the system's reason:
/// `policysim: cannot write results/x/summary.csv: No space left on device`.
public struct IOFailure: Error, CustomStringConvertible, Sendable {
  /// What was attempted: "read", "write", "create", "replace", "lock"...
  public let action: String
  public let path: String
  /// The `errno` value.
  public let code: Int32

  public init(_ action: String, _ path: String, code: Int32) {
    self.action = action
    self.path = path
    self.code = code
  }

  /// The failure of the last system call, from `errno`.
  public static func fromErrno(_ action: String, _ path: String) -> IOFailure {
    IOFailure(action, path, code: errno)
  }

  /// A Foundation error thrown while `action`ing `path`, reduced to its POSIX code.
  public init(_ action: String, _ path: String, error: any Error) {
    self.init(action, path, code: Self.posixCode(of: error))
  }

  /// True when the input does not exist or cannot be opened (exit status 66, EX_NOINPUT);
  /// any other failure is exit status 74 (EX_IOERR).
  public var isMissingInput: Bool { [ENOENT, ENOTDIR, EACCES, EISDIR, ELOOP, ENAMETOOLONG].contains(code) && action == "read" }

  public var description: String { "policysim: cannot \(action) \(path): \(String(cString: strerror(code)))".oneLine }

  private static func posixCode(of error: any Error) -> Int32 {
    let bridged = error as NSError
    if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return Int32(underlying.code)
    }
    if bridged.domain == NSPOSIXErrorDomain { return Int32(bridged.code) }
    switch CocoaError.Code(rawValue: bridged.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
    case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
    case .fileWriteOutOfSpace: return ENOSPC
    case .fileWriteVolumeReadOnly: return EROFS
    case .fileWriteFileExists: return EEXIST
    default: return EIO
    }
  }
}
