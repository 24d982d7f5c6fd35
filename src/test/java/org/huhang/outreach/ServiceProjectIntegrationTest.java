package org.huhang.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ServiceProjectIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService accounts;

  String project(String name) {
    return jdbc.sql("select id::text from outreach.service_project where name = :n")
        .param("n", name)
        .query(String.class)
        .single();
  }

  MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
    return request
        .with(user(accounts.loadUserByUsername(username)))
        .header("Accept-Language", "zh-CN");
  }

  @Test
  void theZoupingProjectShowsItsProvincialGoldAward() throws Exception {
    mvc.perform(as("counselor-371681", get("/service-projects")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("为爱护航 遇见幸福")))
        .andExpect(content().string(Matchers.containsString("省级 · 山东省志愿服务项目大赛金奖")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("“棣”护幸福"))));
    mvc.perform(as("analyst", get("/service-projects/" + project("为爱护航 遇见幸福"))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("邹平市婚姻家庭辅导中心")))
        .andExpect(content().string(Matchers.containsString("2022-12-05")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("honour-form"))));
  }

  @Test
  void aProjectOutsideTheScopeAnswers404AndARegistrar403() throws Exception {
    String zouping = project("为爱护航 遇见幸福");
    mvc.perform(as("admin-371623", get("/service-projects/" + zouping)))
        .andExpect(status().isNotFound());
    mvc.perform(
            as("manager-371625", post("/service-projects/" + zouping + "/honours"))
                .with(csrf())
                .param("award", "x")
                .param("level", "CITY")
                .param("awardedOn", "2023-01-01"))
        .andExpect(status().isNotFound());
    mvc.perform(as("registrar-371602", get("/service-projects"))).andExpect(status().isForbidden());
    mvc.perform(as("counselor-371623", get("/service-projects/new")))
        .andExpect(status().isForbidden());
  }

  @Test
  void anAdministratorStartsAProjectAndRecordsItsHonourNamingTheFieldsOfABadOne() throws Exception {
    String center =
        jdbc.sql("select id::text from center.center where name = '无棣县婚姻家庭辅导中心'")
            .query(String.class)
            .single();
    mvc.perform(
            as("admin-371623", post("/service-projects"))
                .with(csrf())
                .param("name", "")
                .param("centerId", "")
                .param("startedOn", "2023-02-30"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请填写项目名称")))
        .andExpect(content().string(Matchers.containsString("请选择所属辅导中心")))
        .andExpect(content().string(Matchers.containsString("2023-02-30")));
    String location =
        mvc.perform(
                as("admin-371623", post("/service-projects"))
                    .with(csrf())
                    .param("name", "测试志愿服务项目")
                    .param("centerId", center)
                    .param("startedOn", "2023-01-01")
                    .param("description", "用于测试"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/service-projects/");
    mvc.perform(
            as("admin-371623", post(location + "/honours"))
                .with(csrf())
                .param("award", "a\u0000")
                .param("level", "CITY")
                .param("awardedOn", "2999-01-01"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("控制字符")));
    mvc.perform(
            as("admin-371623", post(location + "/honours"))
                .with(csrf())
                .param("award", "县级优秀项目")
                .param("level", "COUNTY")
                .param("awardedOn", "2999-01-01"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("日期不能晚于今天")));
    mvc.perform(
            as("admin-371623", post(location + "/honours"))
                .with(csrf())
                .param("award", "县级优秀项目")
                .param("level", "COUNTY")
                .param("awardedOn", "2023-06-01"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(as("counselor-371623", get(location)))
        .andExpect(content().string(Matchers.containsString("县级优秀项目")));
  }
}
