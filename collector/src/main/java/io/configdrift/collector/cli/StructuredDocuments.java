package io.configdrift.collector.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML (every document of a multi-document file) or JSON into plain maps, lists and
 * strings. Scalars stay the text they were written as: a declared {@code 0.50} or {@code 010} is
 * the value the service gets, not a number Jackson would turn into {@code 0.5} or {@code 10}.
 */
final class StructuredDocuments {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  private StructuredDocuments() {}

  static List<Object> yaml(String text, String origin) {
    return read(YAML, text, origin);
  }

  static List<Object> json(String text, String origin) {
    return read(JSON, text, origin);
  }

  private static List<Object> read(JsonFactory factory, String text, String origin) {
    List<Object> documents = new ArrayList<>();
    try (JsonParser parser = factory.createParser(text)) {
      while (parser.nextToken() != null) {
        Object document = value(parser);
        if (document != null) {
          documents.add(document);
        }
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
      // The parser's message may quote the offending text, which may be a secret: name the place only.
      throw new CliException(origin + ": " + where + "not valid " + (factory == YAML ? "YAML" : "JSON"), e);
    } catch (IOException e) {
      throw new CliException(origin + ": cannot read it: " + e.getMessage(), e);
    }
    return documents;
  }

  private static Object value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (parser.nextToken() != JsonToken.END_OBJECT) {
        String name = parser.currentName();
        parser.nextToken();
        map.put(name, value(parser));
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> list = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.add(value(parser));
      }
      return list;
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return parser.getText();
  }
}
