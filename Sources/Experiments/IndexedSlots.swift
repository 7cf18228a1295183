/// Write-once storage, one slot per index; distinct indices are written from distinct
/// threads without locking, and read only after every write has finished.
final class IndexedSlots<T>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<T?>

  init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil)
  }

  deinit {
    buffer.deinitialize()
    buffer.deallocate()
  }

  func store(_ value: T, at index: Int) { buffer[index] = value }

  /// Every slot's value in index order; each slot must have been written.
  func values() -> [T] { buffer.map { $0! } }
}
