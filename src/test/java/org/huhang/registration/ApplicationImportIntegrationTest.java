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
