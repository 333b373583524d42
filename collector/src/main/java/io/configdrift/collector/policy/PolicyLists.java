package io.configdrift.collector.policy;

import java.util.List;

/** Small checks the policy records share. */
final class PolicyLists {
  private PolicyLists() {}

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static <T> List<T> nonEmpty(List<T> list, String messageIfEmpty) {
    if (list == null || list.isEmpty()) {
      throw new IllegalArgumentException(messageIfEmpty);
    }
    return List.copyOf(list);
  }

  static String requireReason(String reason, String messageIfMissing) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(messageIfMissing);
    }
    return reason.trim();
  }
}
