package org.huhang.selfservice;

import java.time.LocalDate;
import org.huhang.shared.person.Gender;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A family's booking as its phone form sends it. {@code afraid}: the person said it is afraid of
 * the other or has met violence; such a booking is never a joint one.
 */
public record BookSession(
    Topic topic,
    String slot,
    Boolean together,
    Boolean afraid,
    String name,
    Gender gender,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
    String message) {

  public BookSession {
    name = name == null ? null : name.strip();
    message = message == null || message.isBlank() ? null : message.strip();
  }

  @Override
  public String toString() {
    return "BookSession[" + topic + ", " + slot + "]";
  }
}
