package io.configdrift.testapp;

import java.io.File;
import java.lang.management.ManagementFactory;

/**
 * A service that reads some configuration and then stays up for a while, reading a key now and
 * then. Every second it prints its thread count, how many of its threads are the agent's (named
 * {@code configdrift...}) and how many file descriptors it holds open, then "exiting" at the end.
 *
 * <p>Argument: seconds to run.
 */
public final class LongRunningServiceProgram {
  public static final String LAST_KEY = "READ_JUST_BEFORE_EXIT";

  public static void main(String[] args) throws InterruptedException {
    int seconds = Integer.parseInt(args[0]);
    System.getenv("DB_TIMEOUT");
    System.getProperty("app.mode", "fast");
    for (int second = 0; second < seconds; second++) {
      System.getenv("POLL_KEY_" + (second % 5));
      System.out.println("sample " + second + " threads=" + ManagementFactory.getThreadMXBean().getThreadCount()
          + " agentThreads=" + agentThreads() + " fds=" + openFileDescriptors());
      System.out.flush();
      Thread.sleep(1_000);
    }
    // Read after everything else: a report that has this key was made after main's work ended.
    System.getenv(LAST_KEY);
    System.out.println("exiting");
    System.out.flush();
  }

  private static long agentThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("configdrift")).count();
  }

  private static int openFileDescriptors() {
    String[] open = new File("/proc/self/fd").list();
    return open == null ? -1 : open.length;
  }
}
