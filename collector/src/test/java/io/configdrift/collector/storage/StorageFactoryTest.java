package io.configdrift.collector.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageFactoryTest {
  @Test
  void noUrlMeansASqliteFileInTheWorkingDirectory() {
    assertThat(StorageFactory.resolve(null)).isEqualTo("jdbc:sqlite:configdrift.db");
    assertThat(StorageFactory.resolve("  ")).isEqualTo("jdbc:sqlite:configdrift.db");
    assertThat(SqlDialect.of(StorageFactory.resolve(null))).isEqualTo(SqlDialect.SQLITE);
  }

  @Test
  void recognisesSqliteAndPostgresql() {
    assertThat(SqlDialect.of("jdbc:sqlite:/var/lib/configdrift/reports.db")).isEqualTo(SqlDialect.SQLITE);
    assertThat(SqlDialect.of("jdbc:postgresql://db:5432/configdrift")).isEqualTo(SqlDialect.POSTGRESQL);
  }

  @Test
  void rejectsOtherDatabasesInOneLineWithoutEchoingCredentials() {
    assertThatThrownBy(() -> StorageFactory.open("jdbc:mysql://db/configdrift?user=root&password=s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported database URL 'jdbc:mysql:...': use jdbc:sqlite:<file> or "
            + "jdbc:postgresql://<host>:<port>/<database>");
    assertThatThrownBy(() -> StorageFactory.open("configdrift.db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsupported database URL 'configdrift.db:...'");
  }

  @Test
  void rejectsInMemorySqliteWhichWouldLoseReports() {
    assertThatThrownBy(() -> StorageFactory.open("jdbc:sqlite::memory:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give a file");
  }

  @Test
  void explainsAnUnusableDatabase(@TempDir Path folder) {
    String missingFolder = "jdbc:sqlite:" + folder.resolve("no/such/folder/configdrift.db");
    assertThatThrownBy(() -> StorageFactory.open(missingFolder))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("could not connect to the SQLITE database");
  }
}
