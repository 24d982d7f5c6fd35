package org.huhang.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

class VolunteerImportIntegrationTest extends IntegrationTest {

  static final List<String> HEADERS =
      List.of("姓名", "性别", "出生日期", "身份证号", "手机号", "背景类别", "所属中心", "专长", "方言", "状态", "加入日期");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  static String[] row(String name, String id) {
    return new String[] {
      name,
      "女",
      TestPeople.birthDateOf(id),
      id,
      TestPeople.phone(),
      "心理咨询师",
      "无棣县婚姻家庭辅导中心",
      "情绪危机干预、家庭教育",
      "滨州话",
      "在岗",
      "2025-06-01"
    };
  }

  static byte[] xlsx(List<String> headers, List<String[]> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("志愿者");
    for (int c = 0; c < headers.size(); c++) {
      ws.value(0, c, headers.get(c));
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).length; c++) {
        ws.value(r + 1, c, rows.get(r)[c]);
      }
    }
    wb.finish();
    return out.toByteArray();
  }

  ResultActions upload(byte[] content, boolean dryRun) throws Exception {
    return mvc.perform(
        multipart("/api/v1/volunteers/import")
            .file(
                new MockMultipartFile(
                    "file", "volunteers.xlsx", "application/octet-stream", content))
            .param("dryRun", Boolean.toString(dryRun))
            .header("Accept-Language", "zh-CN")
            .with(httpBasic("admin-371623", DEMO_PASSWORD)));
  }

  long volunteers() {
    return jdbc.sql("select count(*) from volunteer.volunteer").query(Long.class).single();
  }

  @Test
  void aFileWithOneBadRowImportsNothingAndNamesTheRowColumnAndReason() throws Exception {
    String bad = TestPeople.womanId("371623");
    bad = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');
    List<String[]> rows = new ArrayList<>();
    rows.add(row("甲一", TestPeople.womanId("371623")));
    rows.add(row("乙二", bad));
    String[] third = row("丙三", TestPeople.womanId("371623"));
    third[5] = "医生";
    rows.add(third);
    long before = volunteers();
    upload(xlsx(HEADERS, rows), false)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].row").value(3))
        .andExpect(jsonPath("$.errors[0].column").value("身份证号"))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("校验位")))
        .andExpect(jsonPath("$.errors[1].row").value(4))
        .andExpect(jsonPath("$.errors[1].column").value("背景类别"));
    assertThat(volunteers()).isEqualTo(before);
  }

  @Test
  void aGoodFileImportsEveryRowOnceAndAgainChangesNothing() throws Exception {
    byte[] file =
        xlsx(
            HEADERS,
            List.of(
                row("钱一", TestPeople.womanId("371623")), row("钱二", TestPeople.womanId("371623"))));
    long before = volunteers();
    String firstId = TestPeople.womanId("371623");
    file = xlsx(HEADERS, List.of(row("钱一", firstId), row("钱二", TestPeople.womanId("371623"))));
    upload(file, true)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows").value(2))
        .andExpect(jsonPath("$.newRows").value(2))
        // The API's dry run keeps nothing, so it hands out no token to confirm.
        .andExpect(jsonPath("$.token").doesNotExist())
        // The first rows as they will be saved: the number masked, never whole.
        .andExpect(jsonPath("$.preview[0][0]").value("钱一"))
        .andExpect(
            jsonPath("$.preview[0][3]")
                .value(firstId.substring(0, 6) + "********" + firstId.substring(14)))
        .andExpect(content().string(Matchers.not(Matchers.containsString(firstId))));
    assertThat(volunteers()).as("the preview writes nothing").isEqualTo(before);
    upload(file, false).andExpect(status().isOk()).andExpect(jsonPath("$.newRows").value(2));
    assertThat(volunteers()).isEqualTo(before + 2);
    upload(file, false)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newRows").value(0))
        .andExpect(jsonPath("$.alreadyPresent").value(2));
    assertThat(volunteers()).isEqualTo(before + 2);
    assertThat(
            jdbc.sql("select cardinality(specialities) from volunteer.volunteer where name = '钱一'")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void theSameNumberTwiceInOneFileIsAnError() throws Exception {
    String id = TestPeople.womanId("371623");
    upload(xlsx(HEADERS, List.of(row("孙一", id), row("孙二", id))), true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].row").value(3))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("第 2 行")));
  }

  @Test
  void unusableFilesAreRefusedWithAClearMessageNeverA500() throws Exception {
    upload("not a spreadsheet".getBytes(), true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString(".xlsx")));
    upload(new byte[0], true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value("文件是空的。"));
    upload(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, true)
        .andExpect(status().isUnprocessableContent());
    upload(xlsx(List.of("名字", "身份证"), List.<String[]>of(new String[] {"x", "y"})), true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("表头")));
    upload(xlsx(HEADERS, List.of()), true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("没有数据行")));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("志愿者");
    for (int c = 0; c < HEADERS.size(); c++) {
      ws.value(0, c, HEADERS.get(c));
    }
    String[] r = row("公式", TestPeople.womanId("371623"));
    for (int c = 0; c < r.length; c++) {
      ws.value(1, c, r[c]);
    }
    ws.formula(1, 0, "CONCATENATE(\"a\",\"b\")");
    wb.finish();
    upload(out.toByteArray(), true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("公式")));
  }

  @Test
  void aHundredMegabyteUploadIsRefusedAsTooLarge() throws Exception {
    byte[] huge = new byte[21 * 1024 * 1024];
    huge[0] = 'P';
    huge[1] = 'K';
    // MockMvc does not enforce the servlet container's size limit; the real server does.
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String boundary = "huhang-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes());
    body.write(huge);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes());
    var response =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://localhost:" + port + "/api/v1/volunteers/import?dryRun=true"))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString(("admin-371623:" + DEMO_PASSWORD).getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("20 MB");
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  @org.springframework.security.test.context.support.WithUserDetails("analyst")
  void theExportAnswers403NotADownloadToARoleWithoutVolunteers() throws Exception {
    mvc.perform(get("/volunteers/export.xlsx"))
        .andExpect(status().isForbidden())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .doesNotExist("Content-Disposition"));
  }

  @Test
  @org.springframework.security.test.context.support.WithUserDetails("admin-371623")
  void theExportHoldsTheFilteredListWithMaskedNumbers() throws Exception {
    byte[] export =
        mvc.perform(get("/volunteers/export.xlsx").param("background", "LAWYER"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<List<String>> rows = org.huhang.TestSheets.rows(export);
    assertThat(rows.get(0)).contains("姓名", "身份证号");
    assertThat(rows).hasSizeGreaterThan(1);
    for (List<String> r : rows.subList(1, rows.size())) {
      assertThat(r.get(2)).matches("\\d{6}\\*{8}[0-9X]{4}");
      assertThat(r.get(3)).contains("****");
      assertThat(r.get(4)).isEqualTo("律师");
    }
  }

  @Test
  @org.springframework.security.test.context.support.WithUserDetails("admin-371623")
  void theTemplateHasTheChineseHeaders() throws Exception {
    byte[] template =
        mvc.perform(get("/volunteers/template.xlsx"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template));
        Stream<Row> stream = wb.getFirstSheet().openStream()) {
      assertThat(stream.findFirst().orElseThrow().stream().map(c -> c.getText()).toList())
          .isEqualTo(HEADERS);
    }
  }

  /**
   * Two identical imports at the same moment (issue 9, point 5): the second waits for the first and
   * reports its rows as registered already, or answers 409; never a 500, and every volunteer once.
   */
  @Test
  void twoIdenticalImportsAtOnceRegisterEveryoneOnceAndNeitherAnswers500() throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(row("并发" + i, TestPeople.womanId("371623")));
    }
    byte[] file = xlsx(HEADERS, rows);
    long before = volunteers();
    for (int round = 0; round < 3; round++) {
      byte[] content =
          round == 0
              ? file
              : xlsx(
                  HEADERS,
                  List.<String[]>of(
                      row("并发甲" + round, TestPeople.womanId("371623")),
                      row("并发乙" + round, TestPeople.womanId("371623"))));
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>>
            answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return upload(content, false).andReturn().getResponse();
                  }));
        }
        start.countDown();
        int imported = 0;
        for (var answer : answers) {
          var response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
          assertThat(response.getStatus()).isIn(200, 409);
          if (response.getStatus() == 200) {
            String body = response.getContentAsString();
            assertThat(body)
                .satisfiesAnyOf(
                    b -> assertThat(b).contains("\"alreadyPresent\":0"),
                    b -> assertThat(b).contains("\"newRows\":0"));
            imported += body.contains("\"newRows\":0") ? 0 : 1;
          }
        }
        assertThat(imported).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(volunteers()).isEqualTo(before + 24);
  }

  /**
   * Issue 9, point 1: a 7 MB upload that expands to 2 GB is refused as too large, at the API,
   * without reading it all (TabularFilesTest measures the heap it takes).
   */
  @Test
  void anUploadThatExpandsToTwoGigabytesIsRefusedAsTooLarge() throws Exception {
    byte[] bomb = org.huhang.shared.spreadsheet.TestZipBombs.bomb(2L * 1024 * 1024 * 1024, HEADERS);
    long before = volunteers();
    upload(bomb, true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("解压后超过 64 MB")));
    assertThat(volunteers()).isEqualTo(before);
  }
}
