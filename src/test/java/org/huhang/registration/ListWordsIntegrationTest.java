package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import org.huhang.IntegrationTest;
import org.huhang.registration.internal.HolidayCalendars;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The board says "today" rather than "0 days"; an empty list says it is empty or unmatched. */
class ListWordsIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired HolidayCalendars calendars;
  @Autowired Clock clock;
  @Autowired UserDetailsService users;

  @Test
  void aDeadlineOfTodayIsDueTodayOnTheBoard() throws Exception {
    LocalDate today = LocalDate.now(clock);
    LocalDate received = today.minusDays(40);
    while (!calendars.clock().compute(received).withdrawalDeadline().equals(today)) {
      received = received.plusDays(1);
      assertThat(received).as("a receipt whose deadline is today").isBefore(today);
    }
    String husband = DivorceApplicationIntegrationTest.id("371602", "1979-04-17", true);
    String wife = DivorceApplicationIntegrationTest.id("371602", "1981-09-23", false);
    mvc.perform(
            post("/registrations")
                .with(as("registrar-371602"))
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("receivedOn", received.toString())
                .param("marriageDate", "2012-05-20")
                .param("minorChildren", "0")
                .param("partyA.name", "欧阳今")
                .param("partyA.gender", "MALE")
                .param("partyA.birthDate", DivorceApplicationIntegrationTest.birth(husband))
                .param("partyA.idNumber", husband)
                .param("partyB.name", "慕容日")
                .param("partyB.gender", "FEMALE")
                .param("partyB.birthDate", DivorceApplicationIntegrationTest.birth(wife))
                .param("partyB.idNumber", wife))
        .andExpect(status().is3xxRedirection());

    String board = page(get("/registrations/board").param("days", "0"), "registrar-371602");
    int name = board.indexOf("欧阳今");
    String row = board.substring(board.lastIndexOf("<tr", name), board.indexOf("</tr>", name));
    assertThat(row).contains("今日到期").doesNotContain("0 天");
  }

  @Test
  void anEmptyListSaysSoAndAFilteredOneThatNothingMatches() throws Exception {
    String filtered =
        page(
            get("/registrations")
                .param("from", "2000-01-01")
                .param("to", "2000-01-02")
                .header("HX-Request", "true"),
            "registrar-371602");
    assertThat(filtered).contains("没有符合条件的记录").doesNotContain("暂无申请");

    String users = page(get("/users").param("q", "没有这个人").header("HX-Request", "true"), "admin");
    assertThat(users).contains("没有符合条件的记录");
  }

  @Test
  void onlyASetFilterMakesTheSearchFiltered() {
    assertThat(new ApplicationSearch(null, null, null, null, null, 2, 20).filtered()).isFalse();
    assertThat(
            new ApplicationSearch(null, null, null, LocalDate.of(2025, 1, 1), null, null, null)
                .filtered())
        .isTrue();
    assertThat(
            new ApplicationSearch(null, Outcome.PENDING, null, null, null, null, null).filtered())
        .isTrue();
    assertThat(new ApplicationSearch("zgml", null, null, null, null, null, null).filtered())
        .isTrue();
  }

  private String page(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String username)
      throws Exception {
    return mvc.perform(request.with(as(username)).header("Accept-Language", "zh-CN"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }
}
