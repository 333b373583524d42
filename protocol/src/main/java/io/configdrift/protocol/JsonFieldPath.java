package io.configdrift.protocol;

import com.fasterxml.jackson.databind.JsonMappingException;

/** The field a Jackson mapping error is about, as a person writes it: {@code reads[3].key}. */
public final class JsonFieldPath {
  private JsonFieldPath() {}

  /** The path of the field at fault; empty when the error is about the document itself. */
  public static String of(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
