package org.huhang.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.huhang.IntegrationTest;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The statistical report's exports (/stats/report.xlsx and .pdf): the facade's figures to the
 * digit, numbers as numbers, one sheet per county, the work-report paragraph in the PDF; same roles
 * and scope as the page.
 */
class StatsExportIntegrationTest extends IntegrationTest {

  static final Actor CITY =
      new Actor(null, "admin", "x", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
  static final LocalDate FROM = LocalDate.of(2018, 1, 1);

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService accounts;
  @Autowired Reporting reporting;

  MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    return request
        .with(user(accounts.loadUserByUsername(username)))
        .header("Accept-Language", "zh-CN");
  }

  MvcResult download(String path) throws Exception {
    return mvc.perform(as("admin", get(path))).andExpect(status().isOk()).andReturn();
  }

  /** Each sheet by name: its rows, each cell as read (null for none). */
  static Map<String, List<List<Cell>>> sheets(byte[] workbook) throws Exception {
    Map<String, List<List<Cell>>> sheets = new LinkedHashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
      for (Sheet sheet : wb.getSheets().toList()) {
        List<List<Cell>> rows = new ArrayList<>();
        try (Stream<Row> stream = sheet.openStream()) {
          stream.forEach(r -> rows.add(r.stream().toList()));
        }
        sheets.put(sheet.getName(), rows);
      }
    }
    return sheets;
  }

  /** The number next to the label in column A, checked to be a numeric cell. */
  static BigDecimal number(List<List<Cell>> rows, String label) {
    for (List<Cell> row : rows) {
      if (!row.isEmpty() && row.get(0) != null && label.equals(row.get(0).getText())) {
        Cell cell = row.get(1);
        assertThat(cell.getType()).as(label).isEqualTo(CellType.NUMBER);
        return cell.asNumber();
      }
    }
    throw new AssertionError("no row " + label);
  }

  static void sameFigures(List<List<Cell>> rows, Figures f) {
    assertThat(number(rows, "受理离婚登记申请（件）")).isEqualByComparingTo("" + f.applications());
    assertThat(number(rows, "接受辅导（对）")).isEqualByComparingTo("" + f.counseled());
    assertThat(number(rows, "劝和（对）")).isEqualByComparingTo("" + f.reconciled());
    assertThat(number(rows, "高风险（单列，不计入劝和）")).isEqualByComparingTo("" + f.highRisk());
    assertThat(number(rows, "辅导中心（个）")).isEqualByComparingTo("" + f.centers());
    assertThat(number(rows, "巾帼志愿者（名）")).isEqualByComparingTo("" + f.volunteers());
    assertThat(number(rows, "宣传活动（场）")).isEqualByComparingTo("" + f.outreachEvents());
    assertThat(number(rows, "培训班（期）")).isEqualByComparingTo("" + f.trainingCourses());
    if (f.counselingRate() != null) {
      assertThat(number(rows, "辅导率（%）")).isEqualByComparingTo(f.counselingRate());
      assertThat(number(rows, "劝和率（%）")).isEqualByComparingTo(f.reconciliationRate());
    }
  }

  @Test
  void theWorkbookHasTheTotalAndOneSheetPerCountyWithTheFacadesNumbers() throws Exception {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    MvcResult result =
        download("/stats/report.xlsx?region=371600&period=custom&from=2018-01-01&to=" + today);
    assertThat(result.getResponse().getContentType()).contains("spreadsheetml");
    assertThat(result.getResponse().getHeader("Content-Disposition"))
        .startsWith("attachment;")
        .contains("filename*=UTF-8''")
        .contains(
            java.net.URLEncoder.encode("滨州市统计月报", StandardCharsets.UTF_8)
                + "_2018-01-01_"
                + today
                + ".xlsx");
    StatsSummary s = reporting.summary("371600", FROM, today, CITY);
    assertThat(s.figures().applications()).as("demo data").isPositive();
    Map<String, List<List<Cell>>> sheets = sheets(result.getResponse().getContentAsByteArray());

    List<String> expected = new ArrayList<>(List.of("合计"));
    s.byCounty().forEach(c -> expected.add(c.name()));
    assertThat(sheets.keySet()).containsExactlyElementsOf(expected);
    assertThat(s.byCounty()).hasSize(7);

    sameFigures(sheets.get("合计"), s.figures());
    for (RegionFigures county : s.byCounty()) {
      sameFigures(sheets.get(county.name()), county.figures());
    }
    // The month-by-month table of the total: the facade's months, numbers as numbers.
    List<List<Cell>> total = sheets.get("合计");
    for (MonthFigures m : s.byMonth()) {
      List<Cell> row =
          total.stream()
              .filter(r -> !r.isEmpty() && r.get(0) != null)
              .filter(r -> m.month().toString().equals(r.get(0).getText()))
              .findFirst()
              .orElseThrow();
      assertThat(row.get(1).getType()).isEqualTo(CellType.NUMBER);
      assertThat(row.get(1).asNumber()).isEqualByComparingTo("" + m.applications());
      assertThat(row.get(2).asNumber()).isEqualByComparingTo("" + m.counseled());
      assertThat(row.get(3).asNumber()).isEqualByComparingTo("" + m.reconciled());
    }
  }

  @Test
  void thePdfCarriesTheParagraphAndTheTables() throws Exception {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    MvcResult result =
        download("/stats/report.pdf?region=371600&period=custom&from=2018-01-01&to=" + today);
    assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
    String text = text(result.getResponse().getContentAsByteArray());
    String paragraph = reporting.report("371600", FROM, today, CITY);
    // The extractor breaks lines where the PDF does: compare without line breaks.
    String flat = text.replaceAll("\\s+", "");
    assertThat(flat).contains(paragraph.replaceAll("\\s+", ""));
    assertThat(flat).contains("辅导率").contains("无棣县").contains("邹平市");
  }

  @Test
  void sameRolesAndScopeAsThePage() throws Exception {
    for (String path : List.of("/stats/report.xlsx", "/stats/report.pdf")) {
      mvc.perform(as("registrar-371602", get(path))).andExpect(status().isForbidden());
      mvc.perform(as("counselor-371623", get(path))).andExpect(status().isForbidden());
      mvc.perform(as("admin-371623", get(path + "?region=371681")))
          .andExpect(status().isNotFound());
      mvc.perform(as("admin-371623", get(path + "?region=371623&period=month")))
          .andExpect(status().isOk());
      // Dates the page would refuse: back to the page, which says what is wrong.
      mvc.perform(as("admin", get(path + "?period=custom&from=2023-02-30&to=2023-03-01")))
          .andExpect(status().isSeeOther());
    }
  }

  @Test
  void thePageOffersTheExportsAndTheParagraph() throws Exception {
    String html =
        mvc.perform(as("admin", get("/stats?period=since2018")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains(
            "id=\"stats-export-xlsx\" href=\"/stats/report.xlsx?region=371600&amp;period=since2018")
        .contains(
            "id=\"stats-export-pdf\" href=\"/stats/report.pdf?region=371600&amp;period=since2018")
        .contains("id=\"stats-report-copy\"");
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    assertThat(html).contains(reporting.report("371600", FROM, today, CITY));
  }

  static String text(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      all.append(new PdfTextExtractor(reader).getTextFromPage(page));
    }
    reader.close();
    return all.toString();
  }
}
