package org.huhang.shared.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An export as one streamed worksheet (fastexcel): a bold header row, then rows of text cells,
 * flushed every thousand rows so that tens of thousands stay small in memory. Every cell is text:
 * identity numbers and ids keep their digits. A cell that a spreadsheet would take for a formula
 * (starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, so
 * that an exported name like {@code =HYPERLINK(…)} stays text wherever the file is opened.
 */
public final class SheetWriter {

  private static final int FLUSH_EVERY = 1000;

  private final Workbook workbook;
  private final Worksheet sheet;
  private int next = 1;

  private SheetWriter(Workbook workbook, Worksheet sheet) {
    this.workbook = workbook;
    this.sheet = sheet;
  }

  /** Starts a workbook with one sheet and its header row. */
  public static SheetWriter open(OutputStream out, String sheetName, List<String> headers) {
    Workbook workbook = new Workbook(out, "Huhang", "1.0");
    Worksheet sheet = workbook.newWorksheet(sheetName);
    for (int c = 0; c < headers.size(); c++) {
      sheet.value(0, c, neutralised(headers.get(c)));
    }
    sheet.range(0, 0, 0, headers.size() - 1).style().bold().set();
    return new SheetWriter(workbook, sheet);
  }

  /** Sets a column's width, in characters. */
  public SheetWriter width(int column, int characters) {
    sheet.width(column, characters);
    return this;
  }

  /** Appends a row of text cells; null is an empty cell. */
  public void row(List<String> cells) {
    int r = next++;
    for (int c = 0; c < cells.size(); c++) {
      sheet.value(r, c, cells.get(c) == null ? "" : neutralised(cells.get(c)));
    }
    if (r % FLUSH_EVERY == 0) {
      try {
        sheet.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The text as written: prefixed with an apostrophe when it would start a formula. */
  public static String neutralised(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + text
        : text;
  }

  /**
   * The text as it was before {@link #neutralised}: an exported file imports back unchanged (an
   * export re-imports as "already recorded", not as a new record whose title starts with '). A cell
   * beginning with an apostrophe before anything else keeps it.
   */
  public static String restored(String text) {
    if (text == null || text.length() < 2 || text.charAt(0) != '\'') {
      return text;
    }
    String rest = text.substring(1);
    return neutralised(rest).equals(text) ? rest : text;
  }

  /** Writes the end of the workbook; the stream stays open for its owner to close. */
  public void finish() {
    try {
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
