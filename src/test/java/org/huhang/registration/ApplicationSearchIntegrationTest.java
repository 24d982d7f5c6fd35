package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Registrars find an application by a party's name, pinyin, identity number or phone. */
class ApplicationSearchIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  String husband;
  String wife;

  String recordCouple() throws Exception {
    husband = DivorceApplicationIntegrationTest.id("371602", "1977-09-19", true);
    wife = DivorceApplicationIntegrationTest.id("371602", "1978-10-20", false);
    String received = LocalDate.now(org.huhang.shared.LegalTime.ZONE).minusDays(2).toString();
    String json =
        """
        {"receivedOn":"%s",
         "partyA":{"name":"诸葛明亮","gender":"MALE","birthDate":"%s","idNumber":"%s","phone":"13905437788"},
         "partyB":{"name":"慕容秋","gender":"FEMALE","birthDate":"%s","idNumber":"%s"},
         "marriageDate":"2010-05-20","minorChildren":0,"counselingOffered":false,"counselingAccepted":false}"""
            .formatted(
                received,
                DivorceApplicationIntegrationTest.birth(husband),
                husband,
                DivorceApplicationIntegrationTest.birth(wife),
                wife);
    return mvc.perform(
            post("/api/v1/divorce-applications")
                .with(httpBasic("registrar-371602", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isCreated())
        .andReturn()
        .getResponse()
        .getContentAsString()
        .replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
  }

  org.springframework.test.web.servlet.ResultActions find(String user, String q) throws Exception {
    return mvc.perform(
        get("/api/v1/divorce-applications").param("q", q).with(httpBasic(user, DEMO_PASSWORD)));
  }

  boolean found(String q, String id) throws Exception {
    return find("registrar-371602", q)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString()
        .contains(id);
  }

  @Test
  void aPartyIsFoundByNamePinyinInitialsIdNumberAndPhoneInsideTheScopeOnly() throws Exception {
    String id = recordCouple();
    List<String> missed = new ArrayList<>();
    for (String q :
        List.of(
            "诸葛明亮",
            "明亮",
            "zhuge",
            "zgml",
            "murongqiu",
            "慕容",
            husband,
            wife.toLowerCase(),
            "139-0543-7788")) {
      if (!found(q, id)) {
        missed.add(q);
      }
    }
    assertThat(missed).as("searches that should find the couple").isEmpty();
    List<String> wrong = new ArrayList<>();
    for (String q : List.of(husband.substring(0, 10), "13905437789", "zzzqqq")) {
      if (found(q, id)) {
        wrong.add(q);
      }
    }
    assertThat(wrong).as("searches that should not find the couple").isEmpty();
    // Another county's administrator does not find it, however exact the number.
    find("admin-371623", husband).andExpect(jsonPath("$.total").value(0));
    // The city administrator does.
    find("admin", husband).andExpect(jsonPath("$.total").value(1));
  }

  @Test
  void theListExportsWithItsFiltersAndMaskedNumbers() throws Exception {
    recordCouple();
    byte[] sheet =
        mvc.perform(
                get("/registrations/export.xlsx")
                    .param("q", "zgml")
                    .with(user(users.loadUserByUsername("registrar-371602"))))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<List<String>> rows = org.huhang.TestSheets.rows(sheet);
    assertThat(rows.get(0)).startsWith("受理日期", "甲方", "甲方身份证号");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(r -> assertThat(r.get(1)).isEqualTo("诸葛明亮"));
    assertThat(rows.get(1).get(2)).matches("371602\\*{8}\\w{4}");
    assertThat(rows.toString()).doesNotContain(husband);

    mvc.perform(get("/registrations/export.xlsx").with(user(users.loadUserByUsername("analyst"))))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Content-Disposition"));
  }
}
