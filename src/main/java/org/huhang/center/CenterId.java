package org.huhang.center;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a center or room; in JSON and in URLs the plain uuid. */
public record CenterId(UUID value) {

  public CenterId {
    Objects.requireNonNull(value, "center id");
  }

  /** Parses the uuid of a path variable or a JSON string. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CenterId of(String value) {
    return new CenterId(UUID.fromString(value));
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
