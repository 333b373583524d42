package io.configdrift.collector.query;

import io.configdrift.collector.engine.Finding;
import java.util.List;

/**
 * The answer of {@code GET /v1/drift}: the findings between two scopes.
 *
 * @param allowed how many findings the policy's allowDifferent explained away
 * @param baselined how many the policy's accepted baseline explained away
 */
public record DriftAnswer(String service, String a, String b, List<Finding> findings, int allowed, int baselined) {}
