package org.huhang.volunteer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huhang.shared.Actor;
import org.huhang.shared.spreadsheet.ImportRows;
import org.huhang.shared.spreadsheet.SheetWriter;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.VolunteerSearch;
import org.huhang.volunteer.VolunteerStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Volunteers in and out of Excel: the import template (Chinese headers, drop-down lists) and the
 * export of a filtered list with masked numbers. Streaming (fastexcel), so that tens of thousands
 * of rows stay small in memory. The import itself is {@link VolunteerRows} in the staged import.
 */
@Service
public class VolunteerSpreadsheets {

  /** How many rows of the template carry the drop-down lists and text formats. */
  private static final int TEMPLATE_ROWS = 20_000;

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final VolunteerRows rows;
  private final VolunteerDirectory directory;
  private final MessageSource messages;

  VolunteerSpreadsheets(VolunteerRows rows, VolunteerDirectory directory, MessageSource messages) {
    this.rows = rows;
    this.directory = directory;
    this.messages = messages;
  }

  /** The column headers of the import, always in Chinese: the sheet is exchanged with offices. */
  public List<String> headers() {
    return rows.columns().stream().map(ImportRows.Column::header).toList();
  }

  public void writeTemplate(OutputStream out) {
    try {
      Workbook wb = new Workbook(out, "Huhang", "1.0");
      Worksheet ws = wb.newWorksheet(zh("volunteer.sheet"));
      writeHeader(ws);
      String backgrounds =
          Arrays.stream(Background.values())
              .map(b -> zh("volunteer.background." + b.name()))
              .collect(Collectors.joining(","));
      ws.range(1, 5, TEMPLATE_ROWS, 5).validateWithListByFormula("\"" + backgrounds + "\"");
      ws.range(1, 1, TEMPLATE_ROWS, 1)
          .validateWithListByFormula("\"" + zh("gender.MALE") + "," + zh("gender.FEMALE") + "\"");
      String statuses =
          Arrays.stream(VolunteerStatus.values())
              .map(s -> zh("volunteer.status." + s.name()))
              .collect(Collectors.joining(","));
      ws.range(1, 9, TEMPLATE_ROWS, 9).validateWithListByFormula("\"" + statuses + "\"");
      // Identity numbers and phones as text: as numbers Excel would round them.
      ws.range(1, 3, TEMPLATE_ROWS, 4).style().format("@").set();
      ws.range(1, 2, TEMPLATE_ROWS, 2).style().format("yyyy-mm-dd").set();
      ws.range(1, 10, TEMPLATE_ROWS, 10).style().format("yyyy-mm-dd").set();
      Worksheet help = wb.newWorksheet(zh("volunteer.sheet.help"));
      help.value(0, 0, zh("volunteer.import.help.1"));
      help.value(1, 0, zh("volunteer.import.help.2"));
      help.value(2, 0, zh("volunteer.import.help.3"));
      help.value(3, 0, zh("volunteer.import.help.4"));
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the volunteers matching the search, numbers masked as on the screen. */
  public void writeExport(VolunteerSearch search, Actor actor, OutputStream out) {
    SheetWriter sheet =
        SheetWriter.open(
            out,
            zh("volunteer.sheet"),
            List.of(
                zh("volunteer.column.name"),
                zh("volunteer.column.gender"),
                zh("volunteer.column.idNumber"),
                zh("volunteer.column.phone"),
                zh("volunteer.column.background"),
                zh("volunteer.column.centerId"),
                zh("volunteer.column.status"),
                zh("volunteer.column.joinedOn")));
    directory.forEachMatch(
        search,
        actor,
        v ->
            sheet.row(
                List.of(
                    v.name(),
                    zh("gender." + v.gender().name()),
                    v.idNumberMasked(),
                    v.phoneMasked(),
                    zh("volunteer.background." + v.background().name()),
                    v.centerName(),
                    zh("volunteer.status." + v.status().name()),
                    v.joinedOn().toString())));
    sheet.finish();
  }

  private String zh(String key) {
    return messages.getMessage(key, null, key, ZH);
  }

  private void writeHeader(Worksheet ws) {
    List<String> headers = headers();
    for (int c = 0; c < headers.size(); c++) {
      ws.value(0, c, headers.get(c));
      ws.width(c, c == 3 ? 22 : 14);
    }
    ws.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("F3D6DA").set();
  }
}
