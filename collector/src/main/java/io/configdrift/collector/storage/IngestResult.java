package io.configdrift.collector.storage;

/**
 * What an ingest did.
 *
 * @param stored whether the report became its instance's latest (false for an older sequence)
 * @param changed whether its content differed from the instance's previous report
 */
public record IngestResult(boolean stored, boolean changed) {}
