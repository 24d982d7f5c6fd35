package org.huhang.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

class CenterIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService accounts;
  @Autowired Centers centers;

  org.huhang.shared.Actor actorOf(String username) {
    return ((org.huhang.shared.ActorHolder) accounts.loadUserByUsername(username)).actor();
  }

  String center(String name) {
    return jdbc.sql("select id::text from center.center where name = :n")
        .param("n", name)
        .query(String.class)
        .single();
  }

  ResultActions create(String user, String region, String name, String phone) throws Exception {
    return mvc.perform(
        post("/api/v1/centers")
            .with(httpBasic(user, DEMO_PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"kind":"ROOM","name":"%s","regionCode":"%s","address":"测试地址","phone":"%s",
                 "openingHours":"周三下午","capacity":2,"status":"OPEN"}"""
                    .formatted(name, region, phone)));
  }

  /** A room of 无棣 opened by its administrator: its id. */
  String created(String name) throws Exception {
    String json =
        create("admin-371623", "371623", name, "")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void aCountyAdministratorOpensARoomInItsCountyOnly() throws Exception {
    create("admin-371623", "371623", "测试辅导室甲", "0543-6781234")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.phone").value("0543-6781234"));
    create("admin-371623", "371681", "测试辅导室乙", "")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
    create("admin-371623", "371623", "测试辅导室丙", "12345")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("phone"));
    create("registrar-371602", "371602", "登记员不能建", "").andExpect(status().isForbidden());
  }

  @Test
  void aCenterEnteredByMistakeIsDeletedButOneWithVolunteersOnlyClosed() throws Exception {
    String id = created("误建辅导室");
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/centers/" + id)
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/centers/" + id).with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/centers/" + center("无棣县婚姻家庭辅导中心"))
                .with(httpBasic("admin-371623", DEMO_PASSWORD))
                .header("Accept-Language", "zh-CN"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("志愿者")));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/centers/" + center("邹平市婚姻家庭辅导中心"))
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aListsCenterNamesAreRememberedInScopeAndForgottenWhenACenterIsSaved() throws Exception {
    java.util.UUID id = java.util.UUID.fromString(created("名称缓存辅导室"));
    java.util.Set<java.util.UUID> ids = java.util.Set.of(id);
    assertThat(centers.namesOf(ids, actorOf("admin-371623"))).containsEntry(id, "名称缓存辅导室");
    // Remembered now, and still only for those who see the center.
    assertThat(centers.namesOf(ids, actorOf("admin-371681"))).isEmpty();
    assertThat(centers.namesOf(ids, actorOf("manager-371623"))).isEmpty();
    assertThat(centers.namesOf(ids, actorOf("admin"))).containsEntry(id, "名称缓存辅导室");
    assertThat(centers.names(ids)).containsEntry(id, "名称缓存辅导室");
    mvc.perform(
            put("/api/v1/centers/" + id)
                .with(httpBasic("admin-371623", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind":"ROOM","name":"名称缓存辅导室新名","regionCode":"371623","address":"测试地址",
                     "phone":"","openingHours":"周三下午","capacity":2,"managerId":null,"status":"OPEN"}"""))
        .andExpect(status().isOk());
    assertThat(centers.namesOf(ids, actorOf("admin-371623"))).containsEntry(id, "名称缓存辅导室新名");
  }

  @Test
  void anotherCountysCenterAnswers404() throws Exception {
    mvc.perform(
            get("/api/v1/centers/" + center("邹平市婚姻家庭辅导中心"))
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/centers").with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(
            jsonPath("$.items[*].regionCode")
                .value(Matchers.everyItem(Matchers.startsWith("371623"))));
  }

  @Test
  void aManagerSeesAndEditsItsOwnCenterButDoesNotAppointItsManager() throws Exception {
    String own = center("无棣县婚姻家庭辅导中心");
    mvc.perform(get("/api/v1/centers").with(httpBasic("manager-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(own));
    mvc.perform(
            get("/api/v1/centers/" + center("海丰社区婚姻辅导室"))
                .with(httpBasic("manager-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(
            put("/api/v1/centers/" + own)
                .with(httpBasic("manager-371623", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind":"CENTER","name":"无棣县婚姻家庭辅导中心","regionCode":"371623","address":"无棣县新址",
                     "phone":"0543-6781205","openingHours":"周一至周六","capacity":15,"managerId":null,"status":"OPEN"}"""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.address").value("无棣县新址"))
        .andExpect(jsonPath("$.managerName").value("无棣县辅导中心负责人"));
  }

  @Test
  @WithUserDetails("manager-371623")
  void theManagersHomePageListsCertificatesAboutToExpire() throws Exception {
    mvc.perform(get("/"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("30天内到期的资格证书")));
  }

  @Test
  @WithUserDetails("admin-371623")
  void theCenterListServesThePageAndItsHtmxPartial() throws Exception {
    mvc.perform(get("/centers")).andExpect(content().string(Matchers.containsString("<html")));
    mvc.perform(get("/centers").param("kind", "ROOM").header("HX-Request", "true"))
        .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))))
        .andExpect(content().string(Matchers.containsString("海丰社区婚姻辅导室")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("无棣县婚姻家庭辅导中心</a>"))));
  }

  @Test
  void thePagesAnswer404OutsideWhatTheUserSeesAnd403ForWhatItsRoleMayNotDo() throws Exception {
    String county = center("无棣县婚姻家庭辅导中心");
    String room = center("海丰社区婚姻辅导室");
    String elsewhere = center("邹平市婚姻家庭辅导中心");
    var counselor = user(accounts.loadUserByUsername("counselor-371623"));
    var manager = user(accounts.loadUserByUsername("manager-371623"));
    var registrar = user(accounts.loadUserByUsername("registrar-371602"));

    mvc.perform(get("/centers/" + county).with(counselor))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("/edit"))));
    mvc.perform(get("/centers/" + county + "/edit").with(counselor))
        .andExpect(status().isForbidden());
    mvc.perform(get("/centers/" + elsewhere + "/edit").with(counselor))
        .andExpect(status().isNotFound());
    mvc.perform(get("/centers/new").with(counselor)).andExpect(status().isForbidden());
    mvc.perform(post("/centers").with(registrar).with(csrf()).param("name", ""))
        .andExpect(status().isForbidden());

    mvc.perform(get("/centers/" + county).with(manager))
        .andExpect(content().string(Matchers.containsString("/centers/" + county + "/edit")));
    mvc.perform(get("/centers/" + county + "/edit").with(manager))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"managerId\""))));
    mvc.perform(get("/centers/" + room + "/edit").with(manager)).andExpect(status().isNotFound());
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/centers/" + county)
                .with(httpBasic("manager-371623", DEMO_PASSWORD)))
        .andExpect(status().isForbidden());
  }

  @Test
  @WithUserDetails("admin-371623")
  void anEmptyNewCenterFormNamesItsMissingRegionInsteadOfFailing() throws Exception {
    mvc.perform(post("/centers").with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("请选择所在区划。")));
  }

  @Test
  @WithUserDetails("admin-371623")
  void theEditFormClosesAndReopensACenterAndShowsEveryProblemAtOnce() throws Exception {
    String id =
        create("admin-371623", "371623", "状态测试辅导室", "0543 6781234")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("OPEN"))
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    mvc.perform(edit(id, "CLOSED", "0543-6781234", "状态测试辅导室"))
        .andExpect(status().is3xxRedirection());
    assertRow(id, "CLOSED");
    // the form repeats the status it shows: saving a closed center again is no second closing
    mvc.perform(edit(id, "CLOSED", "0543-6781234", "状态测试辅导室"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(edit(id, "OPEN", "0543-6781234", "状态测试辅导室")).andExpect(status().is3xxRedirection());
    assertRow(id, "OPEN");
    mvc.perform(edit(id, "SUSPENDED", "12345", "无棣县婚姻家庭辅导中心"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("电话号码格式不正确")))
        .andExpect(content().string(Matchers.containsString("该区划下已有名为")));
    assertRow(id, "OPEN");
  }

  @Test
  @WithUserDetails("admin-371623")
  void aFormWithAnUnreadableFieldStillShowsEveryOtherProblemAtOnce() throws Exception {
    String html =
        mvc.perform(
                post("/centers")
                    .with(csrf())
                    .header("Accept-Language", "zh-CN")
                    .param("kind", "ROOM")
                    .param("name", "")
                    .param("regionCode", "371623")
                    .param("address", "")
                    .param("phone", "abc")
                    .param("capacity", "很多")
                    .param("status", "OPEN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // The capacity could not be read; the rules still judge the name, the address and the phone.
    assertThat(html)
        .contains("data-field=\"capacity\"")
        .contains("data-field=\"name\"")
        .contains("data-field=\"address\"")
        .contains("data-field=\"phone\"")
        .contains("电话号码格式不正确");
  }

  org.springframework.test.web.servlet.RequestBuilder edit(
      String id, String status, String phone, String name) {
    return post("/centers/" + id)
        .with(csrf())
        .header("Accept-Language", "zh-CN")
        .param("kind", "ROOM")
        .param("name", name)
        .param("regionCode", "371623")
        .param("address", "测试地址")
        .param("phone", phone)
        .param("openingHours", "周三下午")
        .param("capacity", "2")
        .param("managerId", "")
        .param("status", status);
  }

  void assertRow(String id, String status) {
    var row =
        jdbc.sql(
                "select status, phone, created_at <= updated_at as ordered from center.center"
                    + " where id = cast(:id as uuid)")
            .param("id", id)
            .query()
            .singleRow();
    org.assertj.core.api.Assertions.assertThat(row)
        .containsEntry("status", status)
        .containsEntry("phone", "0543-6781234")
        .containsEntry("ordered", true);
  }
}
