package org.huhang.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.casework.internal.CaseFile;
import org.huhang.identity.CreateUser;
import org.huhang.identity.Users;
import org.huhang.shared.Actor;
import org.huhang.shared.ActorHolder;
import org.huhang.shared.Role;
import org.huhang.shared.person.Gender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A case's team, closing and follow-ups as the manager and the counselor meet them: the proposal
 * with its reasons, a counselor assigned sees the case and one taken off no longer does, closing
 * plans four follow-ups, a HIGH-risk case is never closed as reconciled, a follow-up needs the
 * couple's consent to be contacted.
 */
class CaseTeamIntegrationTest extends IntegrationTest {

  static final String SECOND_COUNSELOR = "counselor-b-371623";

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFile cases;
  @Autowired Users accounts;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  Actor actor(String username) {
    return ((ActorHolder) users.loadUserByUsername(username)).actor();
  }

  /** A new walk-in case at manager-371623's center, about money and property. */
  UUID openCase(String husband, String wife) {
    Actor manager = actor("manager-371623");
    UUID center = cases.openableCenters(manager).get(0).id().value();
    return cases
        .open(
            new OpenCase(
                center,
                CaseStage.MARRIAGE,
                CaseSource.WALK_IN,
                List.of("MONEY_PROPERTY"),
                List.of(
                    new CaseParty(
                        PartyRole.A, husband, Gender.MALE, LocalDate.of(1985, 5, 5), null, null),
                    new CaseParty(
                        PartyRole.B, wife, Gender.FEMALE, LocalDate.of(1987, 6, 6), null, null)),
                List.of(),
                null),
            manager)
        .value();
  }

  UUID volunteerOf(String username) {
    return jdbc.sql("select id from volunteer.volunteer where user_id = :u")
        .param("u", actor(username).userId())
        .query(UUID.class)
        .single();
  }

  /** A second counselor account in 无棣, linked to an active volunteer with valid certificates. */
  synchronized UUID secondCounselor() {
    if (accounts.findByUsername(SECOND_COUNSELOR).isEmpty()) {
      accounts.create(
          new CreateUser(SECOND_COUNSELOR, "无棣县辅导员二", Role.COUNSELOR, "371623", "Huhang@2023b"),
          actor("admin-371623"));
      UUID userId = accounts.findByUsername(SECOND_COUNSELOR).orElseThrow().id();
      jdbc.sql(
              """
              update volunteer.volunteer set user_id = :u where id = (
                select v.id from volunteer.volunteer v
                 where v.region_path like '/370000/371600/371623/%' and v.status = 'ACTIVE'
                   and v.user_id is null
                   and not exists (select 1 from volunteer.qualification q
                                    where q.volunteer_id = v.id and q.expires_on < current_date)
                 order by v.sort_key, v.id limit 1)""")
          .param("u", userId)
          .update();
    }
    return volunteerOf(SECOND_COUNSELOR);
  }

