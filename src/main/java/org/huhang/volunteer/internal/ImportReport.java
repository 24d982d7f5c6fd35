package org.huhang.volunteer.internal;

import java.util.List;
import java.util.UUID;

/**
 * What an uploaded volunteer file would do: how many rows are new, how many are registered already
 * (skipped, so a second import changes nothing) and every bad row with its column and reason. A
 * file with any bad row imports nothing. {@code token} confirms the import.
 */
public record ImportReport(
    UUID token, int rows, int newRows, int alreadyRegistered, List<RowError> errors) {

  /** Row numbers are those Excel shows (the header is row 1). */
  public record RowError(int row, String column, String reason) {}

  public boolean importable() {
    return errors.isEmpty() && newRows > 0;
  }
}
