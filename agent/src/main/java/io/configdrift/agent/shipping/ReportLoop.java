package io.configdrift.agent.shipping;

import io.configdrift.agent.AgentLog;
import io.configdrift.agent.Memo;
import io.configdrift.agent.bootstrap.ConfigReadHook;
import io.configdrift.agent.report.ReportAssembler;
import io.configdrift.protocol.ReportJsonWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The agent's one background thread: every interval it assembles a report and hands it to the
 * sinks, sooner for a sink that waits to retry, and once more at JVM exit, bounded so that exit is
 * never delayed by more than {@link #EXIT_BUDGET_MILLIS}. Application threads never wait for it.
 */
public final class ReportLoop {
  public static final long EXIT_BUDGET_MILLIS = 2_000;

  /**
   * The assembler (fingerprint key, reveal patterns) and the sinks (an HTTP client) are built at the
   * first report, on the reporter thread or at exit, not while the application starts: the agent
   * starts on the application's main thread, and on a small machine any other thread competes with
   * it for the CPU.
   */
  private final Memo<ReportAssembler> assembler;
  private final Memo<List<ReportSink>> sinks;
  private final long intervalMillis;
  /** Runs about once a second on the reporter thread (it keeps the recorder's clock current). */
  private final Runnable everySecond;
  private final Object wakeUp = new Object();
  private volatile boolean stopping;

  ReportLoop(Supplier<ReportAssembler> assembler, Supplier<List<ReportSink>> sinks, long intervalMillis,
      Runnable everySecond) {
    this.assembler = new Memo<>(assembler);
    this.sinks = new Memo<>(sinks);
    this.intervalMillis = intervalMillis;
    this.everySecond = everySecond;
  }

  /** The loop for the configured sinks: a file, a collector, or both. */
  public static ReportLoop create(Supplier<ReportAssembler> assembler, String file, String collectorUrl,
      String token, long intervalMillis, Runnable everySecond) {
    return new ReportLoop(assembler, new Supplier<List<ReportSink>>() {
      @Override
      public List<ReportSink> get() {
        List<ReportSink> sinks = new ArrayList<>();
        if (file != null) {
          sinks.add(new ReportFileWriter(Path.of(file)));
        }
        if (collectorUrl != null) {
          sinks.add(new CollectorClient(collectorUrl, token, intervalMillis));
        }
        return List.copyOf(sinks);
      }
    }, intervalMillis, everySecond);
  }

  public void start() {
    // Anonymous classes rather than method references: this runs in premain (see PerClass).
    Thread reporter = new Thread(new Runnable() {
      @Override
      public void run() {
        loop();
      }
    }, "configdrift-reporter");
    reporter.setDaemon(true);
    reporter.start();
    Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
      @Override
      public void run() {
        publishAtExit();
      }
    }, "configdrift-exit"));
  }

  private void loop() {
    ConfigReadHook.ignoreCurrentThread();
    long nextRegular = System.currentTimeMillis() + intervalMillis;
    while (!stopping) {
      everySecond.run();
      long now = System.currentTimeMillis();
      if (now >= nextRegular) {
        publish(sinks.get(), false);
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

  /** The sinks once the first report has built them; none before, so none waits to retry. */
  private List<ReportSink> builtSinks() {
    return sinks.isComputed() ? sinks.get() : List.of();
  }

  private List<ReportSink> dueForRetry(long now) {
    List<ReportSink> due = new ArrayList<>();
    for (ReportSink sink : builtSinks()) {
      if (sink.retryAtMillis() <= now) {
        due.add(sink);
      }
    }
    return due;
  }

  private long earliestRetry() {
    long earliest = Long.MAX_VALUE;
    for (ReportSink sink : builtSinks()) {
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
      json = ReportJsonWriter.toJson(assembler.get().assemble());
    } catch (RuntimeException | LinkageError e) {
      AgentLog.warnOnce("assemble", "cannot assemble a report: " + e.getClass().getSimpleName());
      return;
    }
    for (ReportSink sink : targets) {
      sink.deliver(json, finalReport);
    }
  }

  /** Runs in a shutdown hook: one last report, given at most the exit budget. */
  private void publishAtExit() {
    ConfigReadHook.ignoreCurrentThread();
    stopping = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    Thread last = new Thread(() -> publish(sinks.get(), true), "configdrift-final-report");
    last.setDaemon(true);
    last.start();
    try {
      last.join(EXIT_BUDGET_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
