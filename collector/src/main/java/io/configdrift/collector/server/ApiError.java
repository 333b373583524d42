package io.configdrift.collector.server;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every error answer: what is wrong, and the field at fault where there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {
  static ApiError of(String message) {
    return new ApiError(message, null);
  }
}
