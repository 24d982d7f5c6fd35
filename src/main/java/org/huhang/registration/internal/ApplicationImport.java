package org.huhang.registration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.huhang.registration.Party;
import org.huhang.registration.RecordApplication;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.person.Gender;
import org.huhang.shared.spreadsheet.Dates;
import org.huhang.shared.spreadsheet.SheetCell;
import org.huhang.shared.spreadsheet.TabularFiles;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake from the registration system's export (.xlsx or .csv): every row through the same rules as
 * the form, a preview listing each bad row, then all rows in one transaction or none. A row already
 * recorded (same couple, same day received) is skipped, so a second import changes nothing.
 */
@Service
public class ApplicationImport {

  static final int MAX_ROWS = 20_000;
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  static final List<String> FIELDS =
      List.of(
          "receivedOn",
          "partyA.name",
          "partyA.gender",
          "partyA.birthDate",
          "partyA.idNumber",
          "partyA.phone",
          "partyB.name",
          "partyB.gender",
          "partyB.birthDate",
          "partyB.idNumber",
          "partyB.phone",
          "marriageDate",
          "minorChildren",
          "counselingOffered",
          "counselingAccepted");

  /** What an uploaded file would do; {@code token} confirms it when every row is good. */
  public record Report(
      UUID token, int rows, int newRows, int alreadyRecorded, List<RowError> errors) {
    public boolean importable() {
      return errors.isEmpty() && newRows > 0;
    }
  }

  /** A bad cell: row as the spreadsheet numbers it (header = 1), column header, reason. */
  public record RowError(int row, String column, String reason) {}

  private final ApplicationRecording applications;
  private final CalendarRepository calendar;
  private final RegistrationPolicy policy;
  private final MessageSource messages;
  private final JdbcClient jdbc;
  private final Clock clock;

