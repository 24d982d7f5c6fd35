package org.huhang.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.shared.Actor;
import org.huhang.shared.DomainException.FieldProblem;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one staged import, driven by a small kind of rows of its own: what every module's import
 * inherits (cell readers, duplicates, present rows, preview, confirmation, staging) is tested here
 * once.
 */
class StagedImportsIntegrationTest extends IntegrationTest {

  @Autowired StagedImports imports;
  @Autowired JdbcClient jdbc;

  static final Actor CLERK =
      new Actor(
          UUID.randomUUID(),
          "import-clerk",
          "测试",
          Role.CITY_ADMIN,
          "371600",
          "滨州市",
          "/370000/371600/");
  static final Actor OTHER =
      new Actor(
          UUID.randomUUID(),
          "other-clerk",
          "测试",
          Role.CITY_ADMIN,
          "371600",
          "滨州市",
          "/370000/371600/");

  /** A kind of rows: a name (unique), a day and a count; names in {@code present} are stored. */
  static final class Visits implements ImportRows<Visits.Visit> {
    record Visit(String name, LocalDate day, int count) {}

    final String kind;
    final Set<String> present = new HashSet<>();
    final List<Visit> saved = new ArrayList<>();

    Visits(String kind) {
      this.kind = kind;
    }

    @Override
    public String kind() {
      return kind;
    }

    @Override
    public List<Column> columns() {
      return List.of(new Column("name", "姓名"), new Column("day", "日期"), new Column("count", "人数"));
    }

    @Override
    public Batch<Visit> open(Actor actor) {
      return new Batch<>() {
        @Override
        public Visit read(SheetRow row) {
          String name = row.text("name");
          LocalDate day = row.date("day");
          Integer count = row.integer("count", 0);
          if (day == null && !row.hasProblems()) {
            row.problem("day", "date.required");
          }
          if (count != null && count < 0) {
            row.problems(
                List.of(new FieldProblem("count", "import.row.integer", new Object[] {count})));
          }
          return row.hasProblems() ? null : new Visit(name, day, count);
        }

        @Override
        public String sameKey(Visit v) {
          return v.name();
        }

        @Override
        public String sameField() {
          return "name";
        }

        @Override
        public String sameMessageKey() {
          return "import.row.same";
        }

        @Override
        public Set<String> present(List<Visit> visits) {
          Set<String> found = new HashSet<>();
          visits.stream().map(Visit::name).filter(present::contains).forEach(found::add);
          return found;
        }

        @Override
        public List<String> preview(Visit v) {
          return List.of(v.name(), v.day().toString(), String.valueOf(v.count()));
        }

        @Override
        public void save(List<Visit> visits) {
          saved.addAll(visits);
        }
      };
    }
  }

