package io.configdrift.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A small checkout service that reads its configuration the way the services in the drift stories
 * do: at start-up and on every request, through {@code System.getenv}, the environment map and
 * system properties, with silent fallbacks where the stories have them.
 *
 * <p>{@code java -jar demo-app.jar [--port N] [--exit-after-start]}; the port also comes from PORT.
 */
public final class CheckoutService {
  private final DatabaseSettings database;
  private final LoggingSettings logging;
  private final CheckoutFlow checkout;

  CheckoutService() {
    this.database = DatabaseSettings.load();
    this.logging = LoggingSettings.load();
    this.checkout = new CheckoutFlow();
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(option(args, "--port", System.getenv().getOrDefault("PORT", "8080")));
    CheckoutService service = new CheckoutService();
    // One checkout at start, as a warm-up request would, so every code path has read its settings.
    service.checkout.process(100);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"ok\"}"));
    server.createContext("/checkout", exchange -> respond(exchange, 200, service.checkout.process(100).toJson()));
    server.createContext("/settings", exchange -> respond(exchange, 200, service.describe()));
    server.setExecutor(Executors.newFixedThreadPool(Integer.getInteger("http.threads", 4)));
    server.start();
    System.out.println("checkout service ready on http://127.0.0.1:" + server.getAddress().getPort());
    if (java.util.Arrays.asList(args).contains("--exit-after-start")) {
      server.stop(0);
      System.exit(0);
    }
  }

  private String describe() {
    return "{\"dbTimeout\":\"" + database.timeout() + "\",\"poolSize\":" + database.poolSize()
        + ",\"logLevel\":\"" + logging.level() + "\",\"includeSensitive\":" + logging.includeSensitive() + "}";
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