  void assign(UUID caseId, UUID lead, UUID... co) throws Exception {
    StringBuilder list = new StringBuilder();
    for (UUID c : co) {
      list.append(list.isEmpty() ? "" : ",").append('"').append(c).append('"');
    }
    mvc.perform(
            put("/api/v1/cases/" + caseId + "/team")
                .with(as("manager-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lead\":\"" + lead + "\",\"coCounselors\":[" + list + "]}"))
        .andExpect(status().isOk());
  }

  @Test
  void theManagerSeesTheProposalWithItsReasonsAndAdoptsItInOneClick() throws Exception {
    UUID caseId = openCase("钱一", "孙一");
    UUID counselor = volunteerOf("counselor-371623");
    mvc.perform(get("/api/v1/cases/" + caseId + "/team/proposal").with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lead.name").isNotEmpty())
        .andExpect(jsonPath("$.ranked[*].volunteerId", Matchers.hasItem(counselor.toString())))
        .andExpect(
            jsonPath("$.ranked[0].reasons", Matchers.hasItem(Matchers.containsString("进行中的个案"))));
    String page =
        mvc.perform(get("/cases/" + caseId + "/team").with(as("manager-371623")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("采用推荐团队", "可服务");
    mvc.perform(
            post("/cases/" + caseId + "/team")
                .with(as("manager-371623"))
                .with(csrf())
                .param("lead", counselor.toString()))
        .andExpect(redirectedUrl("/cases/" + caseId + "/team"));
    mvc.perform(get("/api/v1/cases/" + caseId + "/team").with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].volunteerId").value(counselor.toString()))
        .andExpect(jsonPath("$[0].lead").value(true));
  }

  @Test
  void aCounselorSeesTheCaseOnlyWhileOnItsTeam() throws Exception {
    UUID caseId = openCase("钱二", "孙二");
    UUID first = volunteerOf("counselor-371623");
    UUID second = secondCounselor();
    mvc.perform(get("/cases/" + caseId).with(as("counselor-371623")))
        .andExpect(status().isNotFound());

    assign(caseId, second, first);
    mvc.perform(get("/cases/" + caseId).with(as("counselor-371623"))).andExpect(status().isOk());
    // On the team, a counselor still does not assign it.
    mvc.perform(
            put("/api/v1/cases/" + caseId + "/team")
                .with(as("counselor-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lead\":\"" + first + "\"}"))
        .andExpect(status().isForbidden());

    assign(caseId, second);
    mvc.perform(get("/cases/" + caseId).with(as("counselor-371623")))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.sql(
                    "select count(*) from casework.team_member where case_id = :c and volunteer_id = :v"
                        + " and removed_at is not null")
                .param("c", caseId)
                .param("v", first)
                .query(Long.class)
                .single())
        .as("a counselor taken off stays in the record, dated out")
        .isEqualTo(1);
    mvc.perform(get("/cases/" + caseId).with(as(SECOND_COUNSELOR))).andExpect(status().isOk());
  }

  @Test
  void onlyTheCountysCounselorsCanBeAssignedAndARegistrarNeverAsks() throws Exception {
    UUID caseId = openCase("钱三", "孙三");
    UUID elsewhere = volunteerOf("counselor-371681");
    mvc.perform(
            put("/api/v1/cases/" + caseId + "/team")
                .with(as("manager-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lead\":\"" + elsewhere + "\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(Matchers.containsString("本县")));
    mvc.perform(get("/api/v1/cases/" + caseId + "/team/proposal").with(as("registrar-371602")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/cases/" + caseId + "/team/proposal").with(as("manager-371625")))
        .andExpect(status().isNotFound());
  }

  @Test
  void closingPlansFourFollowUpsAndIsFinal() throws Exception {
    UUID caseId = openCase("钱四", "孙四");
    assign(caseId, volunteerOf("counselor-371623"));
    LocalDate today = LocalDate.now(org.huhang.shared.LegalTime.ZONE);
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/close")
                .with(as("counselor-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"AMICABLE_DIVORCE\",\"closedOn\":\"" + today + "\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(Matchers.containsString("子女抚养")));
    assertThat(followUpDates(caseId)).as("a refused closing plans nothing").isEmpty();

    mvc.perform(
            post("/api/v1/cases/" + caseId + "/close")
                .with(as("counselor-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"outcome\":\"AMICABLE_DIVORCE\",\"arrangements\":\"女儿随母亲生活，父亲每月探望两次\","
                        + "\"closedOn\":\""
                        + today
                        + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.outcome").value("AMICABLE_DIVORCE"));
    assertThat(followUpDates(caseId))
        .containsExactly(
            today.plusMonths(1), today.plusMonths(3), today.plusMonths(6), today.plusMonths(12));
    byte[] sealed =
        jdbc.sql("select outcome_cipher from casework.counseling_case where id = :id")
            .param("id", caseId)
            .query(byte[].class)
            .single();
    assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("女儿");

    mvc.perform(
            post("/api/v1/cases/" + caseId + "/close")
                .with(as("manager-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"OTHER\",\"closedOn\":\"" + today + "\"}"))
        .andExpect(status().isUnprocessableContent());
    assertThat(followUpDates(caseId)).hasSize(4);
    mvc.perform(get("/cases/" + caseId + "/outcome").with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("女儿随母亲生活")))
        .andExpect(content().string(Matchers.containsString("未同意回访")));
  }

  @Test
  void theFormAsksForConfirmationBeforeClosing() throws Exception {
    UUID caseId = openCase("钱五", "孙五");
    String today = LocalDate.now(org.huhang.shared.LegalTime.ZONE).toString();
    mvc.perform(
            post("/cases/" + caseId + "/close")
                .with(as("manager-371623"))
                .with(csrf())
                .param("outcome", "REFERRED")
                .param("closedOn", today))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("不能撤销")));
    assertThat(followUpDates(caseId)).isEmpty();
    mvc.perform(
            post("/cases/" + caseId + "/close/confirm")
                .with(as("manager-371623"))
                .with(csrf())
                .param("outcome", "REFERRED")
                .param("closedOn", today)
                .param("arrangements", ""))
        .andExpect(redirectedUrl("/cases/" + caseId + "/outcome"));
    assertThat(followUpDates(caseId)).hasSize(4);
  }

  @Test
  void aHighRiskCaseIsNeverClosedAsReconciledNorOfferedIt() throws Exception {
    UUID caseId = openCase("钱六", "孙六");
    jdbc.sql("update casework.counseling_case set risk = 'HIGH' where id = :id")
        .param("id", caseId)
        .update();
    mvc.perform(get("/cases/" + caseId + "/outcome").with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("outcome-RECONCILED"))))
        .andExpect(content().string(Matchers.containsString("outcome-REFERRED")));
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/close")
                .with(as("manager-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"outcome\":\"RECONCILED\",\"closedOn\":\""
                        + LocalDate.now(org.huhang.shared.LegalTime.ZONE)
                        + "\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(Matchers.containsString("不能以“和好”结案")));
    assertThat(followUpDates(caseId)).isEmpty();
  }

  @Test
  void whoMayCloseOrRecordAndWhoNot() throws Exception {
    UUID caseId = openCase("钱七", "孙七");
    String body =
        "{\"outcome\":\"OTHER\",\"closedOn\":\""
            + LocalDate.now(org.huhang.shared.LegalTime.ZONE)
            + "\"}";
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/close")
                .with(as("registrar-371602"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/close")
                .with(as("counselor-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/close")
                .with(as("admin-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    assertThat(followUpDates(caseId)).isEmpty();
  }

  @Test
  void aFollowUpNeedsConsentToContactAndIsRecordedOnce() throws Exception {
    UUID caseId = openCase("钱八", "孙八");
    assign(caseId, volunteerOf("counselor-371623"));
    LocalDate today = LocalDate.now(org.huhang.shared.LegalTime.ZONE);
    jdbc.sql("update casework.counseling_case set opened_on = :d where id = :id")
        .param("d", today.minusDays(100))
        .param("id", caseId)
        .update();
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/close")
                .with(as("counselor-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"outcome\":\"RECONCILED\",\"closedOn\":\"" + today.minusDays(40) + "\"}"))
        .andExpect(status().isOk());

    String list =
        mvc.perform(get("/follow-ups").with(as("counselor-371623")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(list).contains("钱八 · 孙八", "已逾期", "未同意回访");
    mvc.perform(get("/follow-ups").with(as("counselor-371681")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("钱八"))));
    mvc.perform(get("/follow-ups").with(as("registrar-371602"))).andExpect(status().isForbidden());

    String record =
        "{\"together\":\"YES\",\"filedAgain\":\"NO\",\"wellbeing\":\"夫妻关系稳定，孩子适应良好\","
            + "\"doneOn\":\""
            + today
            + "\"}";
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/follow-ups/1")
                .with(as("counselor-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(record))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(Matchers.containsString("未同意结案后回访")));

    jdbc.sql(
            """
            insert into casework.consent (id, case_id, party, purpose, given_at, recorded_by)
            values (:id, :c, 'B', 'FOLLOW_UP', now(), 'counselor-371623')""")
        .param("id", UUID.randomUUID())
        .param("c", caseId)
        .update();
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/follow-ups/1")
                .with(as("counselor-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(record))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.together").value("YES"))
        .andExpect(jsonPath("$.filedAgain").value("NO"))
        .andExpect(jsonPath("$.doneOn").value(today.toString()));
    byte[] sealed =
        jdbc.sql(
                "select wellbeing_cipher from casework.follow_up where case_id = :c and months = 1")
            .param("c", caseId)
            .query(byte[].class)
            .single();
    assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("孩子");
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/follow-ups/1")
                .with(as("counselor-371623"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(record))
        .andExpect(status().isConflict());
    mvc.perform(get("/cases/" + caseId + "/outcome").with(as("counselor-371623")))
        .andExpect(content().string(Matchers.containsString("孩子适应良好")));
    mvc.perform(get("/cases/" + caseId + "/outcome").with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("孩子适应良好"))));
  }

  @Test
  void theHomePagesListOpenCasesAndFollowUps() throws Exception {
    UUID caseId = openCase("钱九", "孙九");
    assign(caseId, volunteerOf("counselor-371623"));
    // HIGH-risk cases come first and the panel is short: as the newest HIGH case it is at the top,
    // whatever other tests left in the shared database.
    jdbc.sql("update casework.counseling_case set risk = 'HIGH' where id = :c")
        .param("c", caseId)
        .update();
    mvc.perform(get("/").with(as("counselor-371623")))
        .andExpect(content().string(Matchers.containsString("我的个案")))
        .andExpect(content().string(Matchers.containsString("钱九 · 孙九")))
        .andExpect(content().string(Matchers.containsString("待回访")));
    mvc.perform(get("/").with(as("manager-371623")))
        .andExpect(content().string(Matchers.containsString("进行中的个案")))
        .andExpect(content().string(Matchers.containsString("钱九 · 孙九")));
  }

  private List<LocalDate> followUpDates(UUID caseId) {
    return jdbc.sql("select due_on from casework.follow_up where case_id = :c order by months")
        .param("c", caseId)
        .query(LocalDate.class)
        .list();
  }
}