  ApplicationImport(
      ApplicationRecording applications,
      CalendarRepository calendar,
      RegistrationPolicy policy,
      MessageSource messages,
      JdbcClient jdbc,
      Clock clock) {
    this.applications = applications;
    this.calendar = calendar;
    this.policy = policy;
    this.messages = messages;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<String> headers() {
    return FIELDS.stream()
        .map(f -> messages.getMessage("application.column." + f, null, ZH))
        .toList();
  }

  @Transactional
  public Report preview(byte[] content, String fileName, Actor actor) {
    policy.requireRecorder(actor);
    Checked checked = check(content, fileName, actor);
    Report r = checked.report();
    UUID token = null;
    if (r.importable()) {
      token = UUID.randomUUID();
      jdbc.sql(
              "insert into registration.import_upload (id, uploaded_by, uploaded_at, file_name, content)"
                  + " values (:id, :by, :at, :name, :content)")
          .param("id", token)
          .param("by", actor.username())
          .param("at", Timestamp.from(clock.instant()))
          .param("name", fileName == null ? "upload" : fileName)
          .param("content", content)
          .update();
    }
    return new Report(token, r.rows(), r.newRows(), r.alreadyRecorded(), r.errors());
  }

  @Transactional
  public Report confirm(UUID token, Actor actor) {
    policy.requireRecorder(actor);
    record Upload(String name, byte[] content) {}
    Upload upload =
        jdbc.sql(
                "select file_name, content from registration.import_upload where id = :id and uploaded_by = :by")
            .param("id", token)
            .param("by", actor.username())
            .query((rs, n) -> new Upload(rs.getString(1), rs.getBytes(2)))
            .optional()
            .orElseThrow(() -> new NotFoundException("import"));
    Report report = importNow(upload.content(), upload.name(), actor);
    jdbc.sql("delete from registration.import_upload where id = :id").param("id", token).update();
    return report;
  }

  @Transactional
  public Report importNow(byte[] content, String fileName, Actor actor) {
    policy.requireRecorder(actor);
    Checked checked = check(content, fileName, actor);
    if (checked.report().errors().isEmpty() && !checked.rows().isEmpty()) {
      applications.saveImported(checked.rows());
    }
    return checked.report();
  }

  private record Checked(Report report, List<DivorceApplication> rows) {}

  private Checked check(byte[] content, String fileName, Actor actor) {
    List<List<SheetCell>> table = TabularFiles.read(content, fileName, headers(), MAX_ROWS);
    CoolingOffClock clockOfCalendar = new CoolingOffClock(calendar.current());
    List<RowError> errors = new ArrayList<>();
    List<DivorceApplication> fresh = new ArrayList<>();
    Map<String, Integer> firstRowOfCouple = new HashMap<>();
    int already = 0;
    for (int i = 0; i < table.size(); i++) {
      int excelRow = i + 2;
      List<SheetCell> cells = table.get(i);
      List<RowError> rowErrors = new ArrayList<>();
      RecordApplication command = toCommand(excelRow, cells, rowErrors);
      for (FieldProblem p : applications.check(command)) {
        String column = column(p.field());
        if (rowErrors.stream().noneMatch(e -> e.column().equals(column))) {
          rowErrors.add(new RowError(excelRow, column, text(p.messageKey(), p.args())));
        }
      }
      if (!rowErrors.isEmpty()) {
        errors.addAll(rowErrors);
        continue;
      }
      DivorceApplication row = applications.prepare(command, actor, clockOfCalendar);
      String couple = java.util.HexFormat.of().formatHex(row.pairHash());
      Integer first = firstRowOfCouple.putIfAbsent(couple, excelRow);
      if (first != null) {
        errors.add(
            new RowError(
                excelRow, column("partyA.idNumber"), text("import.row.duplicateCouple", first)));
      } else if (applications.alreadyRecorded(row)) {
        already++;
      } else if (applications.openElsewhere(row)) {
        errors.add(
            new RowError(excelRow, column("partyA.idNumber"), text("application.duplicate")));
      } else {
        fresh.add(row);
      }
    }
    Report report =
        new Report(null, table.size(), errors.isEmpty() ? fresh.size() : 0, already, errors);
    return new Checked(report, errors.isEmpty() ? fresh : List.of());
  }

  private RecordApplication toCommand(int excelRow, List<SheetCell> cells, List<RowError> errors) {
    return new RecordApplication(
        date(excelRow, cells, 0, errors),
        party(excelRow, cells, 1, "partyA", errors),
        party(excelRow, cells, 6, "partyB", errors),
        date(excelRow, cells, 11, errors),
        integer(excelRow, cells, 12, errors),
        yes(excelRow, cells, 13, errors),
        yes(excelRow, cells, 14, errors));
  }

  private Party party(
      int excelRow, List<SheetCell> cells, int first, String prefix, List<RowError> errors) {
    String genderText = cells.get(first + 1).text();
    Gender gender = null;
    if (!genderText.isEmpty()) {
      gender =
          java.util.Arrays.stream(Gender.values())
              .filter(g -> messages.getMessage("gender." + g.name(), null, ZH).equals(genderText))
              .findFirst()
              .orElse(null);
      if (gender == null) {
        errors.add(
            new RowError(
                excelRow, column(prefix + ".gender"), text("import.row.choice", genderText)));
      }
    }
    SheetCell id = cells.get(first + 3);
    if (id.numeric()) {
      errors.add(
          new RowError(excelRow, column(prefix + ".idNumber"), text("import.row.idAsNumber")));
    }
    return new Party(
        cells.get(first).text(),
        gender,
        date(excelRow, cells, first + 2, errors),
        id.numeric() ? null : id.text(),
        cells.get(first + 4).text());
  }

  private LocalDate date(int excelRow, List<SheetCell> cells, int index, List<RowError> errors) {
    String text = cells.get(index).text();
    if (text.isEmpty()) {
      return null;
    }
    Optional<LocalDate> day = Dates.parseLoose(text);
    if (day.isEmpty()) {
      errors.add(new RowError(excelRow, column(FIELDS.get(index)), text("import.row.date", text)));
    }
    return day.orElse(null);
  }

  private Integer integer(int excelRow, List<SheetCell> cells, int index, List<RowError> errors) {
    String text = cells.get(index).text();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return new java.math.BigDecimal(text).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      errors.add(
          new RowError(excelRow, column(FIELDS.get(index)), text("import.row.integer", text)));
      return null;
    }
  }

  private boolean yes(int excelRow, List<SheetCell> cells, int index, List<RowError> errors) {
    String text = cells.get(index).text();
    if (text.isEmpty() || text.equals("否") || text.equalsIgnoreCase("false") || text.equals("0")) {
      return false;
    }
    if (text.equals("是") || text.equalsIgnoreCase("true") || text.equals("1")) {
      return true;
    }
    errors.add(new RowError(excelRow, column(FIELDS.get(index)), text("import.row.yesNo", text)));
    return false;
  }

  private String column(String field) {
    int i = FIELDS.indexOf(field);
    return i < 0 ? "" : headers().get(i);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
