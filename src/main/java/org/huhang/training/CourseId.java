package org.huhang.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a training course; in JSON and in URLs the plain uuid. */
public record CourseId(UUID value) {

  public CourseId {
    Objects.requireNonNull(value, "course id");
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CourseId of(String value) {
    return new CourseId(UUID.fromString(value));
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
