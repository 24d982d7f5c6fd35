package org.huhang.shared.spreadsheet;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded table, .xlsx or .csv (UTF-8, or GBK as Chinese office software writes it),
 * whose first row must be exactly the expected headers. Both are read as streams and reading stops
 * at the first reason to refuse, so a hostile file costs little: the row limit is checked row by
 * row, an .xlsx may expand to at most {@link #MAX_EXPANDED_BYTES} (measured by inflating its parts,
 * not by trusting the sizes it declares), and a cell holds at most {@link #MAX_CELL_LENGTH}
 * characters. Every refusal is a {@link SpreadsheetRefused} whose message the user can act on:
 * empty, not a table, too large, formulas, wrong headers, no rows, too many rows.
 */
public final class TabularFiles {

  /** What all parts of an .xlsx may expand to together (a zip bomb stops here). */
  static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;

  /** What the shared strings alone may expand to: they are held in memory as read. */
  static final long MAX_SHARED_STRINGS_BYTES = 16L * 1024 * 1024;

  /** Parts in an .xlsx: a workbook has a dozen; thousands are an attack on the zip directory. */
  static final int MAX_ENTRIES = 1000;

  /** The longest cell, in characters: no field of any import comes near it. */
  static final int MAX_CELL_LENGTH = 2000;

  /** The longest CSV record, in characters, that the reader buffers. */
  static final int CSV_MAX_RECORD = 1024 * 1024;

  private TabularFiles() {}

  /**
   * The data rows (the header row checked and dropped, empty rows left out), each as many cells as
   * headers.
   */
  public static List<List<SheetCell>> read(
      byte[] content, String fileName, List<String> headers, int maxRows) {
    if (content == null || content.length == 0) {
      throw new SpreadsheetRefused("import.file.empty");
    }
    boolean xlsx = content.length >= 4 && content[0] == 'P' && content[1] == 'K';
    boolean csv = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
    Table table = new Table(headers, maxRows);
    if (xlsx) {
      readXlsx(content, table);
    } else if (csv) {
      readCsv(content, table);
    } else {
      throw new SpreadsheetRefused("import.file.notXlsx");
    }
    return table.data();
  }

  /** The rows as they arrive: the header checked first, the data counted as it comes. */
  private static final class Table {
    private final List<String> headers;
    private final int maxRows;
    private boolean headerSeen;
    private final List<List<SheetCell>> data = new ArrayList<>();

    Table(List<String> headers, int maxRows) {
      this.headers = headers;
      this.maxRows = maxRows;
    }

    void add(List<SheetCell> cells) {
      if (!headerSeen) {
        headerSeen = true;
        if (!cells.stream().map(SheetCell::text).toList().equals(headers)) {
          throw new SpreadsheetRefused("import.file.headers", String.join("、", headers));
        }
        return;
      }
      if (cells.stream().allMatch(SheetCell::empty)) {
        return;
      }
      if (data.size() >= maxRows) {
        throw new SpreadsheetRefused("import.file.tooManyRows", maxRows);
      }
      data.add(cells);
    }

    int width() {
      return headers.size();
    }

    List<List<SheetCell>> data() {
      if (!headerSeen) {
        throw new SpreadsheetRefused("import.file.empty");
      }
      if (data.isEmpty()) {
        throw new SpreadsheetRefused("import.file.noRows");
      }
      return data;
    }
  }

  private static void readXlsx(byte[] content, Table table) {
    checkExpandedSize(content);
    try (ReadableWorkbook wb =
            new ReadableWorkbook(
                new ByteArrayInputStream(content), new ReadingOptions(true, false));
        Stream<Row> stream = wb.getFirstSheet().openStream()) {
      Iterator<Row> rows = stream.iterator();
      while (rows.hasNext()) {
        Row row = rows.next();
        int rowNumber = row.getRowNum();
        for (int c = 0; c < row.getCellCount(); c++) {
          Cell cell = row.getCell(c);
          if (cell != null && cell.getType() == CellType.FORMULA) {
            throw new SpreadsheetRefused("import.file.formula", cellName(c, rowNumber));
          }
        }
        List<SheetCell> cells = new ArrayList<>(table.width());
        for (int c = 0; c < table.width(); c++) {
          cells.add(cell(row.getCellCount() > c ? row.getCell(c) : null, c, rowNumber));
        }
        table.add(cells);
      }
    } catch (SpreadsheetRefused e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // A damaged or hostile package: which exception the reader throws for it does not matter.
      throw new SpreadsheetRefused("import.file.notXlsx");
    }
  }

  /**
   * Inflates every part once, counting what actually comes out (a bomb declares small sizes), and
   * stops at the first that goes beyond the caps: nothing is kept, so this costs one buffer.
   */
  static void checkExpandedSize(byte[] content) {
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
      long total = 0;
      int entries = 0;
      byte[] buffer = new byte[64 * 1024];
      for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
        ZipArchiveEntry entry = e.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw new SpreadsheetRefused("import.file.tooLarge", MAX_EXPANDED_BYTES >> 20);
        }
        // Office writes parts stored or deflated; any other method (zstd, bzip2, …) is no
        // workbook and may need a codec that is not there (found by the fuzz test).
        if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
          throw new SpreadsheetRefused("import.file.notXlsx");
        }
        if (entry.isDirectory() || !zip.canReadEntryData(entry)) {
          continue;
        }
        boolean sharedStrings = entry.getName().toLowerCase(Locale.ROOT).contains("sharedstrings");
        long part = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            part += n;
            total += n;
            if (total > MAX_EXPANDED_BYTES || (sharedStrings && part > MAX_SHARED_STRINGS_BYTES)) {
              throw new SpreadsheetRefused("import.file.tooLarge", MAX_EXPANDED_BYTES >> 20);
            }
          }
        }
      }
    } catch (SpreadsheetRefused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SpreadsheetRefused("import.file.notXlsx");
    }
  }

  private static SheetCell cell(Cell cell, int column, int rowNumber) {
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
    return new SheetCell(
        SheetWriter.restored(checkedLength(text == null ? "" : text.strip(), column, rowNumber)),
        false);
  }

  private static String checkedLength(String text, int column, int rowNumber) {
    if (text.length() > MAX_CELL_LENGTH) {
      throw new SpreadsheetRefused(
          "import.file.cellTooLong", cellName(column, rowNumber), MAX_CELL_LENGTH);
    }
    return text;
  }

  private static void readCsv(byte[] content, Table table) {
    String text = decode(content);
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .skipEmptyLines(false)
            .allowExtraCharsAfterClosingQuote(true)
            .maxBufferSize(CSV_MAX_RECORD)
            .ofCsvRecord(new StringReader(text))) {
      int rowNumber = 0;
      for (CsvRecord record : csv) {
        rowNumber++;
        List<SheetCell> cells = new ArrayList<>(table.width());
        for (int c = 0; c < table.width(); c++) {
          String value = c < record.getFieldCount() ? record.getField(c).strip() : "";
          checkedLength(value, c, rowNumber);
          cells.add(
              value.isEmpty()
                  ? SheetCell.EMPTY
                  : new SheetCell(SheetWriter.restored(value), false));
        }
        table.add(cells);
      }
    } catch (SpreadsheetRefused e) {
      throw e;
    } catch (IOException | UncheckedIOException | de.siegmar.fastcsv.reader.CsvParseException e) {
      // A record longer than the reader's buffer: mostly a quote never closed.
      throw new SpreadsheetRefused("import.file.csvRecordTooLong", CSV_MAX_RECORD);
    }
  }

  /** A cell's name as a spreadsheet shows it, B2: {@code column} from 0, {@code row} from 1. */
  static String cellName(int column, int row) {
    return columnLetters(column) + row;
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
