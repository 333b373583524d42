package io.configdrift.collector.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns what went wrong into one line a person can act on. */
final class UserErrors {
  private UserErrors() {}

  static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof UncheckedIOException)) {
      cause = cause.getCause();
    }
    if (cause instanceof NoSuchFileException || cause instanceof FileNotFoundException) {
      return "no such file: " + cause.getMessage();
    }
    if (cause instanceof AccessDeniedException) {
      return "permission denied: " + cause.getMessage();
    }
    if (cause instanceof ConnectException) {
      return "cannot connect: " + cause.getMessage();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
