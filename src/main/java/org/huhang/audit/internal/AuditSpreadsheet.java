package org.huhang.audit.internal;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.huhang.audit.AuditEntry;
import org.huhang.audit.AuditSearch;
import org.huhang.audit.AuditTrail;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.spreadsheet.SheetWriter;
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
    SheetWriter sheet =
        SheetWriter.open(
            out, word("audit.title", locale), headers.stream().map(h -> word(h, locale)).toList());
    for (int c = 0; c < headers.size(); c++) {
      sheet.width(c, c == 6 ? 38 : 18);
    }
    audit.forEachMatch(
        search,
        actor,
        e ->
            sheet.row(
                List.of(
                    TIME.format(e.occurredAt()),
                    text(e.username()),
                    e.role() == null ? "" : word("role." + e.role(), locale),
                    text(e.regionCode()),
                    action(e, locale),
                    entityType(e, locale),
                    text(e.entityId()),
                    word("audit.outcome." + e.outcome().name(), locale),
                    text(e.clientAddress()))));
    sheet.finish();
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
