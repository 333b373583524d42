package io.configdrift.agent.recorder;

import static io.configdrift.agent.bootstrap.ReadListener.SOURCE_ENV;
import static io.configdrift.agent.bootstrap.ReadListener.SOURCE_SYSPROP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConfigRecorderTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final ConfigRecorder recorder = new ConfigRecorder(3, now::get);

  @Test
  void countsReadsAndKeepsFirstAndLastTime() {
    recorder.onRead(SOURCE_ENV, "DB_TIMEOUT", "10s");
    now.set(5_000);
    recorder.onRead(SOURCE_ENV, "DB_TIMEOUT", "10s");
    KeyState state = only(recorder.snapshot());
    assertThat(state.count).isEqualTo(2);
    assertThat(state.firstReadAt).isEqualTo(1_000);
    assertThat(state.lastReadAt).isEqualTo(5_000);
    assertThat(state.valueChanged).isFalse();
  }

  @Test
  void aReadTheFrameworkMadeCountsWithoutCallers() {
    recorder.onFrameworkRead(SOURCE_ENV, "DATABASE_POOL_SIZE", "10");
    recorder.onRead(SOURCE_ENV, "LOG_LEVEL", "DEBUG");
    List<KeyState> states = recorder.snapshot();
    assertThat(states).filteredOn(s -> s.key.equals("DATABASE_POOL_SIZE")).singleElement().satisfies(s -> {
      assertThat(s.count).isEqualTo(1);
      assertThat(s.value).isEqualTo("10");
      assertThat(s.callers).isEmpty();
    });
    assertThat(states).filteredOn(s -> s.key.equals("LOG_LEVEL")).singleElement()
        .satisfies(s -> assertThat(s.callers).singleElement().asString().startsWith(getClass().getName() + "."));
  }

  @Test
  void notesAValueThatChangedDuringTheRun() {
    recorder.onRead(SOURCE_SYSPROP, "mode", "a");
    recorder.onRead(SOURCE_SYSPROP, "mode", new String("a"));
    assertThat(only(recorder.snapshot()).valueChanged).as("equal values are no change").isFalse();
    recorder.onRead(SOURCE_SYSPROP, "mode", "b");
    KeyState state = only(recorder.snapshot());
    assertThat(state.valueChanged).isTrue();
    assertThat(state.value).isEqualTo("b");
  }

  @Test
  void aDefaultCountsOnlyWhenTheKeyWasNotSet() {
    recorder.onRead(SOURCE_SYSPROP, "set", "1");
    recorder.onDefault(SOURCE_SYSPROP, "set", "9");
    recorder.onRead(SOURCE_SYSPROP, "unset", null);
    recorder.onDefault(SOURCE_SYSPROP, "unset", "9");
    List<KeyState> states = recorder.snapshot();
    assertThat(states).filteredOn(s -> s.key.equals("set")).singleElement()
        .satisfies(s -> assertThat(s.defaultUsed).isFalse());
    assertThat(states).filteredOn(s -> s.key.equals("unset")).singleElement()
        .satisfies(s -> assertThat(s.defaultValue).isEqualTo("9"));
  }

  @Test
  void keysBeyondTheLimitAreCountedAsDropped() {
    for (int i = 0; i < 10; i++) {
      recorder.onRead(SOURCE_ENV, "KEY_" + i, "v");
    }
    recorder.onRead(SOURCE_ENV, "KEY_0", "v");
    assertThat(recorder.snapshot()).hasSize(3);
    assertThat(recorder.dropped()).isEqualTo(7);
  }

  @Test
  void keepsUpToThreeDistinctCallers() {
    ConfigRecorder roomy = new ConfigRecorder(10, now::get);
    for (int i = 0; i < 64; i++) {
      readFromLine(roomy, i % 5);
    }
    KeyState state = only(roomy.snapshot());
    assertThat(state.callers).hasSizeBetween(1, KeyRecord.MAX_CALLERS).doesNotHaveDuplicates()
        .allSatisfy(c -> assertThat(c).startsWith("io.configdrift.agent.recorder.ConfigRecorderTest."));
  }

  @Test
  void twoCallSitesOnOneLineAreOneCallerAndLeaveRoomForAnother() {
    ConfigRecorder roomy = new ConfigRecorder(10, now::get);
    // Reads 1 and 2 (both walked) from one line, 3 from anywhere, 4 (walked) from a second line.
    roomy.onRead(SOURCE_ENV, "K", "v"); roomy.onRead(SOURCE_ENV, "K", "v");
    roomy.onRead(SOURCE_ENV, "K", "v");
    roomy.onRead(SOURCE_ENV, "K", "v");
    assertThat(only(roomy.snapshot()).callers).hasSize(2).doesNotHaveDuplicates();
    for (int read = 5; read <= 8; read++) {
      roomy.onRead(SOURCE_ENV, "K", "v"); // read 8 is walked, from a third line
    }
    assertThat(only(roomy.snapshot()).callers).as("the second call site of the first line gave its place back")
        .hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void atMostABoundedNumberOfCapturedStacksWaitAndTheNextReportFreesTheirRoom() {
    ConfigRecorder roomy = new ConfigRecorder(10 * ConfigRecorder.MAX_PENDING_CALLERS, now::get);
    int keys = ConfigRecorder.MAX_PENDING_CALLERS + 100;
    for (int i = 0; i < keys; i++) {
      readKey(roomy, "KEY_" + i);
    }
    assertThat(roomy.snapshot()).filteredOn(s -> !s.callers.isEmpty()).hasSize(ConfigRecorder.MAX_PENDING_CALLERS);
    for (int i = ConfigRecorder.MAX_PENDING_CALLERS; i < keys; i++) {
      readKey(roomy, "KEY_" + i); // their read 2 captures a stack, now that the report resolved the others
    }
    assertThat(roomy.snapshot()).allSatisfy(s -> assertThat(s.callers).singleElement().asString()
        .startsWith("io.configdrift.agent.recorder.ConfigRecorderTest."));
  }

  private static void readKey(ConfigRecorder recorder, String key) {
    recorder.onRead(SOURCE_ENV, key, "v");
  }

  private static void readFromLine(ConfigRecorder recorder, int which) {
    // Distinct call sites on distinct lines.
    switch (which) {
      case 0: recorder.onRead(SOURCE_ENV, "K", "v"); break;
      case 1: recorder.onRead(SOURCE_ENV, "K", "v"); break;
      case 2: recorder.onRead(SOURCE_ENV, "K", "v"); break;
      case 3: recorder.onRead(SOURCE_ENV, "K", "v"); break;
      default: recorder.onRead(SOURCE_ENV, "K", "v"); break;
    }
  }

  private static KeyState only(List<KeyState> states) {
    assertThat(states).hasSize(1);
    return states.get(0);
  }
}
