package io.configdrift.collector.query;

import io.configdrift.collector.engine.DriftEngine;
import io.configdrift.collector.engine.EngineResult;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.Matrix;
import io.configdrift.collector.engine.MatrixBuilder;
import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.ScopeSnapshot;
import io.configdrift.collector.policy.Policy;
import io.configdrift.collector.storage.ServiceSummary;
import io.configdrift.collector.storage.Storage;
import io.configdrift.collector.storage.TimelineEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The questions the collector answers, put together from storage and the engine: what drifts
 * between two scopes, the matrix of a service, its timeline, the overview of all services. Both the
 * HTTP API and the alerting use it; it knows nothing of HTTP.
 *
 * <p>Only live instances count: those that reported within {@code liveWindow} (three agent
 * intervals). A service's live snapshots and its overview are cached until one of its reports
 * changes something on this collector, or for a tenth of the live window at most, so that repeated
 * views of a fleet whose configuration is steady cost no storage reads. (A second collector on the
 * same database sees another collector's changes within that tenth.)
 */
public final class DriftQueries {
  /** Above this many services to work out, the overview reads every service in one go. */
  private static final int BULK_READ_THRESHOLD = 20;

  private final Storage storage;
  private final DriftEngine engine;
  private final MatrixBuilder matrices;
  private final Policy policy;
  private final Duration liveWindow;
  private final Clock clock;
  private final Map<String, CachedOverview> overviews = new ConcurrentHashMap<>();
  private final Map<String, CachedSnapshots> snapshots = new ConcurrentHashMap<>();

  public DriftQueries(Storage storage, DriftEngine engine, Policy policy, Duration liveWindow, Clock clock) {
    this.storage = storage;
    this.engine = engine;
    this.matrices = new MatrixBuilder(engine);
    this.policy = policy;
    this.liveWindow = liveWindow;
    this.clock = clock;
  }

  /** Thrown for a service the collector has never heard of. */
  public static final class UnknownServiceException extends RuntimeException {
    public UnknownServiceException(String service) {
      super("no instance of service '" + service + "' has reported", null, false, false);
    }
  }

  public List<ServiceOverview> services() {
    List<ServiceSummary> summaries = storage.services();
    Instant now = clock.instant();
    // An overview's findings are worked out from the service's snapshots and kept as long as those
    // are, so it is the snapshots' staleness that calls for a bulk read.
    List<String> unread = summaries.stream().map(ServiceSummary::service)
        .filter(service -> freshSnapshots(service, now) == null).toList();
    if (unread.size() > BULK_READ_THRESHOLD) {
      readServices(unread, now);
    }
    // Overviews are independent of each other, so they are worked out side by side.
    return summaries.parallelStream().map(this::overview).toList();
  }

  /** Caches the live snapshots of the services from one bulk read instead of a few queries per service. */
  private void readServices(List<String> services, Instant now) {
    Map<String, List<ScopeSnapshot>> live = storage.liveSnapshots(now.minus(liveWindow));
    for (String service : services) {
      snapshots.put(service, new CachedSnapshots(List.copyOf(live.getOrDefault(service, List.of())), now));
    }
  }

  public List<Scope> scopes(String service) {
    requireKnown(service);
    return storage.scopes(service, liveSince());
  }

  /** The findings between scopes {@code a} and {@code b} of the service. */
  public DriftAnswer drift(String service, Scope a, Scope b) {
    requireKnown(service);
    Instant now = clock.instant();
    EngineResult result = engine.evaluate(service,
        List.of(storage.snapshot(service, a, liveSince()), storage.snapshot(service, b, liveSince())), policy, now);
    return new DriftAnswer(service, a.toString(), b.toString(), result.findings(), result.allowed().size(),
        result.baselinedCount());
  }

  /** Every finding among all live scopes of the service (environment/region level). */
  public EngineResult allFindings(String service) {
    return engine.evaluate(service, liveSnapshots(service), policy, clock.instant());
  }

  public Matrix matrix(String service) {
    requireKnown(service);
    return matrices.build(service, liveSnapshots(service), policy, clock.instant());
  }

  public List<TimelineEntry> history(String service, String source, String key) {
    requireKnown(service);
    return storage.history(service, source, key);
  }

  /** Forgets the cached overview of a service whose data just changed. */
  public void changed(String service) {
    snapshots.remove(service);
    overviews.remove(service);
  }

  /** The service's cached snapshots while they are fresh, else null. */
  private List<ScopeSnapshot> freshSnapshots(String service, Instant now) {
    CachedSnapshots cached = snapshots.get(service);
    return cached != null && isFresh(cached.computedAt, now) ? cached.snapshots : null;
  }

  private List<ScopeSnapshot> liveSnapshots(String service) {
    Instant now = clock.instant();
    List<ScopeSnapshot> cached = freshSnapshots(service, now);
    if (cached != null) {
      return cached;
    }
    Instant since = now.minus(liveWindow);
    List<ScopeSnapshot> live = new ArrayList<>();
    for (Scope scope : storage.scopes(service, since)) {
      live.add(storage.snapshot(service, scope, since));
    }
    List<ScopeSnapshot> kept = List.copyOf(live);
    snapshots.put(service, new CachedSnapshots(kept, now));
    return kept;
  }

  private boolean isFresh(Instant computedAt, Instant now) {
    return computedAt.plus(liveWindow.dividedBy(10)).isAfter(now);
  }

  /**
   * The service's counts of findings are worked out again only when its snapshots are (a change, or
   * the freshness bound); its instances and last sighting, which move with every report, come from
   * the summary.
   */
  private ServiceOverview overview(ServiceSummary summary) {
    String service = summary.service();
    List<ScopeSnapshot> live = liveSnapshots(service);
    CachedOverview cached = overviews.get(service);
    if (cached == null || cached.snapshots != live) {
      EngineResult result = engine.evaluate(service, live, policy, clock.instant());
      Map<String, Integer> byKind = new TreeMap<>();
      for (Finding finding : result.findings()) {
        byKind.merge(finding.kind().wireName(), 1, Integer::sum);
      }
      cached = new CachedOverview(live, byKind, result.findings().size());
      overviews.put(service, cached);
    }
    return new ServiceOverview(service, summary.instances(), live.size(), summary.lastSeen(), cached.byKind,
        cached.findings);
  }

  private void requireKnown(String service) {
    // One service's instances, not the list of every service: this runs on every request.
    if (storage.instances(service).isEmpty()) {
      throw new UnknownServiceException(service);
    }
  }

  private Instant liveSince() {
    return clock.instant().minus(liveWindow);
  }

  /** Findings counted from exactly these snapshots (compared by identity with the cached ones). */
  private record CachedOverview(List<ScopeSnapshot> snapshots, Map<String, Integer> byKind, int findings) {}

  private record CachedSnapshots(List<ScopeSnapshot> snapshots, Instant computedAt) {}
}
