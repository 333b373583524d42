package io.configdrift.collector.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a request body up to a limit, unzipping it when the client sent it gzip-compressed. The
 * limit holds for the unzipped bytes too, so a small "zip bomb" is refused like a large body.
 */
final class BoundedBody {
  private BoundedBody() {}

  private static final int BUFFER_BYTES = 16 * 1024;

  static byte[] read(InputStream raw, boolean gzip, long limit) throws IOException {
    // GZIPInputStream's own default buffer (512 bytes) would read a report in dozens of calls.
    try (InputStream in = gzip ? new GZIPInputStream(raw, BUFFER_BYTES) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER_BYTES * 4);
      byte[] buffer = new byte[BUFFER_BYTES];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > limit) {
          throw new PayloadTooLargeException(limit);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** The body, unzipped, exceeds the configured limit. */
  static final class PayloadTooLargeException extends IOException {
    PayloadTooLargeException(long limit) {
      super("the report is larger than " + limit + " bytes (the collector's --max-report-bytes)");
    }
  }
}
