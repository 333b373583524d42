package io.configdrift.collector.policy;

import java.util.List;

/**
 * Changes to the built-in noise list (platform variables such as PATH or java.* properties, which
 * never produce findings).
 *
 * @param add more key patterns to treat as noise
 * @param except built-in noise keys that should be compared after all (e.g. {@code env:TZ})
 */
public record NoiseSettings(List<KeyPattern> add, List<KeyPattern> except) {
  public NoiseSettings {
    add = PolicyLists.copy(add);
    except = PolicyLists.copy(except);
  }

  public static NoiseSettings none() {
    return new NoiseSettings(List.of(), List.of());
  }
}
