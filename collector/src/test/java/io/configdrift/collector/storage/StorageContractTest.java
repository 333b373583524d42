package io.configdrift.collector.storage;

import static io.configdrift.collector.storage.ReportBuilder.fingerprint;
import static io.configdrift.collector.storage.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.configdrift.collector.engine.Scope;
import io.configdrift.collector.engine.ScopeSnapshot;
import io.configdrift.collector.engine.ValueKey;
import io.configdrift.protocol.Report;
import io.configdrift.protocol.ReportJsonWriter;
import io.configdrift.protocol.Sources;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} must do, run against a real database by each subclass. Each test gets
 * a fresh, empty database.
 */
abstract class StorageContractTest {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final Instant T1 = T0.plusSeconds(60);
  static final Instant T2 = T0.plusSeconds(120);
  static final Instant T3 = T0.plusSeconds(180);
  static final Scope PRODUCTION = Scope.parse("production");
  static final Scope PRODUCTION_EU = Scope.parse("production/eu-west-1");


  /** The URL of the test's database, the same for every storage a test opens. */
  protected String url;
  protected Storage storage;
  private final List<Storage> opened = new ArrayList<>();

  /** A JDBC URL of a new, empty database. */
  protected abstract String createDatabase() throws Exception;

  /** Removes what {@link #createDatabase()} made, after every storage on it is closed. */
  protected abstract void dropDatabase() throws Exception;

  @BeforeEach
  void openStorage() throws Exception {
    url = createDatabase();
    storage = open();
  }

  @AfterEach
  void closeStorages() throws Exception {
    opened.forEach(Storage::close);
    dropDatabase();
  }

  /** Another storage on the test's database, as a second collector (or a restart) would open it. */
  protected Storage open() {
    Storage another = StorageFactory.open(url);
    opened.add(another);
    return another;
  }

  @Test
  void storesReportsAndGivesThemBackInSnapshots() {
    Report first = report("checkout", "production", "eu-west-1", "pod-1").sequence(1)
        .read("DB_POOL_SIZE", "10").hiddenRead("DB_PASSWORD", "hunter2").unsetRead("FEATURE_X")
        .available("PATH", "/usr/bin").build();
    Report second = report("checkout", "production", "eu-west-1", "pod-2").sequence(7)
        .read("DB_POOL_SIZE", "20").build();

    assertThat(storage.ingest(first, T0)).isEqualTo(new IngestResult(true, true));
    assertThat(storage.ingest(second, T1)).isEqualTo(new IngestResult(true, true));

    ScopeSnapshot snapshot = storage.snapshot("checkout", PRODUCTION_EU, T0);
    assertThat(snapshot.scope()).isEqualTo(PRODUCTION_EU);
    assertThat(json(snapshot.reports())).containsExactly(json(first), json(second));
    assertThat(snapshot.firstSeen()).containsOnly(
        entry("DB_POOL_SIZE", fingerprint("10"), T0),
        entry("DB_PASSWORD", fingerprint("hunter2"), T0),
        entry("FEATURE_X", null, T0),
        entry("DB_POOL_SIZE", fingerprint("20"), T1));
  }

  @Test
  void ignoresLowerSequencesAndAcceptsTheSameReportTwice() {
    Report newer = report("checkout", "production", "eu-west-1", "pod-1").sequence(5).read("TIMEOUT", "5s").build();
    Report older = report("checkout", "production", "eu-west-1", "pod-1").sequence(4).read("TIMEOUT", "1s").build();
    storage.ingest(newer, T0);

    assertThat(storage.ingest(older, T1)).isEqualTo(new IngestResult(false, false));
    assertThat(storage.ingest(newer, T2)).isEqualTo(new IngestResult(true, false));

    assertThat(json(storage.snapshot("checkout", PRODUCTION, T0).reports())).containsExactly(json(newer));
    assertThat(storage.instances("checkout")).singleElement()
        .satisfies(instance -> assertThat(instance.sequence()).isEqualTo(5))
        .satisfies(instance -> assertThat(instance.lastSeen()).isEqualTo(T2));
    assertThat(storage.history("checkout", Sources.ENV, "TIMEOUT")).singleElement()
        .satisfies(entry -> assertThat(entry.value()).isEqualTo("5s"));
  }

