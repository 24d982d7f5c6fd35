package org.huhang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** A county administrator of 无棣县 (371623) sees nothing of 邹平市 (371681): 404, never 403. */
class DataScopeIntegrationTest extends IntegrationTest {

  private static final String WUDI_ADMIN = "admin-371623";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private UUID zoupingAdminId() {
    return jdbc.sql("select id from identity.app_user where username = 'admin-371681'")
        .query(UUID.class)
        .single();
  }

  @Test
  void regionTreeThroughTheApiHoldsOnlyTheOwnCounty() throws Exception {
    mvc.perform(get("/api/v1/regions").with(httpBasic(WUDI_ADMIN, DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.code").value("371623"))
        .andExpect(jsonPath("$.name").value("无棣县"))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("371681"))));
  }

  @Test
  void anotherCountysRegionAnswers404ThroughTheApi() throws Exception {
    mvc.perform(get("/api/v1/regions/371681").with(httpBasic(WUDI_ADMIN, DEMO_PASSWORD)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404));
    mvc.perform(get("/api/v1/regions/371681/children").with(httpBasic(WUDI_ADMIN, DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/regions/371600").with(httpBasic(WUDI_ADMIN, DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
  }

  @Test
  void anotherCountysUserAnswers404ThroughTheApi() throws Exception {
    mvc.perform(get("/api/v1/users/" + zoupingAdminId()).with(httpBasic(WUDI_ADMIN, DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/users/" + zoupingAdminId() + "/disable")
                .with(httpBasic(WUDI_ADMIN, DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theUserListHoldsOnlyUsersInScope() throws Exception {
    mvc.perform(get("/api/v1/users").with(httpBasic(WUDI_ADMIN, DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.items[*].regionCode")
                .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("371623"))))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("admin-371681"))));
  }

  @Test
  @WithUserDetails(WUDI_ADMIN)
  void anotherCountysRegionAndUserAnswer404OnThePages() throws Exception {
    mvc.perform(get("/regions/371681")).andExpect(status().isNotFound());
    mvc.perform(get("/users/" + zoupingAdminId())).andExpect(status().isNotFound());
    mvc.perform(
            post("/regions/371681/children")
                .with(csrf())
                .param("parentCode", "371681")
                .param("code", "371681001")
                .param("name", "x"))
        .andExpect(status().isNotFound());
  }

  @Test
  @WithUserDetails(WUDI_ADMIN)
  void theOwnRegionPageShowsOnlyTheOwnCounty() throws Exception {
    String html =
        mvc.perform(get("/regions"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("无棣县").doesNotContain("邹平市").doesNotContain("滨城区");
  }

  @Test
  void aCountyAdministratorCannotPlaceAUserInAnotherCounty() throws Exception {
    mvc.perform(
            post("/api/v1/users")
                .with(httpBasic(WUDI_ADMIN, DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"username":"zouping.intruder","displayName":"越权","role":"COUNSELOR",
                     "regionCode":"371681","password":"Counsel@2026x"}"""))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
  }
}
