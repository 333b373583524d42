package io.configdrift.collector.cli;

import io.configdrift.protocol.Fingerprinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The fleet fingerprint key, for commands that fingerprint values here: the key never leaves this
 * machine, and neither do the values it fingerprints.
 */
final class FingerprintKeyOption {
  @Option(names = "--fingerprint-key-file", paramLabel = "FILE",
      description = "File holding the fleet fingerprint key (default: the key in $CONFIGDRIFT_FINGERPRINT_KEY).")
  Path keyFile;

  /** HMAC-SHA256 under the fleet key, or plain SHA-256 when no key is given. */
  Fingerprinter fingerprinter() throws IOException {
    if (keyFile == null) {
      return Fingerprinter.withKey(System.getenv(Fingerprinter.KEY_ENVIRONMENT_VARIABLE));
    }
    String key = Files.readString(keyFile).trim();
    if (key.isEmpty()) {
      throw new CliException(keyFile + ": the fingerprint key file is empty");
    }
    return Fingerprinter.withKey(key);
  }
}
