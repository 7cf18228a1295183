import Foundation

/// Which replication the calling thread is running, kept in thread-specific storage so that a
/// handler of a fatal signal (a trap in the model) can name the replication that failed.
public enum ReplicationInProgress {
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// Prepares the storage; call before installing a signal handler that reads ``current``.
  public static func prepare() { _ = key }

  static func set(_ replication: Int?) {
    pthread_setspecific(key, replication.flatMap { UnsafeRawPointer(bitPattern: $0 + 1) })
  }

  /// The replication running on this thread, if any. Async-signal-safe after ``prepare()``.
  public static var current: Int? {
    pthread_getspecific(key).map { Int(bitPattern: $0) - 1 }
  }
}
