package io.configdrift.collector.query;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the services list.
 *
 * @param instances every instance ever seen
 * @param liveScopes scopes (environment/region) with a live instance
 * @param findingsByKind number of findings of each kind among the live scopes
 */
public record ServiceOverview(String service, int instances, int liveScopes, Instant lastSeen,
    Map<String, Integer> findingsByKind, int findings) {}
