package org.huhang.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.TestSheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** Outreach events out to Excel and back through the staged import. */
class OutreachSheetIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService accounts;

  <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String username, B request) {
    return request.with(user(accounts.loadUserByUsername(username)));
  }

  void record(String title, String day, String speakers) throws Exception {
    String json =
        """
        {"type":"COMMUNITY_PUBLICITY","title":"%s","heldOn":"%s","startsAt":"09:30",
         "regionCode":"371623","place":"无棣县婚姻登记处","speakers":[%s],"audience":"新婚夫妇",
         "attendance":35,"summary":"宣传婚姻家庭辅导服务"}"""
            .formatted(title.replace("\"", "\\\""), day, speakers);
    mvc.perform(
            post("/api/v1/outreach-events")
                .with(httpBasic("admin-371623", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isCreated());
  }

  byte[] export(String query) throws Exception {
    return mvc.perform(as("admin-371623", get("/outreach-events/export.xlsx?" + query)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  ResultActions importCsv(List<List<String>> rows, boolean dryRun) throws Exception {
    String csv =
        rows.stream()
            .map(
                r ->
                    r.stream()
                        .map(c -> "\"" + c.replace("\"", "\"\"") + "\"")
                        .collect(Collectors.joining(",")))
            .collect(Collectors.joining("\r\n"));
    return mvc.perform(
        multipart("/api/v1/outreach-events/import")
            .file(
                new MockMultipartFile(
                    "file", "events.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
            .param("dryRun", Boolean.toString(dryRun))
            .header("Accept-Language", "zh-CN")
            .with(httpBasic("admin-371623", DEMO_PASSWORD)));
  }

  long titled(String title) {
    return jdbc.sql("select count(*) from outreach.outreach_event where title = :t")
        .param("t", title)
        .query(Long.class)
        .single();
  }

  @Test
  void theExportHasTheTemplatesColumnsAndImportsAgainChangingNothingButTheNewRow()
      throws Exception {
    record("导出测试：婚姻家庭辅导进社区", "2022-03-08", "\"李红梅（心理咨询师）\",\"王强\"");
    record("导出测试：婚前辅导开放日", "2022-03-09", "");
    List<List<String>> template =
        TestSheets.rows(
            mvc.perform(as("admin-371623", get("/outreach-events/template.xlsx")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
    List<List<String>> exported =
        TestSheets.rows(
            export("type=COMMUNITY_PUBLICITY&region=371623&from=2022-03-08&to=2022-03-09"));
    assertThat(exported.get(0)).isEqualTo(template.get(0));
    assertThat(exported).hasSize(3);
    List<String> first =
        exported.stream().filter(r -> r.get(1).equals("导出测试：婚姻家庭辅导进社区")).findFirst().orElseThrow();
    assertThat(first)
        .containsExactly(
            "社区宣传",
            "导出测试：婚姻家庭辅导进社区",
            "2022-03-08",
            "09:30",
            "无棣县（371623）",
            "无棣县婚姻登记处",
            "",
            "李红梅（心理咨询师）、王强",
            "新婚夫妇",
            "35",
            "宣传婚姻家庭辅导服务");

    // The export as it is: every event already recorded, nothing new.
    importCsv(exported, false)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newRows").value(0))
        .andExpect(jsonPath("$.alreadyPresent").value(2));
    assertThat(titled("导出测试：婚姻家庭辅导进社区")).isEqualTo(1);

    // One row given a new title is a new event, with every column as the export wrote it.
    List<List<String>> edited = new ArrayList<>(exported);
    List<String> renamed = new ArrayList<>(first);
    renamed.set(1, "导出测试：重新导入的活动");
    edited.add(renamed);
    importCsv(edited, false)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newRows").value(1))
        .andExpect(jsonPath("$.alreadyPresent").value(2));
    List<List<String>> again =
        TestSheets.rows(
            export("type=COMMUNITY_PUBLICITY&region=371623&from=2022-03-08&to=2022-03-08"));
    List<String> imported =
        again.stream().filter(r -> r.get(1).equals("导出测试：重新导入的活动")).findFirst().orElseThrow();
    List<String> expected = new ArrayList<>(first);
    expected.set(1, "导出测试：重新导入的活动");
    assertThat(imported).isEqualTo(expected);
  }

  @Test
  void aFileWithOneBadRowImportsNothingAndNamesTheRowAndColumn() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "活动类型", "活动名称", "活动日期", "开始时间", "所在区划", "地点", "组织单位", "主讲人", "参加对象", "参加人数", "活动简介"));
    rows.add(
        List.of(
            "婚前辅导/宣传培训",
            "导入测试：好的一行",
            "2021-06-01",
            "9:00",
            "371623",
            "婚姻登记处",
            "",
            "张敏；李华",
            "",
            "20",
            ""));
    rows.add(
        List.of(
            "婚前辅导/宣传培训", "导入测试：坏的一行", "2021-02-30", "09:00", "无棣县", "婚姻登记处", "", "", "", "20", ""));
    rows.add(
        List.of(
            "讲座", "导入测试：类型不对", "2021-06-02", "25:00", "邹平市（371681）", "礼堂", "", "", "", "-3", ""));
    importCsv(rows, false)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].row").value(3))
        .andExpect(jsonPath("$.errors[0].column").value("活动日期"))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("2021-02-30")))
        .andExpect(
            jsonPath("$.errors[?(@.row == 4)].column")
                .value(Matchers.hasItems("活动类型", "开始时间", "所在区划", "参加人数")));
    assertThat(titled("导入测试：好的一行")).isZero();
  }

  @Test
  void aTitleThatWouldBeAFormulaIsWrittenAsText() throws Exception {
    String title = "=HYPERLINK(\"http://example.com/x\",\"点我\")";
    record(title, "2022-04-01", "");
    List<List<String>> exported =
        TestSheets.rows(export("region=371623&from=2022-04-01&to=2022-04-01"));
    assertThat(exported.stream().map(r -> r.get(1)))
        .contains("'" + title)
        .noneMatch(t -> t.startsWith("="));
    // Imported back, the apostrophe goes again: the event is the one already recorded.
    importCsv(exported, false).andExpect(status().isOk()).andExpect(jsonPath("$.newRows").value(0));
    assertThat(titled(title)).isEqualTo(1);
    assertThat(titled("'" + title)).isZero();
  }

  @Test
  void thePagesOfferTheSheetsToThoseWhoRecordEventsAndPreviewAnUpload() throws Exception {
    mvc.perform(as("admin-371623", get("/outreach-events")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("/outreach-events/import")))
        .andExpect(content().string(Matchers.containsString("/outreach-events/export.xlsx?")));
    mvc.perform(as("counselor-371623", get("/outreach-events")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("outreach-import"))));
    mvc.perform(as("counselor-371623", get("/outreach-events/import")))
        .andExpect(status().isForbidden());
    mvc.perform(as("counselor-371623", get("/outreach-events/template.xlsx")))
        .andExpect(status().isForbidden());
    mvc.perform(as("registrar-371602", get("/outreach-events/export.xlsx")))
        .andExpect(status().isForbidden());
    String csv =
        "活动类型,活动名称,活动日期,开始时间,所在区划,地点,组织单位,主讲人,参加对象,参加人数,活动简介\r\n"
            + "家庭教育,预览测试：家长课堂,2021-09-01,19:00,371623,县妇联,,,,30,\r\n";
    mvc.perform(
            as(
                    "admin-371623",
                    multipart("/outreach-events/import")
                        .file(
                            new MockMultipartFile(
                                "file", "e.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))))
                .with(csrf())
                .header("Accept-Language", "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("预览测试：家长课堂")))
        .andExpect(content().string(Matchers.containsString("确认导入 1 项活动")));
    assertThat(titled("预览测试：家长课堂")).isZero();
  }
}
