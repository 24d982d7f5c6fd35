package org.huhang.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.shared.qr.QrScan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An area's booking page (issue 15), what a receipt's or a poster's QR code opens: anyone, without
 * an account, sees the open centers of the county or city and nothing else, and its QR code scans
 * back to it.
 */
class BookingAreaIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  MockHttpServletResponse anonymously(String path) throws Exception {
    return mvc.perform(get(path)).andReturn().getResponse();
  }

  List<UUID> centers(String pathLike, String status) {
    return jdbc.sql(
            "select id from center.center where region_path like :p and status = :s order by id")
        .param("p", pathLike)
        .param("s", status)
        .query(UUID.class)
        .list();
  }

  /** A center of 无棣 opened by its administrator with this status: its id. */
  UUID centerInWudi(String name, String status) throws Exception {
    String json =
        mvc.perform(
                post("/api/v1/centers")
                    .with(httpBasic("admin-371623", DEMO_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"kind":"ROOM","name":"%s","regionCode":"371623101","address":"测试地址",
                         "openingHours":"周三下午","capacity":2,"status":"%s"}"""
                            .formatted(name, status)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(JsonPath.read(json, "$.id"));
  }

  @Test
  void aCountysPageListsItsOpenCentersOnlyAndLinksEachToItsBookingPage() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    UUID suspended = centerInWudi("暂停的辅导室" + suffix, "SUSPENDED");
    UUID open = centerInWudi("开放的辅导室" + suffix, "OPEN");

    MockHttpServletResponse response = anonymously("/book/area/371623");

    assertThat(response.getStatus()).isEqualTo(200);
    String page = response.getContentAsString();
    List<UUID> openInWudi = centers("/370000/371600/371623/%", "OPEN");
    assertThat(openInWudi).contains(open).hasSizeGreaterThan(1);
    for (UUID id : openInWudi) {
      assertThat(page).contains("href=\"/book/" + id + "\"");
    }
    assertThat(page)
        .contains("无棣县", "预约婚姻家庭辅导", "开放的辅导室" + suffix)
        .doesNotContain(suspended.toString(), "暂停的辅导室" + suffix)
        .contains("name=\"viewport\"", "id=\"family-safety-footer\"");
    for (UUID elsewhere : centers("/370000/371600/371681/%", "OPEN")) {
      assertThat(page).as("邹平's centers are not 无棣's").doesNotContain(elsewhere.toString());
    }
    // The city's page gathers its counties' centers.
    String city = anonymously("/book/area/371600").getContentAsString();
    assertThat(city).contains("href=\"/book/" + open + "\"").doesNotContain(suspended.toString());
    for (UUID elsewhere : centers("/370000/371600/371681/%", "OPEN")) {
      assertThat(city).contains("href=\"/book/" + elsewhere + "\"");
    }
  }

  @Test
  void anUnknownOrMalformedRegionAnswers404() throws Exception {
    for (String code : new String[] {"999999", "abc", "3716231", "371623101999999"}) {
      assertThat(anonymously("/book/area/" + code).getStatus()).as(code).isEqualTo(404);
      assertThat(anonymously("/book/area/" + code + "/qr.svg").getStatus()).as(code).isEqualTo(404);
    }
  }

  @Test
  void theAreasQrCodeScansBackToTheAreasPage() throws Exception {
    MockHttpServletResponse qr = anonymously("/book/area/371623/qr.svg");

    assertThat(qr.getStatus()).isEqualTo(200);
    assertThat(qr.getContentType()).startsWith("image/svg+xml");
    String scanned = QrScan.svg(qr.getContentAsString());
    assertThat(scanned).endsWith("/book/area/371623");
    assertThat(anonymously(URI.create(scanned).getPath()).getStatus()).isEqualTo(200);
  }

  @Test
  void thePageSpeaksEnglishWhenAsked() throws Exception {
    String page =
        mvc.perform(get("/book/area/371623").param("lang", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Book marriage and family counseling", "Book at this center");
  }
}
