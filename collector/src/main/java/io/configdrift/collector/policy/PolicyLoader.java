package io.configdrift.collector.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/** Reads a policy YAML file; every error is one line that names the line and field at fault. */
public final class PolicyLoader {
  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private PolicyLoader() {}

  public static Policy load(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidPolicyException(file + ": cannot read the policy file (" + e + ")", e);
    }
    return parse(yaml, file.toString());
  }

  /** Parses policy YAML; {@code origin} names it in error messages (a file name). */
  public static Policy parse(String yaml, String origin) {
    if (yaml.isBlank()) {
      return Policy.empty();
    }
    try {
      Policy policy = MAPPER.readValue(yaml, Policy.class);
      return policy == null ? Policy.empty() : policy;
    } catch (JsonProcessingException e) {
      throw new InvalidPolicyException(origin + ": " + describe(e), e);
    }
  }

  /** "line 7, column 5 (rules[0].equals): what is wrong". */
  static String describe(JsonProcessingException e) {
    StringBuilder out = new StringBuilder();
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      out.append("line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
    }
    String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
    if (!path.isEmpty()) {
      out.append(out.isEmpty() ? "" : " ").append('(').append(path).append(')');
    }
    out.append(out.isEmpty() ? "" : ": ").append(problem(e));
    return oneLine(out.toString());
  }

  private static String problem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '" + unknown.getPropertyName() + "'" + known(unknown.getKnownPropertyIds());
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return e.getCause().getMessage();
    }
    if (e instanceof InvalidFormatException format && format.getCause() instanceof IllegalArgumentException cause) {
      return cause.getMessage();
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Throwable cause = mismatch.getCause();
      if (cause instanceof IllegalArgumentException) {
        return cause.getMessage();
      }
      return "expected " + expected(mismatch.getTargetType()) + " here";
    }
    return e.getOriginalMessage();
  }

  private static String known(Collection<Object> ids) {
    if (ids == null || ids.isEmpty()) {
      return "";
    }
    return "; known fields: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  private static String expected(Class<?> type) {
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == String.class) {
      return "a single value";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isRecord()) {
      return "a mapping of fields";
    }
    return "a " + type.getSimpleName();
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
