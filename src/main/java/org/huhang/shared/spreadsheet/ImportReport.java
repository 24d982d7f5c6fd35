package org.huhang.shared.spreadsheet;

import java.util.List;
import java.util.UUID;

/**
 * What an uploaded file does or would do, for every kind of import: how many rows are new, how many
 * are present already (skipped, so that a second import changes nothing), every bad cell with its
 * row, column and reason, and the first rows as they will be saved. A file with any bad row imports
 * nothing; {@code token} confirms a previewed file.
 */
public record ImportReport(
    UUID token,
    int rows,
    int newRows,
    int alreadyPresent,
    List<RowError> errors,
    List<String> columns,
    List<List<String>> preview) {

  /** How many rows the preview shows. */
  public static final int PREVIEW_ROWS = 10;

  /** Row numbers are those Excel shows (the header is row 1). */
  public record RowError(int row, String column, String reason) {}

  public boolean importable() {
    return errors.isEmpty() && newRows > 0;
  }

  ImportReport withToken(UUID token) {
    return new ImportReport(token, rows, newRows, alreadyPresent, errors, columns, preview);
  }
}
