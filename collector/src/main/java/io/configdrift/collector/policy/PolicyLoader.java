package io.configdrift.collector.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a policy YAML file; every error is one line that names the line and field at fault. */
public final class PolicyLoader {
  static final YAMLMapper MAPPER = YAMLMapper.builder()
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

  /** The policy in {@code file}, or the empty policy when no file is given. */
  public static Policy loadOrEmpty(Path file) {
    return file == null ? Policy.empty() : load(file);
  }

  /** Parses policy YAML; {@code origin} names it in error messages (a file name). */
  public static Policy parse(String yaml, String origin) {
    try {
      if (isEmpty(yaml)) {
        return Policy.empty();
      }
      return MAPPER.readValue(yaml, Policy.class);
    } catch (JsonProcessingException e) {
      throw new InvalidPolicyException(origin + ": " + PolicyErrors.describe(e, yaml), e);
    }
  }

  /** Blank, or only comments: a policy that decides nothing yet. */
  private static boolean isEmpty(String yaml) throws JsonProcessingException {
    try (JsonParser parser = MAPPER.getFactory().createParser(yaml)) {
      return parser.nextToken() == null;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }
}
