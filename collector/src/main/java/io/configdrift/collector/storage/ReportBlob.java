package io.configdrift.collector.storage;

import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportCodec;
import io.configdrift.protocol.ReportJsonWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A report as stored: gzip-compressed JSON, a fraction of the size of the plain text. Written
 * without the indentation reports for people have, which would only cost time here; read back
 * through {@link ReportCodec}, which guards against hostile nesting.
 */
final class ReportBlob {
  private static final ReportCodec CODEC = new ReportCodec();

  private ReportBlob() {}

  static byte[] compress(Report report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (OutputStream gzip = new FastGzipOutputStream(bytes)) {
      ReportJsonWriter.writeCompact(report, gzip);
    } catch (IOException e) {
      throw new UncheckedIOException("a report could not be compressed", e);
    }
    return bytes.toByteArray();
  }

  static Report decompress(byte[] blob) {
    try (InputStream json = new GZIPInputStream(new ByteArrayInputStream(blob))) {
      return CODEC.read(json);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored report could not be read", e);
    }
  }

  /** Every ingest compresses a report; the fastest level costs little size on repetitive JSON. */
  private static final class FastGzipOutputStream extends GZIPOutputStream {
    FastGzipOutputStream(OutputStream out) throws IOException {
      super(out, 8192);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
