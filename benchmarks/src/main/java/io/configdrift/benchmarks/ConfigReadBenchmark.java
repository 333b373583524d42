package io.configdrift.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one configuration read. benchmarks/read-overhead.sh runs it once in plain forks and
 * once in forks started with the agent; the difference is what the agent adds per read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConfigReadBenchmark {
  private Map<String, String> environment;

  @Setup
  public void setUp() {
    // The runner sets both, so reads hit a present key as a service's usually do.
    if (System.getenv("BENCH_TIMEOUT") == null || System.getProperty("bench.timeout") == null) {
      throw new IllegalStateException("run with BENCH_TIMEOUT in the environment and -Dbench.timeout");
    }
    environment = System.getenv();
  }

  @Benchmark
  public String getenvByName() {
    return System.getenv("BENCH_TIMEOUT");
  }

  @Benchmark
  public String getenvMapGet() {
    return environment.get("BENCH_TIMEOUT");
  }

  @Benchmark
  public String getProperty() {
    return System.getProperty("bench.timeout");
  }

  @Benchmark
  public String getPropertyWithDefault() {
    return System.getProperty("bench.unset", "fallback");
  }
}
