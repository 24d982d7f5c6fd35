package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

class ApplicationImportIntegrationTest extends IntegrationTest {

  static final String HEADER =
      "受理日期,甲方姓名,甲方性别,甲方出生日期,甲方身份证号,甲方电话,乙方姓名,乙方性别,乙方出生日期,乙方身份证号,乙方电话,结婚登记日期,未成年子女数,提供辅导,接受辅导,办理结果,办结日期";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  static String row(String received, String husband, String wife, String accepted) {
    return String.join(
        ",",
        received,
        "赵刚",
        "男",
        DivorceApplicationIntegrationTest.birth(husband),
        husband,
        "13905430011",
        "钱丽",
        "女",
        DivorceApplicationIntegrationTest.birth(wife),
        wife,
        "",
        "2012-10-01",
        "2",
        "是",
        accepted,
        "",
        "");
  }

  ResultActions upload(byte[] content, String name, boolean dryRun) throws Exception {
    return mvc.perform(
        multipart("/api/v1/divorce-applications/import")
            .file(new MockMultipartFile("file", name, "application/octet-stream", content))
            .param("dryRun", Boolean.toString(dryRun))
            .header("Accept-Language", "zh-CN")
            .with(httpBasic("registrar-371602", DEMO_PASSWORD)));
  }

  long count() {
    return jdbc.sql("select count(*) from registration.divorce_application")
        .query(Long.class)
        .single();
  }

