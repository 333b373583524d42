package io.configdrift.agent.shipping;

import io.configdrift.agent.AgentLog;
import io.configdrift.agent.bootstrap.ConfigReadHook;
import io.configdrift.agent.report.ReportAssembler;
import io.configdrift.protocol.ReportCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's one background thread: every interval it assembles a report and hands it to the
 * sinks, sooner for a sink that waits to retry, and once more at JVM exit, bounded so that exit is
 * never delayed by more than {@link #EXIT_BUDGET_MILLIS}. Application threads never wait for it.
 */
public final class ReportLoop {
  public static final long EXIT_BUDGET_MILLIS = 2_000;

  private final ReportAssembler assembler;
  private final List<ReportSink> sinks;
  private final long intervalMillis;
  /** Runs about once a second on the reporter thread (it keeps the recorder's clock current). */
  private final Runnable everySecond;
  /**
   * Made on the reporter thread at the first report, not at start: loading JSON support while the
   * application starts takes CPU its start-up wants (measured: 170 ms added to a Spring Boot start
   * on two cores, against 72 ms when deferred).
   */
  private volatile ReportCodec codec;
  private final Object wakeUp = new Object();
  private volatile boolean stopping;

  ReportLoop(ReportAssembler assembler, List<ReportSink> sinks, long intervalMillis, Runnable everySecond) {
    this.assembler = assembler;
    this.sinks = List.copyOf(sinks);
    this.intervalMillis = intervalMillis;
    this.everySecond = everySecond;
  }

  /** The loop for the configured sinks; none when neither a file nor a collector is configured. */
  public static ReportLoop create(ReportAssembler assembler, String file, String collectorUrl,
      String token, long intervalMillis, Runnable everySecond) {
    List<ReportSink> sinks = new ArrayList<>();
    if (file != null) {
      sinks.add(new ReportFileWriter(Path.of(file)));
    }
    if (collectorUrl != null) {
      sinks.add(new CollectorClient(collectorUrl, token, intervalMillis));
    }
    return new ReportLoop(assembler, sinks, intervalMillis, everySecond);
  }

  public boolean hasSinks() {
    return !sinks.isEmpty();
  }

  public void start() {
    Thread reporter = new Thread(this::run, "configdrift-reporter");
    reporter.setDaemon(true);
    reporter.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::publishAtExit, "configdrift-exit"));
  }

  private void run() {
    ConfigReadHook.ignoreCurrentThread();
    long nextRegular = System.currentTimeMillis() + intervalMillis;
    while (!stopping) {
      everySecond.run();
      long now = System.currentTimeMillis();
      if (now >= nextRegular) {
        publish(sinks, false);
        nextRegular = now + intervalMillis;
        continue;
      }
      List<ReportSink> retrying = dueForRetry(now);
      if (!retrying.isEmpty()) {
        publish(retrying, false);
        continue;
      }
      sleepUntil(Math.min(Math.min(nextRegular, earliestRetry()), now + 1_000));
    }
  }

  private List<ReportSink> dueForRetry(long now) {
    List<ReportSink> due = new ArrayList<>();
    for (ReportSink sink : sinks) {
      if (sink.retryAtMillis() <= now) {
        due.add(sink);
      }
    }
    return due;
  }

  private long earliestRetry() {
    long earliest = Long.MAX_VALUE;
    for (ReportSink sink : sinks) {
      earliest = Math.min(earliest, sink.retryAtMillis());
    }
    return earliest;
  }

  private void sleepUntil(long wakeAt) {
    synchronized (wakeUp) {
      long wait = wakeAt - System.currentTimeMillis();
      if (wait > 0 && !stopping) {
        try {
          wakeUp.wait(wait);
        } catch (InterruptedException e) {
          stopping = true;
        }
      }
    }
  }

  private void publish(List<ReportSink> targets, boolean finalReport) {
    byte[] json;
    try {
      json = codec().toJson(assembler.assemble());
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("assemble", "cannot assemble a report: " + e.getClass().getSimpleName());
      return;
    }
    for (ReportSink sink : targets) {
      sink.deliver(json, finalReport);
    }
  }

  private ReportCodec codec() {
    ReportCodec current = codec;
    if (current == null) {
      current = new ReportCodec();
      codec = current;
    }
    return current;
  }

  /** Runs in a shutdown hook: one last report, given at most the exit budget. */
  private void publishAtExit() {
    ConfigReadHook.ignoreCurrentThread();
    stopping = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    Thread last = new Thread(() -> publish(sinks, true), "configdrift-final-report");
    last.setDaemon(true);
    last.start();
    try {
      last.join(EXIT_BUDGET_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
