package org.huhang.reporting.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huhang.reporting.Figures;
import org.huhang.reporting.MonthFigures;
import org.huhang.reporting.RegionFigures;
import org.huhang.reporting.Reporting;
import org.huhang.reporting.StatsSummary;
import org.huhang.reporting.internal.WorkReport;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException;
import org.huhang.shared.LegalTime;
import org.huhang.shared.pdf.FormPdf;
import org.huhang.shared.spreadsheet.SheetWriter;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The statistical report (统计月报) of the /stats page's region and period, as Excel (a sheet 合计 for
 * the region, one per child region, numbers as numbers, rates as percentages with two decimals) and
 * as PDF (the work-report paragraph, the region's figures, the child regions' table). Same
 * parameters, scope and roles as the page; every figure is {@link Reporting#summary}'s. Dates the
 * page would refuse send the user back to the page, which says what is wrong. The report is a
 * Chinese publication: its words are the bundle's Chinese ones whatever the user's language.
 */
@Controller
class StatsExportController {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Reporting reporting;
  private final MessageSource messages;
  private final Clock clock;

  StatsExportController(Reporting reporting, MessageSource messages, Clock clock) {
    this.reporting = reporting;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/stats/report.xlsx")
  ResponseEntity<byte[]> excel(
      Actor actor,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletRequest request) {
    StatsSummary s = summary(actor, region, period, from, to);
    if (s == null) {
      return backToThePage(request);
    }
    return file(workbook(s), XLSX, "stats-report", s, ".xlsx");
  }

  @GetMapping("/stats/report.pdf")
  ResponseEntity<byte[]> pdf(
      Actor actor,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletRequest request) {
    StatsSummary s = summary(actor, region, period, from, to);
    if (s == null) {
      return backToThePage(request);
    }
    return file(document(s), MediaType.APPLICATION_PDF, "stats-report", s, ".pdf");
  }

  /** The page's figures, or null when the period is one the page answers with a field error. */
  private StatsSummary summary(Actor actor, String region, String period, String from, String to) {
    reporting.requireReader(actor);
    LocalDate today = LocalDate.now(clock.withZone(LegalTime.ZONE));
    StatsPeriod asked = StatsPeriod.of(period, from, to, today);
    if (!asked.problems().isEmpty()) {
      // The region is checked even so: another county's code answers 404.
      reporting.summary(region, today, today, actor);
      return null;
    }
    try {
      return reporting.summary(region, asked.start(), asked.end(), actor);
    } catch (DomainException e) {
      reporting.summary(region, today, today, actor);
      return null;
    }
  }

  private static ResponseEntity<byte[]> backToThePage(HttpServletRequest request) {
    String query = request.getQueryString();
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create("/stats" + (query == null ? "" : "?" + query)))
        .build();
  }

  private ResponseEntity<byte[]> file(
      byte[] body, MediaType type, String asciiName, StatsSummary s, String extension) {
    String period = "_" + s.from() + "_" + s.to() + extension;
    String name = s.name() + zh("stats.export.title") + period;
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\""
                + asciiName
                + period
                + "\"; filename*=UTF-8''"
                + rfc5987(name))
        .cacheControl(CacheControl.noStore())
        .body(body);
  }

  // ---- Excel

  byte[] workbook(StatsSummary s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    Workbook workbook = new Workbook(out, "Huhang", "1.0");
    Set<String> names = new HashSet<>();
    Worksheet total = workbook.newWorksheet(sheetName(zh("stats.export.total"), names));
    int next = figures(total, s.name(), s, s.figures());
    months(total, next + 1, s.byMonth());
    for (RegionFigures r : s.byCounty()) {
      Worksheet sheet = workbook.newWorksheet(sheetName(r.name(), names));
      figures(sheet, r.name(), s, r.figures());
    }
    try {
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The region's figures from the sheet's first row: a title, the period, then 项目 | 数值 rows. */
  private int figures(Worksheet sheet, String name, StatsSummary s, Figures f) {
    sheet.width(0, 30);
    sheet.width(1, 14);
    sheet.width(2, 14);
    sheet.width(3, 14);
    sheet.value(0, 0, SheetWriter.neutralised(name + zh("stats.export.title")));
    sheet.style(0, 0).bold().set();
    sheet.value(1, 0, zh("stats.export.period", s.from().toString(), s.to().toString()));
    if (!s.complete()) {
      sheet.value(2, 0, zh("stats.export.incomplete", s.loadingPercent()));
      sheet.style(2, 0).bold().fontColor("9C5700").set();
    }
    sheet.value(3, 0, zh("stats.export.item"));
    sheet.value(3, 1, zh("stats.export.value"));
    sheet.range(3, 0, 3, 1).style().bold().set();
    int r = 4;
    for (Line line : lines(f)) {
      sheet.value(r, 0, line.label());
      if (line.value() instanceof BigDecimal rate) {
        sheet.value(r, 1, rate);
        sheet.style(r, 1).format("0.00").set();
      } else if (line.value() != null) {
        sheet.value(r, 1, line.value());
      }
      r++;
    }
    return r;
  }

  /** The month-by-month table: 月份 | 受理 | 辅导 | 劝和. */
  private void months(Worksheet sheet, int first, List<MonthFigures> months) {
    sheet.value(first, 0, zh("stats.export.months"));
    sheet.style(first, 0).bold().set();
    List<String> header =
        List.of(
            zh("stats.export.month"),
            zh("stats.table.applications"),
            zh("stats.table.counseled"),
            zh("stats.table.reconciled"));
    for (int c = 0; c < header.size(); c++) {
      sheet.value(first + 1, c, header.get(c));
    }
    sheet.range(first + 1, 0, first + 1, header.size() - 1).style().bold().set();
    int r = first + 2;
    for (MonthFigures m : months) {
      sheet.value(r, 0, m.month().toString());
      sheet.value(r, 1, m.applications());
      sheet.value(r, 2, m.counseled());
      sheet.value(r, 3, m.reconciled());
      r++;
    }
  }

  /** A line of the report: its label and its number (a rate: a BigDecimal; none: null). */
  record Line(String label, Number value) {}

  /** The figures of one region, in the report's order, with the rates as percentages. */
  List<Line> lines(Figures f) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(zh("stats.export.applications"), f.applications()));
    lines.add(new Line(zh("stats.export.counseled"), f.counseled()));
    lines.add(new Line(zh("stats.export.counselingRate"), f.counselingRate()));
    lines.add(new Line(zh("stats.export.reconciled"), f.reconciled()));
    lines.add(new Line(zh("stats.export.reconciliationRate"), f.reconciliationRate()));
    lines.add(new Line(zh("stats.export.highRisk"), f.highRisk()));
    lines.add(new Line(zh("stats.export.centers"), f.centers()));
    lines.add(new Line(zh("stats.export.rooms"), f.rooms()));
    lines.add(new Line(zh("stats.export.volunteers"), f.volunteers()));
    for (Map.Entry<?, Long> e : f.volunteersByBackground().entrySet()) {
      lines.add(
          new Line(
              zh("stats.export.of", zh("volunteer.background." + ((Enum<?>) e.getKey()).name())),
              e.getValue()));
    }
    lines.add(new Line(zh("stats.export.events"), f.outreachEvents()));
    for (Map.Entry<?, Long> e : f.outreachEventsByType().entrySet()) {
      lines.add(
          new Line(
              zh("stats.export.of", zh("outreach.type." + ((Enum<?>) e.getKey()).name())),
              e.getValue()));
    }
    lines.add(new Line(zh("stats.export.trainingCourses"), f.trainingCourses()));
    lines.add(new Line(zh("stats.export.trainingParticipants"), f.trainingParticipants()));
    return lines;
  }

  /**
   * A sheet name Excel accepts: without []:*?/\, at most 31 characters, never blank, not used
   * before in the workbook.
   */
  static String sheetName(String wanted, Set<String> used) {
    String name = wanted == null ? "" : wanted.replaceAll("[\\[\\]:*?/\\\\']", "_").strip();
    if (name.isEmpty()) {
      name = "_";
    }
    if (name.length() > 31) {
      name = name.substring(0, 31);
    }
    String candidate = name;
    for (int i = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) {
      String suffix = "(" + i + ")";
      candidate = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
    }
    return candidate;
  }

  // ---- PDF

  byte[] document(StatsSummary s) {
    FormPdf pdf =
        FormPdf.start(
            s.name(),
            s.name() + zh("stats.export.title"),
            zh("stats.export.period", s.from().toString(), s.to().toString()));
    if (!s.complete()) {
      pdf.paragraph(zh("stats.export.incomplete", s.loadingPercent()));
    }
    pdf.heading(zh("stats.export.report"))
        .paragraph(WorkReport.paragraph(s.name(), s.level(), s.from(), s.to(), s.figures()));
    pdf.heading(zh("stats.export.figures"));
    List<FormPdf.Field> fields = new ArrayList<>();
    for (Line line : lines(s.figures())) {
      fields.add(new FormPdf.Field(line.label(), text(line.value())));
    }
    pdf.fields(fields);
    if (!s.byCounty().isEmpty()) {
      pdf.heading(zh("stats.table." + s.childrenKind()));
      List<String> header =
          List.of(
              zh("stats.table.name"),
              zh("stats.table.applications"),
              zh("stats.table.counseled"),
              zh("stats.export.counselingRate"),
              zh("stats.table.reconciled"),
              zh("stats.export.reconciliationRate"),
              zh("stats.export.highRisk.short"),
              zh("stats.export.volunteers.short"),
              zh("stats.export.events.short"));
      List<List<String>> rows = new ArrayList<>();
      for (RegionFigures r : s.byCounty()) {
        Figures f = r.figures();
        rows.add(
            List.of(
                r.name(),
                text(f.applications()),
                text(f.counseled()),
                text(f.counselingRate()),
                text(f.reconciled()),
                text(f.reconciliationRate()),
                text(f.highRisk()),
                text(f.volunteers()),
                text(f.outreachEvents())));
      }
      pdf.grid(new float[] {16, 10, 10, 11, 10, 11, 10, 11, 11}, header, rows);
    }
    if (!s.byMonth().isEmpty()) {
      pdf.heading(zh("stats.export.months"));
      List<List<String>> rows = new ArrayList<>();
      for (MonthFigures m : s.byMonth()) {
        rows.add(
            List.of(
                m.month().toString(),
                text(m.applications()),
                text(m.counseled()),
                text(m.reconciled())));
      }
      pdf.grid(
          new float[] {25, 25, 25, 25},
          List.of(
              zh("stats.export.month"),
              zh("stats.table.applications"),
              zh("stats.table.counseled"),
              zh("stats.table.reconciled")),
          rows);
    }
    pdf.closing(zh("stats.export.printed", LocalDate.now(clock.withZone(LegalTime.ZONE))));
    return pdf.finish();
  }

  private static String text(Number value) {
    if (value == null) {
      return "—";
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }

  private String zh(String key, Object... args) {
    return messages.getMessage(key, args, key, ZH);
  }

  /** Percent-encodes every byte outside RFC 5987's attr-char set. */
  private static String rfc5987(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
