package io.configdrift.benchmarks;

import io.configdrift.protocol.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest load on a running collector: {@code clients} concurrent agents, each re-sending its
 * {@code keys}-key report (unchanged content, rising sequence, gzip) as fast as answers come, for
 * {@code seconds} after {@code warm-up} seconds. Prints reports/s and latency percentiles; loopback
 * only, bounded in time.
 *
 * <p>{@code java -cp benchmarks.jar io.configdrift.benchmarks.IngestLoad URL [clients] [seconds] [keys] [warm-up]}
 */
public final class IngestLoad {
  public static void main(String[] args) throws Exception {
    String url = args[0].replaceAll("/+$", "") + "/v1/reports";
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int keys = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    // The collector's code is compiled only after some seconds of load, slower still when the load
    // generator takes half the cores; the figure is the steady state after that.
    int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    if (!url.startsWith("http://127.") && !url.startsWith("http://localhost")) {
      throw new IllegalArgumentException("load goes to loopback addresses only");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmUpSeconds).toNanos();
    long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread thread = new Thread(() -> run(http, url, client, keys, warmupEnd, end, latencies, errors));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("clients=%d keys=%d warm-up=%ds seconds=%d reports=%d errors=%d reports/s=%.0f p50=%.1fms p95=%.1fms p99=%.1fms%n",
        clients, keys, warmUpSeconds, seconds, sorted.size(), errors.get(), sorted.size() / (double) seconds,
        percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99));
  }

  private static void run(HttpClient http, String url, int client, int keys, long warmupEnd, long end,
      List<Long> latencies, AtomicLong errors) {
    // One report per client, re-sent with a rising sequence: the agent's steady state.
    Report report = SyntheticReports.report("load", client % 2 == 0 ? "staging" : "production",
        "us-east-1", "instance-" + client, keys, client % 3, 0);
    RisingSequenceBodies bodies;
    try {
      bodies = new RisingSequenceBodies(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long sequence = report.sequence;
    while (System.nanoTime() < end) {
      sequence++;
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Encoding", "gzip").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.body(sequence))).build();
        long start = System.nanoTime();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        long took = System.nanoTime() - start;
        if (response.statusCode() >= 300) {
          errors.incrementAndGet();
        } else if (start > warmupEnd) {
          latencies.add(took);
        }
      } catch (IOException | InterruptedException e) {
        errors.incrementAndGet();
      }
    }
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }
}
