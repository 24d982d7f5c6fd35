package org.huhang.outreach;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a volunteer service project; in JSON and in URLs the plain uuid. */
public record ServiceProjectId(UUID value) {

  public ServiceProjectId {
    Objects.requireNonNull(value, "service project id");
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ServiceProjectId of(String value) {
    return new ServiceProjectId(UUID.fromString(value));
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
