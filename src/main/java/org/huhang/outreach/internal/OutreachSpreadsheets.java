package org.huhang.outreach.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huhang.outreach.OutreachEventView;
import org.huhang.outreach.OutreachSearch;
import org.huhang.outreach.OutreachType;
import org.huhang.region.RegionView;
import org.huhang.shared.Actor;
import org.huhang.shared.Paged;
import org.huhang.shared.spreadsheet.ImportRows;
import org.huhang.shared.spreadsheet.SheetWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Outreach events in and out of Excel: the import template (Chinese headers, the types as a
 * drop-down, the actor's regions listed) and the export of the filtered list in the template's very
 * columns, so that an exported sheet imports again (its events then skipped as present). The import
 * itself is {@link OutreachRows} in the shared staged import.
 */
@Service
public class OutreachSpreadsheets {

  private static final int TEMPLATE_ROWS = 5_000;
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final OutreachRows rows;
  private final OutreachCatalog catalog;
  private final OutreachPolicy policy;
  private final MessageSource messages;

  OutreachSpreadsheets(
      OutreachRows rows, OutreachCatalog catalog, OutreachPolicy policy, MessageSource messages) {
    this.rows = rows;
    this.catalog = catalog;
    this.policy = policy;
    this.messages = messages;
  }

  /** 403 unless the actor reads outreach: asked before a download starts. */
  public void requireExport(Actor actor) {
    policy.requireRead(actor);
  }

  /** 403 unless the actor records events: the template and the import are theirs. */
  public void requireImport(Actor actor) {
    policy.requireCreate(actor);
  }

  public void writeTemplate(Actor actor, OutputStream out) {
    policy.requireCreate(actor);
    try {
      Workbook wb = new Workbook(out, "Huhang", "1.0");
      Worksheet ws = wb.newWorksheet(zh("outreach.sheet"));
      List<String> headers = rows.columns().stream().map(ImportRows.Column::header).toList();
      for (int c = 0; c < headers.size(); c++) {
        ws.value(0, c, headers.get(c));
        ws.width(c, c == 1 || c == 5 || c == 10 ? 28 : 14);
      }
      ws.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("F3D6DA").set();
      String types =
          Arrays.stream(OutreachType.values())
              .map(rows::typeLabel)
              .collect(Collectors.joining(","));
      ws.range(1, 0, TEMPLATE_ROWS, 0).validateWithListByFormula("\"" + types + "\"");
      ws.range(1, 2, TEMPLATE_ROWS, 2).style().format("yyyy-mm-dd").set();
      // Times and region codes as text: as numbers Excel would turn 09:00 into 0.375.
      ws.range(1, 3, TEMPLATE_ROWS, 4).style().format("@").set();
      Worksheet help = wb.newWorksheet(zh("outreach.sheet.help"));
      for (int i = 1; i <= 4; i++) {
        help.value(i - 1, 0, zh("outreach.import.help." + i));
      }
      help.value(5, 0, zh("outreach.import.help.regions"));
      int r = 6;
      for (RegionView region : rows.offeredRegions(actor)) {
        help.value(r++, 0, OutreachRows.regionCell(region.name(), region.code()));
      }
      help.width(0, 80);
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes every event the search finds (not just one page), in the template's columns. */
  public void writeExport(OutreachSearch search, Actor actor, OutputStream out) {
    SheetWriter sheet =
        SheetWriter.open(
            out,
            zh("outreach.sheet"),
            rows.columns().stream().map(ImportRows.Column::header).toList());
    int page = 0;
    while (true) {
      Paged<OutreachEventView> found =
          catalog.search(
              new OutreachSearch(
                  search.type(), search.region(), search.from(), search.to(), page, Paged.MAX_SIZE),
              actor);
      for (OutreachEventView e : found.items()) {
        sheet.row(
            List.of(
                rows.typeLabel(e.type()),
                e.title(),
                e.heldOn().toString(),
                e.startsAt().format(OutreachRows.HH_MM),
                OutreachRows.regionCell(e.regionName(), e.regionCode()),
                e.place(),
                e.centerName() == null ? "" : e.centerName(),
                OutreachRows.speakersCell(e.speakers()),
                e.audience() == null ? "" : e.audience(),
                String.valueOf(e.attendance()),
                e.summary() == null ? "" : e.summary()));
      }
      if (found.items().size() < Paged.MAX_SIZE) {
        break;
      }
      page++;
    }
    sheet.finish();
  }

  private String zh(String key) {
    return messages.getMessage(key, null, key, ZH);
  }
}
