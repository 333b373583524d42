package io.configdrift.collector.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Applies {@link BatchWork} to reports through one writer thread that commits whatever has queued
 * up meanwhile in a single transaction. SQLite lets one connection write at a time, so ingests
 * queue anyway; here they queue for a thread that is always running instead of for a connection
 * held by request threads that the scheduler may have parked, and a commit is paid once per batch
 * instead of once per report. Each caller still returns only once its report is committed.
 *
 * <p>A batch is worked through in {@link InstanceIdentity} order, so two collectors' batches lock
 * instance rows in the same order. Should a batch fail, it is rolled back and its reports are
 * retried one transaction each, so one bad report costs the others nothing.
 */
final class GroupCommitIngest {
  /**
   * What the writer thread does with a batch of reports, inside one transaction: a result per
   * report, in order, null for a report it leaves to the caller.
   */
  @FunctionalInterface
  interface BatchWork {
    List<IngestResult> apply(Connection connection, List<PreparedReport> reports) throws SQLException;
  }

  private static final Comparator<Pending> LOCK_ORDER = Comparator.comparing(
      (Pending pending) -> pending.report.identity(), InstanceIdentity.ORDER);

  private static final int MAX_BATCH = 256;
  private static final long CLOSE_WAIT_MILLIS = 10_000;

  private final Transactions transactions;
  private final BatchWork work;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  GroupCommitIngest(Transactions transactions, BatchWork work) {
    this.transactions = transactions;
    this.work = work;
    this.writer = new Thread(this::run, "configdrift-ingest-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** What {@link BatchWork} made of the report, once committed; null when it left the report alone. */
  IngestResult write(PreparedReport report) {
    Pending pending = new Pending(report);
    if (closed) {
      throw closedException();
    }
    queue.add(pending);
    if (closed && queue.remove(pending)) {
      throw closedException();
    }
    return pending.await();
  }

  /** How many reports wait for the writer thread (for tests). */
  int queued() {
    return queue.size();
  }

  /** Stops taking reports, stores those already queued, then ends the writer thread. */
  void close() {
    closed = true;
    try {
      writer.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        batch.sort(LOCK_ORDER);
        commit(batch);
      } catch (InterruptedException e) {
        // Only close() ends the loop: every queued caller is waiting for an answer.
      } catch (RuntimeException | Error e) {
        batch.forEach(pending -> pending.result.completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending> batch) {
    try {
      List<PreparedReport> reports = batch.stream().map(pending -> pending.report).toList();
      List<IngestResult> results = transactions.write("store reports", connection -> work.apply(connection, reports));
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result.complete(results.get(i));
      }
    } catch (RuntimeException batchFailure) {
      if (batch.size() == 1) {
        batch.get(0).result.completeExceptionally(batchFailure);
        return;
      }
      for (Pending pending : batch) {
        commitAlone(pending);
      }
    }
  }

  private void commitAlone(Pending pending) {
    try {
      List<IngestResult> result =
          transactions.write("store a report", connection -> work.apply(connection, List.of(pending.report)));
      pending.result.complete(result.get(0));
    } catch (RuntimeException e) {
      pending.result.completeExceptionally(e);
    }
  }

  private static StorageException closedException() {
    return new StorageException("the storage is closed; the report was not stored", null);
  }

  private static final class Pending {
    final PreparedReport report;
    /** Completes with the work's result, which may be null (a report the work left for later). */
    final CompletableFuture<IngestResult> result = new CompletableFuture<>();

    Pending(PreparedReport report) {
      this.report = report;
    }

    IngestResult await() {
      try {
        return result.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException("interrupted while a report was being stored", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new StorageException("a report could not be stored: " + e.getCause(), e.getCause());
      }
    }
  }
}
