package org.huhang.volunteer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huhang.center.CenterView;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.person.Gender;
import org.huhang.shared.spreadsheet.Dates;
import org.huhang.shared.spreadsheet.SheetCell;
import org.huhang.shared.spreadsheet.TabularFiles;
import org.huhang.volunteer.Background;
import org.huhang.volunteer.RegisterVolunteer;
import org.huhang.volunteer.Speciality;
import org.huhang.volunteer.VolunteerSearch;
import org.huhang.volunteer.VolunteerStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers in and out of Excel: the import template (Chinese headers, drop-down lists), the
 * all-or-nothing import with its preview, and the export of a filtered list with masked numbers.
 * Streaming (fastexcel), so that tens of thousands of rows stay small in memory.
 */
@Service
public class VolunteerSpreadsheets {

  static final int MAX_ROWS = 20_000;
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final List<String> HEADER_KEYS =
      List.of(
          "name",
          "gender",
          "birthDate",
          "idNumber",
          "phone",
          "background",
          "centerId",
          "specialities",
          "dialects",
          "status",
          "joinedOn");

  private final VolunteerRegistry registry;
  private final VolunteerDirectory directory;
  private final SpecialityDictionary dictionary;
  private final VolunteerPolicy policy;
  private final MessageSource messages;
  private final JdbcClient jdbc;
  private final Clock clock;

