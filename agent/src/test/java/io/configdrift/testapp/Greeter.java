package io.configdrift.testapp;

/** A program another byte-buddy agent instruments, to show both agents work side by side. */
public final class Greeter {
  public static String greet() {
    return "hello " + System.getenv("GREETING_NAME");
  }

  public static void main(String[] args) {
    System.out.println(greet());
  }
}
