package org.huhang.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.casework.internal.CaseFile;
import org.huhang.shared.person.PersonalDataProtector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case page's timeline keeps telling withdrawn consents and removed team members (issue 13: the
 * page now finds them by case through V33's indexes instead of reading every consent and team
 * member of every case).
 */
class CasePageIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFile cases;
  @Autowired PersonalDataProtector protector;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theTimelineShowsWithdrawnConsentsAndRemovedTeamMembers() throws Exception {
    TestCases fixtures = new TestCases(cases, jdbc, users, protector);
    UUID caseId = fixtures.couple("时间线甲", "时间线乙", true);
    fixtures.consented(caseId, PartyRole.A);
    fixtures.consented(caseId, PartyRole.B);
    jdbc.sql(
            """
            update casework.consent set withdrawn_at = now(), withdrawn_by = 'counselor-371623'
             where case_id = :case and party = 'B'""")
        .param("case", caseId)
        .update();
    jdbc.sql(
            """
            insert into casework.team_member (id, case_id, volunteer_id, user_id, name, lead,
                   assigned_by, assigned_at, removed_at)
            values (gen_random_uuid(), :case, gen_random_uuid(), gen_random_uuid(), '前任辅导员',
                    false, 'manager-371623', now() - interval '2 days', now() - interval '1 day')""")
        .param("case", caseId)
        .update();

    for (String username : List.of("counselor-371623", "manager-371623")) {
      String page =
          mvc.perform(get("/cases/" + caseId).with(user(users.loadUserByUsername(username))))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(page).contains("id=\"case-timeline\"");
      // Two consents given, one withdrawn: three lines; two members, the removed one included.
      assertThat(page.split("data-kind=\"consent\"", -1)).hasSize(4);
      assertThat(page).contains("撤回知情同意");
      assertThat(page.split("data-kind=\"team\"", -1)).hasSize(3);
      assertThat(page).contains("前任辅导员").contains("无棣县辅导员");
    }
  }

  @Test
  void theCasePageFindsConsentsAndTeamMembersByCase() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setReadOnly(true);
    String plans =
        tx.execute(
            s -> {
              // The test database is small: the planner is asked not to scan when it could seek.
              jdbc.sql("set local enable_seqscan = off").update();
              UUID any = UUID.randomUUID();
              String consent =
                  String.join(
                      "\n",
                      jdbc.sql(
                              "explain select party, purpose, given_at, recorded_by, withdrawn_at,"
                                  + " withdrawn_by from casework.consent where case_id = :id")
                          .param("id", any)
                          .query(String.class)
                          .list());
              String team =
                  String.join(
                      "\n",
                      jdbc.sql(
                              "explain select user_id, name from casework.team_member"
                                  + " where case_id = :case order by assigned_at")
                          .param("case", any)
                          .query(String.class)
                          .list());
              return consent + "\n" + team;
            });
    assertThat(plans).contains("consent_case").contains("team_member_case");
  }
}
