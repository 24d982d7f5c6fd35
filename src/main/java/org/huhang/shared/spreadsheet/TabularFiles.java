package org.huhang.shared.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded table, .xlsx or .csv (UTF-8, or GBK as Chinese office software writes it),
 * whose first row must be exactly the expected headers. Refuses with a reason the user can act on:
 * empty, not a table, formulas, wrong headers, no rows, too many rows.
 */
public final class TabularFiles {

  private TabularFiles() {}

  /** The data rows (the header row checked and dropped), each as many cells as headers. */
  public static List<List<SheetCell>> read(
      byte[] content, String fileName, List<String> headers, int maxRows) {
    if (content == null || content.length == 0) {
      throw new SpreadsheetRefused("import.file.empty");
    }
    boolean xlsx = content.length >= 4 && content[0] == 'P' && content[1] == 'K';
    boolean csv = fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    List<List<SheetCell>> rows =
        xlsx ? readXlsx(content, headers.size()) : csv ? readCsv(content, headers.size()) : null;
    if (rows == null) {
      throw new SpreadsheetRefused("import.file.notXlsx");
    }
    if (rows.isEmpty()) {
      throw new SpreadsheetRefused("import.file.empty");
    }
    List<String> found = rows.get(0).stream().map(SheetCell::text).toList();
    if (!found.equals(headers)) {
      throw new SpreadsheetRefused("import.file.headers", String.join("、", headers));
    }
    List<List<SheetCell>> data =
        rows.subList(1, rows.size()).stream()
            .filter(r -> !r.stream().allMatch(SheetCell::empty))
            .toList();
    if (data.isEmpty()) {
      throw new SpreadsheetRefused("import.file.noRows");
    }
    if (data.size() > maxRows) {
      throw new SpreadsheetRefused("import.file.tooManyRows", maxRows);
    }
    return data;
  }

  private static List<List<SheetCell>> readXlsx(byte[] content, int width) {
    List<List<SheetCell>> rows = new ArrayList<>();
    try (ReadableWorkbook wb =
            new ReadableWorkbook(
                new ByteArrayInputStream(content),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
        Stream<Row> stream = wb.getFirstSheet().openStream()) {
      stream.forEach(
          row -> {
            for (Cell cell : row) {
              if (cell != null && cell.getType() == CellType.FORMULA) {
                throw new SpreadsheetRefused("import.file.formula", cell.getAddress().toString());
              }
            }
            List<SheetCell> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
              cells.add(cell(row.getCellCount() > c ? row.getCell(c) : null));
            }
            rows.add(cells);
          });
      return rows;
    } catch (SpreadsheetRefused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SpreadsheetRefused("import.file.notXlsx");
    }
  }

  private static SheetCell cell(Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return SheetCell.EMPTY;
    }
    if (cell.getType() == CellType.NUMBER) {
      String format = cell.getDataFormatString();
      if (format != null && format.matches("(?i).*[ymd].*") && !format.contains("0")) {
        return new SheetCell(cell.asDate().toLocalDate().toString(), true);
      }
      return new SheetCell(cell.asNumber().toPlainString(), true);
    }
    String text = cell.getText();
    return new SheetCell(text == null ? "" : text.strip(), false);
  }

  private static List<List<SheetCell>> readCsv(byte[] content, int width) {
    String text = decode(content);
    List<List<SheetCell>> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        rows.add(toCells(fields, width, rows.size() + 1));
        fields.clear();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      rows.add(toCells(fields, width, rows.size() + 1));
    }
    return rows;
  }

  /** One CSV line as cells; {@code rowNumber} as a spreadsheet shows it, for the messages. */
  private static List<SheetCell> toCells(List<String> fields, int width, int rowNumber) {
    List<SheetCell> cells = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      String value = c < fields.size() ? fields.get(c).strip() : "";
      if (value.startsWith("=")) {
        throw new SpreadsheetRefused("import.file.formula", columnLetters(c) + rowNumber);
      }
      cells.add(value.isEmpty() ? SheetCell.EMPTY : new SheetCell(value, false));
    }
    return cells;
  }

  /** The column's letters as a spreadsheet names them: A … Z, AA … */
  static String columnLetters(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  /**
   * UTF-8 (with or without BOM) when it decodes; otherwise GBK, as Excel on Chinese Windows saves
   * CSV.
   */
  static String decode(byte[] content) {
    int offset =
        content.length >= 3
                && (content[0] & 0xff) == 0xEF
                && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, offset, content.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      if (content.length > 0 && content[0] == 0) {
        throw new SpreadsheetRefused("import.file.notXlsx");
      }
      return new String(content, Charset.forName("GBK"));
    }
  }
}
