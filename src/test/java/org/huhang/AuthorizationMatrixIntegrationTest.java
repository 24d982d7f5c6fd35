package org.huhang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may reach the endpoints that change or export data, per role and scope: the answer a role
 * without the permission gets (403), the answer for a record outside the user's region (404, so
 * that its existence does not leak), and that the entitled role gets through. Only refusals and
 * reads are sent, so the demo data stays as it is.
 */
class AuthorizationMatrixIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  record Row(String method, String path, String user, int expected) {}

  /** Townships of 邹平 (371681), 无棣 (371623) and 滨城 (371602) that the demo data adds. */
  static final String ZOUPING_TOWNSHIP = "371681001";

  static final String WUDI_TOWNSHIP = "371623101";

  static final String BINCHENG_TOWNSHIP = "371602001";

  String centerIn(String county) {
    return jdbc.sql("select id::text from center.center where region_code = :c limit 1")
        .param("c", county)
        .query(String.class)
        .single();
  }

  String userId(String username) {
    return jdbc.sql("select id::text from identity.app_user where username = :u")
        .param("u", username)
        .query(String.class)
        .single();
  }

  /** A demo application of the county with the given outcome. */
  String applicationIn(String county, String outcome) {
    return jdbc.sql(
            "select id::text from registration.divorce_application"
                + " where office_region_code = :c and outcome = :o order by id limit 1")
        .param("c", county)
        .param("o", outcome)
        .query(String.class)
        .single();
  }

  @Test
  void everyGuardedEndpointAnswersEachRoleAsItsRulesSay() throws Exception {
    String binchengRegistrar = userId("registrar-371602");
    String wudiCounselor = userId("counselor-371623");
    String zoupingCenter = centerIn("371681");
    String wudiCenter = centerIn("371623");
    String binchengPending = "/registrations/" + applicationIn("371602", "PENDING");
    String binchengWithdrawn = "/registrations/" + applicationIn("371602", "WITHDRAWN");
    List<Row> rows =
        List.of(
            // The audit trail's export: the city administrator only.
            new Row("GET", "/audit/export.xlsx", "admin", 200),
            new Row("GET", "/audit/export.xlsx", "admin-371623", 403),
            new Row("GET", "/audit/export.xlsx", "analyst", 403),
            new Row("GET", "/audit/export.xlsx", "counselor-371623", 403),
            // The application list's export: those who follow applications, within their scope.
            new Row("GET", "/registrations/export.xlsx", "registrar-371602", 200),
            new Row("GET", "/registrations/export.xlsx", "admin-371623", 200),
            new Row("GET", "/registrations/export.xlsx", "manager-371623", 200),
            new Row("GET", "/registrations/export.xlsx", "analyst", 403),
            new Row("GET", "/registrations/export.xlsx", "counselor-371623", 403),
            // The volunteer export and import template: administrators and center managers;
            // refused before anything is written (issue 9, point 4).
            new Row("GET", "/volunteers/export.xlsx", "admin", 200),
            new Row("GET", "/volunteers/export.xlsx", "admin-371623", 200),
            new Row("GET", "/volunteers/export.xlsx", "manager-371623", 200),
            new Row("GET", "/volunteers/export.xlsx", "registrar-371602", 403),
            new Row("GET", "/volunteers/export.xlsx", "analyst", 403),
            new Row("GET", "/volunteers/export.xlsx", "counselor-371623", 403),
            new Row("GET", "/volunteers/template.xlsx", "registrar-371602", 403),
            new Row("GET", "/volunteers/template.xlsx", "analyst", 403),
            new Row("GET", "/volunteers/template.xlsx", "counselor-371623", 403),
            // The printed forms: read as the application page is (scope, then role).
            new Row("GET", binchengPending + "/receipt.pdf", "registrar-371602", 200),
            new Row("GET", binchengPending + "/receipt.pdf", "admin", 200),
            new Row("GET", binchengPending + "/receipt.pdf", "admin-371623", 404),
            new Row("GET", binchengPending + "/receipt.pdf", "manager-371623", 404),
            new Row("GET", binchengPending + "/receipt.pdf", "counselor-371623", 404),
            new Row("GET", binchengPending + "/receipt.pdf", "analyst", 403),
            new Row("GET", binchengPending + "/withdrawal.pdf", "registrar-371602", 404),
            new Row("GET", binchengWithdrawn + "/withdrawal.pdf", "registrar-371602", 200),
            new Row("GET", binchengWithdrawn + "/withdrawal.pdf", "admin-371623", 404),
            new Row("GET", binchengWithdrawn + "/withdrawal.pdf", "analyst", 403),
            // Renaming and closing a region: administrators, inside their county.
            new Row("GET", "/regions/" + WUDI_TOWNSHIP + "/close", "admin-371623", 200),
            new Row("GET", "/regions/" + ZOUPING_TOWNSHIP + "/close", "admin-371623", 404),
            new Row("GET", "/regions/" + WUDI_TOWNSHIP + "/close", "counselor-371623", 403),
            new Row("GET", "/regions/" + BINCHENG_TOWNSHIP + "/close", "registrar-371602", 403),
            new Row("GET", "/regions/" + WUDI_TOWNSHIP + "/close", "registrar-371602", 404),
            new Row("POST", "/regions/" + ZOUPING_TOWNSHIP + "/close", "admin-371623", 404),
            new Row("POST", "/regions/" + WUDI_TOWNSHIP + "/close", "counselor-371623", 403),
            new Row("POST", "/regions/" + ZOUPING_TOWNSHIP + "/rename", "admin-371623", 404),
            new Row("POST", "/regions/" + WUDI_TOWNSHIP + "/rename", "counselor-371623", 403),
            new Row("POST", "/regions/" + WUDI_TOWNSHIP + "/rename", "analyst", 403),
            // The holiday calendar's year grid and its day form: the city administrator only.
            new Row("GET", "/calendar/2026?day=2026-01-01", "admin", 200),
            new Row("GET", "/calendar/2026?day=2026-01-01", "admin-371623", 403),
            new Row("GET", "/calendar/2026?day=2026-01-01", "registrar-371602", 403),
            new Row("GET", "/calendar/2026?day=2026-01-01", "manager-371623", 403),
            new Row("GET", "/calendar/2026?day=2026-01-01", "analyst", 403),
            new Row("GET", "/calendar/2026?day=2026-01-01", "counselor-371623", 403),
            new Row("POST", "/calendar/2026/day", "admin-371623", 403),
            new Row("POST", "/calendar/2026/day", "registrar-371602", 403),
            new Row("POST", "/calendar/2026/day", "manager-371623", 403),
            new Row("POST", "/calendar/2026/day", "analyst", 403),
            new Row("POST", "/calendar/2026/day", "counselor-371623", 403),
            // Deleting a center (API): administrators, inside their county.
            new Row("DELETE", "/api/v1/centers/" + zoupingCenter, "admin-371623", 404),
            new Row("DELETE", "/api/v1/centers/" + wudiCenter, "manager-371623", 403),
            new Row("DELETE", "/api/v1/centers/" + wudiCenter, "counselor-371623", 403),
            new Row("DELETE", "/api/v1/centers/" + wudiCenter, "registrar-371602", 403),
            // Disabling an account: its confirmation page and the step itself.
            new Row("GET", "/users/" + wudiCounselor + "/disable", "admin-371623", 200),
            new Row("GET", "/users/" + binchengRegistrar + "/disable", "admin", 200),
            new Row("GET", "/users/" + binchengRegistrar + "/disable", "admin-371623", 404),
            new Row("GET", "/users/" + wudiCounselor + "/disable", "manager-371623", 403),
            new Row("GET", "/users/" + wudiCounselor + "/disable", "counselor-371623", 403),
            new Row("POST", "/users/" + binchengRegistrar + "/disable", "admin-371623", 404),
            new Row("POST", "/users/" + wudiCounselor + "/disable", "analyst", 403),
            // The province (V35): its analyst reads its figures; no one below it reaches them.
            new Row("GET", "/stats?region=370000", "analyst-370000", 200),
            new Row("GET", "/api/v1/stats/summary?region=370000", "analyst-370000", 200),
            new Row("GET", "/stats/report.xlsx?region=370000", "analyst-370000", 200),
            new Row("GET", "/stats/report.pdf?region=370000", "analyst-370000", 200),
            new Row(
                "GET", "/stats/records?figure=applications&region=370000", "analyst-370000", 403),
            new Row("GET", "/stats?region=370000", "admin", 404),
            new Row("GET", "/stats?region=370000", "analyst", 404),
            new Row("GET", "/api/v1/stats/summary?region=370000", "admin-371623", 404),
            new Row("GET", "/stats/report.xlsx?region=370000", "admin", 404),
            new Row("GET", "/stats/records?figure=applications&region=370000", "admin", 404),
            new Row("GET", "/regions/370000", "admin", 404),
            new Row("GET", "/regions/370000", "analyst-370000", 200),
            new Row("GET", "/users", "analyst-370000", 403));
    List<String> wrong = new ArrayList<>();
    for (Row row : rows) {
      int status = mvc.perform(request(row)).andReturn().getResponse().getStatus();
      if (status != row.expected()) {
        wrong.add(row + " answered " + status);
      }
    }
    assertThat(wrong).isEmpty();
  }

  private MockHttpServletRequestBuilder request(Row row) {
    return switch (row.method()) {
      case "GET" -> get(row.path()).with(user(users.loadUserByUsername(row.user())));
      case "POST" ->
          post(row.path())
              .param("name", "改名测试")
              .with(csrf())
              .with(user(users.loadUserByUsername(row.user())));
      case "DELETE" -> delete(row.path()).with(httpBasic(row.user(), DEMO_PASSWORD));
      default -> throw new IllegalArgumentException(row.method());
    };
  }
}
