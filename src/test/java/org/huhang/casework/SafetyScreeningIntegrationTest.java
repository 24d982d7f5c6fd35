package org.huhang.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.casework.internal.CaseFile;
import org.huhang.shared.Actor;
import org.huhang.shared.ActorHolder;
import org.huhang.shared.person.Gender;
import org.huhang.shared.person.PersonalDataProtector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Consent first, then a screening of each party alone: without consent to sensitive processing no
 * answer is saved; the answers are sealed; a HIGH finding makes the case HIGH, asks for a safety
 * plan and referrals, and nothing but the team reads what was said.
 */
class SafetyScreeningIntegrationTest extends IntegrationTest {

  static final String LETHAL =
      """
      {"party":"A","answers":{"physicalViolence":true,"strangulation":true,"fear":true}}""";
  static final String NOTHING =
      """
      {"party":"B","answers":{}}""";

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFile cases;
  @Autowired PersonalDataProtector protector;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  /**
   * A new case at 无棣's center opened by its manager, with counselor-371623 on its team (the team
   * part assigns teams; this test writes the row).
   */
  UUID wudiCase(String a, String b) {
    UserDetails manager = users.loadUserByUsername("manager-371623");
    Actor actor = ((ActorHolder) manager).actor();
    UUID center =
        jdbc.sql("select id from center.center where name = '无棣县婚姻家庭辅导中心'")
            .query(UUID.class)
            .single();
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(manager, null, manager.getAuthorities()));
    try {
      UUID id =
          cases
              .open(
                  new OpenCase(
                      center,
                      CaseStage.MARRIAGE,
                      CaseSource.WALK_IN,
                      List.of("VIOLENCE"),
                      List.of(
                          new CaseParty(
                              PartyRole.A, a, Gender.FEMALE, LocalDate.of(1988, 5, 6), null, null),
                          new CaseParty(
                              PartyRole.B, b, Gender.MALE, LocalDate.of(1986, 2, 3), null, null)),
                      List.of(),
                      null),
                  actor)
              .value();
      jdbc.sql(
              """
              insert into casework.team_member (id, case_id, volunteer_id, user_id, name, lead,
                     assigned_by, assigned_at)
              select gen_random_uuid(), :case, gen_random_uuid(), u.id, u.display_name, true,
                     'manager-371623', now()
                from identity.app_user u where u.username = 'counselor-371623'""")
          .param("case", id)
          .update();
      return id;
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  void consent(UUID id, String party, String... purposes) throws Exception {
    mvc.perform(
            post("/api/v1/cases/" + id + "/consents")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"party\":\""
                        + party
                        + "\",\"purposes\":[\""
                        + String.join("\",\"", purposes)
                        + "\"]}")
                .with(as("counselor-371623")))
        .andExpect(status().isCreated());
  }

  long count(String sql, UUID id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }

