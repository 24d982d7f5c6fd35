package org.huhang.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class OutreachIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService accounts;

  /** The first demo event of a county, the same each run. */
  String eventIn(String county) {
    return jdbc.sql(
            "select id::text from outreach.outreach_event where region_code = :c and created_by = 'demo'"
                + " order by held_on, title, id limit 1")
        .param("c", county)
        .query(String.class)
        .single();
  }

  MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    return request.with(user(accounts.loadUserByUsername(username)));
  }

  ResultActions api(String username, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/outreach-events")
            .with(httpBasic(username, DEMO_PASSWORD))
            .header("Accept-Language", "zh-CN")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  static String body(String title, String heldOn, String region, String place) {
    return """
        {"type":"FAMILY_EDUCATION","title":"%s","heldOn":"%s","startsAt":"14:30","regionCode":"%s",
         "place":"%s","speakers":["刘静（妇联志愿者）"],"audience":"学生家长","attendance":60,
         "summary":"家庭教育公益课堂"}"""
        .formatted(title, heldOn, region, place);
  }

  @Test
  void theCityHeld492PremaritalSessionsFrom2018ToSeptember2023() throws Exception {
    mvc.perform(
            get("/api/v1/outreach-events")
                .param("type", "PREMARITAL_EDUCATION")
                .param("region", "371600")
                .param("from", "2018-01-01")
                .param("to", "2023-09-30")
                .with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(492))
        .andExpect(jsonPath("$.items.length()").value(20))
        .andExpect(
            jsonPath("$.items[*].type")
                .value(Matchers.everyItem(Matchers.is("PREMARITAL_EDUCATION"))));
  }

  @Test
  void theFiltersNarrowByTypeRegionSubtreeAndPeriodWithinTheScope() throws Exception {
    mvc.perform(
            get("/api/v1/outreach-events")
                .param("type", "MEDIA_PROGRAMME")
                .with(httpBasic("analyst", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.items[*].title").value(Matchers.hasItem("幸福护航话婚姻")));
    mvc.perform(
            get("/api/v1/outreach-events")
                .param("region", "371625")
                .param("size", "100")
                .with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(
            jsonPath("$.items[*].regionPath")
                .value(Matchers.everyItem(Matchers.startsWith("/370000/371600/371625/"))));
    mvc.perform(
            get("/api/v1/outreach-events")
                .param("from", "2023-09-01")
                .param("to", "2023-09-30")
                .param("size", "100")
                .with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(
            jsonPath("$.items[*].heldOn")
                .value(Matchers.everyItem(Matchers.startsWith("2023-09"))));
    // A county administrator asking for the whole city sees its county only.
    mvc.perform(
            get("/api/v1/outreach-events")
                .param("region", "371600")
                .param("size", "100")
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.total").value(Matchers.lessThan(492)))
        .andExpect(
            jsonPath("$.items[*].regionCode")
                .value(Matchers.everyItem(Matchers.startsWith("371623"))));
    mvc.perform(
            get("/api/v1/outreach-events")
                .param("region", "999999")
                .with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("region"));
  }

  @Test
  void anAdministratorRecordsAnEventThroughTheApiAndReadsItBack() throws Exception {
    String json =
        api("admin-371623", body("接口登记的家庭教育课", "2025-05-10", "371623", "无棣县实验小学"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.regionName").value("无棣县"))
            .andExpect(jsonPath("$.speakers[0]").value("刘静（妇联志愿者）"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = json.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    mvc.perform(
            get("/api/v1/outreach-events/" + id).with(httpBasic("counselor-371623", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.title").value("接口登记的家庭教育课"));
    mvc.perform(get("/api/v1/outreach-events/" + id).with(httpBasic("admin-371681", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
  }

  @Test
  void badInputIsRefusedNamingTheField() throws Exception {
    api("admin-371623", body("含\\u0000的标题", "2025-05-10", "371623", "地点"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("title"));
    api("admin-371623", body("很长的地点", "2025-05-10", "371623", "地".repeat(100_000)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("place"));
    api("admin-371623", body("不存在的日期", "2025-02-30", "371623", "地点"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("heldOn"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("2025-02-30")));
    api("admin-371623", body("太远的日期", "2999-05-10", "371623", "地点"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("heldOn"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("一年后")));
    api("admin-371623", body("别县的活动", "2025-05-10", "371681", "地点"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
    api("registrar-371602", body("登记员", "2025-05-10", "371602", "地点"))
        .andExpect(status().isForbidden());
    api("counselor-371623", body("辅导员", "2025-05-10", "371623", "地点"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aManagerRecordsAnEventThroughTheFormAndEditsItWithTheVersionItRead() throws Exception {
    String center =
        jdbc.sql("select id::text from center.center where name = '无棣县婚姻家庭辅导中心'")
            .query(String.class)
            .single();
    String location =
        mvc.perform(
                as("manager-371623", post("/outreach-events"))
                    .with(csrf())
                    .param("type", "COMMUNITY_PUBLICITY")
                    .param("title", "表单登记的社区宣传")
                    .param("heldOn", "2025-06-01")
                    .param("startsAt", "09:30")
                    .param("regionCode", "371623")
                    .param("place", "海丰社区广场")
                    .param("centerId", center)
                    .param("speakers", "陈玉霞（婚姻家庭辅导员）", "", "")
                    .param("audience", "社区居民")
                    .param("attendance", "80")
                    .param("summary", ""))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/outreach-events/");
    mvc.perform(as("manager-371623", get(location)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("表单登记的社区宣传")))
        .andExpect(content().string(Matchers.containsString("无棣县婚姻家庭辅导中心")));
    String id = location.substring("/outreach-events/".length());
    long version =
        jdbc.sql("select version from outreach.outreach_event where id = :id::uuid")
            .param("id", id)
            .query(Long.class)
            .single();
    MockHttpServletRequestBuilder edit =
        as("manager-371623", post(location))
            .with(csrf())
            .param("type", "COMMUNITY_PUBLICITY")
            .param("title", "表单登记的社区宣传（改）")
            .param("heldOn", "2025-06-01")
            .param("startsAt", "09:30")
            .param("regionCode", "371623")
            .param("place", "海丰社区广场")
            .param("centerId", "")
            .param("attendance", "85")
            .param("version", Long.toString(version));
    mvc.perform(edit).andExpect(status().is3xxRedirection());
    // The same form again: it was read at a version that is no longer the event's.
    mvc.perform(edit)
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已被他人修改")));
    assertThat(
            jdbc.sql("select title from outreach.outreach_event where id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("表单登记的社区宣传（改）");
  }

  @Test
  void theFormShowsEveryProblemNextToItsField() throws Exception {
    mvc.perform(
            as("admin-371623", post("/outreach-events"))
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("type", "OTHER")
                .param("title", "a\u0000b")
                .param("heldOn", "2025-02-30")
                .param("startsAt", "09:30")
                .param("regionCode", "371623")
                .param("place", "地".repeat(100_000))
                .param("attendance", "100001"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("控制字符")))
        .andExpect(content().string(Matchers.containsString("2025-02-30")))
        .andExpect(content().string(Matchers.containsString("活动地点不能超过200个字")))
        .andExpect(content().string(Matchers.containsString("参加人数应在0到100000之间")));
  }

  @Test
  void anEventOutsideTheScopeAnswers404AndARegistrar403() throws Exception {
    String wudi = eventIn("371623");
    mvc.perform(as("admin-371681", get("/outreach-events/" + wudi)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/outreach-events/" + wudi).with(httpBasic("admin-371681", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(as("manager-371625", get("/outreach-events/" + wudi)))
        .andExpect(status().isNotFound());
    mvc.perform(as("manager-371625", get("/outreach-events/" + wudi + "/edit")))
        .andExpect(status().isNotFound());
    mvc.perform(as("manager-371623", get("/outreach-events/" + wudi + "/edit")))
        .andExpect(status().isOk());
    mvc.perform(as("counselor-371623", get("/outreach-events/" + wudi + "/edit")))
        .andExpect(status().isForbidden());
    mvc.perform(as("registrar-371602", get("/outreach-events"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/outreach-events").with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(status().isForbidden());
  }

  @Test
  void theListServesThePageAndItsHtmxPartialAndTheCalendarItsMonth() throws Exception {
    mvc.perform(as("counselor-371625", get("/outreach-events")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("<html")))
        .andExpect(content().string(Matchers.containsString("博兴县")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("登记宣传活动"))));
    mvc.perform(
            as("admin", get("/outreach-events"))
                .param("type", "MEDIA_PROGRAMME")
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))))
        .andExpect(content().string(Matchers.containsString("幸福护航话婚姻")));
    mvc.perform(as("admin", get("/outreach-events/calendar")).param("month", "2023-05"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("2023年5月")))
        .andExpect(content().string(Matchers.containsString("data-day=\"2023-05-20\"")))
        .andExpect(content().string(Matchers.containsString("幸福护航话婚姻")));
    mvc.perform(as("admin", get("/outreach-events/calendar")).param("month", "2023-13"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theMenuOffersOutreachToReadersButNotToRegistrars() throws Exception {
    mvc.perform(as("analyst", get("/")))
        .andExpect(content().string(Matchers.containsString("href=\"/outreach-events\"")));
    mvc.perform(as("registrar-371602", get("/")))
        .andExpect(
            content().string(Matchers.not(Matchers.containsString("href=\"/outreach-events\""))));
  }
}
