package io.configdrift.collector.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.configdrift.collector.cli.LiveConfig.LiveValue;
import io.configdrift.collector.engine.NoiseFilter;
import io.configdrift.collector.policy.KeyPattern;
import io.configdrift.protocol.Fingerprinter;
import io.configdrift.protocol.KeyGlob;
import io.configdrift.protocol.RevealPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a running scope against the configuration its deployment declares. Expected values are
 * fingerprinted here, with the fleet key, and compared with the live fingerprints; the result
 * holds display text only: a value in plain text where the reveal policy allows it, otherwise its
 * fingerprint's short form.
 *
 * <p>Expected keys are matched to live keys exactly, or else the way policy patterns match:
 * without regard to case and with every character other than letters and digits read as
 * {@code _}, so {@code db.timeout} declares {@code DB_TIMEOUT}.
 */
final class ConfigVerification {
  private final Fingerprinter fingerprinter;
  private final RevealPolicy reveal;
  private final NoiseFilter noise;
  private final List<KeyPattern> ignored;
  private final boolean checkUndeclared;

  /**
   * @param ignored keys left out of every check
   * @param checkUndeclared whether live keys the file does not declare count as a mismatch;
   *     platform noise ({@link NoiseFilter#BUILT_IN}) never does
   */
  ConfigVerification(Fingerprinter fingerprinter, RevealPolicy reveal, List<KeyPattern> ignored,
      boolean checkUndeclared) {
    this.fingerprinter = fingerprinter;
    this.reveal = reveal;
    this.noise = NoiseFilter.builtIn();
    this.ignored = List.copyOf(ignored);
    this.checkUndeclared = checkUndeclared;
  }

  /** One key that does not match, as it may be shown; {@code expected} is null for an undeclared key. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record KeyCheck(String key, String expected, String live, String note) {}

  /**
   * @param matching how many declared keys have the declared value
   * @param different declared keys set to another value
   * @param missing declared keys that are not set
   * @param undeclared keys set in the scope that the file does not declare
   * @param warnings hints about the comparison itself, such as a fingerprint key that seems wrong
   */
  record Result(String subject, String expectedFile, String source, int checked, int matching,
      List<KeyCheck> different, List<KeyCheck> missing, List<KeyCheck> undeclared, List<String> warnings) {
    boolean matches() {
      return different.isEmpty() && missing.isEmpty() && undeclared.isEmpty();
    }
  }

  Result verify(ExpectedConfig expected, LiveConfig live, String source) {
    Map<String, List<LiveValue>> liveByNormalizedKey = new TreeMap<>();
    for (LiveValue value : live.values()) {
      liveByNormalizedKey.computeIfAbsent(KeyGlob.normalizeKey(value.key()), k -> new ArrayList<>()).add(value);
    }
    Set<String> declaredLiveKeys = new HashSet<>();
    List<KeyCheck> different = new ArrayList<>();
    List<KeyCheck> missing = new ArrayList<>();
    Set<String> warnings = new LinkedHashSet<>();
    int checked = 0;
    int matching = 0;
    for (Map.Entry<String, String> declared : expected.values().entrySet()) {
      String key = declared.getKey();
      if (KeyPattern.anyMatches(ignored, source, key)) {
        continue;
      }
      checked++;
      LiveValue value = find(live, liveByNormalizedKey, key);
      if (value != null) {
        declaredLiveKeys.add(value.key());
      }
      String expectedFingerprint = fingerprinter.fingerprint(declared.getValue());
      String expectedText = expectedText(key, declared.getValue(), expectedFingerprint);
      if (value == null || !value.present()) {
        missing.add(new KeyCheck(key, expectedText, ValueText.NOT_SET, missingNote(value)));
      } else if (expectedFingerprint.equals(value.fingerprint())) {
        matching++;
      } else {
        different.add(new KeyCheck(key, expectedText, liveText(value), liveNote(value)));
        if (looksEqual(key, declared.getValue(), value)) {
          warnings.add(key + " shows the declared value but another fingerprint: is "
              + Fingerprinter.KEY_ENVIRONMENT_VARIABLE + " the key the agents use?");
        }
      }
    }
    List<KeyCheck> undeclared = new ArrayList<>();
    if (checkUndeclared) {
      for (LiveValue value : live.values()) {
        if (value.present() && !declaredLiveKeys.contains(value.key()) && !noise.isNoise(source, value.key())
            && !KeyPattern.anyMatches(ignored, source, value.key())) {
          undeclared.add(new KeyCheck(value.key(), null, liveText(value),
              value.read() ? "read by the code" : "set, not read"));
        }
      }
    }
    Comparator<KeyCheck> byKey = Comparator.comparing(KeyCheck::key);
    different.sort(byKey);
    missing.sort(byKey);
    undeclared.sort(byKey);
    return new Result(live.subject(), expected.origin(), source, checked, matching, different, missing, undeclared,
        List.copyOf(warnings));
  }

  /** The exact key, else the one key that matches it as policy patterns match. */
  private static LiveValue find(LiveConfig live, Map<String, List<LiveValue>> byNormalizedKey, String key) {
    LiveValue exact = live.keys().get(key);
    if (exact != null) {
      return exact;
    }
    List<LiveValue> candidates = byNormalizedKey.getOrDefault(KeyGlob.normalizeKey(key), List.of());
    // Several live keys spelt alike (db.timeout and DB_TIMEOUT in one source) are unusual; prefer one that is set.
    return candidates.stream().filter(LiveValue::present).findFirst()
        .orElse(candidates.isEmpty() ? null : candidates.get(0));
  }

  /** The declared value in plain text only where the reveal policy would show it; never a secret. */
  private String expectedText(String key, String value, String fingerprint) {
    String revealed = reveal.revealedValue(key, value);
    return revealed != null ? revealed : ValueText.fingerprint(fingerprint);
  }

  private static String liveText(LiveValue value) {
    return ValueText.value(value.value(), value.fingerprint());
  }

  private static String missingNote(LiveValue value) {
    if (value == null) {
      return "not set, and the code has not read it";
    }
    if (value.defaultUsed()) {
      return "the code reads it and falls back to its default"
          + (value.defaultValue() == null ? "" : " " + value.defaultValue());
    }
    return "the code reads it and gets nothing";
  }

  private static String liveNote(LiveValue value) {
    List<String> notes = new ArrayList<>();
    notes.add(value.read() ? "read by the code" : "set, not read");
    if (value.disagree()) {
      notes.add("instances disagree; this is the majority's value");
    }
    return String.join("; ", notes);
  }

  /**
   * A revealed live value equal to the declared one under another fingerprint means the
   * fingerprints were made with another key. URLs are left out: the agent reveals them without
   * their credentials, so equal text may well be another value.
   */
  private boolean looksEqual(String key, String declared, LiveValue value) {
    return value.value() != null && !declared.contains("://")
        && value.value().equals(reveal.revealedValue(key, declared));
  }
}
