package io.configdrift.collector.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a SQLite file in a temporary folder. */
class SqliteStorageTest extends StorageContractTest {
  @TempDir
  Path folder;

  @Override
  protected String createDatabase() {
    return "jdbc:sqlite:" + folder.resolve("configdrift.db");
  }

  @Override
  protected void dropDatabase() throws Exception {
    // The temporary folder goes away on its own; the WAL file must have been folded back on close.
    if (Files.exists(folder.resolve("configdrift.db-wal"))) {
      throw new AssertionError("closing the storage left a WAL file behind: a connection is still open");
    }
  }
}
