package org.huhang.shared.spreadsheet;

import java.time.LocalDate;
import java.util.Optional;

/** Dates as offices type them: 2024-03-15, 2024/3/15, 2024.3.15 or 20240315. */
public final class Dates {

  private Dates() {}

  public static Optional<LocalDate> parseLoose(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip().replace('/', '-').replace('.', '-');
    try {
      if (s.matches("\\d{8}")) {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(s.substring(0, 4)),
                Integer.parseInt(s.substring(4, 6)),
                Integer.parseInt(s.substring(6))));
      }
      String[] parts = s.split("-");
      if (parts.length == 3 && parts[0].length() == 4) {
        return Optional.of(
            LocalDate.of(
                Integer.parseInt(parts[0]),
                Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2])));
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