  VolunteerSpreadsheets(
      VolunteerRegistry registry,
      VolunteerDirectory directory,
      SpecialityDictionary dictionary,
      VolunteerPolicy policy,
      MessageSource messages,
      JdbcClient jdbc,
      Clock clock) {
    this.registry = registry;
    this.directory = directory;
    this.dictionary = dictionary;
    this.policy = policy;
    this.messages = messages;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The column headers, always in Chinese: the sheet is exchanged with Chinese offices. */
  public List<String> headers() {
    return HEADER_KEYS.stream().map(k -> zh("volunteer.column." + k)).toList();
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
      ws.range(1, 5, MAX_ROWS, 5).validateWithListByFormula("\"" + backgrounds + "\"");
      ws.range(1, 1, MAX_ROWS, 1)
          .validateWithListByFormula("\"" + zh("gender.MALE") + "," + zh("gender.FEMALE") + "\"");
      String statuses =
          Arrays.stream(VolunteerStatus.values())
              .map(s -> zh("volunteer.status." + s.name()))
              .collect(Collectors.joining(","));
      ws.range(1, 9, MAX_ROWS, 9).validateWithListByFormula("\"" + statuses + "\"");
      // Identity numbers and phones as text: as numbers Excel would round them.
      ws.range(1, 3, MAX_ROWS, 4).style().format("@").set();
      ws.range(1, 2, MAX_ROWS, 2).style().format("yyyy-mm-dd").set();
      ws.range(1, 10, MAX_ROWS, 10).style().format("yyyy-mm-dd").set();
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
    try {
      Workbook wb = new Workbook(out, "Huhang", "1.0");
      Worksheet ws = wb.newWorksheet(zh("volunteer.sheet"));
      List<String> headers =
          List.of(
              zh("volunteer.column.name"),
              zh("volunteer.column.gender"),
              zh("volunteer.column.idNumber"),
              zh("volunteer.column.phone"),
              zh("volunteer.column.background"),
              zh("volunteer.column.centerId"),
              zh("volunteer.column.status"),
              zh("volunteer.column.joinedOn"));
      for (int c = 0; c < headers.size(); c++) {
        ws.value(0, c, headers.get(c));
      }
      ws.range(0, 0, 0, headers.size() - 1).style().bold().set();
      int[] row = {1};
      directory.forEachMatch(
          search,
          actor,
          v -> {
            int r = row[0]++;
            ws.value(r, 0, v.name());
            ws.value(r, 1, zh("gender." + v.gender().name()));
            ws.value(r, 2, v.idNumberMasked());
            ws.value(r, 3, v.phoneMasked());
            ws.value(r, 4, zh("volunteer.background." + v.background().name()));
            ws.value(r, 5, v.centerName());
            ws.value(r, 6, zh("volunteer.status." + v.status().name()));
            ws.value(r, 7, v.joinedOn().toString());
            if (r % 1000 == 0) {
              try {
                ws.flush();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          });
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks an uploaded file and keeps it for confirmation when every row is good. */
  @Transactional
  public ImportReport preview(byte[] content, Actor actor) {
    policy.requireManage(actor);
    Checked checked = check(content, actor);
    UUID token = null;
    if (checked.report().importable()) {
      token = UUID.randomUUID();
      jdbc.sql(
              "insert into volunteer.import_upload (id, uploaded_by, uploaded_at, content) values (:id, :by, :at, :c)")
          .param("id", token)
          .param("by", actor.username())
          .param("at", Timestamp.from(clock.instant()))
          .param("c", content)
          .update();
    }
    ImportReport r = checked.report();
    return new ImportReport(token, r.rows(), r.newRows(), r.alreadyRegistered(), r.errors());
  }

  /** Imports a previewed file: checked again, then every new row in one transaction. */
  @Transactional
  public ImportReport confirm(UUID token, Actor actor) {
    policy.requireManage(actor);
    byte[] content =
        jdbc.sql("select content from volunteer.import_upload where id = :id and uploaded_by = :by")
            .param("id", token)
            .param("by", actor.username())
            .query((rs, n) -> rs.getBytes(1))
            .optional()
            .orElseThrow(() -> new NotFoundException("import"));
    ImportReport report = importNow(content, actor);
    jdbc.sql("delete from volunteer.import_upload where id = :id").param("id", token).update();
    return report;
  }

  /** Checks and, when every row is good, imports at once (the API without preview). */
  @Transactional
  public ImportReport importNow(byte[] content, Actor actor) {
    policy.requireManage(actor);
    Checked checked = check(content, actor);
    if (checked.report().errors().isEmpty() && !checked.toInsert().isEmpty()) {
      registry.registerChecked(checked.toInsert(), actor);
    }
    return checked.report();
  }

  private record Checked(ImportReport report, List<RegisterVolunteer> toInsert) {}

  private Checked check(byte[] content, Actor actor) {
    List<List<SheetCell>> rows = TabularFiles.read(content, "upload.xlsx", headers(), MAX_ROWS);
    List<CenterView> centerChoices = registry.centerChoices(actor);
    VolunteerRegistry.Checks checks = registry.importChecks(actor, centerChoices);
    Map<String, UUID> centersByName = new HashMap<>();
    centerChoices.forEach(c -> centersByName.putIfAbsent(c.name(), c.id()));
    Map<String, String> specialityByName = new HashMap<>();
    dictionary.specialities().stream()
        .filter(Speciality::active)
        .forEach(s -> specialityByName.put(s.nameZh(), s.code()));

    List<ImportReport.RowError> errors = new ArrayList<>();
    Map<Integer, RegisterVolunteer> good = new LinkedHashMap<>();
    Map<String, Integer> firstRowOfId = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      int excelRow = i + 2;
      List<SheetCell> cells = rows.get(i);
      List<ImportReport.RowError> rowErrors = new ArrayList<>();
      RegisterVolunteer command =
          toCommand(excelRow, cells, centersByName, specialityByName, rowErrors);
      if (command != null) {
        for (FieldProblem p : registry.importProblems(command, checks)) {
          String column = column(p.field());
          // A cell that could not be read is reported once, not again by the record rules.
          if (rowErrors.stream().noneMatch(e -> e.column().equals(column))) {
            rowErrors.add(
                new ImportReport.RowError(excelRow, column, text(p.messageKey(), p.args())));
          }
        }
        if (command.idNumber() != null && !command.idNumber().isBlank()) {
          String id = command.idNumber().toUpperCase(Locale.ROOT);
          Integer first = firstRowOfId.putIfAbsent(id, excelRow);
          if (first != null) {
            rowErrors.add(
                new ImportReport.RowError(
                    excelRow, column("idNumber"), text("import.row.duplicateId", first)));
          }
        }
      }
      if (rowErrors.isEmpty()) {
        good.put(excelRow, command);
      }
      errors.addAll(rowErrors);
    }
    Map<String, byte[]> hashes = new HashMap<>();
    good.values()
        .forEach(
            c ->
                hashes.put(
                    c.idNumber().toUpperCase(Locale.ROOT),
                    registry.idHash(c.idNumber().toUpperCase(Locale.ROOT))));
    Set<String> registered = registry.alreadyRegistered(hashes);
    List<RegisterVolunteer> toInsert =
        good.values().stream()
            .filter(c -> !registered.contains(c.idNumber().toUpperCase(Locale.ROOT)))
            .toList();
    ImportReport report =
        new ImportReport(
            null, rows.size(), errors.isEmpty() ? toInsert.size() : 0, registered.size(), errors);
    return new Checked(report, errors.isEmpty() ? toInsert : List.of());
  }

  private RegisterVolunteer toCommand(
      int excelRow,
      List<SheetCell> cells,
      Map<String, UUID> centers,
      Map<String, String> specialities,
      List<ImportReport.RowError> errors) {
    String name = string(cells, 0);
    Gender gender = null;
    String genderText = string(cells, 1);
    if (!genderText.isEmpty()) {
      gender =
          Arrays.stream(Gender.values())
              .filter(g -> zh("gender." + g.name()).equals(genderText))
              .findFirst()
              .orElse(null);
      if (gender == null) {
        errors.add(
            new ImportReport.RowError(
                excelRow, column("gender"), text("import.row.choice", genderText)));
      }
    }
    LocalDate birth = date(excelRow, cells, 2, "birthDate", errors);
    String idNumber = idText(excelRow, cells, errors);
    String phone = phoneText(cells);
    Background background = null;
    String bgText = string(cells, 5);
    if (!bgText.isEmpty()) {
      background =
          Arrays.stream(Background.values())
              .filter(b -> zh("volunteer.background." + b.name()).equals(bgText))
              .findFirst()
              .orElse(null);
      if (background == null) {
        errors.add(
            new ImportReport.RowError(
                excelRow, column("background"), text("import.row.choice", bgText)));
      }
    }
    UUID centerId = null;
    String centerText = string(cells, 6);
    if (!centerText.isEmpty()) {
      centerId = centers.get(centerText);
      if (centerId == null) {
        errors.add(
            new ImportReport.RowError(
                excelRow, column("centerId"), text("import.row.center", centerText)));
      }
    }
    List<String> specialityCodes = new ArrayList<>();
    for (String s : string(cells, 7).split("[,，、;；]+")) {
      String t = s.strip();
      if (t.isEmpty()) {
        continue;
      }
      String code = specialities.get(t);
      if (code == null) {
        errors.add(
            new ImportReport.RowError(
                excelRow, column("specialities"), text("import.row.speciality", t)));
      } else if (!specialityCodes.contains(code)) {
        specialityCodes.add(code);
      }
    }
    String dialects = string(cells, 8);
    VolunteerStatus status = VolunteerStatus.ACTIVE;
    String statusText = string(cells, 9);
    if (!statusText.isEmpty()) {
      status =
          Arrays.stream(VolunteerStatus.values())
              .filter(s -> zh("volunteer.status." + s.name()).equals(statusText))
              .findFirst()
              .orElse(null);
      if (status == null) {
        errors.add(
            new ImportReport.RowError(
                excelRow, column("status"), text("import.row.choice", statusText)));
      }
    }
    LocalDate joined = date(excelRow, cells, 10, "joinedOn", errors);
    return new RegisterVolunteer(
        name,
        gender,
        birth,
        idNumber,
        phone,
        background,
        specialityCodes,
        dialects,
        List.of(),
        centerId,
        status,
        joined,
        null);
  }

  private static String string(List<SheetCell> cells, int i) {
    return cells.get(i).text();
  }

  private String idText(int excelRow, List<SheetCell> cells, List<ImportReport.RowError> errors) {
    SheetCell cell = cells.get(3);
    if (cell.numeric()) {
      // 18 digits do not survive as an Excel number: the last ones are already rounded away.
      errors.add(
          new ImportReport.RowError(excelRow, column("idNumber"), text("import.row.idAsNumber")));
      return null;
    }
    return cell.text();
  }

  private static String phoneText(List<SheetCell> cells) {
    return cells.get(4).text();
  }

  private LocalDate date(
      int excelRow,
      List<SheetCell> cells,
      int index,
      String field,
      List<ImportReport.RowError> errors) {
    String text = cells.get(index).text();
    if (text.isEmpty()) {
      return null;
    }
    Optional<LocalDate> day = Dates.parseLoose(text);
    if (day.isEmpty()) {
      errors.add(new ImportReport.RowError(excelRow, column(field), text("import.row.date", text)));
    }
    return day.orElse(null);
  }

  private String column(String field) {
    return field == null ? "" : zhOrField("volunteer.column." + field, field);
  }

  private String zhOrField(String key, String field) {
    return Optional.ofNullable(
            messages.getMessage(key, null, null, LocaleContextHolder.getLocale()))
        .orElse(field);
  }

  private String zh(String key) {
    return messages.getMessage(key, null, key, ZH);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
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