  @Test
  void noScreeningIsSavedWithoutConsentToSensitiveProcessingAndWithdrawingItStopsTheNext()
      throws Exception {
    UUID id = wudiCase("甄秀兰", "贾志强");
    mvc.perform(
            post("/api/v1/cases/" + id + "/screenings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(LETHAL)
                .with(as("counselor-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", Matchers.containsString("当事人甲尚未同意处理其敏感个人信息")));
    assertThat(count("select count(*) from casework.screening where case_id = :id", id)).isZero();
    assertThat(cases.get(new CaseId(id), actorOf("counselor-371623")).risk())
        .isEqualTo(Risk.UNSCREENED);

    // Consent to counseling alone is not enough.
    consent(id, "A", "COUNSELING");
    mvc.perform(
            post("/api/v1/cases/" + id + "/screenings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(LETHAL)
                .with(as("counselor-371623")))
        .andExpect(status().isUnprocessableContent());

    // Recorded twice: one row per purpose in force, and the answer lists what is in force.
    mvc.perform(
            post("/api/v1/cases/" + id + "/consents")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"party\":\"A\",\"purposes\":[\"COUNSELING\",\"SENSITIVE_PROCESSING\"]}")
                .with(as("manager-371623")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[*].purpose", Matchers.hasItem("SENSITIVE_PROCESSING")))
        // Who recorded it, by the name people know (the audit trail keeps the login).
        .andExpect(jsonPath("$[0].recordedBy").value("无棣县辅导员"));
    assertThat(
            count("select count(*) from casework.consent where case_id = :id and party = 'A'", id))
        .isEqualTo(2);

    mvc.perform(
            delete("/api/v1/cases/" + id + "/consents/A/SENSITIVE_PROCESSING")
                .with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].purpose").value("COUNSELING"));
    // Kept, dated, never deleted; withdrawing again is told there is nothing to withdraw.
    assertThat(
            count(
                "select count(*) from casework.consent where case_id = :id and party = 'A'"
                    + " and purpose = 'SENSITIVE_PROCESSING' and withdrawn_at is not null"
                    + " and withdrawn_by = 'counselor-371623'",
                id))
        .isEqualTo(1);
    mvc.perform(
            delete("/api/v1/cases/" + id + "/consents/A/SENSITIVE_PROCESSING")
                .with(as("counselor-371623")))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            post("/api/v1/cases/" + id + "/screenings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(LETHAL)
                .with(as("counselor-371623")))
        .andExpect(status().isUnprocessableContent());
    assertThat(count("select count(*) from casework.screening where case_id = :id", id)).isZero();

    // A party the case does not have, and no purpose at all, are told at their fields.
    UUID single = wudiCase("单亲", "对方");
    jdbc.sql("delete from casework.case_party where case_id = :id and role = 'B'")
        .param("id", single)
        .update();
    mvc.perform(
            post("/api/v1/cases/" + single + "/consents")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"party\":\"B\",\"purposes\":[]}")
                .with(as("counselor-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(Matchers.containsString("这个个案没有这位当事人")))
        .andExpect(content().string(Matchers.containsString("请至少勾选一项同意事项")));
  }

  @Test
  void aHighScreeningIsSealedMakesTheCaseHighAndIsNeverLoweredAgain() throws Exception {
    UUID id = wudiCase("柳春燕", "石大勇");
    consent(id, "A", "COUNSELING", "SENSITIVE_PROCESSING");
    consent(id, "B", "SENSITIVE_PROCESSING");
    // A misspelt question is refused, never read as "no".
    mvc.perform(
            post("/api/v1/cases/" + id + "/screenings")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"party\":\"A\",\"answers\":{\"strangled\":true}}")
                .with(as("counselor-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value("“strangled”不是安全评估的问题。"));
    mvc.perform(
            post("/api/v1/cases/" + id + "/screenings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(LETHAL)
                .with(as("counselor-371623")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.party").value("A"))
        .andExpect(jsonPath("$.risk").value("HIGH"))
        .andExpect(jsonPath("$.reasons[0]").value("strangulation"))
        .andExpect(jsonPath("$.caseRisk").value("HIGH"));
    mvc.perform(
            post("/api/v1/cases/" + id + "/screenings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(NOTHING)
                .with(as("counselor-371623")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.risk").value("LOW"))
        .andExpect(jsonPath("$.caseRisk").value("HIGH"));
    assertThat(cases.get(new CaseId(id), actorOf("admin-371623")).risk()).isEqualTo(Risk.HIGH);

    byte[] raw =
        jdbc.sql(
                "select answers_cipher from casework.screening where case_id = :id and party = 'A'")
            .param("id", id)
            .query(byte[].class)
            .single();
    String asText = new String(raw, StandardCharsets.UTF_8);
    assertThat(asText).doesNotContain("strangulation").doesNotContain("true");
    assertThat(protector.decrypt(raw))
        .contains("\"strangulation\":true")
        .contains("\"physicalViolence\":true")
        .contains("\"weapon\":false");

    // The tab: a red banner, the hotlines, the missing plan; never a word of reconciliation.
    String page =
        mvc.perform(get("/cases/" + id + "/safety").with(as("counselor-371623")))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("安全计划未填写")))
            .andExpect(content().string(Matchers.containsString("tel:12338")))
            .andExpect(content().string(Matchers.containsString("tel:110")))
            .andExpect(content().string(Matchers.containsString("高风险个案不得安排双方共同会谈")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).doesNotContain("和好").doesNotContain("复合").doesNotContain("劝和为目标，");

    // The answers: read by the team, audited; an administrator sees the risk, not the answers.
    String sid =
        jdbc.sql("select id::text from casework.screening where case_id = :id and party = 'A'")
            .param("id", id)
            .query(String.class)
            .single();
    long reads =
        jdbc.sql(
                "select count(*) from audit.audit_event where action = 'read.sensitive' and entity_id = :s")
            .param("s", sid)
            .query(Long.class)
            .single();
    mvc.perform(get("/cases/" + id + "/screenings/" + sid).with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("过去一年里，对方是否掐过或勒过您的脖子？")))
        .andExpect(content().string(Matchers.containsString("决定风险等级")));
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where action = 'read.sensitive' and entity_id = :s and username = 'counselor-371623'")
                .param("s", sid)
                .query(Long.class)
                .single())
        .isEqualTo(reads + 1);
    mvc.perform(get("/cases/" + id + "/screenings/" + sid).with(as("admin-371623")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/cases/" + id + "/safety").with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("高风险")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("查看答案"))));
  }

  @Test
  void theScreeningFormAsksForTheOtherPartysAbsenceAndEveryAnswer() throws Exception {
    UUID id = wudiCase("温小雨", "毛建国");
    mvc.perform(get("/cases/" + id + "/screenings/new?party=A").with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("当事人甲尚未同意处理其敏感个人信息")))
        .andExpect(
            content().string(Matchers.not(Matchers.containsString("id=\"screening-form\""))));
    mvc.perform(
            post("/cases/" + id + "/consents")
                .param("party", "A")
                .param("purposes", "COUNSELING", "SENSITIVE_PROCESSING")
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "已记录当事人甲的知情同意。"));
    mvc.perform(get("/cases/" + id + "/screenings/new?party=A").with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请在对方不在场时单独询问")))
        .andExpect(content().string(Matchers.containsString("我确认询问时毛建国不在场")));
    var form =
        post("/cases/" + id + "/screenings")
            .param("party", "A")
            .param("answers.physicalViolence", "yes")
            .param("answers.threatToKill", "no")
            .param("answers.strangulation", "no")
            .param("answers.weapon", "no")
            .param("answers.escalation", "no")
            .param("answers.controlling", "yes")
            .param("answers.fear", "no")
            .param("answers.childrenExposed", "no")
            .with(csrf())
            .with(as("counselor-371623"));
    // One question left out and no tick: both told, nothing saved.
    mvc.perform(form)
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("data-field=\"answers.protectiveOrder\"")))
        .andExpect(content().string(Matchers.containsString("请确认询问时对方不在场")));
    assertThat(count("select count(*) from casework.screening where case_id = :id", id)).isZero();
    mvc.perform(form.param("answers.protectiveOrder", "no").param("otherAbsent", "true"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "已保存当事人甲的安全评估：中风险。"));
    assertThat(cases.get(new CaseId(id), actorOf("counselor-371623")).risk())
        .isEqualTo(Risk.ELEVATED);

    // ELEVATED: the counselor cannot approve joint sessions; the manager does, with a reason.
    mvc.perform(
            post("/cases/" + id + "/joint-approval")
                .param("reason", "双方均表示愿意")
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/cases/" + id + "/joint-approval")
                .param("reason", " ")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请填写批准理由")));
    mvc.perform(
            post("/cases/" + id + "/joint-approval")
                .param("reason", "双方单独评估均未见暴力升级，会谈时两位辅导员在场，分开离开。")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/cases/" + id + "/safety").with(as("counselor-371623")))
        .andExpect(content().string(Matchers.containsString("manager-371623 于")))
        .andExpect(content().string(Matchers.containsString("会谈时两位辅导员在场")))
        .andExpect(content().string(Matchers.containsString("tel:12338")));
    assertThat(
            count(
                "select count(*) from casework.counseling_case where id = :id and joint_approved_by = 'manager-371623' and position('会谈'::bytea in joint_approval_cipher) = 0",
                id))
        .isEqualTo(1);
  }

  @Test
  void theSafetyPlanIsSealedAndTwoEditorsDoNotOverwriteEachOther() throws Exception {
    UUID id = wudiCase("龙晓梅", "包国强");
    var first =
        post("/cases/" + id + "/safety-plan")
            .param("contacts", "姐姐 139xxxx；村妇联主任")
            .param("safePlace", "县城姐姐家")
            .param("nextSteps", "准备身份证和银行卡；申请告诫书")
            .param("version", "")
            .with(csrf());
    mvc.perform(first.with(as("counselor-371623"))).andExpect(status().is3xxRedirection());
    // A second editor who opened the empty form before the first saved.
    mvc.perform(first.with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("安全计划刚被其他人修改过")));
    mvc.perform(
            post("/cases/" + id + "/safety-plan")
                .param("contacts", "姐姐；派出所")
                .param("safePlace", "")
                .param("nextSteps", "保存证据")
                .param("version", "0")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请填写安全去处")));
    mvc.perform(
            post("/cases/" + id + "/safety-plan")
                .param("contacts", "姐姐；派出所")
                .param("safePlace", "妇联庇护站")
                .param("nextSteps", "保存证据")
                .param("version", "0")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().is3xxRedirection());
    assertThat(
            count(
                "select count(*) from casework.safety_plan where case_id = :id and version = 1"
                    + " and position(convert_to('庇护站', 'UTF8') in safe_place_cipher) = 0",
                id))
        .isEqualTo(1);

    // Referrals: a protection order applied for on the victim's behalf, its result later.
    mvc.perform(
            post("/cases/" + id + "/safety-referrals")
                .param("kind", "LEGAL_AID")
                .param("madeOn", LocalDate.now(org.huhang.shared.LegalTime.ZONE).toString())
                .param("onBehalf", "true")
                .param("result", "PENDING")
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("只有人身安全保护令可以由妇联代为申请")));
    mvc.perform(
            post("/cases/" + id + "/safety-referrals")
                .param("kind", "PROTECTION_ORDER")
                .param(
                    "madeOn",
                    LocalDate.now(org.huhang.shared.LegalTime.ZONE).minusDays(3).toString())
                .param("onBehalf", "true")
                .param("result", "PENDING")
                .param("note", "已向县法院递交申请书")
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().is3xxRedirection());
    String rid =
        jdbc.sql("select id::text from casework.safety_referral where case_id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    mvc.perform(
            post("/cases/" + id + "/safety-referrals/" + rid)
                .param("result", "GRANTED")
                .param(
                    "resultOn",
                    LocalDate.now(org.huhang.shared.LegalTime.ZONE).minusDays(5).toString())
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("结果日期不能早于转介日期")));
    mvc.perform(
            post("/cases/" + id + "/safety-referrals/" + rid)
                .param("result", "GRANTED")
                .param("resultOn", LocalDate.now(org.huhang.shared.LegalTime.ZONE).toString())
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/cases/" + id + "/safety").with(as("counselor-371623")))
        .andExpect(content().string(Matchers.containsString("妇联代为申请")))
        .andExpect(content().string(Matchers.containsString("已批准")))
        .andExpect(content().string(Matchers.containsString("已向县法院递交申请书")))
        .andExpect(content().string(Matchers.containsString("妇联庇护站")));
    // An administrator learns that there is a plan and a referral, not what they say.
    mvc.perform(get("/cases/" + id + "/safety").with(as("admin-371623")))
        .andExpect(content().string(Matchers.containsString("人身安全保护令")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("已向县法院递交申请书"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("妇联庇护站"))));
  }

  long planReads(UUID id) {
    return count(
        "select count(*) from audit.audit_event where action = 'read.sensitive'"
            + " and entity_type = 'safetyPlan' and entity_id = cast(:id as text)",
        id);
  }

  @Test
  void aClosedHighCaseShowsItsPlanReadOnlyToItsCounselorAndManagerAndToNobodyElse()
      throws Exception {
    UUID id = wudiCase("柳青", "马建军");
    jdbc.sql("update casework.counseling_case set risk = 'HIGH' where id = :id")
        .param("id", id)
        .update();
    mvc.perform(
            post("/cases/" + id + "/safety-plan")
                .param("contacts", "姐姐 139xxxx\n村妇联主任")
                .param("safePlace", "县城姐姐家")
                .param("nextSteps", "准备身份证；申请人身安全保护令")
                .param("version", "")
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/cases/" + id + "/close/confirm")
                .param("outcome", "REFERRED")
                .param("closedOn", LocalDate.now(org.huhang.shared.LegalTime.ZONE).toString())
                .param("arrangements", "")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().is3xxRedirection());

    // No form on a closed case, but the lead counselor and the manager still read the plan, with
    // its line breaks; each view is one audited read.
    for (String reader : List.of("counselor-371623", "manager-371623")) {
      long before = planReads(id);
      mvc.perform(get("/cases/" + id + "/safety").with(as(reader)))
          .andExpect(status().isOk())
          .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"plan-form\""))))
          .andExpect(content().string(Matchers.containsString("id=\"plan-read\"")))
          .andExpect(content().string(Matchers.containsString("姐姐 139xxxx\n村妇联主任")))
          .andExpect(content().string(Matchers.containsString("县城姐姐家")))
          .andExpect(content().string(Matchers.containsString("准备身份证；申请人身安全保护令")))
          .andExpect(
              content().string(Matchers.not(Matchers.containsString("id=\"plan-team-only\""))));
      assertThat(planReads(id)).isEqualTo(before + 1);
    }

    // The county's administrator sees the case and that there is a plan, not what it says, and
    // reads nothing sealed.
    long before = planReads(id);
    mvc.perform(get("/cases/" + id + "/safety").with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"plan-team-only\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"plan-read\""))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("县城姐姐家"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("村妇联主任"))));
    for (String role : List.of("registrar-371602", "analyst")) {
      mvc.perform(get("/cases/" + id + "/safety").with(as(role))).andExpect(status().isForbidden());
    }
    // A counselor not on this case (another county): no such case.
    mvc.perform(get("/cases/" + id + "/safety").with(as("counselor-371625")))
        .andExpect(status().isNotFound());
    assertThat(planReads(id)).isEqualTo(before);
  }

  @Test
  void onlyThoseWhoWorkTheCaseRecordConsentAndScreenAndStrangersHear404() throws Exception {
    UUID id = wudiCase("江雪", "白云飞");
    String consentBody = "{\"party\":\"A\",\"purposes\":[\"COUNSELING\"]}";
    for (String role : List.of("registrar-371602", "analyst")) {
      mvc.perform(
              post("/api/v1/cases/" + id + "/consents")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(consentBody)
                  .with(as(role)))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/api/v1/cases/" + id + "/screenings")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(LETHAL)
                  .with(as(role)))
          .andExpect(status().isForbidden());
      mvc.perform(delete("/api/v1/cases/" + id + "/consents/A/COUNSELING").with(as(role)))
          .andExpect(status().isForbidden());
      mvc.perform(get("/cases/" + id + "/safety").with(as(role))).andExpect(status().isForbidden());
    }
    // The county's administrator sees the case but does not work it.
    mvc.perform(
            post("/api/v1/cases/" + id + "/consents")
                .contentType(MediaType.APPLICATION_JSON)
                .content(consentBody)
                .with(as("admin-371623")))
        .andExpect(status().isForbidden());
    // Another county, or a counselor not on this case: no such case.
    for (String stranger : List.of("admin-371681", "manager-371625", "counselor-371625")) {
      mvc.perform(
              post("/api/v1/cases/" + id + "/consents")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(consentBody)
                  .with(as(stranger)))
          .andExpect(status().isNotFound());
      mvc.perform(get("/cases/" + id + "/safety").with(as(stranger)))
          .andExpect(status().isNotFound());
    }
    jdbc.sql("update casework.team_member set removed_at = now() where case_id = :id")
        .param("id", id)
        .update();
    mvc.perform(
            post("/api/v1/cases/" + id + "/screenings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(LETHAL)
                .with(as("counselor-371623")))
        .andExpect(status().isNotFound());
    assertThat(count("select count(*) from casework.consent where case_id = :id", id)).isZero();
  }

  Actor actorOf(String username) {
    return ((ActorHolder) users.loadUserByUsername(username)).actor();
  }
}