  @Test
  void aRestartedAgentsFirstReportSupersedesTheEarlierRun() {
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-1").startedAt(T0).sequence(5)
        .read("TIMEOUT", "5s").build(), T1);
    Report afterRestart = report("checkout", "production", "eu-west-1", "pod-1").startedAt(T2).sequence(1)
        .read("TIMEOUT", "9s").build();

    assertThat(storage.ingest(afterRestart, T3)).isEqualTo(new IngestResult(true, true));
    assertThat(json(storage.snapshot("checkout", PRODUCTION, T0).reports())).containsExactly(json(afterRestart));
    Report lateFromOldRun = report("checkout", "production", "eu-west-1", "pod-1").startedAt(T0).sequence(6).build();
    assertThat(storage.ingest(lateFromOldRun, T3).stored()).isFalse();
  }

  @Test
  void unchangedContentOnlyAdvancesLastSeenAndReplacesTheLatestReport() {
    ReportBuilder pod = report("checkout", "production", "eu-west-1", "pod-1").read("TIMEOUT", "5s").unsetRead("X");
    storage.ingest(pod.sequence(1).counted(1).build(), T0);

    Report sameContentNewCounts = pod.sequence(2).counted(99).serviceVersion("1.0.1").build();
    assertThat(storage.ingest(sameContentNewCounts, T1)).isEqualTo(new IngestResult(true, false));

    assertThat(storage.history("checkout", Sources.ENV, "TIMEOUT")).singleElement().satisfies(entry -> {
      assertThat(entry.firstSeen()).isEqualTo(T0);
      assertThat(entry.lastSeen()).isEqualTo(T1);
      assertThat(entry.instances()).isEqualTo(1);
    });
    assertThat(storage.history("checkout", Sources.ENV, "X")).singleElement()
        .satisfies(entry -> assertThat(entry.lastSeen()).isEqualTo(T1));
    assertThat(json(storage.snapshot("checkout", PRODUCTION, T0).reports())).containsExactly(json(sameContentNewCounts));
    assertThat(storage.instances("checkout")).singleElement().satisfies(instance -> {
      assertThat(instance.firstSeen()).isEqualTo(T0);
      assertThat(instance.lastSeen()).isEqualTo(T1);
      assertThat(instance.sequence()).isEqualTo(2);
      assertThat(instance.serviceVersion()).isEqualTo("1.0.1");
    });
  }

  @Test
  void anUnchangedReportFromTheSameRunKeepsTheStoredReportAndAdvancesTheInstance() {
    ReportBuilder pod = report("checkout", "production", "eu-west-1", "pod-1").read("TIMEOUT", "5s").unsetRead("X");
    Report first = pod.sequence(1).counted(1).build();
    String firstAsSent = json(first);
    storage.ingest(first, T0);

    assertThat(storage.ingest(pod.sequence(2).counted(50).build(), T1)).isEqualTo(new IngestResult(true, false));
    assertThat(storage.ingest(pod.sequence(3).counted(99).build(), T2)).isEqualTo(new IngestResult(true, false));

    assertThat(json(storage.snapshot("checkout", PRODUCTION, T0).reports())).containsExactly(firstAsSent);
    assertThat(storage.instances("checkout")).singleElement().satisfies(instance -> {
      assertThat(instance.sequence()).isEqualTo(3);
      assertThat(instance.lastSeen()).isEqualTo(T2);
    });
    assertThat(storage.history("checkout", Sources.ENV, "TIMEOUT")).singleElement()
        .satisfies(entry -> assertThat(entry.lastSeen()).isEqualTo(T2));
    Report changed = report("checkout", "production", "eu-west-1", "pod-1").sequence(4)
        .read("TIMEOUT", "9s").unsetRead("X").build();
    assertThat(storage.ingest(changed, T3)).isEqualTo(new IngestResult(true, true));
    assertThat(json(storage.snapshot("checkout", PRODUCTION, T0).reports())).containsExactly(json(changed));
  }

  @Test
  void aChangedValueStartsANewTimelineEntry() {
    ReportBuilder pod1 = report("checkout", "production", "eu-west-1", "pod-1");
    ReportBuilder pod2 = report("checkout", "production", "eu-west-1", "pod-2");
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-1").sequence(1).read("POOL", "10").build(), T0);
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-2").sequence(1).read("POOL", "10").build(), T0);

    IngestResult changed = storage.ingest(pod1.sequence(2).read("POOL", "20").build(), T2);
    storage.ingest(pod2.sequence(2).read("POOL", "10").build(), T3);

    assertThat(changed).isEqualTo(new IngestResult(true, true));
    assertThat(storage.history("checkout", Sources.ENV, "POOL")).containsExactly(
        new TimelineEntry("production", "eu-west-1", Sources.ENV, "POOL", fingerprint("10"), "10", T0, T3, 2,
            List.of("com.acme.Config.load(Config.java:12)")),
        new TimelineEntry("production", "eu-west-1", Sources.ENV, "POOL", fingerprint("20"), "20", T2, T2, 1,
            List.of("com.acme.Config.load(Config.java:12)")));
    assertThat(storage.snapshot("checkout", PRODUCTION_EU, T0).firstSeen()).containsOnly(
        entry("POOL", fingerprint("10"), T0), entry("POOL", fingerprint("20"), T2));
  }

  @Test
  void aValueNoLongerReportedIsLastSeenInTheInstancesLastReportWithIt() {
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-1").sequence(1).read("POOL", "10").build(), T0);
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-1").sequence(2).read("POOL", "10").build(), T1);
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-1").sequence(3).unsetRead("POOL").build(), T2);
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-1").sequence(4).read("POOL", "10").build(), T3);

    // Back to 10 at T3: the earlier sighting of 10 reopens, so its entry keeps its first sighting.
    assertThat(storage.history("checkout", Sources.ENV, "POOL"))
        .extracting(TimelineEntry::fingerprint, TimelineEntry::firstSeen, TimelineEntry::lastSeen, TimelineEntry::instances)
        .containsExactly(
            tuple(fingerprint("10"), T0, T3, 1),
            tuple(null, T2, T2, 1));
  }

  @Test
  void liveSinceLeavesOutStaleInstancesWhileHistoryKeepsThem() {
    storage.ingest(report("checkout", "production", "eu-west-1", "old-pod").read("POOL", "10").build(), T0);
    storage.ingest(report("checkout", "production", "eu-west-1", "new-pod").read("POOL", "20").build(), T2);

    ScopeSnapshot live = storage.snapshot("checkout", PRODUCTION_EU, T1);

    assertThat(live.reports()).extracting(report -> report.instance).containsExactly("new-pod");
    assertThat(storage.snapshot("checkout", PRODUCTION_EU, T0).reports()).hasSize(2);
    assertThat(storage.history("checkout", Sources.ENV, "POOL")).extracting(TimelineEntry::value)
        .containsExactly("10", "20");
    assertThat(storage.scopes("checkout", T3)).isEmpty();
    assertThat(storage.instances("checkout")).extracting(InstanceRecord::instance).containsExactly("new-pod", "old-pod");
  }

  @Test
  void scopesSpanRegionsAndAnEnvironmentSnapshotHoldsAllOfThem() {
    storage.ingest(report("checkout", "production", "eu-west-1", "eu-1").read("POOL", "10").build(), T1);
    storage.ingest(report("checkout", "production", "us-east-1", "us-1").read("POOL", "10").build(), T0);
    storage.ingest(report("checkout", "production", null, "anywhere").read("POOL", "30").build(), T2);
    storage.ingest(report("checkout", "staging", "eu-west-1", "stage-1").read("POOL", "20").build(), T0);
    storage.ingest(report("payments", "production", "eu-west-1", "pay-1").read("POOL", "10").build(), T0);

    assertThat(storage.scopes("checkout", T0)).containsExactly(
        Scope.parse("production"), Scope.parse("production/eu-west-1"), Scope.parse("production/us-east-1"),
        Scope.parse("staging/eu-west-1"));

    ScopeSnapshot production = storage.snapshot("checkout", PRODUCTION, T0);
    assertThat(production.reports()).extracting(report -> report.instance).containsExactly("anywhere", "eu-1", "us-1");
    assertThat(production.firstSeen()).containsOnly(
        entry("POOL", fingerprint("10"), T0), entry("POOL", fingerprint("30"), T2));

    ScopeSnapshot europe = storage.snapshot("checkout", PRODUCTION_EU, T0);
    assertThat(europe.reports()).extracting(report -> report.instance).containsExactly("eu-1");
    assertThat(europe.firstSeen()).containsOnly(entry("POOL", fingerprint("10"), T1));

    assertThat(storage.history("checkout", Sources.ENV, "POOL"))
        .extracting(entry -> entry.environment() + "/" + entry.region() + "=" + entry.value())
        .containsExactly("production/null=30", "production/eu-west-1=10", "production/us-east-1=10",
            "staging/eu-west-1=20");
  }

  @Test
  void everyServicesLiveSnapshotsAtOnceAreEachServicesSnapshots() {
    storage.ingest(report("checkout", "production", "eu-west-1", "eu-1").read("POOL", "10").build(), T1);
    storage.ingest(report("checkout", "production", "us-east-1", "us-1").read("POOL", "10").build(), T1);
    storage.ingest(report("checkout", "production", null, "anywhere").read("POOL", "30").build(), T2);
    storage.ingest(report("checkout", "staging", "eu-west-1", "stage-1").read("POOL", "20").build(), T1);
    storage.ingest(report("checkout", "staging", "eu-west-1", "stale").read("POOL", "25").build(), T0);
    storage.ingest(report("payments", "production", "eu-west-1", "pay-1").read("POOL", "10").build(), T1);
    storage.snapshot("payments", PRODUCTION, T1);
    storage.ingest(report("payments", "production", "eu-west-1", "pay-1").sequence(2).read("POOL", "11").build(), T2);
    storage.ingest(report("gone", "production", "eu-west-1", "old").read("POOL", "1").build(), T0);
    // Parse some reports first, so that the bulk read meets cached ones and, for payments, a stale one.
    storage.snapshot("checkout", PRODUCTION, T1);

    Map<String, List<ScopeSnapshot>> fleet = storage.liveSnapshots(T1);

    assertThat(fleet).containsOnlyKeys("checkout", "payments");
    for (String service : fleet.keySet()) {
      List<String> oneByOne = new ArrayList<>();
      for (Scope scope : storage.scopes(service, T1)) {
        oneByOne.add(describe(storage.snapshot(service, scope, T1)));
      }
      assertThat(fleet.get(service).stream().map(StorageContractTest::describe).toList())
          .as(service).isEqualTo(oneByOne);
    }
    assertThat(fleet.get("payments")).singleElement()
        .satisfies(snapshot -> assertThat(snapshot.reports()).singleElement()
            .satisfies(report -> assertThat(report.reads.get(0).value).isEqualTo("11")));
  }

  private static String describe(ScopeSnapshot snapshot) {
    return snapshot.scope() + " " + json(snapshot.reports()) + " " + new TreeMap<>(
        snapshot.firstSeen().entrySet().stream().collect(Collectors.toMap(
            entry -> entry.getKey().toString(), entry -> entry.getValue().toString())));
  }

  @Test
  void listsServicesAndTheirInstances() {
    storage.ingest(report("payments", "production", "eu-west-1", "pay-1").build(), T0);
    storage.ingest(report("checkout", "staging", "eu-west-1", "b").build(), T1);
    storage.ingest(report("checkout", "production", "eu-west-1", "a").serviceVersion("2.0").sequence(3).build(), T2);

    assertThat(storage.services()).containsExactly(
        new ServiceSummary("checkout", 2, T2), new ServiceSummary("payments", 1, T0));
    assertThat(storage.instances("checkout")).containsExactly(
        new InstanceRecord("checkout", "production", "eu-west-1", "a", "2.0", "0.1.0", T2, T2, 3),
        new InstanceRecord("checkout", "staging", "eu-west-1", "b", "1.0.0", "0.1.0", T1, T1, 1));
    assertThat(storage.instances("nobody")).isEmpty();
  }

  @Test
  void keepsTheCallersOfEachValue() {
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-1")
        .read(Sources.SYSPROP, "http.timeout", "5", "5", List.of("a.A.run(A.java:1)", "b.B.run(B.java:2)")).build(), T0);
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-2")
        .read(Sources.SYSPROP, "http.timeout", "5", null, List.of("b.B.run(B.java:2)", "c.C.run(C.java:3)")).build(), T1);

    assertThat(storage.history("checkout", Sources.SYSPROP, "http.timeout")).singleElement().satisfies(entry -> {
      assertThat(entry.value()).isEqualTo("5");
      assertThat(entry.instances()).isEqualTo(2);
      assertThat(entry.callers()).containsExactly("a.A.run(A.java:1)", "b.B.run(B.java:2)", "c.C.run(C.java:3)");
    });
    assertThat(storage.history("checkout", Sources.ENV, "http.timeout")).isEmpty();
  }

  @Test
  void availableKeysChangeTheContentButNotTheTimeline() {
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-1").read("POOL", "10").available("PATH", "/a").build(), T0);

    IngestResult result = storage.ingest(report("checkout", "production", "eu-west-1", "pod-1").sequence(2)
        .read("POOL", "10").available("PATH", "/b").build(), T1);

    assertThat(result).isEqualTo(new IngestResult(true, true));
    assertThat(storage.history("checkout", Sources.ENV, "PATH")).isEmpty();
    assertThat(storage.history("checkout", Sources.ENV, "POOL")).singleElement()
        .satisfies(entry -> assertThat(entry.lastSeen()).isEqualTo(T1));
    assertThat(storage.snapshot("checkout", PRODUCTION, T0).reports().get(0).available)
        .singleElement().satisfies(available -> assertThat(available.fingerprint).isEqualTo(fingerprint("/b")));
  }

  @Test
  void marksAnAlertOnlyOnceAlsoFromASecondCollector() {
    Storage secondCollector = open();
    String identity = "checkout|different|env|" + "K".repeat(10_000) + "|production=ab|staging=cd";

    assertThat(storage.markAlerted(identity, T0)).isTrue();
    assertThat(storage.markAlerted(identity, T1)).isFalse();
    assertThat(secondCollector.markAlerted(identity, T1)).isFalse();
    assertThat(secondCollector.markAlerted(identity + "x", T1)).isTrue();
  }

  @Test
  void hostileStringsComeBackExactly() {
    String service = "check'out\"; DROP TABLE instance; --";
    String environment = "<script>alert('prod')</script>";
    String region = "région-ü-東京-\uD83D\uDE80";
    String instance = "pod\\1\n\t%_*";
    String key = randomText(10_000, 1);
    String value = randomText(10_000, 2);
    String caller = "x.Y.z(Y.java:1) ' \" <b> \u2028 \\ ";
    Report hostile = report(service, environment, region, instance)
        .read(Sources.SYSPROP, key, value, value, List.of(caller)).available(key, value).build();

    storage.ingest(hostile, T0);

    assertThat(storage.services()).extracting(ServiceSummary::service).containsExactly(service);
    assertThat(storage.instances(service)).singleElement().satisfies(record -> {
      assertThat(record.environment()).isEqualTo(environment);
      assertThat(record.region()).isEqualTo(region);
      assertThat(record.instance()).isEqualTo(instance);
    });
    assertThat(storage.scopes(service, T0)).containsExactly(new Scope(environment, region));
    ScopeSnapshot snapshot = storage.snapshot(service, new Scope(environment, region), T0);
    assertThat(json(snapshot.reports())).containsExactly(json(hostile));
    assertThat(snapshot.firstSeen()).containsOnlyKeys(new ValueKey(Sources.SYSPROP, key, fingerprint(value)));
    assertThat(storage.history(service, Sources.SYSPROP, key)).singleElement().satisfies(entry -> {
      assertThat(entry.key()).isEqualTo(key);
      assertThat(entry.value()).isEqualTo(value);
      assertThat(entry.region()).isEqualTo(region);
      assertThat(entry.callers()).containsExactly(caller);
    });
    assertThat(storage.history(service, Sources.SYSPROP, key.substring(1))).isEmpty();
  }

  @Test
  void aReopenedStorageHasEverythingAndMigratesNothingTwice() throws SQLException {
    storage.ingest(report("checkout", "production", "eu-west-1", "pod-1").sequence(3).read("POOL", "10").build(), T0);
    storage.markAlerted("finding", T0);
    int migrationsAtFirstStart = appliedMigrations();
    storage.close();

    Storage reopened = open();
    Storage reopenedAgain = open();

    assertThat(reopened.instances("checkout")).singleElement()
        .satisfies(instance -> assertThat(instance.sequence()).isEqualTo(3));
    assertThat(reopened.history("checkout", Sources.ENV, "POOL")).singleElement()
        .satisfies(entry -> assertThat(entry.firstSeen()).isEqualTo(T0));
    assertThat(reopened.snapshot("checkout", PRODUCTION, T0).reports()).hasSize(1);
    assertThat(reopenedAgain.markAlerted("finding", T1)).isFalse();
    assertThat(reopenedAgain.ingest(report("checkout", "production", "eu-west-1", "pod-1").sequence(2).build(), T1))
        .isEqualTo(new IngestResult(false, false));
    assertThat(migrationsAtFirstStart).isPositive();
    assertThat(appliedMigrations()).as("reopening applies no migration again").isEqualTo(migrationsAtFirstStart);
  }

  /**
   * Two collectors on one database, many threads, overlapping instances, reports arriving out of
   * order. Sent in two phases (old value, then new value) so the outcome is exact.
   */
  @Test
  void concurrentIngestsFromTwoCollectorsLoseNothing() throws Exception {
    Storage[] collectors = {storage, open()};
    int instancesPerRegion = 6;
    int sequencesPerPhase = 8;
    List<String> regions = List.of("eu-west-1", "us-east-1");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<IngestResult> results = new ArrayList<>();
      for (int phase = 0; phase < 2; phase++) {
        String rollout = phase == 0 ? "old" : "new";
        Instant receivedAt = phase == 0 ? T1 : T2;
        List<Callable<IngestResult>> ingests = new ArrayList<>();
        for (String region : regions) {
          for (int pod = 0; pod < instancesPerRegion; pod++) {
            for (int step = 1; step <= sequencesPerPhase; step++) {
              long sequence = (long) phase * sequencesPerPhase + step;
              Report report = concurrencyReport(region, "pod-" + pod, sequence, rollout);
              Storage collector = collectors[(int) ((sequence + pod) % 2)];
              ingests.add(() -> collector.ingest(report, receivedAt));
            }
          }
        }
        Collections.shuffle(ingests, new Random(phase));
        for (Future<IngestResult> result : threads.invokeAll(ingests)) {
          results.add(result.get());
        }
        List<Callable<Boolean>> alertRace = new ArrayList<>();
        for (int racer = 0; racer < 16; racer++) {
          Storage collector = collectors[racer % 2];
          String identity = "finding-of-phase-" + phase;
          alertRace.add(() -> collector.markAlerted(identity, receivedAt));
        }
        assertThat(threads.invokeAll(alertRace)).filteredOn(StorageContractTest::get).hasSize(1);
      }

      int instances = regions.size() * instancesPerRegion;
      assertThat(results).filteredOn(IngestResult::changed).hasSize(2 * instances);
      assertThat(storage.instances("checkout")).hasSize(instances).allSatisfy(instance -> {
        assertThat(instance.sequence()).isEqualTo(2L * sequencesPerPhase);
        assertThat(instance.firstSeen()).isEqualTo(T1);
        assertThat(instance.lastSeen()).isEqualTo(T2);
      });
      // The stored report is the first of the new content (unchanged ones after it keep it), so its
      // sequence is not the last one; the instances above carry that.
      assertThat(storage.snapshot("checkout", PRODUCTION, T0).reports()).hasSize(instances)
          .allSatisfy(report -> assertThat(report.reads).anySatisfy(read -> assertThat(read.value).isEqualTo("new")));
      List<TimelineEntry> expectedRollout = new ArrayList<>();
      List<TimelineEntry> expectedStable = new ArrayList<>();
      for (String region : regions) {
        expectedRollout.add(new TimelineEntry("production", region, Sources.ENV, "ROLLOUT", fingerprint("old"), "old",
            T1, T1, instancesPerRegion, List.of()));
        expectedRollout.add(new TimelineEntry("production", region, Sources.ENV, "ROLLOUT", fingerprint("new"), "new",
            T2, T2, instancesPerRegion, List.of()));
        expectedStable.add(new TimelineEntry("production", region, Sources.ENV, "STABLE_3", fingerprint("3"), "3",
            T1, T2, instancesPerRegion, List.of()));
      }
      assertThat(storage.history("checkout", Sources.ENV, "ROLLOUT")).isEqualTo(expectedRollout);
      assertThat(collectors[1].history("checkout", Sources.ENV, "STABLE_3")).isEqualTo(expectedStable);
    } finally {
      threads.shutdownNow();
    }
  }

  private static Report concurrencyReport(String region, String pod, long sequence, String rollout) {
    ReportBuilder builder = report("checkout", "production", region, pod).sequence(sequence);
    builder.read(Sources.ENV, "ROLLOUT", rollout, rollout, List.of());
    for (int key = 0; key < 20; key++) {
      builder.read(Sources.ENV, "STABLE_" + key, Integer.toString(key), Integer.toString(key), List.of());
    }
    return builder.counted(sequence).build();
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private int appliedMigrations() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Map.Entry<ValueKey, Instant> entry(String key, String fingerprint, Instant firstSeen) {
    return Map.entry(new ValueKey(Sources.ENV, key, fingerprint), firstSeen);
  }

  private static String json(Report report) {
    return new String(ReportJsonWriter.toJson(report), StandardCharsets.UTF_8);
  }

  private static List<String> json(List<Report> reports) {
    return reports.stream().map(StorageContractTest::json).toList();
  }

  /** Text from all over Unicode, quotes and SQL included, the same for the same seed. */
  private static String randomText(int length, long seed) {
    String[] pieces = {"'", "\"", "\\", "%", "_", ";", "--", "<", ">", "&", "\u00e9", "\u6771", "\uD83D\uDE00",
        "\n", "\t", "\u2028"};
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(length + 2);
    while (text.length() < length) {
      text.append(random.nextBoolean() ? String.valueOf((char) ('a' + random.nextInt(26)))
          : pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }
}
