package io.configdrift.collector.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.configdrift.collector.engine.FindingKind;
import io.configdrift.protocol.JsonFieldPath;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns what Jackson and SnakeYAML report into one line: "line 7, column 5 (rules[0].equals): what is wrong". */
final class PolicyErrors {
  private PolicyErrors() {}

  static String describe(JsonProcessingException e, String yaml) {
    MarkedYAMLException syntax = syntaxError(e);
    if (syntax != null) {
      return "line " + (syntax.getProblemMark().getLine() + 1) + ", column " + (syntax.getProblemMark().getColumn() + 1)
          + ": not valid YAML: " + syntax.getProblem() + (syntax.getContext() == null || syntax.getContextMark() == null
              ? "" : " (" + syntax.getContext() + " that starts at line " + (syntax.getContextMark().getLine() + 1) + ")");
    }
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return format(e.getLocation(), "", problem(e));
    }
    String pointer = pointer(mapping);
    if (e instanceof ValueInstantiationException failed && failed.getType() != null
        && failed.getType().getRawClass().isRecord()) {
      // Jackson builds a record before it reports the entry's unknown fields; a typo ("equal:")
      // explains the failure better than the failure itself ("needs equals, oneOf...").
      String unknown = unknownField(yaml, pointer, failed.getType().getRawClass());
      if (unknown != null) {
        return format(startOf(yaml, pointer + "/" + unknown, e.getLocation()),
            JsonFieldPath.of(mapping) + "." + unknown,
            "unknown field '" + unknown + "'" + known(fieldsOf(failed.getType().getRawClass())));
      }
    }
    // Jackson reports where it noticed the problem, for a whole entry the line after it; a person wants its first line.
    return format(startOf(yaml, pointer, e.getLocation()), JsonFieldPath.of(mapping), problem(e));
  }

  private static String format(JsonLocation location, String path, String problem) {
    StringBuilder out = new StringBuilder();
    if (location != null && location.getLineNr() > 0) {
      out.append("line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
    }
    if (!path.isEmpty()) {
      out.append(out.isEmpty() ? "" : " ").append('(').append(path).append(')');
    }
    out.append(out.isEmpty() ? "" : ": ").append(problem);
    return out.toString().replaceAll("\\s*\\R\\s*", " ").trim();
  }

  private static String problem(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '" + unknown.getPropertyName() + "'" + known(unknown.getKnownPropertyIds());
    }
    // The policy records, patterns, ages and scopes explain themselves in IllegalArgumentExceptions.
    if (e.getCause() instanceof IllegalArgumentException ours) {
      return ours.getMessage();
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
      return "'" + format.getValue() + "' is not one of " + enumValues(format.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected " + expected(mismatch.getTargetType()) + " here";
    }
    return e.getOriginalMessage();
  }

  private static MarkedYAMLException syntaxError(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException syntax && syntax.getProblemMark() != null) {
        return syntax;
      }
    }
    return null;
  }

  private static String known(Collection<?> ids) {
    if (ids == null || ids.isEmpty()) {
      return "";
    }
    return "; known fields: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  private static Set<String> fieldsOf(Class<?> record) {
    Set<String> names = new TreeSet<>();
    for (RecordComponent component : record.getRecordComponents()) {
      names.add(component.getName());
    }
    return names;
  }

  private static String enumValues(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> c instanceof FindingKind kind ? kind.wireName() : c.toString())
        .collect(Collectors.joining(", "));
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
    return "a mapping of fields";
  }

  /** {@code /rules/0/equals}: the path as the parser reports it. */
  private static String pointer(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      out.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
    }
    return out.toString();
  }

  /** Where the node at {@code pointer} starts, or {@code fallback}. */
  private static JsonLocation startOf(String yaml, String pointer, JsonLocation fallback) {
    try (JsonParser parser = PolicyLoader.MAPPER.getFactory().createParser(yaml)) {
      while (parser.nextToken() != null) {
        if (parser.getParsingContext().pathAsPointer().toString().equals(pointer)) {
          return parser.currentTokenLocation();
        }
      }
    } catch (IOException unparsable) {
      // The document was parsed once already; if it cannot be walked now, the reported location will do.
    }
    return fallback;
  }

  /** The first field of the mapping at {@code pointer} that {@code record} does not have, or null. */
  private static String unknownField(String yaml, String pointer, Class<?> record) {
    Set<String> known = fieldsOf(record);
    try (JsonParser parser = PolicyLoader.MAPPER.getFactory().createParser(yaml)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && !known.contains(parser.currentName())
            && parser.getParsingContext().pathAsPointer().toString().equals(pointer + "/" + parser.currentName())) {
          return parser.currentName();
        }
      }
    } catch (IOException unparsable) {
      // Then the original error stands.
    }
    return null;
  }
}
