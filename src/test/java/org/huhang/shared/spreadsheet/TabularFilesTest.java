package org.huhang.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** Hostile and odd uploads: what the reader refuses, and what that costs. */
class TabularFilesTest {

  static final List<String> HEADERS = List.of("姓名", "身份证号");

  /**
   * An .xlsx of about 10 MB whose sheet expands to about 2 GB: one header and millions of equal
   * rows, written with a streaming zip writer. It is refused as too large, and the heap it takes
   * while read stays small (printed: the issue asks for the number).
   */
  @Test
  void aZipBombIsRefusedAndTheHeapStaysSmall() throws Exception {
    byte[] bomb = bomb(2L * 1024 * 1024 * 1024);
    System.out.printf("zip bomb: %.1f MB compressed%n", bomb.length / 1048576.0);

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    try {
      assertThatThrownBy(() -> TabularFiles.read(bomb, "bomb.xlsx", HEADERS, 20_000))
          .isInstanceOfSatisfying(
              SpreadsheetRefused.class,
              e -> assertThat(e.messageKey()).isIn("import.file.tooLarge"));
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    long extra = peak.get() - before;
    System.out.printf(
        "zip bomb: peak heap %.0f MB above the %.0f MB before reading%n",
        extra / 1048576.0, before / 1048576.0);
    assertThat(extra).isLessThan(512L * 1024 * 1024);
  }

  /** The minimal package parts and a sheet of {@code expanded} bytes of equal rows. */
  static byte[] bomb(long expanded) throws IOException {
    return TestZipBombs.bomb(expanded, HEADERS);
  }

  @Test
  void aSmallSheetOfEqualRowsStillReads() throws Exception {
    byte[] small = bomb(50_000);
    assertThat(TabularFiles.read(small, "ok.xlsx", HEADERS, 20_000))
        .hasSizeGreaterThan(100)
        .first()
        .isEqualTo(
            List.of(new SheetCell("王秀英", false), new SheetCell("371623198503150026", false)));
  }

  @Test
  void readingStopsAtTheRowLimitAndSaysWhichLimit() throws Exception {
    byte[] many = bomb(2_000_000);
    assertThatThrownBy(() -> TabularFiles.read(many, "many.xlsx", HEADERS, 100))
        .isInstanceOfSatisfying(
            SpreadsheetRefused.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("import.file.tooManyRows");
              assertThat(e.args()).containsExactly(100);
            });
    StringBuilder csv = new StringBuilder("姓名,身份证号\n");
    csv.append("王秀英,371623198503150026\n".repeat(101));
    assertThatThrownBy(
            () ->
                TabularFiles.read(
                    csv.toString().getBytes(StandardCharsets.UTF_8), "m.csv", HEADERS, 100))
        .isInstanceOfSatisfying(
            SpreadsheetRefused.class,
            e -> assertThat(e.messageKey()).isEqualTo("import.file.tooManyRows"));
  }

