package io.configdrift.collector.cli;

import io.configdrift.collector.engine.Finding;
import io.configdrift.collector.policy.BaselineWriter;
import io.configdrift.collector.policy.InvalidPolicyException;
import io.configdrift.collector.policy.PolicyLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds baseline entries to the text of an existing policy file. It edits text rather than
 * re-writing parsed YAML so that the team's comments, order and quoting survive: the new entries
 * go at the end of the {@code baseline:} section (which is created at the end of the file if there
 * is none), indented like the entries already there.
 */
final class PolicyMerge {
  private static final Pattern BASELINE_KEY = Pattern.compile("^baseline\\s*:\\s*(\\[\\s*])?\\s*(#.*)?$");
  private static final Pattern ANY_BASELINE_KEY = Pattern.compile("^baseline\\s*:.*$");
  private static final Pattern ITEM = Pattern.compile("^(\\s*)-(\\s|$).*");

  private PolicyMerge() {}

  /** The policy text with entries accepting {@code findings} added; the result is checked to load. */
  static String addBaseline(String policyYaml, List<Finding> findings, String reason, String origin) {
    if (findings.isEmpty()) {
      return policyYaml;
    }
    List<String> entries = entryLines(BaselineWriter.write(findings, reason));
    List<String> lines = new ArrayList<>(policyYaml.lines().toList());
    int header = headerLine(lines, origin);
    if (header < 0) {
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
        lines.remove(lines.size() - 1);
      }
      if (!lines.isEmpty()) {
        lines.add("");
      }
      lines.add("baseline:");
      lines.addAll(reindent(entries, "  "));
    } else {
      Matcher emptyList = BASELINE_KEY.matcher(lines.get(header));
      if (emptyList.matches() && emptyList.group(1) != null) {
        // "baseline: []" becomes a block list.
        lines.set(header, "baseline:" + (emptyList.group(2) == null ? "" : " " + emptyList.group(2)));
      }
      int end = sectionEnd(lines, header);
      lines.addAll(lastContentLine(lines, header, end) + 1, reindent(entries, itemIndent(lines, header, end)));
    }
    String merged = String.join("\n", lines) + "\n";
    try {
      PolicyLoader.parse(merged, origin);
    } catch (InvalidPolicyException e) {
      throw new CliException("cannot add the baseline to " + origin + " (" + e.getMessage()
          + "); run without --policy and paste the printed section by hand", e);
    }
    return merged;
  }

  /** The writer's entries without its {@code baseline:} line. */
  private static List<String> entryLines(String baselineSection) {
    List<String> lines = new ArrayList<>(baselineSection.lines().toList());
    lines.remove(0);
    return lines;
  }

  private static int headerLine(List<String> lines, String origin) {
    for (int i = 0; i < lines.size(); i++) {
      if (ANY_BASELINE_KEY.matcher(lines.get(i)).matches()) {
        if (!BASELINE_KEY.matcher(lines.get(i)).matches()) {
          throw new CliException(origin + ": line " + (i + 1) + " writes the baseline inline; write it as a "
              + "block list (one '- kind: ...' entry after another) so that entries can be added");
        }
        return i;
      }
    }
    return -1;
  }

  /** The section runs until the next top-level key or document marker. */
  private static int sectionEnd(List<String> lines, int header) {
    for (int i = header + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")
          && !ITEM.matcher(line).matches();
      if (topLevel || line.startsWith("---") || line.startsWith("...")) {
        return i;
      }
    }
    return lines.size();
  }

  /** The section's last line of YAML; comments after it belong to whatever follows. */
  private static int lastContentLine(List<String> lines, int header, int end) {
    int last = header;
    for (int i = header + 1; i < end; i++) {
      String stripped = lines.get(i).strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        last = i;
      }
    }
    return last;
  }

  private static String itemIndent(List<String> lines, int header, int end) {
    for (int i = header + 1; i < end; i++) {
      Matcher item = ITEM.matcher(lines.get(i));
      if (item.matches()) {
        return item.group(1);
      }
    }
    return "  ";
  }

  /** Moves entry lines from the writer's indentation to {@code indent}. */
  private static List<String> reindent(List<String> entries, String indent) {
    String written = "";
    for (String line : entries) {
      Matcher item = ITEM.matcher(line);
      if (item.matches()) {
        written = item.group(1);
        break;
      }
    }
    List<String> out = new ArrayList<>(entries.size());
    for (String line : entries) {
      out.add(indent + (line.startsWith(written) ? line.substring(written.length()) : line.stripLeading()));
    }
    return out;
  }
}
