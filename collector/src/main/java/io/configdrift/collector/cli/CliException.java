package io.configdrift.collector.cli;

/**
 * Something the user can fix (a missing file, malformed input, an unreachable collector), said in
 * one line. The message must never hold a configuration value that is not safe to print.
 */
final class CliException extends RuntimeException {
  CliException(String message) {
    super(message, null, false, false);
  }

  CliException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
