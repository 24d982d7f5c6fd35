package org.huhang.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huhang.IntegrationTest;
import org.huhang.registration.ApplicationId;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.Outcome;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * /stats/records: the applications behind a headline figure are exactly those the figure counts
 * (its total is {@link Reporting#summary}'s number, page by page), masked and linked as
 * registration lists them; the analyst gets figures only, never a person; scope and roles as
 * /stats.
 */
class StatsRecordsIntegrationTest extends IntegrationTest {

  static final Actor CITY =
      new Actor(null, "admin", "x", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
  static final Pattern ROW = Pattern.compile("data-application=\"([0-9a-f-]{36})\"");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService accounts;
  @Autowired Reporting reporting;
  @Autowired DivorceApplications applications;

  MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    return request
        .with(user(accounts.loadUserByUsername(username)))
        .header("Accept-Language", "zh-CN");
  }

  String page(String username, String url) throws Exception {
    return mvc.perform(as(username, get(url)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** Every application id the records pages of a figure list, page after page. */
  List<ApplicationId> listed(String username, String query) throws Exception {
    List<ApplicationId> ids = new ArrayList<>();
    for (int p = 0; ; p++) {
      String html = page(username, "/stats/records" + query + "&page=" + p);
      Matcher m = ROW.matcher(html);
      int before = ids.size();
      while (m.find()) {
        ids.add(new ApplicationId(UUID.fromString(m.group(1))));
      }
      assertThat(ids.size() - before).as("page " + p).isLessThanOrEqualTo(50);
      if (ids.size() - before < 50) {
        return ids;
      }
    }
  }

  @Test
  void theReconciledRecordsAreExactlyTheApplicationsTheFigureCounts() throws Exception {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    LocalDate from = LocalDate.of(2018, 1, 1);
    Figures f = reporting.summary("371600", from, today, CITY).figures();
    assertThat(f.reconciled()).as("the demo data has reconciled couples").isPositive();
    String query = "?figure=reconciled&region=371600&period=custom&from=2018-01-01&to=" + today;

    String first = page("admin", "/stats/records" + query);
    assertThat(first).contains("id=\"records-total\">共 " + f.reconciled() + " 件<");
    List<ApplicationId> ids = listed("admin", query);
    assertThat(ids).hasSize((int) f.reconciled()).doesNotHaveDuplicates();
    assertThat(ids)
        .containsExactlyElementsOf(
            reporting.recordsBehind(RecordFigure.RECONCILED, "371600", from, today, CITY));
    // Reconciled: the couple stayed married, and the registration module agrees.
    for (ApplicationView a : applications.inOrder(ids, CITY)) {
      assertThat(a.outcome())
          .isIn(Outcome.WITHDRAWN, Outcome.DEEMED_WITHDRAWN, Outcome.CANCELLED_OR_POSTPONED);
    }
    // Masked as the registration lists show them, each linked to its page.
    assertThat(first)
        .contains("href=\"/registrations/" + ids.get(0).value() + "\"")
        .doesNotContainPattern("\\d{17}[\\dX]")
        .doesNotContainPattern("1[3-9]\\d{9}");
  }

  @Test
  void everyHeadlineFigureOfACountyListsItsNumber() throws Exception {
    Actor county =
        new Actor(
            null,
            "admin-371623",
            "x",
            Role.COUNTY_ADMIN,
            "371623",
            "无棣县",
            "/370000/371600/371623/");
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    Figures f = reporting.summary(null, LocalDate.of(2018, 1, 1), today, county).figures();
    String q = "&period=since2018";
    assertThat(listed("admin-371623", "?figure=applications" + q)).hasSize((int) f.applications());
    assertThat(listed("admin-371623", "?figure=counseled" + q)).hasSize((int) f.counseled());
    assertThat(listed("admin-371623", "?figure=highRisk" + q)).hasSize((int) f.highRisk());
  }

  @Test
  void theCardsLinkToTheirRecordsOnlyForRolesThatMaySeeThem() throws Exception {
    String city = page("admin", "/stats?period=since2018");
    for (String figure : List.of("applications", "counseled", "reconciled", "highRisk")) {
      assertThat(city).contains("&amp;figure=" + figure + "\"");
    }
    assertThat(city).contains("stat-records-link");

    String analyst = page("analyst", "/stats?period=since2018");
    assertThat(analyst).doesNotContain("/stats/records").doesNotContain("stat-records-link");
    mvc.perform(as("analyst", get("/stats/records?figure=reconciled")))
        .andExpect(status().isForbidden());
  }

  @Test
  void scopeAndRoles() throws Exception {
    mvc.perform(as("admin-371623", get("/stats/records?figure=reconciled&region=371681")))
        .andExpect(status().isNotFound());
    mvc.perform(as("registrar-371602", get("/stats/records?figure=reconciled")))
        .andExpect(status().isForbidden());
    mvc.perform(as("counselor-371623", get("/stats/records?figure=reconciled")))
        .andExpect(status().isForbidden());
    mvc.perform(as("manager-371623", get("/stats/records?figure=applications")))
        .andExpect(status().isOk());
  }

  @Test
  void anUnknownFigureIsAnsweredInChineseNamingTheField() throws Exception {
    String html =
        mvc.perform(as("admin", get("/stats/records?figure=divorced&period=since2018")))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("统计项 figure 无效");
    mvc.perform(as("admin", get("/stats/records?figure=reconciled&from=2023-02-30")))
        .andExpect(status().isUnprocessableContent());
  }
}
