package org.huhang.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.casework.internal.CaseFile;
import org.huhang.shared.LegalTime;
import org.huhang.shared.person.PersonalDataProtector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sessions of a case as the counselors, the center manager, an administrator, a registrar and an
 * analyst meet them: joint sessions only when the safety rules allow, notes only with consent,
 * sealed at rest, locked 24 hours after the first save, then only dated addenda; what was said only
 * for those who work the case; two people saving the same notes get a conflict.
 */
class CaseSessionsIntegrationTest extends IntegrationTest {

  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired CaseFile cases;
  @Autowired PersonalDataProtector protector;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  TestCases fixtures() {
    return new TestCases(cases, jdbc, users, protector);
  }

  UUID couple(String a, String b, boolean team) {
    return fixtures().couple(a, b, team);
  }

  void screened(UUID caseId, PartyRole party, Risk risk) {
    fixtures().screened(caseId, party, risk);
  }

  void consented(UUID caseId, PartyRole party) {
    fixtures().consented(caseId, party);
  }

  static String at(LocalDateTime when) {
    return when.format(MINUTE);
  }

  static LocalDateTime now() {
    return LocalDateTime.now(LegalTime.ZONE).withSecond(0).withNano(0);
  }

  MvcResult schedule(UUID caseId, String attendees, LocalDateTime when, String asUser)
      throws Exception {
    return mvc.perform(
            post("/api/v1/cases/" + caseId + "/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"scheduledAt\":\""
                        + at(when)
                        + "\",\"attendees\":\""
                        + attendees
                        + "\",\"place\":\"中心二号辅导室\",\"durationMinutes\":60}")
                .with(as(asUser)))
        .andReturn();
  }

  UUID scheduled(UUID caseId, String attendees, LocalDateTime when) throws Exception {
    MvcResult result = schedule(caseId, attendees, when, "counselor-371623");
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(201);
    return UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
  }

  static String notesA(String belief) {
    return """
        {"partyA": {"beliefSystem": "%s", "thinkingAngle": "他觉得妻子看不起他的收入",
                    "emotionalFeelings": "委屈、愤怒", "behaviour": "冷战三周",
                    "result": "夫妻很少说话", "conclusion": "愿意试着先说出自己的感受"},
         "freeNotes": "第一次单独会谈，情绪稳定。", "agreedActions": "每天晚饭后交谈十分钟",
         "nextAppointment": "两周后同一时间"}"""
        .formatted(belief);
  }

  String problem(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void aJointSessionIsRefusedBeforeBothScreenedForHighRiskAndForElevatedUntilApproved()
      throws Exception {
    UUID caze = couple("欧阳峰", "上官燕", true);
    LocalDateTime next = now().plusDays(3).withHour(9).withMinute(30);
    MvcResult unscreened = schedule(caze, "BOTH", next, "counselor-371623");
    assertThat(unscreened.getResponse().getStatus()).isEqualTo(409);
    assertThat(problem(unscreened)).contains("双方都完成单独的安全评估之后");

    screened(caze, PartyRole.A, Risk.LOW);
    screened(caze, PartyRole.B, Risk.ELEVATED);
    MvcResult elevated = schedule(caze, "BOTH", next, "counselor-371623");
    assertThat(elevated.getResponse().getStatus()).isEqualTo(409);
    assertThat(problem(elevated)).contains("须先由中心负责人批准");
    // Separate sessions stay possible meanwhile; the page explains why "both" is not offered.
    scheduled(caze, "A", next);
    mvc.perform(get("/cases/" + caze + "/sessions").with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("目前不能安排共同会谈")));

    jdbc.sql(
            "update casework.counseling_case set joint_approved_by = 'manager-371623',"
                + " joint_approved_at = now() where id = :id")
        .param("id", caze)
        .update();
    UUID joint = scheduled(caze, "BOTH", next.plusDays(7));
    assertThat(
            jdbc.sql("select attendees from casework.session where id = :id")
                .param("id", joint)
                .query(String.class)
                .single())
        .isEqualTo("BOTH");

    screened(caze, PartyRole.B, Risk.HIGH);
    MvcResult high = schedule(caze, "BOTH", next.plusDays(14), "counselor-371623");
    assertThat(high.getResponse().getStatus()).isEqualTo(409);
    assertThat(problem(high)).contains("高风险个案不得安排双方共同会谈").contains("\"type\"");
    mvc.perform(get("/cases/" + caze + "/sessions").with(as("counselor-371623")))
        .andExpect(content().string(Matchers.containsString("高风险个案只安排分别会谈")))
        .andExpect(
            content().string(Matchers.not(Matchers.containsString("id=\"attendees-BOTH\""))));
  }

