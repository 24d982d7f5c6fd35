package org.huhang.shared.spreadsheet;

/**
 * The rows of an import were saved by another one at the same moment (a unique index said so):
 * nothing of this one is kept (HTTP 409).
 */
public class ImportConflict extends SpreadsheetRefused {

  public ImportConflict() {
    super("import.file.conflict");
  }
}
