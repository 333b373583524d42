package io.configdrift.collector.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The YAML examples of docs/policy.md, so that tests run exactly what the documentation shows. */
public final class PolicyDocs {
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\R(.*?)```", Pattern.DOTALL);

  private PolicyDocs() {}

  public static Path file() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs/policy.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("docs/policy.md not found above " + Path.of("").toAbsolutePath());
  }

  /** Every ```yaml block, in document order. */
  public static List<String> yamlBlocks() {
    try {
      Matcher block = YAML_BLOCK.matcher(Files.readString(file()));
      List<String> blocks = new ArrayList<>();
      while (block.find()) {
        blocks.add(block.group(1));
      }
      return blocks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The "complete example" policy: the first block. */
  public static Policy completeExample() {
    return PolicyLoader.parse(yamlBlocks().get(0), "docs/policy.md complete example");
  }
}
