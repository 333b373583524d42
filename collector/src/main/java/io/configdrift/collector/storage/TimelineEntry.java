package io.configdrift.collector.storage;

import java.time.Instant;
import java.util.List;

/**
 * One value of a key in one environment and region, and when it was seen.
 *
 * @param value the plain value where the agent revealed it, else null
 * @param fingerprint null when the key was read but not set
 * @param instances how many distinct instances reported this value
 * @param callers code locations that read the key with this value
 */
public record TimelineEntry(String environment, String region, String source, String key,
    String fingerprint, String value, Instant firstSeen, Instant lastSeen, int instances,
    List<String> callers) {}