  @Test
  void aVeryLongCellIsRefusedByItsName() {
    String csv = "姓名,身份证号\n王秀英,1\n李娜," + "1".repeat(TabularFiles.MAX_CELL_LENGTH + 1) + "\n";
    assertThatThrownBy(
            () -> TabularFiles.read(csv.getBytes(StandardCharsets.UTF_8), "l.csv", HEADERS, 100))
        .isInstanceOfSatisfying(
            SpreadsheetRefused.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("import.file.cellTooLong");
              assertThat(e.args()[0]).isEqualTo("B3");
            });
  }

  @Test
  void aFormulaInAnXlsxIsRefusedByItsCellName() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("s");
    ws.value(0, 0, "姓名");
    ws.value(0, 1, "身份证号");
    ws.value(1, 0, "王秀英");
    ws.value(1, 1, "1");
    ws.value(2, 0, "李娜");
    ws.formula(2, 1, "1+1");
    wb.finish();
    assertThatThrownBy(() -> TabularFiles.read(out.toByteArray(), "f.xlsx", HEADERS, 100))
        .isInstanceOfSatisfying(
            SpreadsheetRefused.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("import.file.formula");
              assertThat(e.args()).containsExactly("B3");
            });
  }

  /** Text that looks like a formula is data: it is neutralised when exported, not refused here. */
  @Test
  void csvTextThatLooksLikeAFormulaIsReadAsText() {
    String csv = "姓名,身份证号\n=HYPERLINK(\"x\"),+1\n";
    assertThat(TabularFiles.read(csv.getBytes(StandardCharsets.UTF_8), "t.csv", HEADERS, 100))
        .containsExactly(
            List.of(new SheetCell("=HYPERLINK(\"x\")", false), new SheetCell("+1", false)));
  }

  @Test
  void quotedCsvFieldsGbkAndBomStillRead() {
    String csv = "\uFEFF姓名,身份证号\r\n\"王,秀\"\"英\",\"37162\n3\"\r\n\r\n李娜,2";
    assertThat(TabularFiles.read(csv.getBytes(StandardCharsets.UTF_8), "q.csv", HEADERS, 100))
        .containsExactly(
            List.of(new SheetCell("王,秀\"英", false), new SheetCell("37162\n3", false)),
            List.of(new SheetCell("李娜", false), new SheetCell("2", false)));
    byte[] gbk = "姓名,身份证号\n张伟,1\n".getBytes(java.nio.charset.Charset.forName("GBK"));
    assertThat(TabularFiles.read(gbk, "g.csv", HEADERS, 100))
        .containsExactly(List.of(new SheetCell("张伟", false), new SheetCell("1", false)));
  }

  @Test
  void exportedCellsThatWouldStartAFormulaAreNeutralised() {
    assertThat(SheetWriter.neutralised("=1+1")).isEqualTo("'=1+1");
    assertThat(SheetWriter.neutralised("+86 138")).isEqualTo("'+86 138");
    assertThat(SheetWriter.neutralised("-2")).isEqualTo("'-2");
    assertThat(SheetWriter.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SheetWriter.neutralised("\tx")).isEqualTo("'\tx");
    assertThat(SheetWriter.neutralised("\rx")).isEqualTo("'\rx");
    assertThat(SheetWriter.neutralised("王秀英")).isEqualTo("王秀英");
    assertThat(SheetWriter.neutralised("")).isEmpty();
  }

  /**
   * Every export goes through SheetWriter: the written workbook holds the prefixed text, and
   * reading it back as an import gives the original text, so an export re-imports unchanged.
   */
  @Test
  void anExportedWorkbookHoldsNeutralisedTextAndImportsBackUnchanged() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SheetWriter sheet = SheetWriter.open(out, "导出", HEADERS);
    sheet.row(List.of("=HYPERLINK(\"http://x\",\"点我\")", "@SUM(1)"));
    sheet.row(List.of("王秀英", "371623198503150026"));
    sheet.finish();
    List<String> written = new java.util.ArrayList<>();
    try (var wb =
            new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()));
        var rows = wb.getFirstSheet().openStream()) {
      rows.skip(1).findFirst().ifPresent(r -> r.forEach(c -> written.add(c.getText())));
    }
    assertThat(written).containsExactly("'=HYPERLINK(\"http://x\",\"点我\")", "'@SUM(1)");
    assertThat(TabularFiles.read(out.toByteArray(), "e.xlsx", HEADERS, 100))
        .containsExactly(
            List.of(
                new SheetCell("=HYPERLINK(\"http://x\",\"点我\")", false),
                new SheetCell("@SUM(1)", false)),
            List.of(new SheetCell("王秀英", false), new SheetCell("371623198503150026", false)));
    // The same in a CSV saved from the exported workbook; an apostrophe of the data itself stays.
    String csv = "姓名,身份证号\n'=1+1,'王\n";
    assertThat(TabularFiles.read(csv.getBytes(StandardCharsets.UTF_8), "s.csv", HEADERS, 100))
        .containsExactly(List.of(new SheetCell("=1+1", false), new SheetCell("'王", false)));
  }

  @Test
  void aQuoteNeverClosedIsRefusedAsAnOverlongLine() {
    String csv = "姓名,身份证号\n\"王秀英," + "x".repeat(TabularFiles.CSV_MAX_RECORD + 10);
    assertThatThrownBy(
            () -> TabularFiles.read(csv.getBytes(StandardCharsets.UTF_8), "q.csv", HEADERS, 100))
        .isInstanceOfSatisfying(
            SpreadsheetRefused.class,
            e -> assertThat(e.messageKey()).isEqualTo("import.file.csvRecordTooLong"));
  }
}
