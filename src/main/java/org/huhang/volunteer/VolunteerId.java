package org.huhang.volunteer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A volunteer's id, as other modules hold it; JSON and templates see the plain UUID. */
public record VolunteerId(UUID value) {

  public VolunteerId {
    Objects.requireNonNull(value, "volunteer id");
  }

  @JsonCreator
  public static VolunteerId of(UUID value) {
    return new VolunteerId(value);
  }

  @Override
  @JsonValue
  public UUID value() {
    return value;
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