  @Test
  void anImportSentTwiceWithItsIdempotencyKeyImportsOnceAndAnswersTheSame() throws Exception {
    String h = DivorceApplicationIntegrationTest.id("371602", "1971-02-02", true);
    String w = DivorceApplicationIntegrationTest.id("371602", "1972-03-03", false);
    byte[] file =
        (HEADER + "\n" + row("2026-11-05", h, w, "否") + "\n").getBytes(StandardCharsets.UTF_8);
    String key = java.util.UUID.randomUUID().toString();
    long before = count();
    String[] answers = new String[2];
    for (int i = 0; i < 2; i++) {
      answers[i] =
          mvc.perform(
                  multipart("/api/v1/divorce-applications/import")
                      .file(new MockMultipartFile("file", "keyed.csv", "text/csv", file))
                      .header("Idempotency-Key", key)
                      .header("Accept-Language", "zh-CN")
                      .with(httpBasic("registrar-371602", DEMO_PASSWORD)))
              .andExpect(status().isOk())
              .andExpect(
                  i == 0
                      ? org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                          .doesNotExist("Idempotent-Replayed")
                      : org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                          .string("Idempotent-Replayed", "true"))
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
    }
    assertThat(answers[1]).isEqualTo(answers[0]);
    assertThat(count()).isEqualTo(before + 1);
    // Another file under the same key is another request: refused, nothing imported.
    mvc.perform(
            multipart("/api/v1/divorce-applications/import")
                .file(
                    new MockMultipartFile(
                        "file", "other.csv", "text/csv", HEADER.getBytes(StandardCharsets.UTF_8)))
                .header("Idempotency-Key", key)
                .with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    assertThat(count()).isEqualTo(before + 1);
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** A file sent as a browser or curl sends it: multipart over real HTTP, parsed by Tomcat. */
  java.net.http.HttpResponse<String> uploadOverHttp(String key, String name, byte[] content)
      throws Exception {
    String boundary = "----huhang" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://localhost:" + port + "/api/v1/divorce-applications/import"))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString(
                                ("registrar-371602:" + DEMO_PASSWORD)
                                    .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void overRealHttpTheKeyedFilesBytesDecideWhetherItIsARepeat() throws Exception {
    String h = DivorceApplicationIntegrationTest.id("371602", "1969-08-08", true);
    String w = DivorceApplicationIntegrationTest.id("371602", "1970-09-09", false);
    byte[] file =
        (HEADER + "\n" + row("2026-11-06", h, w, "否") + "\n").getBytes(StandardCharsets.UTF_8);
    String key = java.util.UUID.randomUUID().toString();
    long before = count();
    var first = uploadOverHttp(key, "keyed.csv", file);
    var again = uploadOverHttp(key, "keyed.csv", file);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(count()).isEqualTo(before + 1);
    byte[] other = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(uploadOverHttp(key, "keyed.csv", other).statusCode()).isEqualTo(422);
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void aCsvExportImportsAllOrNothingAndOnlyOnce() throws Exception {
    String h1 = DivorceApplicationIntegrationTest.id("371602", "1978-04-04", true);
    String w1 = DivorceApplicationIntegrationTest.id("371602", "1980-05-05", false);
    String h2 = DivorceApplicationIntegrationTest.id("371602", "1976-06-06", true);
    String w2 = DivorceApplicationIntegrationTest.id("371602", "1977-07-07", false);
    String bad = w2.substring(0, 17) + (w2.charAt(17) == '1' ? '2' : '1');
    String good =
        HEADER
            + "\n"
            + row("2026-11-03", h1, w1, "是")
            + "\n"
            + row("2026-11-04", h2, w2, "否")
            + "\n";
    String withBadRow =
        HEADER
            + "\n"
            + row("2026-11-03", h1, w1, "是")
            + "\n"
            + row("2026-11-04", h2, bad, "否")
            + "\n";

    long before = count();
    upload(withBadRow.getBytes(StandardCharsets.UTF_8), "export.csv", false)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].row").value(3))
        .andExpect(jsonPath("$.errors[0].column").value("乙方身份证号"))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("校验位")));
    assertThat(count()).isEqualTo(before);

    // The same file saved by Excel on Chinese Windows: GBK.
    byte[] gbk = good.getBytes(Charset.forName("GBK"));
    upload(gbk, "export.csv", true)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newRows").value(2))
        // The preview shows the rows as they will be saved: numbers masked, never whole.
        .andExpect(jsonPath("$.preview[0][1]").value("赵刚"))
        .andExpect(
            jsonPath("$.preview[0][4]").value(h1.substring(0, 6) + "********" + h1.substring(14)))
        .andExpect(content().string(Matchers.not(Matchers.containsString(h1))));
    assertThat(count()).isEqualTo(before);
    upload(gbk, "export.csv", false)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newRows").value(2));
    assertThat(count()).isEqualTo(before + 2);
    upload(good.getBytes(StandardCharsets.UTF_8), "export.csv", false)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newRows").value(0))
        .andExpect(jsonPath("$.alreadyPresent").value(2));
    assertThat(count()).isEqualTo(before + 2);
  }

  @Test
  void anXlsxExportImportsWithTheSameRules() throws Exception {
    String h = DivorceApplicationIntegrationTest.id("371602", "1985-08-08", true);
    String w = DivorceApplicationIntegrationTest.id("371602", "1986-09-09", false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("导出");
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER.split(","));
    rows.add(row("2026-11-05", h, w, "是").split(",", -1));
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).length; c++) {
        ws.value(r, c, rows.get(r)[c]);
      }
    }
    wb.finish();
    long before = count();
    upload(out.toByteArray(), "export.xlsx", false)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newRows").value(1));
    assertThat(count()).isEqualTo(before + 1);
    assertThat(
            jdbc.sql(
                    "select withdrawal_deadline::text from registration.divorce_application where received_on = '2026-11-05' and a_name = '赵刚' order by created_at desc limit 1")
                .query(String.class)
                .single())
        .isEqualTo("2026-12-07");
  }

  @Test
  void unusableFilesAreRefused() throws Exception {
    upload("just text".getBytes(), "notes.txt", true).andExpect(status().isUnprocessableContent());
    upload("a,b\n1,2\n".getBytes(), "export.csv", true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("表头")));
    // Text that looks like a formula is data (exports neutralise it): here it is no date.
    upload((HEADER + "\n=1+1,x\n").getBytes(StandardCharsets.UTF_8), "export.csv", true)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].row").value(2))
        .andExpect(jsonPath("$.errors[*].column").value(Matchers.hasItem("受理日期")));
  }
}
