package io.configdrift.collector.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.query.DriftQueries;
import io.configdrift.collector.query.DriftQueries.UnknownServiceException;
import io.configdrift.collector.storage.IngestResult;
import io.configdrift.collector.storage.Storage;
import io.configdrift.protocol.Report;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP tier, kept thin: it checks tokens, turns requests into calls on {@link ReportIngestion}
 * and {@link DriftQueries}, and answers JSON. Bad input always gets a 4xx naming what is wrong;
 * a 500 means a bug, and never carries details.
 */
public final class CollectorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CollectorServer.class);

  private final Javalin app;
  private final ReportIngestion ingestion;
  private final DriftQueries queries;
  private final AccessControl access;

  /** What the server needs; {@code afterChange} runs after a report changed what is stored. */
  public record Settings(String host, int port, String ingestToken, String readToken, long maxReportBytes) {}

  public CollectorServer(Settings settings, Storage storage, DriftQueries queries, Clock clock,
      Consumer<Report> afterChange) {
    this.queries = queries;
    this.access = new AccessControl(settings.ingestToken(), settings.readToken());
    this.ingestion = new ReportIngestion(storage, settings.maxReportBytes(), clock, report -> {
      queries.changed(report.service);
      afterChange.accept(report);
    });
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(json, false));
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/web";
        files.location = Location.CLASSPATH;
      });
      // The report size limit is enforced while reading the body, also for gzip; this only stops Jetty's own default.
      config.http.maxRequestSize = settings.maxReportBytes() + 1;
    });
    routes();
    errors();
    app.start(settings.host(), settings.port());
  }

  public int port() {
    return app.port();
  }

  /** The page's policy, sent as headers too: a meta tag cannot forbid framing. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private void routes() {
    app.after(ctx -> {
      ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Referrer-Policy", "no-referrer");
    });
    app.post("/v1/reports", this::ingest);
    app.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
    app.get("/v1/services", reading(ctx -> queries.services()));
    app.get("/v1/services/{service}/scopes", reading(ctx -> queries.scopes(ctx.pathParam("service"))));
    app.get("/v1/services/{service}/matrix", reading(ctx -> queries.matrix(ctx.pathParam("service"))));
    app.get("/v1/services/{service}/history", reading(ctx -> queries.history(ctx.pathParam("service"),
        required(ctx, "source"), required(ctx, "key"))));
    app.get("/v1/services/{service}/findings", reading(ctx -> queries.allFindings(ctx.pathParam("service")).findings()));
    app.get("/v1/drift", reading(ctx -> queries.drift(required(ctx, "service"),
        scope(ctx, "a"), scope(ctx, "b"))));
  }

  private void ingest(Context ctx) throws Exception {
    if (!allowed(ctx, access.mayIngest(ctx.header("Authorization")))) {
      return;
    }
    boolean gzip = "gzip".equalsIgnoreCase(ctx.header("Content-Encoding"));
    IngestResult result = ingestion.ingest(ctx.req().getInputStream(), gzip);
    ctx.status(result.stored() ? 202 : 200).json(Map.of("stored", result.stored(), "changed", result.changed()));
  }

  private Handler reading(Function<Context, Object> answer) {
    return ctx -> {
      if (allowed(ctx, access.mayRead(ctx.header("Authorization")))) {
        ctx.json(answer.apply(ctx));
      }
    };
  }

  private static boolean allowed(Context ctx, AccessControl.Verdict verdict) {
    switch (verdict) {
      case MISSING:
        ctx.status(401).header("WWW-Authenticate", "Bearer").json(ApiError.of("this endpoint needs a token: send Authorization: Bearer <token>"));
        return false;
      case WRONG:
        ctx.status(403).json(ApiError.of("the token is not valid for this endpoint"));
        return false;
      default:
        return true;
    }
  }

  private void errors() {
    app.exception(InvalidReportException.class, (e, ctx) -> ctx.status(400).json(new ApiError(e.getMessage(), e.field())));
    app.exception(BoundedBody.PayloadTooLargeException.class, (e, ctx) -> ctx.status(413).json(ApiError.of(e.getMessage())));
    app.exception(UnknownServiceException.class, (e, ctx) -> ctx.status(404).json(ApiError.of(e.getMessage())));
    app.exception(BadRequestException.class, (e, ctx) -> ctx.status(400).json(new ApiError(e.getMessage(), e.parameter)));
    app.exception(java.io.EOFException.class, (e, ctx) -> ctx.status(400).json(ApiError.of("the body ended too early")));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
      ctx.status(500).json(ApiError.of("the collector failed unexpectedly; see its log"));
    });
    app.error(404, ctx -> {
      if (ctx.result() == null) {
        ctx.json(ApiError.of("no such endpoint: " + ctx.method() + " " + ctx.path()));
      }
    });
  }

  private static String required(Context ctx, String parameter) {
    String value = ctx.queryParam(parameter);
    if (value == null || value.isBlank()) {
      throw new BadRequestException(parameter, "the query parameter '" + parameter + "' is required");
    }
    return value;
  }

  private static Scope scope(Context ctx, String parameter) {
    try {
      return Scope.parse(required(ctx, parameter));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(parameter, parameter + ": " + e.getMessage());
    }
  }

  /** A request whose query parameters do not make sense. */
  static final class BadRequestException extends RuntimeException {
    final String parameter;

    BadRequestException(String parameter, String message) {
      super(message, null, false, false);
      this.parameter = parameter;
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
