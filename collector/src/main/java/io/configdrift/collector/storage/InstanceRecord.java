package io.configdrift.collector.storage;

import java.time.Instant;

/** One instance of a service, as last reported. */
public record InstanceRecord(String service, String environment, String region, String instance,
    String serviceVersion, String agentVersion, Instant firstSeen, Instant lastSeen, long sequence) {}