  static byte[] csv(String... rows) {
    return ("姓名,日期,人数\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPreviewShowsTheRowsAsSavedAndStagesTheFileEncrypted() {
    Visits visits = new Visits("test-visits");
    ImportReport report =
        imports.preview(visits, csv("王秀英,2024-03-15,3", "李娜,2024/3/16,"), "v.csv", CLERK);

    assertThat(report.importable()).isTrue();
    assertThat(report.token()).isNotNull();
    assertThat(report.columns()).containsExactly("姓名", "日期", "人数");
    assertThat(report.preview())
        .containsExactly(List.of("王秀英", "2024-03-15", "3"), List.of("李娜", "2024-03-16", "0"));
    assertThat(visits.saved).isEmpty();
    byte[] staged =
        jdbc.sql("select content from kernel.import_staging where id = :id")
            .param("id", report.token())
            .query(byte[].class)
            .single();
    assertThat(new String(staged, StandardCharsets.UTF_8)).doesNotContain("王秀英");
    assertThat(new String(staged, StandardCharsets.ISO_8859_1)).doesNotContain("2024-03-15");
  }

  @Test
  void aStagedFileConfirmsOnceOnlyForItsUploaderAndKind() {
    Visits visits = new Visits("test-visits");
    ImportReport report = imports.preview(visits, csv("张伟,2024-03-15,1"), "v.csv", CLERK);

    assertThatThrownBy(() -> imports.confirm(visits, report.token(), OTHER))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> imports.confirm(new Visits("other-kind"), report.token(), CLERK))
        .isInstanceOf(NotFoundException.class);

    ImportReport done = imports.confirm(visits, report.token(), CLERK);
    assertThat(done.newRows()).isEqualTo(1);
    assertThat(visits.saved).extracting(Visits.Visit::name).containsExactly("张伟");
    assertThatThrownBy(() -> imports.confirm(visits, report.token(), CLERK))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void everyBadCellIsReportedOnceWithItsRowColumnAndReasonAndNothingIsSaved() {
    LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    Visits visits = new Visits("test-visits");
    ImportReport report =
        imports.importNow(
            visits,
            csv("王芳,2025-02-30,2", "刘洋,2024-01-01,两", "王芳,2024-01-02,1", "陈静,2024-01-03,1"),
            "v.csv",
            CLERK);

    assertThat(report.importable()).isFalse();
    assertThat(report.newRows()).isZero();
    assertThat(report.preview()).isEmpty();
    assertThat(report.errors())
        .extracting(ImportReport.RowError::row, ImportReport.RowError::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "日期"),
            org.assertj.core.groups.Tuple.tuple(3, "人数"));
    assertThat(report.errors().get(0).reason()).contains("2025-02-30").contains("不是有效日期");
    assertThat(visits.saved).isEmpty();

    ImportReport twice =
        imports.importNow(visits, csv("王芳,2024-01-01,2", "王芳,2024-01-02,1"), "v.csv", CLERK);
    assertThat(twice.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.row()).isEqualTo(3);
              assertThat(e.column()).isEqualTo("姓名");
              assertThat(e.reason()).contains("第 2 行");
            });
    assertThat(visits.saved).isEmpty();
  }

  @Test
  void rowsAlreadyPresentAreSkippedSoASecondImportChangesNothing() {
    Visits visits = new Visits("test-visits");
    visits.present.add("赵敏");
    ImportReport report =
        imports.importNow(visits, csv("赵敏,2024-01-01,1", "孙丽,2024-01-02,1"), "v.csv", CLERK);
    assertThat(report.newRows()).isEqualTo(1);
    assertThat(report.alreadyPresent()).isEqualTo(1);
    assertThat(visits.saved).extracting(Visits.Visit::name).containsExactly("孙丽");

    visits.present.add("孙丽");
    ImportReport again =
        imports.preview(visits, csv("赵敏,2024-01-01,1", "孙丽,2024-01-02,1"), "v.csv", CLERK);
    assertThat(again.importable()).isFalse();
    assertThat(again.token()).isNull();
    assertThat(again.alreadyPresent()).isEqualTo(2);
  }

  @Test
  void stagedUploadsNobodyConfirmedExpire() {
    Visits visits = new Visits("test-visits");
    ImportReport report = imports.preview(visits, csv("周杰,2024-01-01,1"), "v.csv", CLERK);
    jdbc.sql("update kernel.import_staging set uploaded_at = :at where id = :id")
        .param("at", Timestamp.from(Instant.now().minus(3, ChronoUnit.HOURS)))
        .param("id", report.token())
        .update();
    assertThatThrownBy(() -> imports.confirm(visits, report.token(), CLERK))
        .isInstanceOf(NotFoundException.class);
    assertThat(imports.expireStaged()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from kernel.import_staging where id = :id")
                .param("id", report.token())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void twoConfirmationsAtTheSameMomentImportOnceAndTheOtherFindsNothing() throws Exception {
    Visits visits = new Visits("test-visits");
    ImportReport report = imports.preview(visits, csv("吴静,2024-01-01,1"), "v.csv", CLERK);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return "imported " + imports.confirm(visits, report.token(), CLERK).newRows();
                  } catch (NotFoundException e) {
                    return "not found";
                  }
                }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (var answer : answers) {
        outcomes.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(outcomes).containsExactlyInAnyOrder("imported 1", "not found");
      assertThat(visits.saved).extracting(Visits.Visit::name).containsExactly("吴静");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aControlCharacterInACellIsRefusedAtThePreviewNotAtTheConfirmation() {
    Visits visits = new Visits("test-visits");
    ImportReport report = imports.preview(visits, csv("探针\u0000丁,2024-01-01,1"), "v.csv", CLERK);
    assertThat(report.importable()).isFalse();
    assertThat(report.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.row()).isEqualTo(2);
              assertThat(e.column()).isEqualTo("姓名");
            });
  }

  @Test
  void aVeryLongFileNameIsKeptByItsEnding() {
    Visits visits = new Visits("test-visits");
    String name = "很".repeat(300) + ".csv";
    ImportReport report = imports.preview(visits, csv("郑洁,2024-01-01,1"), name, CLERK);
    assertThat(report.importable()).isTrue();
    assertThat(imports.confirm(visits, report.token(), CLERK).newRows()).isEqualTo(1);
  }

  @Test
  void aDryRunReportsWithoutStagingAnything() {
    Visits visits = new Visits("dry-run-visits");
    ImportReport report = imports.dryRun(visits, csv("冯雪,2024-01-01,1"), "v.csv", CLERK);
    assertThat(report.newRows()).isEqualTo(1);
    assertThat(report.token()).isNull();
    assertThat(
            jdbc.sql("select count(*) from kernel.import_staging where kind = 'dry-run-visits'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(visits.saved).isEmpty();
  }

  /**
   * Issue 9, point 2: a previewed file with identity numbers and phones is kept only encrypted.
   * Every column of its staging row, as text and as the bytes' hex, holds neither.
   */
  @Test
  void noStagingColumnHoldsAPlainIdentityNumberOrPhone() {
    Visits visits = new Visits("test-visits");
    String id = "371623198503150026";
    String phone = "13905431234";
    ImportReport report =
        imports.preview(visits, csv(id + phone + ",2024-01-01,1"), "v.csv", CLERK);
    assertThat(report.token()).isNotNull();
    String row =
        jdbc.sql("select t::text from kernel.import_staging t where id = :id")
            .param("id", report.token())
            .query(String.class)
            .single();
    assertThat(row).doesNotContain(id).doesNotContain(phone);
    assertThat(row.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain(java.util.HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(java.util.HexFormat.of().formatHex(phone.getBytes(StandardCharsets.UTF_8)));
  }

  /** More uploads at once than may be read: the third waits briefly, then is told to come back. */
  @Test
  void aThirdImportAtOnceIsToldToComeBack() throws Exception {
    Visits visits = new Visits("busy-visits");
    java.lang.reflect.Field field = StagedImports.class.getDeclaredField("READING");
    field.setAccessible(true);
    java.util.concurrent.Semaphore reading = (java.util.concurrent.Semaphore) field.get(null);
    reading.acquire(StagedImports.READERS);
    try {
      assertThatThrownBy(() -> imports.dryRun(visits, csv("忙碌,2024-01-01,1"), "v.csv", CLERK))
          .isInstanceOf(ImportsBusy.class);
    } finally {
      reading.release(StagedImports.READERS);
    }
    assertThat(imports.dryRun(visits, csv("忙碌,2024-01-01,1"), "v.csv", CLERK).newRows())
        .isEqualTo(1);
  }
}
