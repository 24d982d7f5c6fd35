package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The shared pager: a page that has no neighbour offers no link to it (never page=-1). */
class PagerIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService accounts;

  @Test
  void theFirstPageOffersNoPreviousLinkAndTheLastNoNext() throws Exception {
    String first = html("/volunteers");
    assertThat(first).doesNotContain("page=-1").contains("page=1\"");
    assertThat(first)
        .containsPattern("<span class=\"page-link\" aria-disabled=\"true\">上一页</span>");
    String beyond = html("/volunteers?page=9999");
    assertThat(beyond)
        .containsPattern("<span class=\"page-link\" aria-disabled=\"true\">下一页</span>");
  }

  private String html(String path) throws Exception {
    return mvc.perform(
            get(path)
                .header("Accept-Language", "zh-CN")
                .with(user(accounts.loadUserByUsername("admin"))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
