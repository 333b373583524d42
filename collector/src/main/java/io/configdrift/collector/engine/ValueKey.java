package io.configdrift.collector.engine;

/**
 * One value of one key: the unit whose first sighting dates a drift. A null fingerprint stands
 * for "not set".
 */
public record ValueKey(String source, String key, String fingerprint) {}
