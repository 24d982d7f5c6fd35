package org.huhang.outreach;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The id of an outreach event; in JSON and in URLs the plain uuid. */
public record OutreachEventId(UUID value) {

  public OutreachEventId {
    Objects.requireNonNull(value, "outreach event id");
  }

  /** Parses the uuid of a path variable or a JSON string. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static OutreachEventId of(String value) {
    return new OutreachEventId(UUID.fromString(value));
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
