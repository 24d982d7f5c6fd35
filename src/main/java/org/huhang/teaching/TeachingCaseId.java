package org.huhang.teaching;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a teaching case; in JSON and in URLs the plain uuid. */
public record TeachingCaseId(UUID value) {

  public TeachingCaseId {
    Objects.requireNonNull(value, "teaching case id");
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TeachingCaseId of(String value) {
    return new TeachingCaseId(UUID.fromString(value));
  }

  @JsonValue
  @Override
  public UUID value() {
    return value;
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
