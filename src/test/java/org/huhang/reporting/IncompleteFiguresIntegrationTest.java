package org.huhang.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.huhang.IntegrationTest;
import org.huhang.shared.demo.DemoHistory;
import org.huhang.shared.demo.HistoryStates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * While the Binzhou history loads in the background, every figure says it is incomplete: the API
 * ({@code complete}, {@code loadingPercent}), the report text, the dashboard, the exports and the
 * home page, whose progress alert asks for itself every two seconds until the load is done. The
 * shared context has the history off (complete); the state is pretended for a block and put back.
 */
class IncompleteFiguresIntegrationTest extends IntegrationTest {

  private static final String SUMMARY =
      "/api/v1/stats/summary?region=371600&from=2018-01-01&to=2023-09-30";
  private static final String REPORT =
      "/api/v1/stats/report?region=371600&from=2018-01-01&to=2023-09-30";

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService accounts;
  @Autowired DemoHistory history;

  MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    return request
        .with(user(accounts.loadUserByUsername(username)))
        .header("Accept-Language", "zh-CN");
  }

  String text(String username, String path) throws Exception {
    return mvc.perform(as(username, get(path)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  byte[] bytes(String username, String path) throws Exception {
    return mvc.perform(as(username, get(path)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  @Test
  void figuresAreCompleteWhenNoHistoryLoads() throws Exception {
    assertThat(history.state().status()).isEqualTo(DemoHistory.Status.OFF);
    mvc.perform(as("admin", get(SUMMARY)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.complete").value(true))
        .andExpect(jsonPath("$.applications").isNumber());
    assertThat(text("admin", SUMMARY)).contains("\"loadingPercent\":null");
    assertThat(text("admin", REPORT)).startsWith("2018年以来").doesNotContain("载入中");
    assertThat(text("admin", "/stats")).doesNotContain("id=\"history-progress\"");
    String home = text("admin", "/");
    assertThat(home).doesNotContain("id=\"history-progress\"").doesNotContain("home-panel-note");
    assertThat(text("counselor-371623", "/home/history"))
        .contains("id=\"history-progress\"")
        .doesNotContain("hx-trigger")
        .doesNotContain("alert");
  }

  @Test
  void whileLoadingEveryFigureSaysItIsIncomplete() throws Exception {
    try (var pretended =
        HistoryStates.pretend(history, HistoryStates.loading(42, "history.step.cases"))) {
      mvc.perform(as("admin", get(SUMMARY)))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.complete").value(false))
          .andExpect(jsonPath("$.loadingPercent").value(42))
          .andExpect(jsonPath("$.applications").isNumber())
          .andExpect(jsonPath("$.byCounty[0].regionCode").exists());
      assertThat(text("analyst", REPORT)).startsWith("（历史数据载入中，以下数字尚不完整）\n2018年以来，全市");

      String alert = "正在后台载入2018年以来的滨州历史数据：42%（当前：辅导个案、会谈与回访）。载入完成前，统计数字不完整。";
      String stats = text("admin", "/stats?period=since2018");
      assertThat(stats).contains(alert).contains("aria-valuenow=\"42\"").contains("progress-w-40");
      assertThat(stats.indexOf("id=\"stats-incomplete\""))
          .isPositive()
          .isLessThan(stats.indexOf("id=\"stats-cards\""));

      String home = text("admin", "/");
      assertThat(home)
          .contains(alert)
          .contains("role=\"status\"")
          .contains("aria-live=\"polite\"")
          .contains("hx-get=\"/home/history\"")
          .contains("hx-trigger=\"every 2s\"")
          .contains("历史数据载入中，以下数字尚不完整。");
      // Every role sees the progress, not only those with figures.
      assertThat(text("counselor-371623", "/")).contains(alert).doesNotContain("home-panel-note");
      assertThat(text("registrar-371602", "/home/history"))
          .contains(alert)
          .contains("hx-trigger=\"every 2s\"")
          .doesNotContain("<html");

      byte[] xlsx = bytes("admin", "/stats/report.xlsx?region=371600&period=since2018");
      try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
        Row third = wb.getFirstSheet().read().get(2);
        assertThat(third.getCellText(0)).isEqualTo("历史数据载入中（已完成42%），本报表数字尚不完整。");
      }
      byte[] pdf = bytes("admin", "/stats/report.pdf?region=371600&period=since2018");
      PdfReader reader = new PdfReader(pdf);
      try {
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s", ""))
            .contains("历史数据载入中（已完成42%），本报表数字尚不完整。");
      } finally {
        reader.close();
      }
    }
    assertThat(history.state().status()).isEqualTo(DemoHistory.Status.OFF);
  }

  @Test
  void aStoppedLoadIsAWarningAndAFinishedOneStopsThePolling() throws Exception {
    try (var pretended =
        HistoryStates.pretend(history, HistoryStates.of(DemoHistory.Status.FAILED, 63))) {
      mvc.perform(as("analyst", get(SUMMARY)))
          .andExpect(jsonPath("$.complete").value(false))
          .andExpect(jsonPath("$.loadingPercent").value(63));
      assertThat(text("admin", "/"))
          .contains("alert-warning")
          .contains("滨州历史数据的后台载入已中断（已完成63%），下次启动时从中断处继续，详情见日志。")
          .doesNotContain("hx-trigger");
    }
    try (var pretended =
        HistoryStates.pretend(history, HistoryStates.of(DemoHistory.Status.DONE, 100))) {
      mvc.perform(as("admin", get(SUMMARY))).andExpect(jsonPath("$.complete").value(true));
      assertThat(text("admin", SUMMARY)).contains("\"loadingPercent\":null");
      String done = text("manager-371623", "/home/history");
      assertThat(done).contains("历史数据已载入").doesNotContain("hx-trigger").doesNotContain("hx-get");
      assertThat(text("admin", "/")).doesNotContain("id=\"history-progress\"");
    }
  }

  @Test
  void theProgressNeedsALogin() throws Exception {
    mvc.perform(get("/home/history").header("HX-Request", "true"))
        .andExpect(status().is4xxClientError());
  }
}
