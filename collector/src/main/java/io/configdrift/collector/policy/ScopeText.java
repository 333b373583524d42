package io.configdrift.collector.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.configdrift.collector.engine.Scope;
import java.io.IOException;

/**
 * Reads a scope written as text ({@code production}, {@code production/eu-west-1}) in the policy
 * file. {@link Scope} keeps its own JSON shape for the API; only the policy writes it as text.
 */
final class ScopeText extends StdDeserializer<Scope> {
  ScopeText() {
    super(Scope.class);
  }

  @Override
  public Scope deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String text = parser.getValueAsString();
    try {
      return Scope.parse(text);
    } catch (IllegalArgumentException e) {
      throw JsonMappingException.from(parser, e.getMessage(), e);
    }
  }

  /** Whether an instance in {@code environment}/{@code region} lies within {@code scope} (null = everywhere). */
  static boolean within(Scope scope, String environment, String region) {
    return scope == null || scope.contains(environment, region);
  }

  /** Whether a finding side's scope (as text) lies within {@code scope} (null = everywhere). */
  static boolean within(Scope scope, String sideScope) {
    if (scope == null) {
      return true;
    }
    if (sideScope == null) {
      return false;
    }
    Scope side = Scope.parse(sideScope);
    // A whole-environment side lies within a regional limit only if the limit names no region.
    return side.environment().equals(scope.environment())
        && (scope.region() == null || scope.region().equals(side.region()));
  }
}