  @Test
  void notesNeedConsentAreSealedMakeTheCaseActiveAndLockAfterADayThenTakeAddenda()
      throws Exception {
    UUID caze = couple("诸葛亮", "黄月英", true);
    UUID sid = scheduled(caze, "A", now().minusHours(2));
    // A session not yet begun takes no notes.
    UUID later = scheduled(caze, "A", now().plusDays(2));
    mvc.perform(
            put("/api/v1/cases/" + caze + "/sessions/" + later + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content(notesA("婚姻要靠男人撑起来"))
                .with(as("counselor-371623")))
        .andExpect(status().isUnprocessableContent());

    // Without A's consent to sensitive processing: refused, nothing written.
    mvc.perform(
            put("/api/v1/cases/" + caze + "/sessions/" + sid + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content(notesA("婚姻要靠男人撑起来"))
                .with(as("counselor-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("partyA.beliefSystem"))
        .andExpect(jsonPath("$.detail", Matchers.containsString("当事人甲尚未同意")));
    assertThat(
            jdbc.sql(
                    "select notes_cipher is null and status = 'SCHEDULED' from casework.session where id = :id")
                .param("id", sid)
                .query(Boolean.class)
                .single())
        .isTrue();
    // The page does not offer A's six steps as fields to fill, and says why.
    mvc.perform(get("/cases/" + caze + "/sessions/" + sid).with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"no-consent-A\"")))
        .andExpect(
            content().string(Matchers.not(Matchers.containsString("id=\"partyA-beliefSystem\""))));

    consented(caze, PartyRole.A);
    mvc.perform(get("/cases/" + caze + "/sessions/" + sid).with(as("counselor-371623")))
        .andExpect(content().string(Matchers.containsString("id=\"partyA-beliefSystem\"")));
    // Nothing about B, who was not there.
    mvc.perform(
            put("/api/v1/cases/" + caze + "/sessions/" + sid + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"partyB\": {\"beliefSystem\": \"她说\"}}")
                .with(as("counselor-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("partyB.beliefSystem"));
    mvc.perform(
            put("/api/v1/cases/" + caze + "/sessions/" + sid + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content(notesA("婚姻要靠男人撑起来"))
                .with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("HELD"));

    byte[] cipher =
        jdbc.sql("select notes_cipher from casework.session where id = :id")
            .param("id", sid)
            .query(byte[].class)
            .single();
    assertThat(new String(cipher, StandardCharsets.UTF_8))
        .doesNotContain("婚姻要靠男人撑起来")
        .doesNotContain("beliefSystem");
    assertThat(protector.decrypt(cipher)).contains("婚姻要靠男人撑起来");
    assertThat(
            jdbc.sql("select status from casework.counseling_case where id = :id")
                .param("id", caze)
                .query(String.class)
                .single())
        .isEqualTo("ACTIVE");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where entity_id = :id and action = 'session.notes'")
                .param("id", sid.toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // The six steps on the session page, each its own labelled field.
    mvc.perform(get("/cases/" + caze + "/sessions/" + sid).with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("信念系统")))
        .andExpect(content().string(Matchers.containsString("name=\"partyA.conclusion\"")))
        .andExpect(content().string(Matchers.containsString("婚姻要靠男人撑起来")));

    // Within the day the notes are corrected in place; an addendum is not yet the way.
    mvc.perform(
            put("/api/v1/cases/" + caze + "/sessions/" + sid + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content(notesA("婚姻要两个人一起撑"))
                .with(as("counselor-371623")))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/v1/cases/" + caze + "/sessions/" + sid + "/addenda")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"补充\"}")
                .with(as("counselor-371623")))
        .andExpect(status().isConflict());

    // 25 hours after the first save: locked, only a dated addendum.
    jdbc.sql(
            "update casework.session set notes_saved_at = now() - interval '25 hours' where id = :id")
        .param("id", sid)
        .update();
    mvc.perform(
            put("/api/v1/cases/" + caze + "/sessions/" + sid + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content(notesA("改写"))
                .with(as("counselor-371623")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", Matchers.containsString("已经锁定")));
    assertThat(
            protector.decrypt(
                jdbc.sql("select notes_cipher from casework.session where id = :id")
                    .param("id", sid)
                    .query(byte[].class)
                    .single()))
        .contains("婚姻要两个人一起撑")
        .doesNotContain("改写");
    mvc.perform(
            post("/api/v1/cases/" + caze + "/sessions/" + sid + "/addenda")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"更正：冷战是两周，不是三周。\"}")
                .with(as("counselor-371623")))
        .andExpect(status().isCreated());
    byte[] addendum =
        jdbc.sql("select text_cipher from casework.session_addendum where session_id = :id")
            .param("id", sid)
            .query(byte[].class)
            .single();
    assertThat(new String(addendum, StandardCharsets.UTF_8)).doesNotContain("更正");
    // The manager supervises; the counselor reads it under the session, with the addendum.
    mvc.perform(
            post("/cases/" + caze + "/sessions/" + sid + "/comments")
                .param("text", "下次请关注他对收入的焦虑。")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/cases/" + caze + "/sessions/" + sid).with(as("counselor-371623")))
        .andExpect(content().string(Matchers.containsString("更正：冷战是两周，不是三周。")))
        .andExpect(content().string(Matchers.containsString("下次请关注他对收入的焦虑。")))
        .andExpect(content().string(Matchers.containsString("id=\"notes-locked\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"notes-form\""))));
    mvc.perform(
            post("/api/v1/cases/" + caze + "/sessions/" + sid + "/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"我也想督导\"}")
                .with(as("counselor-371623")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/cases/" + caze + "/sessions/" + sid + "/notes")
                .with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.notes.partyA.beliefSystem").value("婚姻要两个人一起撑"))
        .andExpect(jsonPath("$.addenda[0].text").value("更正：冷战是两周，不是三周。"))
        .andExpect(jsonPath("$.comments[0].text").value("下次请关注他对收入的焦虑。"));
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where entity_id = :id and action = 'read.sensitive'")
                .param("id", sid.toString())
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void whatWasSaidIsForTheTeamAndItsManagerOnly() throws Exception {
    UUID caze = couple("司马光", "卓文君", true);
    UUID other = couple("公孙胜", "慕容雪", false);
    UUID sid = scheduled(caze, "B", now().minusHours(1));
    consented(caze, PartyRole.B);
    mvc.perform(
            put("/api/v1/cases/" + caze + "/sessions/" + sid + "/notes")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"partyB\": {\"emotionalFeelings\": \"害怕回家\"}}")
                .with(as("counselor-371623")))
        .andExpect(status().isOk());

    String notes = "/api/v1/cases/" + caze + "/sessions/" + sid + "/notes";
    mvc.perform(get(notes).with(as("manager-371623"))).andExpect(status().isOk());
    // The administrator sees that the session was held, not what was said.
    mvc.perform(get(notes).with(as("admin-371623"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/cases/" + caze + "/sessions").with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].status").value("HELD"))
        .andExpect(content().string(Matchers.not(Matchers.containsString("害怕回家"))));
    mvc.perform(get("/cases/" + caze + "/sessions/" + sid).with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"notes-team-only\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("害怕回家"))));
    mvc.perform(get(notes).with(as("registrar-371602"))).andExpect(status().isForbidden());
    mvc.perform(get(notes).with(as("analyst"))).andExpect(status().isForbidden());
    mvc.perform(get("/cases/" + caze + "/sessions").with(as("analyst")))
        .andExpect(status().isForbidden());
    // Another county's counselor, and this county's counselor on a case it is not on: 404.
    mvc.perform(get(notes).with(as("counselor-371625"))).andExpect(status().isNotFound());
    mvc.perform(get("/cases/" + other + "/sessions").with(as("counselor-371623")))
        .andExpect(status().isNotFound());
    assertThat(
            schedule(other, "A", now().plusDays(1), "counselor-371623").getResponse().getStatus())
        .isEqualTo(404);
    // An administrator does not write sessions.
    assertThat(schedule(caze, "A", now().plusDays(1), "admin-371623").getResponse().getStatus())
        .isEqualTo(403);
  }

  @Test
  void twoPeopleSavingTheSameNotesGetAConflictNotAnOverwrite() throws Exception {
    UUID caze = couple("独孤求", "聂小倩", true);
    consented(caze, PartyRole.A);
    UUID sid = scheduled(caze, "A", now().minusHours(3));
    String page = "/cases/" + caze + "/sessions/" + sid;
    long version =
        jdbc.sql("select version from casework.session where id = :id")
            .param("id", sid)
            .query(Long.class)
            .single();
    // The counselor and the manager opened the form at the same version; the counselor saves first.
    mvc.perform(
            post(page + "/notes")
                .param("version", String.valueOf(version))
                .param("partyA.beliefSystem", "辅导员的记录")
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post(page + "/notes")
                .param("version", String.valueOf(version))
                .param("partyA.beliefSystem", "负责人的记录")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("刚被其他人修改过")));
    assertThat(
            protector.decrypt(
                jdbc.sql("select notes_cipher from casework.session where id = :id")
                    .param("id", sid)
                    .query(byte[].class)
                    .single()))
        .contains("辅导员的记录")
        .doesNotContain("负责人的记录");
    // The same through the API: the version read is the version written over, or 409.
    mvc.perform(
            put("/api/v1/cases/" + caze + "/sessions/" + sid + "/notes")
                .param("version", String.valueOf(version))
                .contentType(MediaType.APPLICATION_JSON)
                .content(notesA("旧版本"))
                .with(as("manager-371623")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type", Matchers.endsWith("conflict")));
  }

  @Test
  void theCalendarAndTheHomePageShowTomorrowsSessionsToTheirCounselorWithoutWhatWasSaid()
      throws Exception {
    UUID caze = couple("令狐冲", "任盈盈", true);
    LocalDateTime tomorrow = now().plusDays(1).withHour(14).withMinute(0);
    UUID sid = scheduled(caze, "A", tomorrow);
    mvc.perform(get("/cases").with(as("manager-371623"))).andExpect(status().isOk());
    mvc.perform(get("/").with(as("counselor-371623")))
        .andExpect(content().string(Matchers.containsString("明天的会谈")))
        .andExpect(content().string(Matchers.containsString("/sessions/" + sid)));
    mvc.perform(get("/").with(as("manager-371623")))
        .andExpect(content().string(Matchers.containsString("明天的会谈")));
    String day = tomorrow.toLocalDate().toString();
    mvc.perform(get("/sessions/calendar?view=day&date=" + day).with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("令狐冲 · 任盈盈")));
    mvc.perform(get("/sessions/calendar?view=week&date=" + day).with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("令狐冲 · 任盈盈")));
    mvc.perform(get("/sessions/calendar?view=week&date=" + day).with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("令狐冲 · 任盈盈")));
    mvc.perform(get("/sessions/calendar?view=week&date=" + day).with(as("admin-371681")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("令狐冲 · 任盈盈"))));
    mvc.perform(get("/sessions/calendar").with(as("registrar-371602")))
        .andExpect(status().isForbidden());
    // Cancelled: no longer on the home page.
    mvc.perform(
            post("/cases/" + caze + "/sessions/" + sid + "/cancel")
                .with(csrf())
                .with(as("counselor-371623")))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/").with(as("counselor-371623")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("/sessions/" + sid))));
  }
}
