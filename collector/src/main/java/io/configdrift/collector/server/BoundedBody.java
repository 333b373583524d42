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

  static byte[] read(InputStream raw, boolean gzip, long limit) throws IOException {
    try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
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
