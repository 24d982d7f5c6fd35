package org.huhang.shared.spreadsheet;

/** More imports at once than the server reads at a time: try again shortly (HTTP 429). */
public class ImportsBusy extends SpreadsheetRefused {

  public ImportsBusy() {
    super("import.file.busy");
  }
}
