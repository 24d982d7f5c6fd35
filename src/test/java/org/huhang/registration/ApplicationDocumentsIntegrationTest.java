package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.huhang.IntegrationTest;
import org.huhang.shared.LegalTime;
import org.huhang.shared.person.Masking;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The printed forms: read back from the PDF, they carry the couple, the masked numbers (never the
 * whole), the cooling-off dates and the title; the font travels inside, as a subset.
 */
class ApplicationDocumentsIntegrationTest extends IntegrationTest {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  String husband;
  String wife;

  /** Records 欧阳振华 and 上官婉清 and answers the application as the API shows it. */
  String recordCouple(boolean counselingAccepted) throws Exception {
    husband = DivorceApplicationIntegrationTest.id("371602", "1979-02-11", true);
    wife = DivorceApplicationIntegrationTest.id("371602", "1981-06-23", false);
    String received = LocalDate.now(LegalTime.ZONE).minusDays(3).toString();
    String json =
        """
        {"receivedOn":"%s",
         "partyA":{"name":"欧阳振华","gender":"MALE","birthDate":"%s","idNumber":"%s"},
         "partyB":{"name":"上官婉清","gender":"FEMALE","birthDate":"%s","idNumber":"%s"},
         "marriageDate":"2008-10-01","minorChildren":1,"counselingOffered":true,"counselingAccepted":%s}"""
            .formatted(
                received,
                DivorceApplicationIntegrationTest.birth(husband),
                husband,
                DivorceApplicationIntegrationTest.birth(wife),
                wife,
                counselingAccepted);
    return mvc.perform(
            post("/api/v1/divorce-applications")
                .with(httpBasic("registrar-371602", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isCreated())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  MockHttpServletResponse fetch(String path) throws Exception {
    return mvc.perform(get(path).with(user(users.loadUserByUsername("registrar-371602"))))
        .andReturn()
        .getResponse();
  }

  static String day(Object iso) {
    return LocalDate.parse(iso.toString()).format(DAY);
  }

  /** The text of every page, without the line breaks the layout puts in. */
  static String text(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      all.append(new PdfTextExtractor(reader).getTextFromPage(page));
    }
    reader.close();
    return all.toString().replaceAll("\\s+", "");
  }

  /**
   * The font is embedded (a FontFile2 stream: TrueType outlines) as a subset: the file is small.
   */
  static void assertEmbeddedSubset(byte[] pdf) throws Exception {
    String raw = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(raw)
        .contains("/FontFile2")
        .containsPattern("/BaseFont/[A-Z]{6}\\+HuhangFormSansSC-Regular");
    assertThat(pdf.length).as("a subset, not the 10 MB font").isLessThan(100_000);
    assertThat(new PdfReader(pdf).getNumberOfPages()).isEqualTo(1);
  }

  static void keep(String name, byte[] pdf) throws Exception {
    Path dir = Files.createDirectories(Path.of("target/pdf"));
    Files.write(dir.resolve(name), pdf);
  }

  @Test
  void theReceiptCarriesTheCoupleTheMaskedNumbersAndTheCoolingOffDates() throws Exception {
    String json = recordCouple(false);
    String id = JsonPath.read(json, "$.id");

    MockHttpServletResponse response = fetch("/registrations/" + id + "/receipt.pdf");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo("application/pdf");
    assertThat(response.getHeader("Content-Disposition"))
        .isEqualTo(
            "inline; filename=\"receipt-"
                + id.substring(0, 8)
                + ".pdf\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(
                    "离婚登记申请受理回执单-" + id.substring(0, 8) + ".pdf",
                    java.nio.charset.StandardCharsets.UTF_8));
    assertThat(response.getHeader("Cache-Control")).contains("no-store");
    byte[] pdf = response.getContentAsByteArray();
    keep("receipt.pdf", pdf);
    assertEmbeddedSubset(pdf);
    String text = text(pdf);
    assertThat(text)
        .contains("离婚登记申请受理回执单")
        .contains("欧阳振华", "上官婉清")
        .contains(Masking.idNumber(husband), Masking.idNumber(wife))
        .doesNotContain(husband, wife)
        .contains(day(JsonPath.read(json, "$.receivedOn")))
        .contains(
            "自"
                + day(LocalDate.parse(JsonPath.read(json, "$.receivedOn")).plusDays(1))
                + "起至"
                + day(JsonPath.read(json, "$.dates.withdrawalDeadline"))
                + "止")
        .contains(
            day(JsonPath.read(json, "$.dates.certificateFrom"))
                + "至"
                + day(JsonPath.read(json, "$.dates.certificateDeadline")))
        .contains("任何一方不愿意离婚的", "视为撤回离婚登记申请")
        .contains("已提供婚姻家庭辅导，当事人未接受")
        .contains("登记员（签名）", "当事人甲方（签名）", "当事人乙方（签名）")
        .contains("扫码预约婚姻家庭辅导（免费）", "/book/area/371602");
    // The QR code, scanned from the squares the PDF draws, opens the county's booking page.
    assertThat(org.huhang.shared.qr.QrScan.pdf(pdf)).endsWith("/book/area/371602");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event"
                        + " where action = 'application.print.receipt' and entity_id = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theWithdrawalConfirmationExistsOnlyOnceAPartyWithdrew() throws Exception {
    String json = recordCouple(true);
    String id = JsonPath.read(json, "$.id");
    assertThat(fetch("/registrations/" + id + "/withdrawal.pdf").getStatus())
        .as("not withdrawn: no confirmation")
        .isEqualTo(404);
    String today = LocalDate.now(LegalTime.ZONE).toString();
    mvc.perform(
            post("/api/v1/divorce-applications/" + id + "/withdrawal")
                .with(httpBasic("registrar-371602", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\":\"" + today + "\",\"by\":\"B\"}"))
        .andExpect(status().isOk());

    MockHttpServletResponse response = fetch("/registrations/" + id + "/withdrawal.pdf");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Content-Disposition")).startsWith("inline");
    byte[] pdf = response.getContentAsByteArray();
    keep("withdrawal.pdf", pdf);
    assertEmbeddedSubset(pdf);
    assertThat(text(pdf))
        .contains("撤回离婚登记申请确认单")
        .contains("乙方（上官婉清）")
        .contains(day(today))
        .contains(day(JsonPath.read(json, "$.receivedOn")))
        .contains(Masking.idNumber(husband), Masking.idNumber(wife))
        .doesNotContain(husband, wife)
        .contains("登记员（签名）", "当事人乙方（签名）")
        .doesNotContain("当事人甲方（签名）");
    String page =
        mvc.perform(
                get("/registrations/" + id)
                    .with(user(users.loadUserByUsername("registrar-371602"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("href=\"/registrations/" + id + "/receipt.pdf\"")
        .contains("href=\"/registrations/" + id + "/withdrawal.pdf\"");
  }

  @Test
  void aPendingApplicationOffersTheReceiptButNoWithdrawalConfirmation() throws Exception {
    String id = JsonPath.read(recordCouple(false), "$.id");
    String page = fetch("/registrations/" + id).getContentAsString();
    assertThat(page).contains("id=\"print-receipt\"").doesNotContain("id=\"print-withdrawal\"");
  }
}
