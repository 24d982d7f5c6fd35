package org.huhang.casework;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The city administrator keeps the issue-category dictionary; a retired entry is not offered. */
class IssueCategoryIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void theCityAdministratorAddsAndRetiresACategory() throws Exception {
    mvc.perform(
            post("/case-categories")
                .param("code", "gambling_debt")
                .param("nameZh", "赌债")
                .param("nameEn", "Gambling debt")
                .param("specialities", "PROPERTY_DEBT")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/cases/new").with(as("manager-371623")))
        .andExpect(content().string(Matchers.containsString("value=\"GAMBLING_DEBT\"")));
    mvc.perform(get("/api/v1/issue-categories").with(as("counselor-371623")))
        .andExpect(
            jsonPath("$[?(@.code == 'GAMBLING_DEBT')].specialities[0]").value("PROPERTY_DEBT"));
    mvc.perform(post("/case-categories/GAMBLING_DEBT/disable").with(csrf()).with(as("admin")))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/cases/new").with(as("manager-371623")))
        .andExpect(
            content().string(Matchers.not(Matchers.containsString("value=\"GAMBLING_DEBT\""))));
  }

  @Test
  void badEntriesAreNamedAndOthersMayNotKeepTheDictionary() throws Exception {
    mvc.perform(
            post("/case-categories")
                .param("code", "1x")
                .param("nameZh", "")
                .param("nameEn", "x")
                .param("specialities", "NO_SUCH")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("代码须以大写字母开头")))
        .andExpect(content().string(Matchers.containsString("请填写名称")))
        .andExpect(content().string(Matchers.containsString("请从列表中选择专长")));
    mvc.perform(
            post("/case-categories")
                .param("code", "COMMUNICATION")
                .param("nameZh", "沟通2")
                .param("nameEn", "x")
                .with(csrf())
                .with(as("admin")))
        .andExpect(content().string(Matchers.containsString("这个代码或中文名称已经有了")));
    mvc.perform(get("/case-categories").with(as("admin-371623"))).andExpect(status().isForbidden());
    mvc.perform(
            post("/case-categories/COMMUNICATION/disable").with(csrf()).with(as("manager-371623")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/issue-categories").with(as("registrar-371602")))
        .andExpect(status().isForbidden());
  }
}
