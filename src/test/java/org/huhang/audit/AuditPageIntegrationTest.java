package org.huhang.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

class AuditPageIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  @WithUserDetails("admin")
  void theCityAdministratorSearchesTheTrail() throws Exception {
    mvc.perform(get("/audit"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"audit-table\"")));
    mvc.perform(get("/audit").param("action", "no.such.action").header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))))
        .andExpect(content().string(Matchers.containsString("<div id=\"audit-table\">")))
        .andExpect(content().string(Matchers.containsString("没有符合条件的记录")));
  }

  @Test
  @WithUserDetails("admin-371623")
  void nobodyElseSeesIt() throws Exception {
    mvc.perform(get("/audit")).andExpect(status().isForbidden());
  }
}
