package org.huhang.casework;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of a counseling case; in JSON and in URLs the plain uuid. */
public record CaseId(UUID value) {

  public CaseId {
    Objects.requireNonNull(value, "case id");
  }

  /** Parses the uuid of a path variable or a JSON string. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CaseId of(String value) {
    return new CaseId(UUID.fromString(value));
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
