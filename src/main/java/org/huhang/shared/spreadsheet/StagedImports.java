package org.huhang.shared.spreadsheet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.person.PersonalDataProtector;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one staged import every spreadsheet goes through: upload, every row checked by the module's
 * {@link ImportRows}, a preview, then confirmation in one transaction, all rows or none. Records
 * already present are skipped, so a file imported twice changes nothing. A previewed upload waits
 * encrypted in {@code kernel.import_staging} (it holds identity numbers and phones), is bound to
 * its kind and uploader, deleted at confirmation and expired after {@link #KEEP_STAGED}.
 */
@Service
public class StagedImports {

  static final Duration KEEP_STAGED = Duration.ofHours(2);

  /**
   * Files read at once across the application: each may take tens of megabytes while it is checked,
   * so a burst of uploads waits briefly and then is told to come back (429).
   */
  static final int READERS = 2;

  private static final Semaphore READING = new Semaphore(READERS, true);
  private static final long WAIT_SECONDS = 5;

  private final JdbcClient jdbc;
  private final PersonalDataProtector protector;
  private final MessageSource messages;
  private final Clock clock;

  StagedImports(
      JdbcClient jdbc, PersonalDataProtector protector, MessageSource messages, Clock clock) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.messages = messages;
    this.clock = clock;
  }

  /** Checks a file and, when every row is good, stages it for {@link #confirm}. */
  @Transactional
  public <T> ImportReport preview(
      ImportRows<T> rows, byte[] content, String fileName, Actor actor) {
    ImportReport report = check(rows, rows.open(actor), content, fileName).report();
    if (!report.importable()) {
      return report;
    }
    UUID token = UUID.randomUUID();
    jdbc.sql(
            """
            insert into kernel.import_staging (id, kind, uploaded_by, uploaded_at, file_name, content)
            values (:id, :kind, :by, :at, :name, :content)""")
        .param("id", token)
        .param("kind", rows.kind())
        .param("by", actor.username())
        .param("at", Timestamp.from(clock.instant()))
        .param("name", storedName(fileName))
        .param("content", protector.encryptBytes(content))
        .update();
    return report.withToken(token);
  }

  /**
   * Imports a staged file: checked again (the database may have changed since the preview), then
   * every new row in this transaction. Another user's or another kind's token answers 404.
   */
  @Transactional
  public <T> ImportReport confirm(ImportRows<T> rows, UUID token, Actor actor) {
    record Staged(String fileName, byte[] content) {}
    // Claimed by deleting it: a second confirmation at the same moment waits for this one's
    // transaction and then finds nothing (404); should this import fail, the upload stays.
    Staged staged =
        jdbc.sql(
                """
                delete from kernel.import_staging
                where id = :id and kind = :kind and uploaded_by = :by and uploaded_at > :since
                returning file_name, content""")
            .param("id", token)
            .param("kind", rows.kind())
            .param("by", actor.username())
            .param("since", Timestamp.from(clock.instant().minus(KEEP_STAGED)))
            .query((rs, n) -> new Staged(rs.getString(1), protector.decryptBytes(rs.getBytes(2))))
            .optional()
            .orElseThrow(() -> new NotFoundException("import"));
    return importNow(rows, staged.content(), staged.fileName(), actor);
  }

  /** Checks a file and reports what it would do, staging nothing (the API's dry run). */
  @Transactional(readOnly = true)
  public <T> ImportReport dryRun(ImportRows<T> rows, byte[] content, String fileName, Actor actor) {
    return check(rows, rows.open(actor), content, fileName).report();
  }

  /** Checks and, when every row is good, imports at once (the API without a preview). */
  @Transactional
  public <T> ImportReport importNow(
      ImportRows<T> rows, byte[] content, String fileName, Actor actor) {
    ImportRows.Batch<T> batch = rows.open(actor);
    // One import of a kind at a time: a second identical file waits for the first to commit and
    // then finds its rows present, the same report as an import repeated later.
    jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
        .param("key", "import:" + rows.kind())
        .query((rs, n) -> 1)
        .list();
    Checked<T> checked = check(rows, batch, content, fileName);
    if (checked.report().errors().isEmpty() && !checked.fresh().isEmpty()) {
      try {
        batch.save(checked.fresh());
      } catch (DataAccessException e) {
        // A row saved at this moment by another way in (a form, the API): the unique index says.
        if (causedByDuplicateKey(e)) {
          throw new ImportConflict();
        }
        throw e;
      }
    }
    return checked.report();
  }

  private static boolean causedByDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException) {
        return true;
      }
    }
    return false;
  }

  /** Staged uploads nobody confirmed are not kept: they hold identity numbers and phones. */
  @Scheduled(fixedDelay = 15 * 60 * 1000, initialDelay = 60 * 1000)
  @Transactional
  public int expireStaged() {
    return jdbc.sql("delete from kernel.import_staging where uploaded_at <= :before")
        .param("before", Timestamp.from(clock.instant().minus(KEEP_STAGED)))
        .update();
  }

  /** The name kept with a staged upload: only its ending matters (.csv), so a long one is cut. */
  static String storedName(String fileName) {
    if (fileName == null) {
      return "";
    }
    return fileName.length() <= 200 ? fileName : fileName.substring(fileName.length() - 200);
  }

  private record Checked<T>(ImportReport report, List<T> fresh) {}

  private <T> Checked<T> check(
      ImportRows<T> rows, ImportRows.Batch<T> batch, byte[] content, String fileName) {
    try {
      if (!READING.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new ImportsBusy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportsBusy();
    }
    try {
      return checkNow(rows, batch, content, fileName);
    } finally {
      READING.release();
    }
  }

  private <T> Checked<T> checkNow(
      ImportRows<T> rows, ImportRows.Batch<T> batch, byte[] content, String fileName) {
    List<ImportRows.Column> columns = rows.columns();
    List<String> headers = columns.stream().map(ImportRows.Column::header).toList();
    Map<String, Integer> indexByField = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      indexByField.put(columns.get(i).field(), i);
    }
    List<List<SheetCell>> table = TabularFiles.read(content, fileName, headers, rows.maxRows());

    List<ImportReport.RowError> errors = new ArrayList<>();
    Map<Integer, T> good = new LinkedHashMap<>();
    Map<String, Integer> firstRowOfKey = new HashMap<>();
    for (int i = 0; i < table.size(); i++) {
      SheetRow row = new SheetRow(i + 2, table.get(i), indexByField);
      // Each row's cells are let go once read: a large file is not held twice (cells and records).
      table.set(i, null);
      refuseControlCharacters(row, columns);
      T record = batch.read(row);
      if (record != null && !row.hasProblems()) {
        Integer first = firstRowOfKey.putIfAbsent(batch.sameKey(record), row.number());
        if (first != null) {
          row.problem(batch.sameField(), batch.sameMessageKey(), first);
        }
      }
      if (record != null && !row.hasProblems()) {
        good.put(row.number(), record);
      }
      errors.addAll(errorsOf(row, row.problemList(), headers));
    }

    Set<String> present = batch.present(List.copyOf(good.values()));
    List<T> fresh = new ArrayList<>();
    int alreadyPresent = 0;
    for (Map.Entry<Integer, T> entry : good.entrySet()) {
      T record = entry.getValue();
      if (present.contains(batch.sameKey(record))) {
        alreadyPresent++;
        continue;
      }
      List<FieldProblem> conflicts = batch.conflicts(record);
      if (conflicts.isEmpty()) {
        fresh.add(record);
      } else {
        SheetRow row = new SheetRow(entry.getKey(), List.of(), indexByField);
        errors.addAll(errorsOf(row, conflicts, headers));
      }
    }
    errors.sort(java.util.Comparator.comparingInt(ImportReport.RowError::row));
    List<List<String>> preview =
        errors.isEmpty()
            ? fresh.stream().limit(ImportReport.PREVIEW_ROWS).map(batch::preview).toList()
            : List.of();
    ImportReport report =
        new ImportReport(
            null,
            table.size(),
            errors.isEmpty() ? fresh.size() : 0,
            alreadyPresent,
            errors,
            headers,
            preview);
    return new Checked<>(report, errors.isEmpty() ? fresh : List.of());
  }

  /**
   * A control character (a NUL byte, an escape) in a cell cannot be stored and is never meant: the
   * cell is refused, so the preview never promises a row that the confirmation cannot save.
   */
  private static void refuseControlCharacters(SheetRow row, List<ImportRows.Column> columns) {
    for (ImportRows.Column column : columns) {
      String text = row.text(column.field());
      if (org.huhang.shared.text.ControlCharacters.present(text)) {
        row.problem(column.field(), "import.row.control");
      }
    }
  }

  private List<ImportReport.RowError> errorsOf(
      SheetRow row, List<FieldProblem> problems, List<String> headers) {
    List<ImportReport.RowError> errors = new ArrayList<>();
    for (FieldProblem p : problems) {
      int index = row.columnIndex(p.field());
      errors.add(
          new ImportReport.RowError(
              row.number(),
              index < 0 ? "" : headers.get(index),
              messages.getMessage(
                  p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale())));
    }
    return errors;
  }
}
