package io.configdrift.collector.engine;

import io.configdrift.protocol.Fingerprinter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** The one sentence each finding carries: what differs, where, since when, and what to do. */
final class FindingMessages {
  private FindingMessages() {}

  /** {@code changed} is the side whose value is newer: the one somebody changed. */
  static String different(String key, Side changed, Side other, Instant since) {
    return key + " is " + describe(changed) + " in " + changed.scope() + " but " + describe(other)
        + " in " + other.scope() + winningSources(changed, other) + since(since)
        + ": align them or allow the difference in the policy.";
  }

  /** " (staging takes it from X, production from Y)" when a framework resolved it from different sources. */
  private static String winningSources(Side one, Side other) {
    if (one.winningSource() == null || other.winningSource() == null
        || one.winningSource().equals(other.winningSource())) {
      return "";
    }
    return " (" + one.scope() + " takes it from " + one.winningSource() + ", " + other.scope() + " from "
        + other.winningSource() + ")";
  }

  static String shadowed(String key, Side winner, Side shadowed, int shadowedSources, Instant since) {
    String others = shadowedSources > 1 ? " and " + (shadowedSources - 1) + " more source(s)" : "";
    return key + " takes " + value(winner) + " from " + winner.winningSource() + " in " + winner.scope()
        + ", shadowing " + value(shadowed) + " in " + shadowed.winningSource()
        + (shadowed.origin() == null ? "" : " (" + shadowed.origin() + ")") + others + since(since)
        + ": remove the value that never applies, or make the source you mean win.";
  }

  static String missing(String key, Side lacking, Side setter, Instant since) {
    return key + " is read but not set in " + lacking.scope()
        + ", so the code there gets no value and silently runs whatever fallback it has, while "
        + setter.scope() + " sets it to " + value(setter) + since(since) + ": set it in "
        + lacking.scope() + ".";
  }

  static String defaulted(String key, Side defaulted, Side setter, Instant since) {
    return key + " is not set in " + defaulted.scope() + ", so the code falls back to its default "
        + defaultValue(defaulted) + ", while " + setter.scope() + " sets it to " + value(setter)
        + since(since) + ": set it explicitly in " + defaulted.scope() + " or drop it from "
        + setter.scope() + ".";
  }

  static String readOnlyIn(String key, Side reader, Side other, Set<String> readerVersions,
      Set<String> otherVersions, Instant since) {
    String where = other.present() ? "where it is set but unread" : "where it is not set either";
    String versions = readerVersions.equals(otherVersions)
        ? " (both run " + versions(readerVersions) + ", so " + other.scope() + " may not have taken that code path yet)"
        : " (" + reader.scope() + " runs " + versions(readerVersions) + ", " + other.scope() + " runs "
            + versions(otherVersions) + ")";
    return key + " is read by the code in " + reader.scope() + " but never in " + other.scope() + ", "
        + where + versions + since(since) + ": make sure " + other.scope()
        + " is configured before it runs that code.";
  }

  static String unused(String key, Side holder, Instant since) {
    return key + " is set in " + holder.scope() + " (" + instances(holder.instances().size())
        + ") but no running code there reads it" + since(since)
        + ": remove the dead setting or find out who still expects it.";
  }

  static String inconsistent(String key, String scope, Side majority, Side minority,
      int otherValues, Instant since) {
    String more = otherValues > 1 ? " (" + otherValues + " other values in all)" : "";
    return key + " differs between the instances of " + scope + ": " + instances(majority.instances().size())
        + " " + (majority.instances().size() == 1 ? "has " : "have ") + describe(majority) + ", "
        + minority.instances().size() + " " + (minority.instances().size() == 1 ? "has " : "have ")
        + describe(minority) + " " + minority.instances() + more + since(since)
        + ": redeploy the odd instances or align their configuration.";
  }

  static String rule(String key, Side violator, String requirement, String reason) {
    return key + " is " + describe(violator) + " in " + violator.scope() + " ("
        + instances(violator.instances().size()) + "), but the policy requires " + requirement
        + reason(reason);
  }

  static String ageLimit(String key, Side drifted, Duration age, String allowed, FindingKind drift,
      String reason) {
    String subject = !drifted.present() ? key + " unset"
        : drifted.value() != null ? key + "=" + drifted.value()
        : key + " (hidden value " + Fingerprinter.shortForm(drifted.fingerprint()) + ")";
    return subject + " in " + drifted.scope() + " for " + age(age) + ", longer than the allowed "
        + allowed + " for " + drift.wireName() + " drift" + reason(reason);
  }

  /** The value a side holds, as a person should read it. */
  static String describe(Side side) {
    if (side.present()) {
      return value(side);
    }
    return side.defaultUsed() ? "not set (default " + defaultValue(side) + ")" : "not set";
  }

  private static String value(Side side) {
    return side.value() != null ? side.value()
        : "a hidden value (" + Fingerprinter.shortForm(side.fingerprint()) + ")";
  }

  private static String defaultValue(Side side) {
    return side.defaultValue() != null ? side.defaultValue() : "(hidden)";
  }

  private static String since(Instant since) {
    return since == null ? "" : ", since " + since.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static String reason(String reason) {
    return reason == null || reason.isBlank() ? "." : " (" + reason.strip() + ").";
  }

  private static String versions(Set<String> versions) {
    if (versions.isEmpty()) {
      return "an unknown version";
    }
    return versions.size() == 1 ? "version " + versions.iterator().next() : "versions " + String.join(", ", versions);
  }

  static String instances(int count) {
    return count == 1 ? "1 instance" : count + " instances";
  }

  static String age(Duration age) {
    long days = age.toDays();
    if (days >= 1) {
      return days == 1 ? "1 day" : days + " days";
    }
    long hours = age.toHours();
    if (hours >= 1) {
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    long minutes = age.toMinutes();
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
