package org.huhang.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
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
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

class RegionAdministrationIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void anAdministratorAddsATownshipAndAVillageBelowIt() throws Exception {
    add("admin-371681", "371681", "371681103", "西董街道")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.level").value("TOWNSHIP"))
        .andExpect(jsonPath("$.path").value("/370000/371600/371681/371681103/"));
    add("admin-371681", "371681103", "371681103001", "东关社区")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.level").value("VILLAGE"));
    mvc.perform(get("/api/v1/regions").with(httpBasic("admin-371681", DEMO_PASSWORD)))
        .andExpect(
            jsonPath("$.children[?(@.code == '371681103')].children[0].name")
                .value(org.hamcrest.Matchers.hasItem("东关社区")));
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where action = 'region.create' and entity_id = '371681103001'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aWrongCodeIsRefusedWithTheReason() throws Exception {
    add("admin", "371602", "371603101", "错位镇")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("code"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("371602")));
    add("admin", "371602", "3716021", "短码镇")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("9")));
  }

  @Test
  void namesAreUniqueAmongSiblingsAndCodesUnique() throws Exception {
    add("admin", "371621", "371621101", "孙武街道").andExpect(status().isCreated());
    add("admin", "371621", "371621102", "孙武街道")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    add("admin", "371621", "371621101", "另一个街道")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("code"));
  }

  @Test
  void registrarsDoNotAddRegions() throws Exception {
    add("registrar-371602", "371602", "371602102", "登记员镇").andExpect(status().isForbidden());
  }

  @Test
  @WithUserDetails("admin-371623")
  void thePageAddsAChildThroughHtmxAndShowsErrorsInPlace() throws Exception {
    mvc.perform(
            post("/regions/371623/children")
                .with(csrf())
                .header("HX-Request", "true")
                .param("parentCode", "371623")
                .param("code", "371623102")
                .param("name", "海丰街道"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.startsWith("<section id=\"region-manage\">")))
        .andExpect(content().string(Matchers.containsString("海丰街道")));
    mvc.perform(
            post("/regions/371623/children")
                .with(csrf())
                .header("HX-Request", "true")
                .param("parentCode", "371623")
                .param("code", "12345")
                .param("name", "错码"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("data-field=\"code\"")))
        .andExpect(content().string(Matchers.containsString("必须为 9 位数字")));
  }

  /** Issue 9, point 13: the permission is asked before the form, so no field errors leak. */
  @Test
  @WithUserDetails("manager-371623")
  void aRoleThatMayNotAddRegionsGets403EvenForAnInvalidForm() throws Exception {
    mvc.perform(
            post("/regions/371623/children")
                .with(csrf())
                .param("parentCode", "371623")
                .param("code", "12345")
                .param("name", ""))
        .andExpect(status().isForbidden());
    mvc.perform(post("/regions/371623101/rename").with(csrf()).param("name", ""))
        .andExpect(status().isForbidden());
  }

  @Autowired Regions regions;

  /** Issue 13: region names are kept in memory for lists, and a rename is seen at once. */
  @Test
  @WithUserDetails("admin-371681")
  void aRenamedRegionIsNamedAnewInListsAtOnce() throws Exception {
    add("admin-371681", "371681", "371681109", "明集镇").andExpect(status().isCreated());
    assertThat(regions.names(java.util.List.of("371681109", "371681")))
        .containsEntry("371681109", "明集镇")
        .containsEntry("371681", "邹平市");
    mvc.perform(post("/regions/371681109/rename").with(csrf()).param("name", "明集新镇"))
        .andExpect(status().is3xxRedirection());
    assertThat(regions.names(java.util.List.of("371681109"))).containsEntry("371681109", "明集新镇");
  }

  private org.springframework.test.web.servlet.ResultActions add(
      String user, String parent, String code, String name) throws Exception {
    return mvc.perform(
        post("/api/v1/regions")
            .with(httpBasic(user, DEMO_PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"parentCode\":\""
                    + parent
                    + "\",\"code\":\""
                    + code
                    + "\",\"name\":\""
                    + name
                    + "\"}"));
  }
}
