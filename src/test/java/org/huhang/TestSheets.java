package org.huhang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Reads an exported workbook back, as a person opening it would see its first sheet. */
public final class TestSheets {

  private TestSheets() {}

  /** Every row of the first sheet, each cell as its text (an empty cell as ""). */
  public static List<List<String>> rows(byte[] workbook) {
    List<List<String>> rows = new ArrayList<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(workbook));
        Stream<Row> stream = wb.getFirstSheet().openStream()) {
      stream.forEach(r -> rows.add(r.stream().map(c -> c == null ? "" : c.getText()).toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
