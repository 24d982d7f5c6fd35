package org.huhang.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huhang.audit.AuditEntry;
import org.huhang.audit.AuditSearch;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit search as a workbook, in the words of the page: streamed (fastexcel) row by row; every
 * cell is text, so that ids and addresses keep their digits.
 */
@Component
public class AuditSpreadsheet {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(LegalTime.ZONE);

  private final AuditTrail audit;
  private final MessageSource messages;

  AuditSpreadsheet(AuditTrail audit, MessageSource messages) {
    this.audit = audit;
    this.messages = messages;
  }

  public void write(AuditSearch search, Actor actor, Locale locale, OutputStream out) {
    try {
      Workbook wb = new Workbook(out, "Huhang", "1.0");
      Worksheet ws = wb.newWorksheet(word("audit.title", locale));
      List<String> headers =
          List.of(
              "audit.time",
              "audit.username",
              "audit.role",
              "audit.region",
              "audit.action",
              "audit.entityType",
              "audit.entityId",
              "audit.outcome",
              "audit.address");
      for (int c = 0; c < headers.size(); c++) {
        ws.value(0, c, word(headers.get(c), locale));
        ws.width(c, c == 6 ? 38 : 18);
      }
      ws.range(0, 0, 0, headers.size() - 1).style().bold().set();
      int[] row = {1};
      audit.forEachMatch(
          search,
          actor,
          e -> {
            int r = row[0]++;
            List<String> cells =
                List.of(
                    TIME.format(e.occurredAt()),
                    text(e.username()),
                    e.role() == null ? "" : word("role." + e.role(), locale),
                    text(e.regionCode()),
                    action(e, locale),
                    entityType(e, locale),
                    text(e.entityId()),
                    word("audit.outcome." + e.outcome().name(), locale),
                    text(e.clientAddress()));
            for (int c = 0; c < cells.size(); c++) {
              // A string cell: an id of digits stays text, never a number in E-notation.
              ws.value(r, c, cells.get(c));
            }
            if (r % 1000 == 0) {
              try {
                ws.flush();
              } catch (IOException ex) {
                throw new UncheckedIOException(ex);
              }
            }
          });
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String action(AuditEntry e, Locale locale) {
    return AuditDictionary.knownAction(e.action())
        ? word("audit.action." + e.action(), locale)
        : e.action();
  }

  private String entityType(AuditEntry e, Locale locale) {
    return AuditDictionary.knownEntityType(e.entityType())
        ? word("audit.entity." + e.entityType(), locale)
        : text(e.entityType());
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private String word(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
