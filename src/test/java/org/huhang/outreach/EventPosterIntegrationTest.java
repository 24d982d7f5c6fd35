package org.huhang.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.huhang.IntegrationTest;
import org.huhang.shared.qr.QrScan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An event's printable poster (issue 15): the event's words and a QR code of the booking page of
 * its center, or of its county when it has none; whoever reads the event prints it, no one else.
 */
class EventPosterIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService accounts;

  /** The first demo event of 无棣 organised by its counseling center. */
  String eventAtWudisCenter() {
    return jdbc.sql(
            "select id::text from outreach.outreach_event where region_code = '371623'"
                + " and created_by = 'demo' and center_id is not null"
                + " order by held_on, title, id limit 1")
        .query(String.class)
        .single();
  }

  String poster(String username, String id) throws Exception {
    return mvc.perform(
            get("/outreach-events/" + id + "/poster")
                .with(user(accounts.loadUserByUsername(username))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void theCentersEventPrintsItsWordsAndTheCentersBookingCode() throws Exception {
    String id = eventAtWudisCenter();
    var row =
        jdbc.sql(
                "select title, place, center_id::text as center from outreach.outreach_event"
                    + " where id = :id::uuid")
            .param("id", id)
            .query()
            .singleRow();

    String page = poster("counselor-371623", id);

    assertThat(page)
        .contains((String) row.get("title"), (String) row.get("place"))
        .contains("扫码预约婚姻家庭辅导（免费、保密）", "无棣县婚姻家庭辅导中心")
        .contains("data-booking-url=\"http://localhost:8080/book/" + row.get("center") + "\"")
        .doesNotContain(" style=");
    assertThat(QrScan.svg(page)).endsWith("/book/" + row.get("center"));
    String eventPage =
        mvc.perform(
                get("/outreach-events/" + id)
                    .with(user(accounts.loadUserByUsername("counselor-371623"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(eventPage).contains("href=\"/outreach-events/" + id + "/poster\"");
  }

  @Test
  void anEventWithoutACenterPrintsItsCountysBookingCode() throws Exception {
    String json =
        mvc.perform(
                post("/api/v1/outreach-events")
                    .with(httpBasic("admin-371623", DEMO_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"type":"FAMILY_EDUCATION","title":"海报测试：家庭教育讲座","heldOn":"2026-03-08",
                         "startsAt":"14:30","regionCode":"371623101","place":"棣丰街道海丰社区活动室",
                         "speakers":["刘静（妇联志愿者）","王芳（心理咨询师）"],"audience":"学生家长",
                         "attendance":0}"""))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(json, "$.id");

    String page = poster("admin-371623", id);

    assertThat(page)
        .contains("海报测试：家庭教育讲座", "棣丰街道海丰社区活动室", "刘静（妇联志愿者）、王芳（心理咨询师）")
        .contains("2026年3月8日（星期日） 14:30")
        .contains("在无棣县的辅导中心预约");
    assertThat(QrScan.svg(page)).isEqualTo("http://localhost:8080/book/area/371623");
  }

  @Test
  void whoCannotReadTheEventCannotPrintItsPoster() throws Exception {
    String wudi = eventAtWudisCenter();
    assertThat(
            mvc.perform(
                    get("/outreach-events/" + wudi + "/poster")
                        .with(user(accounts.loadUserByUsername("admin-371681"))))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("another county's administrator")
        .isEqualTo(404);
    assertThat(
            mvc.perform(
                    get("/outreach-events/" + wudi + "/poster")
                        .with(user(accounts.loadUserByUsername("registrar-371602"))))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("a registrar reads no events")
        .isEqualTo(403);
    assertThat(
            mvc.perform(get("/outreach-events/" + wudi + "/poster"))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("nobody: to the login page")
        .isEqualTo(302);
  }
}
