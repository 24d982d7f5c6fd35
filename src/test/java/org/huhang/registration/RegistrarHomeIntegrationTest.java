package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.huhang.IntegrationTest;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registrar's home page says how its office's month stands, each figure counted as the board
 * and the lists count it, within its office only.
 */
class RegistrarHomeIntegrationTest extends IntegrationTest {

  static final Actor BINCHENG_REGISTRAR =
      new Actor(
          null, "registrar-371602", "x", Role.REGISTRAR, "371602", "滨城区", "/370000/371600/371602/");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired DivorceApplications applications;

  int count(String where, LocalDate today) {
    return jdbc.sql(
            "select count(*) from registration.divorce_application"
                + " where region_path like '/370000/371600/371602/%' and "
                + where)
        .param("first", today.withDayOfMonth(1))
        .param("today", today)
        .param("weekEnd", today.plusDays(6))
        .query(Integer.class)
        .single();
  }

  @Test
  void theRegistrarsHomeCountsItsOfficesMonth() throws Exception {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    RegistrarMonth month = applications.month(BINCHENG_REGISTRAR).orElseThrow();
    assertThat(month.received()).isEqualTo(count("received_on between :first and :today", today));
    assertThat(month.inCoolingOff())
        .isEqualTo(
            count(
                "outcome = 'PENDING' and regime = 'COOLING_OFF' and withdrawal_deadline >= :today",
                today));
    assertThat(month.coolingOffEndsThisWeek())
        .isEqualTo(
            count(
                "outcome = 'PENDING' and withdrawal_deadline between :today and :weekEnd", today));
    assertThat(month.withdrawn())
        .isEqualTo(count("outcome = 'WITHDRAWN' and outcome_on between :first and :today", today));
    assertThat(month.received() + month.inCoolingOff()).isPositive();

    String home =
        mvc.perform(get("/").with(user(users.loadUserByUsername("registrar-371602"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(home)
        .contains("本月登记工作")
        .contains("本月受理的离婚登记申请")
        .contains(month.received() + " 件")
        .contains("/registrations/board")
        .contains(
            "本月办结：撤回 "
                + month.withdrawn()
                + " 件，视为撤回 "
                + month.deemedWithdrawn()
                + " 件，发给离婚证 "
                + month.divorced()
                + " 件");
    // Other roles' home pages carry no office month.
    mvc.perform(get("/").with(user(users.loadUserByUsername("manager-371623"))))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("本月登记工作"))));
  }
}
