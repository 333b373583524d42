package io.configdrift.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads reports, the same way in the collector and the CLI: data binding, with the strict types a
 * report must have. {@link ReportJsonWriter} writes them.
 */
public final class ReportCodec {
  /** Deeper than any valid report; guards the parser against hostile nesting. */
  private static final int MAX_NESTING_DEPTH = 32;

  private final ObjectMapper mapper;

  public ReportCodec() {
    mapper = new ObjectMapper();
    mapper.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    // A report is one JSON document whose fields have the types report-format.md gives: no text
    // after it, no "5" for a number, 5.7 for a whole number, 123 for a text or 1 for a boolean.
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
  }

  /** Parses a report; throws {@link IOException} (a {@link JsonProcessingException} for bad JSON). */
  public Report read(InputStream in) throws IOException {
    return mapper.readValue(in, Report.class);
  }

  public Report read(byte[] json) throws IOException {
    return mapper.readValue(json, Report.class);
  }
}
