package io.configdrift.agent.recorder;

/**
 * A clock read on every configuration read, so it must cost no more than a memory load: the time
 * is kept in a field that the agent's reporter thread refreshes once a second ({@link #tick()}).
 * Read times in reports are therefore exact to about a second, which is all a drift report needs;
 * asking the operating system for the time on every read would cost more than everything else the
 * agent does per read.
 */
public final class CoarseClock implements ConfigRecorder.Clock {
  private volatile long now = System.currentTimeMillis();

  @Override
  public long millis() {
    return now;
  }

  public void tick() {
    now = System.currentTimeMillis();
  }
}
