package io.configdrift.collector.storage;

import java.time.Instant;

/** A service the collector has heard of. */
public record ServiceSummary(String service, int instances, Instant lastSeen) {}
