package org.huhang.registration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A divorce application's id, as other modules hold it; JSON and templates see the plain UUID. */
public record ApplicationId(UUID value) {

  public ApplicationId {
    Objects.requireNonNull(value);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ApplicationId of(UUID value) {
    return new ApplicationId(value);
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
