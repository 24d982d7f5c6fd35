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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Cases opened by hand and through the API: the parties' numbers sealed, every problem named by
 * field, two editors of one version never overwriting each other, and a case seen only by its team,
 * its center's manager and the administrators above it.
 */
class CaseFileIntegrationTest extends IntegrationTest {

  /** Each case its own fictitious couple (sequence 99x): a person has one open case at a time. */
  static final java.util.concurrent.atomic.AtomicInteger COUPLES =
      new java.util.concurrent.atomic.AtomicInteger();

  static String wifeId(int n) {
    return idNumber("371623" + java.time.LocalDate.of(1990, 1, 1).plusDays(n).format(DAY) + "9980");
  }

  static String husbandId(int n) {
    return idNumber("371623" + java.time.LocalDate.of(1988, 5, 5).plusDays(n).format(DAY) + "9990");
  }

  static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.BASIC_ISO_DATE;

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  static String idNumber(String draft) {
    String first17 = draft.substring(0, 17);
    return first17 + org.huhang.shared.person.ResidentIdNumber.checkCharacter(first17);
  }

  String wudiCenter() {
    return jdbc.sql("select id::text from center.center where name = '无棣县婚姻家庭辅导中心'")
        .query(String.class)
        .single();
  }

  String openByApi(String wifeName) throws Exception {
    int n = COUPLES.incrementAndGet();
    String body =
        """
        {"centerId":"%s","stage":"MARRIAGE","source":"WALK_IN","issueCategories":["COMMUNICATION","IN_LAWS"],
         "parties":[{"role":"A","name":"%s","gender":"FEMALE","birthDate":"%s","idNumber":"%s","phone":"13800001111"},
                    {"role":"B","name":"丈夫甲","gender":"MALE","birthDate":"%s","idNumber":"%s"}],
         "relatedPersons":[{"relation":"CHILD","name":"小宝","birthDate":"2018-06-01"}]}"""
            .formatted(
                wudiCenter(),
                wifeName,
                java.time.LocalDate.of(1990, 1, 1).plusDays(n),
                wifeId(n),
                java.time.LocalDate.of(1988, 5, 5).plusDays(n),
                husbandId(n));
    String json =
        mvc.perform(
                post("/api/v1/cases")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .with(csrf())
                    .with(as("manager-371623")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.risk").value("UNSCREENED"))
            .andExpect(jsonPath("$.status").value("OPEN"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
  }

  @Test
  void aManagerOpensACaseThroughTheApiAndTheNumbersAreSealed() throws Exception {
    String id = openByApi("开案甲");
    String wife = wifeId(COUPLES.get());
    mvc.perform(get("/api/v1/cases/" + id).with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.risk").value("UNSCREENED"))
        .andExpect(jsonPath("$.parties[0].name").value("开案甲"))
        .andExpect(jsonPath("$.parties[0].idNumberMasked").value(Matchers.startsWith("371623")))
        .andExpect(jsonPath("$.relatedPersons[0].name").value("小宝"))
        .andExpect(content().string(Matchers.not(Matchers.containsString(wife))));
    byte[] sealed =
        jdbc.sql(
                "select id_number_cipher from casework.case_party where case_id = :id::uuid and role = 'A'")
            .param("id", id)
            .query(byte[].class)
            .single();
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(wife);
    assertThat(
            new String(
                jdbc.sql(
                        "select phone_cipher from casework.case_party where case_id = :id::uuid and role = 'A'")
                    .param("id", id)
                    .query(byte[].class)
                    .single(),
                StandardCharsets.ISO_8859_1))
        .doesNotContain("13800001111");
  }

  @Test
  void thePersonWithAnOpenCaseGetsNoSecondOneEvenWhenTheFormIsSentTwiceAtOnce() throws Exception {
    int n = COUPLES.incrementAndGet();
    String body =
        """
        {"centerId":"%s","stage":"MARRIAGE","source":"WALK_IN",
         "parties":[{"role":"A","name":"重复甲","gender":"FEMALE","birthDate":"%s","idNumber":"%s"}]}"""
            .formatted(wudiCenter(), java.time.LocalDate.of(1990, 1, 1).plusDays(n), wifeId(n));
    java.util.concurrent.Callable<Integer> send =
        () ->
            mvc.perform(
                    post("/api/v1/cases")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(csrf())
                        .with(as("manager-371623")))
                .andReturn()
                .getResponse()
                .getStatus();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(send);
      var second = pool.submit(send);
      assertThat(java.util.List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 422);
    } finally {
      pool.shutdown();
    }
    mvc.perform(
            post("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("partyA.idNumber"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("未结案")));
    assertThat(
            jdbc.sql("select count(*) from casework.case_party where name = '重复甲'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Autowired org.huhang.registration.DivorceApplications applications;

  @Test
  void aCaseOpenedForAnApplicationAnswersItsReferralAndTellsRegistration() throws Exception {
    var application =
        applications.record(
            org.huhang.registration.TestCouples.couple(
                "371623",
                "端木青",
                "1980-08-08",
                "南宫雪",
                "1981-09-09",
                java.time.LocalDate.now(org.huhang.shared.LegalTime.ZONE).minusDays(3),
                true,
                true),
            ReferralQueueIntegrationTest.WUDI_REGISTRAR);
    String referral =
        ReferralQueueIntegrationTest.eventually(
            () ->
                jdbc.sql("select id::text from casework.referral where application_id = :a")
                    .param("a", application.id().value())
                    .query(String.class)
                    .optional()
                    .orElse(null));
    String body =
        """
        {"centerId":"%s","stage":"DIVORCE_COOLING_OFF","source":"WALK_IN","applicationId":"%s",
         "parties":[{"role":"A","name":"端木青","gender":"MALE","birthDate":"1980-08-08"},
                    {"role":"B","name":"南宫雪","gender":"FEMALE","birthDate":"1981-09-09"}]}"""
            .formatted(wudiCenter(), application.id().value());
    mvc.perform(
            post("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isCreated());
    assertThat(
            jdbc.sql("select status from casework.referral where id = :r::uuid")
                .param("r", referral)
                .query(String.class)
                .single())
        .isEqualTo("ACCEPTED");
    ReferralQueueIntegrationTest.eventually(
        () ->
            jdbc.sql("select case_opened from registration.divorce_application where id = :a")
                .param("a", application.id().value())
                .query(Boolean.class)
                .single());
    // The application has its case: a second one is refused.
    mvc.perform(
            post("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[0].field").value("applicationId"));
  }

  @Test
  void everyProblemOfANewCaseIsNamedByItsField() throws Exception {
    String body =
        """
        {"centerId":"%s","stage":"MARRIAGE","source":"HOTLINE","issueCategories":["NO_SUCH"],
         "parties":[{"role":"A","name":"","gender":"FEMALE","birthDate":"2999-01-01","idNumber":"371623199001019999"}]}"""
            .formatted(wudiCenter());
    mvc.perform(
            post("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("issueCategories")))
        .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("partyA.name")))
        .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("partyA.idNumber")));
    // An empty body names everything missing at once.
    mvc.perform(
            post("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath(
                "$.errors[*].field", Matchers.hasItems("centerId", "stage", "source", "parties")));
    // A center of another county is not the 无棣 manager's.
    String boxing =
        jdbc.sql("select id::text from center.center where name = '博兴县婚姻家庭辅导中心'")
            .query(String.class)
            .single();
    mvc.perform(
            post("/api/v1/cases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"centerId":"%s","stage":"MARRIAGE","source":"HOTLINE",
                     "parties":[{"role":"A","name":"某某","gender":"FEMALE","birthDate":"1990-01-01"}]}"""
                        .formatted(boxing))
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("centerId"));
  }

  @Test
  void twoPeopleSavingTheSameVersionGetAConflictNotAnOverwrite() throws Exception {
    String id = openByApi("并发甲");
    long version =
        jdbc.sql("select version from casework.counseling_case where id = :id::uuid")
            .param("id", id)
            .query(Long.class)
            .single();
    String first =
        """
        {"stage":"MARRIAGE","issueCategories":["PARENTING"],"version":%d}"""
            .formatted(version);
    String second =
        """
        {"stage":"POST_DIVORCE","issueCategories":["MONEY_PROPERTY"],"version":%d}"""
            .formatted(version);
    mvc.perform(
            put("/api/v1/cases/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(first)
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.issueCategories[0]").value("PARENTING"));
    mvc.perform(
            put("/api/v1/cases/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(second)
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("刚被其他人修改过")));
    // Without the version read, nothing is saved, and the caller is told what is missing.
    mvc.perform(
            put("/api/v1/cases/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"stage\":\"PREMARITAL\"}")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("version"));
    // The form says the same, and keeps what the second editor typed.
    mvc.perform(
            post("/cases/" + id + "/edit")
                .param("stage", "POST_DIVORCE")
                .param("issueCategories", "MONEY_PROPERTY")
                .param("version", String.valueOf(version))
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("刚被其他人修改过")));
    assertThat(
            jdbc.sql("select stage from casework.counseling_case where id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("MARRIAGE");
  }

  @Test
  void aCounselorSeesOnlyTheCasesItIsOnAndRegistrarsAndAnalystsNone() throws Exception {
    String id = openByApi("可见甲");
    mvc.perform(get("/cases/" + id).with(as("counselor-371623"))).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/cases/" + id).with(as("counselor-371623")))
        .andExpect(status().isNotFound());
    UUID user =
        jdbc.sql("select id from identity.app_user where username = 'counselor-371623'")
            .query(UUID.class)
            .single();
    jdbc.sql(
            """
            insert into casework.team_member
              (id, case_id, volunteer_id, user_id, name, lead, assigned_by, assigned_at)
            values (gen_random_uuid(), :case::uuid, gen_random_uuid(), :user, '测试辅导员', true,
                    'test', now())""")
        .param("case", id)
        .param("user", user)
        .update();
    mvc.perform(get("/cases/" + id).with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("可见甲")));
    mvc.perform(get("/cases").with(as("counselor-371623")))
        .andExpect(content().string(Matchers.containsString("可见甲")));
    mvc.perform(get("/cases/" + id).with(as("manager-371625"))).andExpect(status().isNotFound());
    mvc.perform(get("/cases/" + id).with(as("admin-371681"))).andExpect(status().isNotFound());
    mvc.perform(get("/cases/" + id).with(as("admin-371623"))).andExpect(status().isOk());
    mvc.perform(get("/cases/" + id).with(as("registrar-371602"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/cases/" + id).with(as("analyst"))).andExpect(status().isForbidden());
    mvc.perform(get("/cases").with(as("analyst"))).andExpect(status().isForbidden());
  }

  @Test
  void theOpenFormSavesOneSpouseAloneAndShowsTheTimeline() throws Exception {
    mvc.perform(
            post("/cases")
                .param("centerId", wudiCenter())
                .param("source", "HOTLINE")
                .param("stage", "MARRIAGE")
                .param("issueCategories", "VIOLENCE")
                .param("parties[0].role", "A")
                .param("parties[0].name", "热线求助人")
                .param("parties[0].gender", "FEMALE")
                .param("parties[0].birthDate", "1991-02-03")
                .param("parties[1].role", "B")
                .param("parties[1].name", "")
                .param("parties[1].gender", "")
                .param("relatedPersons[0].relation", "CHILD")
                .param("relatedPersons[0].name", "小雨")
                .param("relatedPersons[1].relation", "")
                .param("relatedPersons[1].name", "")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().is3xxRedirection());
    String id =
        jdbc.sql(
                "select c.id::text from casework.counseling_case c join casework.case_party p"
                    + " on p.case_id = c.id where p.name = '热线求助人'")
            .query(String.class)
            .single();
    assertThat(
            jdbc.sql("select count(*) from casework.case_party where case_id = :id::uuid")
                .param("id", id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    mvc.perform(get("/cases/" + id).with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("建立个案（热线）")))
        .andExpect(content().string(Matchers.containsString("小雨")))
        .andExpect(content().string(Matchers.containsString("尚未完成安全评估")));
    // A form with problems keeps what was typed and names each field.
    mvc.perform(
            post("/cases")
                .param("centerId", wudiCenter())
                .param("source", "WALK_IN")
                .param("stage", "")
                .param("parties[0].role", "A")
                .param("parties[0].name", "来访人")
                .param("parties[0].gender", "FEMALE")
                .param("parties[0].birthDate", "1991-02-30")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请选择阶段")))
        .andExpect(content().string(Matchers.containsString("来访人")));
    // A row no form has is a bad request, not a list grown to its index.
    for (String field :
        List.of("relatedPersons[99999].name", "parties[-1].name", "parties[25].name")) {
      mvc.perform(
              post("/cases")
                  .param("centerId", wudiCenter())
                  .param(field, "x")
                  .with(csrf())
                  .with(as("manager-371623")))
          .andExpect(status().isBadRequest());
    }
  }
}
