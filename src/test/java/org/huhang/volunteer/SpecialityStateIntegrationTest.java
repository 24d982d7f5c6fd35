package org.huhang.volunteer;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 9, point 13: a speciality's state is {@code enable} or {@code disable}, nothing else. */
class SpecialityStateIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  @WithUserDetails("admin")
  void onlyEnableAndDisableNameAState() throws Exception {
    for (String word : new String[] {"foo", "ENABLE", "disabled", "true"}) {
      mvc.perform(post("/volunteers/specialities/CHILD_CUSTODY/" + word).with(csrf()))
          .andExpect(status().isNotFound());
    }
    mvc.perform(post("/volunteers/specialities/CHILD_CUSTODY/enable").with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/volunteers/specialities"));
  }
}
