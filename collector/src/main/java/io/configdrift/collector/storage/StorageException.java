package io.configdrift.collector.storage;

/** A database operation failed; carries what was being done and the database's own error. */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
