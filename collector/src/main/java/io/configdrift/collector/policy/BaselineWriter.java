package io.configdrift.collector.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.engine.Side;
import io.configdrift.protocol.Fingerprinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns today's findings into a {@code baseline:} section, so that a team can accept the drift it
 * has and be told only about new drift. Entries pin the sides' values (short fingerprints): if a
 * value changes later, the finding shows again.
 */
public final class BaselineWriter {
  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private BaselineWriter() {}

  /** One entry per distinct finding, in the findings' order. */
  public static List<BaselineEntry> entriesFor(List<Finding> findings, String reason) {
    Set<BaselineEntry> entries = new LinkedHashSet<>();
    for (Finding finding : findings) {
      entries.add(entryFor(finding, reason));
    }
    return new ArrayList<>(entries);
  }

  public static BaselineEntry entryFor(Finding finding, String reason) {
    // Scopes and fingerprints in the sides' order, so that a reader can pair them up.
    Set<String> scopeSet = new LinkedHashSet<>();
    List<String> fingerprints = new ArrayList<>();
    for (Side side : BaselineEntry.sidesOf(finding)) {
      scopeSet.add(side.scope());
      fingerprints.add(side.fingerprint() == null ? BaselineEntry.UNSET : Fingerprinter.shortForm(side.fingerprint()));
    }
    List<String> scopes = new ArrayList<>(scopeSet);
    boolean oneScope = scopes.size() == 1;
    return new BaselineEntry(finding.kind(), finding.source(), finding.key(),
        oneScope ? List.of() : scopes, oneScope ? scopes.get(0) : null, fingerprints, reason);
  }

  /** The YAML {@code baseline:} section for these findings, ready to paste into a policy file. */
  public static String write(List<Finding> findings, String reason) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (BaselineEntry entry : entriesFor(findings, reason)) {
      entries.add(toYamlFields(entry));
    }
    try {
      return MAPPER.writeValueAsString(Map.of("baseline", entries));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a baseline could not be written as YAML", e);
    }
  }

  private static Map<String, Object> toYamlFields(BaselineEntry entry) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("kind", entry.kind().wireName());
    if (entry.source() != null) {
      fields.put("source", entry.source());
    }
    fields.put("key", entry.key());
    if (entry.scope() != null) {
      fields.put("scope", entry.scope());
    } else {
      fields.put("scopes", entry.scopes());
    }
    fields.put("fingerprints", entry.fingerprints());
    if (entry.reason() != null) {
      fields.put("reason", entry.reason());
    }
    return fields;
  }
}
