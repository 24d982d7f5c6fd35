package org.huhang.notification.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** The inbox settings form: an e-mail address for copies, and whether to send them. */
public record SaveInboxSettings(
    @Size(max = 200, message = "{inbox.settings.email.tooLong}")
        @Email(regexp = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{inbox.settings.email.invalid}")
        String email,
    boolean emailEnabled) {

  /** The address as stored, lower case; null when none was given. */
  public String normalEmail() {
    return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  /** Copies need an address: the e-mail field's error when there is none. */
  public boolean lacksEmail() {
    return emailEnabled && normalEmail() == null;
  }
}
