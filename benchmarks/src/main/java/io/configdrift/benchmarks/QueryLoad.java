package io.configdrift.benchmarks;

import io.configdrift.protocol.ReportCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Query cost on a running collector: seeds one service of {@code instances} instances and
 * {@code keys} keys over four scopes and {@code services} small services, then times the matrix
 * of the large service and the drift summary of all services (the first, uncached call).
 *
 * <p>{@code java -cp benchmarks.jar io.configdrift.benchmarks.QueryLoad URL [instances] [keys] [services]}
 */
public final class QueryLoad {
  private static final String[][] SCOPES = {
    {"staging", "us-east-1"}, {"staging", "eu-west-1"}, {"production", "us-east-1"}, {"production", "eu-west-1"}};

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/+$", "");
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int keys = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int services = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    HttpClient http = HttpClient.newHttpClient();
    ReportCodec codec = new ReportCodec();
    for (int i = 0; i < instances; i++) {
      String[] scope = SCOPES[i % SCOPES.length];
      post(http, base, codec.toJson(SyntheticReports.report("large", scope[0], scope[1], "large-" + i, keys, i % 3, 1)));
    }
    for (int s = 0; s < services; s++) {
      for (int i = 0; i < 3; i++) {
        String[] scope = SCOPES[i % SCOPES.length];
        post(http, base, codec.toJson(SyntheticReports.report("service-" + s, scope[0], scope[1], "i-" + i, 20, i, 1)));
      }
    }
    List<Double> matrix = new ArrayList<>();
    for (int run = 0; run < 11; run++) {
      matrix.add(time(http, base + "/v1/services/large/matrix"));
    }
    double summary = time(http, base + "/v1/services");
    double summaryCached = time(http, base + "/v1/services");
    Collections.sort(matrix);
    System.out.printf("matrix(%d instances x %d keys): median %.0f ms, max %.0f ms; "
        + "summary of %d services: first %.0f ms, cached %.0f ms%n",
        instances, keys, matrix.get(matrix.size() / 2), matrix.get(matrix.size() - 1), services + 1, summary, summaryCached);
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
