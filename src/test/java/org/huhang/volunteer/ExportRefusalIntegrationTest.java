package org.huhang.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 9, point 4: an export refused to a role arrives as the 403 page, not as a half-written
 * attachment or a 500: the permission is asked before a header or a byte is written.
 */
class ExportRefusalIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  @Test
  void everyExportRefusesARoleThatMayNotExportBeforeWritingAnything() throws Exception {
    List<String[]> refused =
        List.of(
            new String[] {"/volunteers/export.xlsx", "registrar-371602"},
            new String[] {"/volunteers/export.xlsx", "analyst"},
            new String[] {"/volunteers/export.xlsx", "counselor-371623"},
            new String[] {"/volunteers/template.xlsx", "counselor-371623"},
            new String[] {"/registrations/export.xlsx", "analyst"},
            new String[] {"/registrations/export.xlsx", "counselor-371623"},
            new String[] {"/audit/export.xlsx", "admin-371623"},
            new String[] {"/audit/export.xlsx", "manager-371623"});
    for (String[] r : refused) {
      MockHttpServletResponse response =
          mvc.perform(get(r[0]).with(user(users.loadUserByUsername(r[1]))))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(r[0] + " as " + r[1]).isEqualTo(403);
      assertThat(response.getHeader("Content-Disposition")).as(r[0] + " as " + r[1]).isNull();
      assertThat(response.getContentType()).as(r[0] + " as " + r[1]).startsWith("text/html");
    }
  }
}
