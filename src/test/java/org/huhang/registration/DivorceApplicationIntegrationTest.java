package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.registration.internal.ApplicationOutcomes;
import org.huhang.shared.person.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@RecordApplicationEvents
public class DivorceApplicationIntegrationTest extends IntegrationTest {

  private static final AtomicInteger SEQ = new AtomicInteger(100);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired DivorceApplications applications;
  @Autowired ApplicationOutcomes outcomes;
  @Autowired ApplicationEvents events;
  @Autowired UserDetailsService users;

  public static String id(String county, String birth, boolean male) {
    int n = SEQ.getAndAdd(2);
    String first17 =
        county + birth.replace("-", "") + String.format("%03d", (n % 900) + (male ? 1 : 0));
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  static String body(String received, String husbandId, String wifeId, boolean accepted) {
    return """
        {"receivedOn":"%s",
         "partyA":{"name":"王强","gender":"MALE","birthDate":"%s","idNumber":"%s","phone":"13805430001"},
         "partyB":{"name":"李娜","gender":"FEMALE","birthDate":"%s","idNumber":"%s"},
         "marriageDate":"2015-05-20","minorChildren":1,"counselingOffered":true,"counselingAccepted":%s}"""
        .formatted(received, birth(husbandId), husbandId, birth(wifeId), wifeId, accepted);
  }

  public static String birth(String id) {
    return id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
  }

  ResultActions record(String user, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/divorce-applications")
            .with(httpBasic(user, DEMO_PASSWORD))
            .header("Accept-Language", "zh-CN")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  String recorded(String received, boolean accepted) throws Exception {
    String json =
        record(
                "registrar-371602",
                body(
                    received,
                    id("371602", "1980-03-15", true),
                    id("371602", "1982-07-01", false),
                    accepted))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
  }

  ResultActions act(String id, String what, String on) throws Exception {
    return mvc.perform(
        post("/api/v1/divorce-applications/" + id + "/" + what)
            .with(httpBasic("registrar-371602", DEMO_PASSWORD))
            .header("Accept-Language", "zh-CN")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"on\":\"" + on + "\",\"by\":\"A\"}"));
  }

  @Test
  void theRecordedApplicationCarriesTheClocksDeadlines() throws Exception {
    record(
            "registrar-371602",
            body(
                "2025-03-03",
                id("371602", "1980-03-15", true),
                id("371602", "1982-07-01", false),
                false))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.dates.withdrawalDeadline").value("2025-04-02"))
        .andExpect(jsonPath("$.dates.certificateFrom").value("2025-04-03"))
        .andExpect(jsonPath("$.dates.certificateDeadline").value("2025-05-06"))
        .andExpect(jsonPath("$.dates.deemedWithdrawnOn").value("2025-05-07"))
        .andExpect(jsonPath("$.dates.provisional").doesNotExist())
        .andExpect(
            jsonPath("$.partyA.idNumberMasked")
                .value(Matchers.matchesPattern("371602\\*{8}\\d{3}[0-9X]")));
  }

  @Test
  void withdrawingAfterTheDeadlineIsRefusedWithTheDeadline() throws Exception {
    String id = recorded("2025-03-03", false);
    act(id, "withdrawal", "2025-04-03")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("2025-04-02")));
    act(id, "withdrawal", "2025-04-02")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("WITHDRAWN"));
    act(id, "certificate", "2025-04-10").andExpect(status().isUnprocessableContent());
  }

  @Test
  void aCertificateBeforeTheWindowIsRefusedAndInsideItIssued() throws Exception {
    String id = recorded("2025-03-03", false);
    act(id, "certificate", "2025-04-02")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("2025-04-03")));
    act(id, "certificate", "2025-05-07")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("2025-05-06")));
    act(id, "certificate", "2025-05-06")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("DIVORCED"));
  }

  @Test
  void theSameCoupleCannotHaveTwoOpenApplications() throws Exception {
    String husband = id("371602", "1979-01-02", true);
    String wife = id("371602", "1981-02-03", false);
    record("registrar-371602", body("2026-11-02", husband, wife, false))
        .andExpect(status().isCreated());
    record(
            "registrar-371602",
            """
            {"receivedOn":"2026-11-20",
             "partyA":{"name":"李娜","gender":"FEMALE","birthDate":"%s","idNumber":"%s"},
             "partyB":{"name":"王强","gender":"MALE","birthDate":"%s","idNumber":"%s"},
             "marriageDate":"2015-05-20","minorChildren":0,"counselingOffered":false,"counselingAccepted":false}"""
                .formatted(birth(wife), wife, birth(husband), husband))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("未办结")));
  }

  @Test
  void badInputNamesTheField() throws Exception {
    String husband = id("371602", "1979-01-02", true);
    String wrong = husband.substring(0, 17) + (husband.charAt(17) == '1' ? '2' : '1');
    record("registrar-371602", body("2020-12-31", wrong, id("371602", "1981-02-03", false), false))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            // Received before 2021 (issue 12): history, which needs its outcome on the spot.
            jsonPath("$.errors[*].field")
                .value(Matchers.hasItems("outcome", "outcomeOn", "partyA.idNumber")));
  }

  @Test
  void onlyRegistrarsRecordAndOtherCountiesAnswer404() throws Exception {
    String id = recorded("2026-11-10", false);
    record(
            "admin",
            body(
                "2026-11-10",
                id("371602", "1980-03-15", true),
                id("371602", "1982-07-01", false),
                false))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/divorce-applications/" + id)
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/divorce-applications/" + id).with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/divorce-applications/" + id)
                .with(httpBasic("counselor-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/divorce-applications").with(httpBasic("analyst", DEMO_PASSWORD)))
        .andExpect(status().isForbidden());
  }

  @Test
  void acceptingCounselingPublishesCounselingRequested() throws Exception {
    String id = recorded("2026-11-12", true);
    assertThat(events.stream(CounselingRequested.class).map(CounselingRequested::applicationId))
        .contains(new ApplicationId(UUID.fromString(id)));
    mvc.perform(
            get("/api/v1/divorce-applications/" + id)
                .with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.counselingAccepted").value(true))
        .andExpect(jsonPath("$.caseOpened").value(false));
  }

  @Test
  void theDailyRunClaimsItsDaySoASecondInstanceOrAttemptRunsNothing() throws Exception {
    String due = recorded("2024-01-02", false); // deemed withdrawn on 2024-03-07 or so
    LocalDate day = LocalDate.of(2024, 6, 1);
    java.util.OptionalInt first = outcomes.deemUnclaimedOnce(day, "instance-a");
    assertThat(first).isPresent();
    assertThat(first.getAsInt()).isGreaterThanOrEqualTo(1);
    assertThat(outcome(due)).isEqualTo("DEEMED_WITHDRAWN");
    assertThat(outcomes.deemUnclaimedOnce(day, "instance-b")).isEmpty();
    assertThat(outcomes.deemUnclaimedOnce(day, "instance-a")).isEmpty();
    assertThat(
            jdbc.sql(
                    "select instance || ' ' || marked from registration.deemed_withdrawn_run"
                        + " where day = :d")
                .param("d", day)
                .query(String.class)
                .list())
        .containsExactly("instance-a " + first.getAsInt());
  }

  @Test
  void theCatchUpAfterTenDaysOfDowntimeMarksExactlyTheUnclaimed() throws Exception {
    // received 2025-03-03: deemed withdrawn on 2025-05-07. The job last ran on 2025-05-01 and the
    // system was down until 2025-05-11.
    String due = recorded("2025-03-03", false);
    String notYet =
        recorded("2025-03-20", false); // certificate deadline 2025-05-20 (after 05-19 + moves)
    String divorced = recorded("2025-03-04", false);
    act(divorced, "certificate", "2025-04-30").andExpect(status().isOk());
    int before = outcomes.deemUnclaimed(LocalDate.of(2025, 5, 1));
    assertThat(outcome(due)).isEqualTo("PENDING");
    int marked = outcomes.deemUnclaimed(LocalDate.of(2025, 5, 11));
    assertThat(outcome(due)).isEqualTo("DEEMED_WITHDRAWN");
    assertThat(
            jdbc.sql("select outcome_on from registration.divorce_application where id = :id")
                .param("id", UUID.fromString(due))
                .query(LocalDate.class)
                .single())
        .isEqualTo(LocalDate.of(2025, 5, 7));
    assertThat(outcome(notYet)).isEqualTo("PENDING");
    assertThat(outcome(divorced)).isEqualTo("DIVORCED");
    assertThat(marked).isGreaterThanOrEqualTo(1);
    assertThat(outcomes.deemUnclaimed(LocalDate.of(2025, 5, 11))).as("idempotent").isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where action = 'application.deemWithdrawn' and entity_id = :id")
                .param("id", due)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(before).isGreaterThanOrEqualTo(0);
  }

  @Test
  @WithUserDetails("admin")
  void aDeadlineInAYearWithoutCalendarIsProvisionalUntilTheYearIsPublished() throws Exception {
    String id = recorded("2026-11-25", false);
    mvc.perform(
            get("/api/v1/divorce-applications/" + id)
                .with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.dates.withdrawalDeadline").value("2026-12-25"))
        .andExpect(jsonPath("$.dates.withdrawalProvisional").value(false))
        .andExpect(jsonPath("$.dates.certificateDeadline").value("2027-01-25"))
        .andExpect(jsonPath("$.dates.certificateProvisional").value(true));
    mvc.perform(
            get("/api/v1/cooling-off")
                .param("receivedOn", "2026-11-25")
                .with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value("2027年节假日安排尚未录入"));

    mvc.perform(post("/calendar").with(csrf()).param("year", "2027"))
        .andExpect(status().is3xxRedirection());
    // A made-up notice: 2027-01-25 off (so the deadline moves) and a weekend work day.
    mvc.perform(
            post("/calendar/2027/days")
                .with(csrf())
                .param(
                    "lines",
                    "2027-01-01,OFF,元旦\n2027-01-25,OFF,测试假日\n2027-01-26,OFF,测试假日\n2027-02-06,WORK,春节"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            get("/api/v1/divorce-applications/" + id)
                .with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.dates.certificateProvisional").value(true));
    mvc.perform(post("/calendar/2027/publish").with(csrf())).andExpect(status().is3xxRedirection());

    mvc.perform(
            get("/api/v1/divorce-applications/" + id)
                .with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.dates.certificateDeadline").value("2027-01-27"))
        .andExpect(jsonPath("$.dates.certificateProvisional").value(false));
    mvc.perform(
            get("/api/v1/cooling-off")
                .param("receivedOn", "2026-11-25")
                .with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.certificateDeadline").value("2027-01-27"));
    assertThat(
            jdbc.sql("select count(*) from registration.deadline_change where application_id = :id")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where action = 'application.deadlines.recomputed' and entity_id = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  @WithUserDetails("registrar-371602")
  void theBoardListsDeadlinesOfTheNextDaysSoonestFirst() throws Exception {
    String html =
        mvc.perform(get("/registrations/board").param("days", "7"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("id=\"deadline-board\"");
    List<ApplicationView> board =
        applications.board(
            7,
            new org.huhang.shared.Actor(
                null,
                "registrar-371602",
                "x",
                org.huhang.shared.Role.REGISTRAR,
                "371602",
                "滨城区",
                "/370000/371600/371602/"));
    assertThat(board)
        .isSortedAccordingTo(java.util.Comparator.comparing(a -> a.dates().withdrawalDeadline()));
    assertThat(board).allMatch(a -> a.outcome() == Outcome.PENDING);
  }

  /** Posts the application form as the page sends it; {@code changes} are name, value pairs. */
  ResultActions postForm(String husband, String wife, String... changes) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("receivedOn", "2025-03-03");
    fields.put("marriageDate", "2015-05-20");
    fields.put("minorChildren", "1");
    fields.put("partyA.name", "王强");
    fields.put("partyA.gender", "MALE");
    fields.put("partyA.birthDate", birth(husband));
    fields.put("partyA.idNumber", husband);
    fields.put("partyA.phone", "");
    fields.put("partyB.name", "李娜");
    fields.put("partyB.gender", "FEMALE");
    fields.put("partyB.birthDate", birth(wife));
    fields.put("partyB.idNumber", wife);
    fields.put("partyB.phone", "13805430002");
    // No checkbox markers: an unticked box sends nothing, and that must mean no.
    for (int i = 0; i < changes.length; i += 2) {
      fields.put(changes[i], changes[i + 1]);
    }
    var request = post("/registrations").with(csrf()).header("Accept-Language", "zh-CN");
    fields.forEach(request::param);
    return mvc.perform(request);
  }

  @Test
  @WithUserDetails("registrar-371602")
  void theFormBindsToTheCommandAndUntickedBoxesMeanNo() throws Exception {
    String location =
        postForm(id("371602", "1980-03-15", true), id("371602", "1982-07-01", false))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    assertThat(
            jdbc.sql(
                    "select a_name || ' ' || b_phone_masked || ' ' || counseling_offered || ' ' || counseling_accepted"
                        + " from registration.divorce_application where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("王强 138****0002 false false");
  }

  @Test
  @WithUserDetails("registrar-371602")
  void aBrokenRuleIsShownAtItsFieldWithWhatWasEntered() throws Exception {
    String husband = id("371602", "1980-03-15", true);
    String wrong = husband.substring(0, 17) + (husband.charAt(17) == '1' ? '2' : '1');
    String html =
        postForm(
                wrong,
                id("371602", "1982-07-01", false),
                "counselingOffered",
                "true",
                "counselingAccepted",
                "true")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .containsPattern(
            "class=\"form-control is-invalid\"[^>]* id=\"aIdNumber\" name=\"partyA.idNumber\"")
        .contains("value=\"" + wrong + "\"")
        .contains("value=\"王强\"")
        .containsPattern(
            "id=\"counselingAccepted\" name=\"counselingAccepted\" value=\"true\" checked");
  }

  @Test
  @WithUserDetails("registrar-371602")
  void aMalformedDateInTheFormIsShownAtItsField() throws Exception {
    String html =
        postForm(
                id("371602", "1980-03-15", true),
                id("371602", "1982-07-01", false),
                "partyB.birthDate",
                "1982-02-31x")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("class=\"form-control is-invalid\" type=\"date\" id=\"bBirthDate\"")
        // Says what was typed and why, as the import does; never a bare "格式不正确".
        .contains("“1982-02-31x”不是有效日期")
        .contains("value=\"1982-02-31x\"")
        .doesNotContain("格式不正确");
  }

  @Test
  @WithUserDetails("registrar-371602")
  void anUnreadableDateDoesNotHideTheOtherFieldsProblems() throws Exception {
    String html =
        postForm(
                "371602198003150000", id("371602", "1982-07-01", false), "receivedOn", "2025-02-30")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("“2025-02-30”不是有效日期")
        .containsPattern(
            "class=\"form-control is-invalid\"[^>]* id=\"aIdNumber\" name=\"partyA.idNumber\"");
  }

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void thePagesAnswerWhomTheRulesAllow() throws Exception {
    for (String page : List.of("/calendar", "/calendar/2026")) {
      mvc.perform(get(page).with(as("admin"))).andExpect(status().isOk());
      mvc.perform(get(page).with(as("admin-371623"))).andExpect(status().isForbidden());
      mvc.perform(get(page).with(as("registrar-371602"))).andExpect(status().isForbidden());
    }
    mvc.perform(get("/calendar/2019").with(as("admin"))).andExpect(status().isNotFound());
    for (String page : List.of("/registrations/new", "/registrations/import")) {
      mvc.perform(get(page).with(as("registrar-371602"))).andExpect(status().isOk());
      mvc.perform(get(page).with(as("admin"))).andExpect(status().isForbidden());
    }
  }

  @Test
  void theClockAnswers400ForAMalformedDate() throws Exception {
    mvc.perform(
            get("/api/v1/cooling-off")
                .param("receivedOn", "2025-02-30")
                .with(httpBasic("analyst", DEMO_PASSWORD)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
    mvc.perform(
            get("/api/v1/cooling-off")
                .param("receivedOn", "2025-03-03")
                .with(httpBasic("analyst", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .json(
                    "{\"receivedOn\":\"2025-03-03\",\"withdrawalDeadline\":\"2025-04-02\",\"certificateFrom\":\"2025-04-03\",\"certificateDeadline\":\"2025-05-06\",\"deemedWithdrawnOn\":\"2025-05-07\"}"));
  }

  String outcome(String id) {
    return jdbc.sql("select outcome from registration.divorce_application where id = :id")
        .param("id", UUID.fromString(id))
        .query(String.class)
        .single();
  }

  /** Records an application by API received {@code daysAgo} days ago by a new couple; its id. */
  String freshApplication(int daysAgo, boolean accepted) throws Exception {
    return recorded(today().minusDays(daysAgo).toString(), accepted);
  }

  static LocalDate today() {
    return LocalDate.now(org.huhang.shared.LegalTime.ZONE);
  }

  @Test
  void aWithdrawalIsConfirmedWithTheCoupleAndTheDayThenAnnouncedAndShowsWhoWithdrew()
      throws Exception {
    String id = freshApplication(5, true);
    String today = today().toString();

    String confirmation =
        mvc.perform(
                post("/registrations/" + id + "/outcome")
                    .with(as("registrar-371602"))
                    .with(csrf())
                    .header("Accept-Language", "zh-CN")
                    .param("kind", "WITHDRAW")
                    .param("on", today)
                    .param("by", "A"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(confirmation)
        .contains("将记录：王强与李娜的离婚登记申请由王强于 " + today + " 撤回")
        .contains("id=\"outcome-confirm\"");
    assertThat(outcomeOf(id)).as("the first step records nothing").isEqualTo("PENDING");

    mvc.perform(
            post("/registrations/" + id + "/withdrawal")
                .with(as("registrar-371602"))
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("on", today)
                .param("by", "A"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("notice", "已记录：王强于 " + today + " 撤回离婚登记申请。"));
    assertThat(outcomeOf(id)).isEqualTo("WITHDRAWN");
    mvc.perform(get("/registrations/" + id).with(as("registrar-371602")))
        .andExpect(content().string(Matchers.containsString("撤回方 王强")))
        .andExpect(content().string(Matchers.containsString("已接受辅导，未建案（已撤回）")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"outcome-form\""))));
  }

  @Test
  void anIncompleteOutcomeIsRefusedAtItsFieldsAllAtOnceKeepingWhatWasTyped() throws Exception {
    String id = freshApplication(3, false);
    String html =
        mvc.perform(
                post("/registrations/" + id + "/outcome")
                    .with(as("registrar-371602"))
                    .with(csrf())
                    .header("Accept-Language", "zh-CN")
                    .param("on", "2025-02-30")
                    .param("by", "B"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("data-field=\"kind\"")
        .contains("请选择要记录的结果")
        .contains("“2025-02-30”不是有效日期")
        .contains("value=\"2025-02-30\"")
        .containsPattern("<option value=\"B\" selected");
    assertThat(outcomeOf(id)).isEqualTo("PENDING");

    String late = today().plusDays(60).toString();
    String refused =
        mvc.perform(
                post("/registrations/" + id + "/outcome")
                    .with(as("registrar-371602"))
                    .with(csrf())
                    .header("Accept-Language", "zh-CN")
                    .param("kind", "WITHDRAW")
                    .param("on", late))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("data-field=\"on\"").contains("已超过撤回期限");
  }

  String outcomeOf(String id) {
    return jdbc.sql("select outcome from registration.divorce_application where id = :id")
        .param("id", UUID.fromString(id))
        .query(String.class)
        .single();
  }
}
