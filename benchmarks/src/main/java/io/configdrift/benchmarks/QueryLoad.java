package io.configdrift.benchmarks;

import io.configdrift.protocol.ReportJsonWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Query cost on a running collector: seeds one service of {@code instances} instances and
 * {@code keys} keys over four scopes and {@code services} small services, then times the drift
 * summary of all services (the first call of the process, then a cached call, then three uncached
 * calls once the overview cache has expired), and, after warming up, the matrix of the large
 * service: right after one of its instances reported a changed value (so only that instance's
 * report is parsed again) and repeated without a change.
 *
 * <p>{@code java -cp benchmarks.jar io.configdrift.benchmarks.QueryLoad URL [instances] [keys] [services]}
 */
public final class QueryLoad {
  private static final String[][] SCOPES = {
    {"staging", "us-east-1"}, {"staging", "eu-west-1"}, {"production", "us-east-1"}, {"production", "eu-west-1"}};

  private static final int WARM_UP_RUNS = 20;
  private static final int MEASURED_RUNS = 21;
  private static final long OVERVIEW_CACHE_MILLIS = 19_000;

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/+$", "");
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int keys = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int services = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < instances; i++) {
      String[] scope = SCOPES[i % SCOPES.length];
      post(http, base, ReportJsonWriter.toJson(SyntheticReports.report("large", scope[0], scope[1], "large-" + i, keys, i % 3, 1)));
    }
    for (int s = 0; s < services; s++) {
      for (int i = 0; i < 3; i++) {
        String[] scope = SCOPES[i % SCOPES.length];
        post(http, base, ReportJsonWriter.toJson(SyntheticReports.report("service-" + s, scope[0], scope[1], "i-" + i, 20, i, 1)));
      }
    }
    double summary = time(http, base + "/v1/services");
    double summaryCached = time(http, base + "/v1/services");
    List<Double> summaryUncached = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      // The collector keeps an overview for a tenth of the live window (18 s by default); past that,
      // it works every service out again, now with its code compiled.
      Thread.sleep(OVERVIEW_CACHE_MILLIS);
      summaryUncached.add(time(http, base + "/v1/services"));
    }
    String matrixUrl = base + "/v1/services/large/matrix";
    for (int run = 0; run < WARM_UP_RUNS; run++) {
      time(http, matrixUrl);
    }
    List<Double> repeated = new ArrayList<>();
    List<Double> afterChange = new ArrayList<>();
    for (int run = 0; run < MEASURED_RUNS; run++) {
      repeated.add(time(http, matrixUrl));
      // One instance changes a value, as in a rollout: the next matrix reads the service afresh.
      post(http, base, ReportJsonWriter.toJson(SyntheticReports.report("large", SCOPES[0][0], SCOPES[0][1], "large-0", keys,
          3 + run, 2 + run)));
      afterChange.add(time(http, matrixUrl));
    }
    System.out.printf("matrix(%d instances x %d keys): after a change median %.0f ms, max %.0f ms; repeated median %.0f ms; "
        + "summary of %d services: first %.0f ms, uncached median %.0f ms, cached %.0f ms%n",
        instances, keys, median(afterChange), Collections.max(afterChange), median(repeated), services + 1, summary,
        median(summaryUncached), summaryCached);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void post(HttpClient http, String base, byte[] json) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/reports"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException("seeding failed: " + response.statusCode() + " " + response.body());
    }
  }

  private static double time(HttpClient http, String url) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    double took = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return took;
  }
}
