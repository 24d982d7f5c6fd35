package org.huhang.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The administrators' pages of issue 8: the holiday calendar entered as a list with confirmations,
 * the audit trail in words and as a workbook, where a city administrator may sit, renaming and
 * closing regions, and which form pages a role is shown at all.
 */
class AdministratorsIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService accounts;
  @Autowired JdbcClient jdbc;

  RequestPostProcessor as(String username) {
    return user(accounts.loadUserByUsername(username));
  }

  String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }

  // --- the holiday calendar -------------------------------------------------------------------

  @Test
  void everyBadLineOfThePastedNoticeIsReportedAtOnceAndYearsAreNotGrouped() throws Exception {
    String page =
        body(
            mvc.perform(
                    post("/calendar/2026/days")
                        .with(as("admin"))
                        .with(csrf())
                        .param(
                            "lines",
                            "2026-13-01,OFF,元旦\n2026-01-01,OFF,元旦\n2026-01-05,WORK,春节\n2025-05-01,放假,劳动节\n2026-05-01,休息,劳动节\n2026-05-02,OFF,\nnonsense"))
                .andExpect(status().isOk()));
    assertThat(page)
        .contains("第 1 行：“2026-13-01”不是有效日期")
        .contains("第 3 行：2026-01-05 不是周六或周日")
        .contains("第 4 行：2025-05-01 不在 2026 年")
        .contains("第 5 行：请选择放假或上班")
        .contains("第 6 行：请填写节日名称")
        .contains("第 7 行“nonsense”格式不对")
        .doesNotContain("第 2 行：")
        .doesNotContain("2,026")
        .contains("2026-13-01,OFF,元旦");
  }

  @Test
  void theListFormSavesRowsAndReportsEveryBadRow() throws Exception {
    String page =
        body(
            mvc.perform(
                    post("/calendar/2026/entries")
                        .with(as("admin"))
                        .with(csrf())
                        .param("day", "2026-01-01", "", "2026-01-05", "2026-02-01")
                        .param("kind", "OFF", "", "WORK", "")
                        .param("name", "元旦", "", "春节", "春节"))
                .andExpect(status().isOk()));
    assertThat(page)
        .contains("第 3 行：2026-01-05 不是周六或周日")
        .contains("第 4 行：请选择放假或上班")
        .doesNotContain("第 1 行：")
        .contains("value=\"2026-01-05\"");
    // The same day as the notice has it: saved, nothing moves.
    mvc.perform(
            post("/calendar/2026/entries")
                .with(as("admin"))
                .with(csrf())
                .param("day", "2026-01-01", "")
                .param("kind", "OFF", "")
                .param("name", "元旦", ""))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "已保存 1 天。"));
    assertThat(
            body(mvc.perform(get("/calendar/2026").with(as("admin"))).andExpect(status().isOk())))
        .contains("name=\"day\"")
        .contains("<option value=\"WORK\"")
        .contains("上班");
  }

  @Test
  void removingADayAndPublishingAskFirstNamingHowManyApplicationsMove() throws Exception {
    long affected =
        jdbc.sql(
                "select count(*) from registration.divorce_application"
                    + " where (outcome = 'PENDING' or withdrawal_provisional or certificate_provisional)"
                    + " and received_on <= date '2026-10-07' and certificate_deadline >= date '2026-10-07'")
            .query(Long.class)
            .single();
    String confirm =
        body(
            mvc.perform(get("/calendar/2026/days/2026-10-07/delete").with(as("admin")))
                .andExpect(status().isOk()));
    assertThat(confirm)
        .contains("删除 2026-10-07 后，将重算 " + affected + " 件申请的期限")
        .contains("action=\"/calendar/2026/days/2026-10-07/delete\"")
        .contains("id=\"confirm-yes\"");
    // The year page offers the confirmation, not a direct post.
    assertThat(body(mvc.perform(get("/calendar/2026").with(as("admin")))))
        .contains("href=\"/calendar/2026/days/2026-10-07/delete\"")
        .doesNotContain("method=\"post\" action=\"/calendar/2026/days/2026-10-07/delete\"");
    mvc.perform(get("/calendar/2026/days/2026-10-07/delete").with(as("admin-371623")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/calendar/2026/publish").with(as("registrar-371602")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/calendar/2019/publish").with(as("admin"))).andExpect(status().isNotFound());
  }

  @Test
  void theYearGridsDayFormNamesADayOutsideTheYearAndSendsARemovalToItsConfirmation()
      throws Exception {
    // The grid: twelve months, each day a link to its own form.
    String year =
        body(mvc.perform(get("/calendar/2026").with(as("admin"))).andExpect(status().isOk()));
    assertThat(year)
        .contains("id=\"calendar-grid\"")
        .contains("href=\"/calendar/2026?day=2026-01-01#day-form\"")
        .contains("href=\"/calendar/2026?day=2026-12-31#day-form\"")
        .doesNotContain("id=\"day-form\"")
        .doesNotContain("2,026");
    // A day's form is filled with what the notice says.
    assertThat(
            body(
                mvc.perform(get("/calendar/2026").param("day", "2026-01-01").with(as("admin")))
                    .andExpect(status().isOk())))
        .contains("id=\"day-form\"")
        .contains("name=\"day\" value=\"2026-01-01\"")
        .contains("value=\"元旦\"")
        .containsPattern("value=\"OFF\"\\s+checked");
    // With htmx the grid and the day's form swap in place, without the page around them.
    assertThat(
            body(
                mvc.perform(
                        get("/calendar/2026")
                            .param("day", "2026-01-10")
                            .header("HX-Request", "true")
                            .with(as("admin")))
                    .andExpect(status().isOk())))
        .startsWith("<div id=\"calendar-grid-area\"")
        .contains("id=\"day-form\"")
        .contains("id=\"day-kind-work\"")
        .doesNotContain("<html");
    // A date outside the year, or no date at all, is named on the day's field.
    assertThat(
            body(
                mvc.perform(get("/calendar/2026").param("day", "2025-05-01").with(as("admin")))
                    .andExpect(status().isOk())))
        .contains("data-field=\"day\">2025-05-01 不在 2026 年");
    assertThat(
            body(
                mvc.perform(
                        post("/calendar/2026/day")
                            .with(as("admin"))
                            .with(csrf())
                            .param("day", "2025-05-01")
                            .param("kind", "OFF")
                            .param("name", "劳动节"))
                    .andExpect(status().isOk())))
        .contains("data-field=\"day\">2025-05-01 不在 2026 年")
        .contains("value=\"劳动节\"");
    assertThat(
            body(
                mvc.perform(
                        post("/calendar/2026/day")
                            .with(as("admin"))
                            .with(csrf())
                            .param("day", "2026-01-05")
                            .param("kind", "WORK")
                            .param("name", "元旦"))
                    .andExpect(status().isOk())))
        .contains("data-field=\"day\">2026-01-05 不是周六或周日");
    assertThat(
            body(
                mvc.perform(
                        post("/calendar/2026/day")
                            .with(as("admin"))
                            .with(csrf())
                            .param("day", "2026-01-01")
                            .param("kind", "OFF")
                            .param("name", " "))
                    .andExpect(status().isOk())))
        .contains("data-field=\"name\">请填写节日名称");
    // The same day as the notice has it: saved, nothing moves.
    mvc.perform(
            post("/calendar/2026/day")
                .with(as("admin"))
                .with(csrf())
                .param("day", "2026-01-01")
                .param("kind", "OFF")
                .param("name", "元旦"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "已将 2026-01-01 设为放假（元旦）。"));
    // 恢复为普通日 never removes at once: an entered day goes to the confirmation.
    mvc.perform(
            post("/calendar/2026/day")
                .with(as("admin"))
                .with(csrf())
                .param("day", "2026-10-07")
                .param("kind", "NONE")
                .param("name", ""))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/calendar/2026/days/2026-10-07/delete"));
    assertThat(
            jdbc.sql("select count(*) from registration.calendar_day where day = date '2026-10-07'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    mvc.perform(
            post("/calendar/2026/day")
                .with(as("admin"))
                .with(csrf())
                .param("day", "2026-10-13")
                .param("kind", "NONE"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/calendar/2026"))
        .andExpect(flash().attribute("notice", "2026-10-13 本来就是普通日，未作改动。"));
  }

  // --- the audit trail -------------------------------------------------------------------------

  @Test
  void theAuditTrailSpeaksChineseLinksObjectsAndExportsTheSameSearch() throws Exception {
    mvc.perform(
            post("/regions/371681/children")
                .with(as("admin"))
                .with(csrf())
                .param("parentCode", "371681")
                .param("code", "371681901")
                .param("name", "审计测试镇"))
        .andExpect(status().is3xxRedirection());
    String page =
        body(
            mvc.perform(get("/audit").param("action", "region.create").with(as("admin")))
                .andExpect(status().isOk()));
    assertThat(page)
        .contains("<select class=\"form-select\" id=\"action\" name=\"action\">")
        .contains("<option value=\"application.withdraw\">撤回离婚登记申请</option>")
        .contains("<option value=\"region.create\" selected>新增行政区划</option>")
        .contains("<td title=\"region.create\">新增行政区划</td>")
        .contains("行政区划")
        .contains("href=\"/regions/371681901\"")
        .contains("成功")
        .doesNotContain("<code>region.create</code>");

    mvc.perform(
            post("/users")
                .with(as("admin"))
                .with(csrf())
                .param("username", "audit-link")
                .param("displayName", "审计链接")
                .param("role", "COUNSELOR")
                .param("regionCode", "371623")
                .param("password", "Strong#Pass2027"))
        .andExpect(status().is3xxRedirection());
    String id =
        jdbc.sql("select cast(id as text) from identity.app_user where username = 'audit-link'")
            .query(String.class)
            .single();
    assertThat(body(mvc.perform(get("/audit").param("action", "user.create").with(as("admin")))))
        .contains("新建账号")
        .contains("href=\"/users/" + id + "\" title=\"" + id + "\">" + id.substring(0, 8) + "<");

    byte[] export =
        mvc.perform(get("/audit/export.xlsx").param("action", "region.create").with(as("admin")))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<List<String>> rows = org.huhang.TestSheets.rows(export);
    assertThat(rows.get(0)).contains("时间", "操作", "对象类型", "对象编号", "结果");
    assertThat(rows).hasSizeGreaterThan(1);
    for (List<String> r : rows.subList(1, rows.size())) {
      assertThat(r.get(4)).isEqualTo("新增行政区划");
      assertThat(r.get(5)).isEqualTo("行政区划");
      assertThat(r.get(7)).isEqualTo("成功");
    }
    assertThat(rows.stream().map(r -> r.get(6))).contains("371681901");

    mvc.perform(get("/audit/export.xlsx").with(as("admin-371623")))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Content-Disposition"));
  }

  // --- where a city administrator sits ------------------------------------------------------

  @Test
  void aCityAdministratorIsPlacedAtTheCityRegionOnly() throws Exception {
    String page =
        body(
            mvc.perform(
                    post("/users")
                        .with(as("admin"))
                        .with(csrf())
                        .param("username", "city-at-county")
                        .param("displayName", "县里的市级管理员")
                        .param("role", "CITY_ADMIN")
                        .param("regionCode", "371623")
                        .param("password", "Strong#Pass2027"))
                .andExpect(status().isOk()));
    assertThat(page).contains("市级管理员只能设在市级区划");
    assertThat(
            jdbc.sql("select count(*) from identity.app_user where username = 'city-at-county'")
                .query(Long.class)
                .single())
        .isZero();
    mvc.perform(
            post("/users")
                .with(as("admin"))
                .with(csrf())
                .param("username", "city-at-city")
                .param("displayName", "市里的市级管理员")
                .param("role", "CITY_ADMIN")
                .param("regionCode", "371600")
                .param("password", "Strong#Pass2027"))
        .andExpect(status().is3xxRedirection());
  }

  // --- renaming and closing regions ----------------------------------------------------------

  @Test
  void aTownshipIsRenamedAndClosedButStaysInTheTree() throws Exception {
    for (String[] r : new String[][] {{"371623901", "改名测试镇"}, {"371623902", "邻近测试镇"}}) {
      mvc.perform(
              post("/regions/371623/children")
                  .with(as("admin-371623"))
                  .with(csrf())
                  .param("parentCode", "371623")
                  .param("code", r[0])
                  .param("name", r[1]))
          .andExpect(status().is3xxRedirection());
    }
    assertThat(body(mvc.perform(get("/regions/371623901").with(as("admin-371623")))))
        .contains("action=\"/regions/371623901/rename\"")
        .contains("href=\"/regions/371623901/close\"");
    assertThat(body(mvc.perform(get("/regions/371623901").with(as("counselor-371623")))))
        .doesNotContain("/rename")
        .doesNotContain("id=\"region-form\"");

    assertThat(
            body(
                mvc.perform(
                        post("/regions/371623901/rename")
                            .with(as("admin-371623"))
                            .with(csrf())
                            .param("name", "邻近测试镇"))
                    .andExpect(status().isOk())))
        .contains("同一上级区划下已有名为“邻近测试镇”的区划");
    assertThat(
            body(
                mvc.perform(
                    post("/regions/371623901/rename")
                        .with(as("admin-371623"))
                        .with(csrf())
                        .param("name", " "))))
        .contains("请填写名称");
    mvc.perform(
            post("/regions/371623901/rename")
                .with(as("admin-371623"))
                .with(csrf())
                .param("name", "新名测试镇"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "已改名为“新名测试镇”。"));
    assertThat(regionName("371623901")).isEqualTo("新名测试镇");
    mvc.perform(
            post("/regions/371623901/rename")
                .with(as("registrar-371602"))
                .with(csrf())
                .param("name", "x"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/regions/371623901/rename")
                .with(as("counselor-371623"))
                .with(csrf())
                .param("name", "x"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/regions/371623/rename").with(as("admin-371623")).with(csrf()).param("name", "x"))
        .andExpect(status().isForbidden());

    assertThat(body(mvc.perform(get("/regions/371623901/close").with(as("admin-371623")))))
        .contains("撤销“新名测试镇”（371623901）后")
        .contains("action=\"/regions/371623901/close\"");
    mvc.perform(get("/regions/371623901/close").with(as("counselor-371623")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/regions/371623901/close").with(as("admin-371623")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "“新名测试镇”已撤销。"));

    assertThat(body(mvc.perform(get("/regions/371623").with(as("admin-371623")))))
        .contains("新名测试镇")
        .contains("已撤销");
    assertThat(body(mvc.perform(get("/users/new").with(as("admin-371623")))))
        .contains("value=\"371623902\"")
        .doesNotContain("value=\"371623901\"");
    assertThat(body(mvc.perform(get("/centers/new").with(as("admin-371623")))))
        .doesNotContain("value=\"371623901\"");
    assertThat(
            body(
                mvc.perform(
                    post("/users")
                        .with(as("admin-371623"))
                        .with(csrf())
                        .param("username", "at-closed")
                        .param("displayName", "撤销区划的人")
                        .param("role", "COUNSELOR")
                        .param("regionCode", "371623901")
                        .param("password", "Strong#Pass2027"))))
        .contains("不存在或不在您的辖区内");
    mvc.perform(
            post("/regions/371623901/children")
                .with(as("admin-371623"))
                .with(csrf())
                .param("parentCode", "371623901")
                .param("code", "371623901001")
                .param("name", "撤销后的村"))
        .andExpect(status().isOk());
    assertThat(
            jdbc.sql("select count(*) from region.region where code = '371623901001'")
                .query(Long.class)
                .single())
        .isZero();
  }

  private String regionName(String code) {
    return jdbc.sql("select name from region.region where code = :c")
        .param("c", code)
        .query(String.class)
        .single();
  }

  // --- form pages a role may not submit -------------------------------------------------------

  @Test
  void everyFormPageAnswers403ToARoleThatMayNotSubmitItAnd404OutsideItsScope() throws Exception {
    String volunteerElsewhere =
        jdbc.sql(
                "select cast(id as text) from volunteer.volunteer where region_path not like '/370000/371600/371623/%' limit 1")
            .query(String.class)
            .single();
    String volunteerHere =
        jdbc.sql(
                "select cast(id as text) from volunteer.volunteer where region_path like '/370000/371600/371623/%' limit 1")
            .query(String.class)
            .single();
    String userHere =
        jdbc.sql(
                "select cast(id as text) from identity.app_user where username = 'counselor-371623'")
            .query(String.class)
            .single();
    String userElsewhere =
        jdbc.sql(
                "select cast(id as text) from identity.app_user where username = 'registrar-371602'")
            .query(String.class)
            .single();

    List<String> everyForm =
        List.of(
            "/users/new",
            "/users/" + userHere,
            "/calendar",
            "/calendar/2026",
            "/centers/new",
            "/volunteers/new",
            "/volunteers/import",
            "/registrations/new",
            "/registrations/import");
    for (String role :
        List.of("counselor-371623", "analyst", "registrar-371602", "manager-371623")) {
      for (String page : everyForm) {
        int expected = expected(role, page);
        assertThat(mvc.perform(get(page).with(as(role))).andReturn().getResponse().getStatus())
            .as(role + " " + page)
            .isEqualTo(expected);
      }
    }
    // The edit form of a volunteer: only who manages volunteers; outside the scope 404.
    mvc.perform(get("/volunteers/" + volunteerHere + "/edit").with(as("counselor-371623")))
        .andExpect(status().is(org.hamcrest.Matchers.oneOf(403, 404)));
    mvc.perform(get("/volunteers/" + volunteerElsewhere + "/edit").with(as("admin-371623")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/users/" + userElsewhere).with(as("admin-371623")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/users/" + UUID.randomUUID()).with(as("admin")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/regions/371602").with(as("admin-371623"))).andExpect(status().isNotFound());
    // The add form of the region page is hidden from whom may not add.
    for (String role : List.of("counselor-371623", "manager-371623")) {
      assertThat(
              body(mvc.perform(get("/regions/371623").with(as(role))).andExpect(status().isOk())))
          .doesNotContain("id=\"region-form\"");
    }
    assertThat(body(mvc.perform(get("/regions/371623").with(as("admin-371623")))))
        .contains("id=\"region-form\"");
  }

  /** Who may open each form: administrators manage users, registrars record, and so on. */
  private static int expected(String role, String page) {
    boolean registrar = role.startsWith("registrar");
    boolean manager = role.startsWith("manager");
    if (page.startsWith("/registrations/")) {
      return registrar ? 200 : 403;
    }
    if (page.startsWith("/volunteers/")) {
      return manager ? 200 : 403;
    }
    return 403;
  }
}
