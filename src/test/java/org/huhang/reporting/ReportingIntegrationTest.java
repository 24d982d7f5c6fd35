package org.huhang.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.region.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures on a small hand-built data set with known answers, isolated from the demo data: two
 * townships made for this test (测算镇 under 无棣县, 邻县镇 under 邹平市), applications received 2019–2022 and
 * their cases written there. Figures only: the rules of SPEC §4 "Rates".
 */
class ReportingIntegrationTest extends IntegrationTest {

  static final String TOWN = "371623951";
  static final String OTHER_TOWN = "371681951";
  static final String PERIOD_FROM = "2019-01-01";
  static final String PERIOD_TO = "2022-12-31";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Regions regions;
  @Autowired org.huhang.shared.person.PersonalDataProtector protector;

  @BeforeEach
  void handBuiltHistory() {
    regions.ensure("371623", TOWN, "测算镇");
    regions.ensure("371681", OTHER_TOWN, "邻县镇");
    boolean present =
        jdbc.sql(
                    "select count(*) from registration.divorce_application where office_region_code = :c")
                .param("c", TOWN)
                .query(Long.class)
                .single()
            > 0;
    if (present) {
      return;
    }
    // 1. Withdrawn after a session: counseled, reconciled; 6-month follow-up: not filed again,
    //    12-month: filed again.
    UUID a1 = application(TOWN, "2021-03-01", "WITHDRAWN", "2021-03-20");
    UUID c1 = caseFor(a1, TOWN, "LOW", "2021-03-02");
    session(c1, "2021-03-10", "HELD");
    followUp(c1, 6, false);
    followUp(c1, 12, true);
    // 2. Deemed withdrawn after a session: counseled, reconciled.
    UUID a2 = application(TOWN, "2021-04-01", "DEEMED_WITHDRAWN", "2021-06-01");
    session(caseFor(a2, TOWN, "LOW", "2021-04-02"), "2021-05-01", "HELD");
    // 3. Before 2021, cancelled or postponed after a session on the spot: counseled, reconciled.
    UUID a3 = application(TOWN, "2019-05-06", "CANCELLED_OR_POSTPONED", "2019-05-10");
    session(caseFor(a3, TOWN, "UNSCREENED", "2019-05-06"), "2019-05-08", "HELD");
    // 4. Withdrawn; the only session held after the outcome: not counseled, not reconciled.
    UUID a4 = application(TOWN, "2021-05-01", "WITHDRAWN", "2021-05-10");
    session(caseFor(a4, TOWN, "LOW", "2021-05-02"), "2021-05-20", "HELD");
    // 5. HIGH risk, seen alone before withdrawing: counseled, HIGH, never reconciled.
    UUID a5 = application(TOWN, "2021-06-01", "WITHDRAWN", "2021-06-20");
    UUID c5 = caseFor(a5, TOWN, "HIGH", "2021-06-02");
    session(c5, "2021-06-05", "HELD");
    jdbc.sql(
            "insert into casework.safety_referral (id, case_id, kind, made_on, recorded_by,"
                + " recorded_at) values (gen_random_uuid(), :c, 'PROTECTION_ORDER', date"
                + " '2021-06-06', 'test', now())")
        .param("c", c5)
        .update();
    // 6. Divorced after a session: counseled, not reconciled.
    UUID a6 = application(TOWN, "2021-07-01", "DIVORCED", "2021-08-15");
    session(caseFor(a6, TOWN, "LOW", "2021-07-02"), "2021-07-10", "HELD");
    // 7. Before 2021, registered on the spot, no case.
    application(TOWN, "2019-08-01", "REGISTERED", "2019-08-01");
    // 8. Withdrawn; a session scheduled but never held: not counseled.
    UUID a8 = application(TOWN, "2021-09-01", "WITHDRAWN", "2021-09-05");
    session(caseFor(a8, TOWN, "LOW", "2021-09-02"), "2021-09-03", "SCHEDULED");
    // 9. Still pending, a session held: counseled, not (yet) reconciled.
    UUID a9 = application(TOWN, "2022-12-20", "PENDING", null);
    session(caseFor(a9, TOWN, "LOW", "2022-12-21"), "2022-12-25", "HELD");
    // Another county: withdrawn after a session; never in 测算镇's or 无棣县's figures.
    UUID b1 = application(OTHER_TOWN, "2021-03-01", "WITHDRAWN", "2021-03-20");
    session(caseFor(b1, OTHER_TOWN, "LOW", "2021-03-02"), "2021-03-10", "HELD");
  }

  UUID application(String town, String received, String outcome, String outcomeOn) {
    UUID id = UUID.randomUUID();
    LocalDate on = LocalDate.parse(received);
    boolean pre = on.isBefore(LocalDate.of(2021, 1, 1));
    jdbc.sql(
            """
            insert into registration.divorce_application (id, office_region_code, region_path,
              received_on, a_name, a_gender, a_birth_date, a_id_cipher, a_id_masked, b_name, b_gender,
              b_birth_date, b_id_cipher, b_id_masked, pair_hash, marriage_date, minor_children,
              counseling_offered, counseling_accepted, withdrawal_deadline, certificate_from,
              certificate_deadline, deemed_withdrawn_on, withdrawal_provisional,
              certificate_provisional, outcome, outcome_on, regime, created_by, created_at, updated_at,
              a_id_hash, b_id_hash)
            values (:id, :code, :path, :received, '测甲', 'MALE', date '1980-01-01', :aCipher,
              '371623********0011', '测乙', 'FEMALE', date '1982-01-01', :bCipher,
              '371623********0022', decode(md5(:id::text), 'hex'), date '2010-01-01', 0, true, true,
              :d1, :d2, :d3, :d4, false, false, :outcome, :outcomeOn, :regime, 'test', now(), now(),
              decode(md5(:id::text || 'a'), 'hex'), decode(md5(:id::text || 'b'), 'hex'))""")
        .param("id", id)
        // Real ciphertext: jobs that read every application (search keys) decrypt these too.
        .param("aCipher", protector.encrypt("371623198001010011"))
        .param("bCipher", protector.encrypt("371623198201010022"))
        .param("code", town)
        .param("path", "/370000/371600/" + town.substring(0, 6) + "/" + town + "/")
        .param("received", on)
        .param("d1", pre ? null : on.plusDays(30))
        .param("d2", pre ? null : on.plusDays(31))
        .param("d3", pre ? null : on.plusDays(60))
        .param("d4", pre ? null : on.plusDays(61))
        .param("outcome", outcome)
        .param("outcomeOn", outcomeOn == null ? null : LocalDate.parse(outcomeOn))
        .param("regime", pre ? "PRE_CIVIL_CODE" : "COOLING_OFF")
        .update();
    return id;
  }

  UUID caseFor(UUID application, String town, String risk, String opened) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into casework.counseling_case (id, center_id, region_path, stage, status, source,
              opened_by, opened_on, created_at, application_id, risk, issue_categories)
            select :id, c.id, :path, 'DIVORCE_COOLING_OFF', 'OPEN', 'REGISTRATION_REFERRAL', 'test',
              :opened, now(), :application, :risk, '{COMMUNICATION}'
              from center.center c where c.region_path like :county order by c.id limit 1""")
        .param("id", id)
        .param("path", "/370000/371600/" + town.substring(0, 6) + "/" + town + "/")
        .param("opened", LocalDate.parse(opened))
        .param("application", application)
        .param("risk", risk)
        .param("county", "/370000/371600/" + town.substring(0, 6) + "/%")
        .update();
    return id;
  }

  void session(UUID caze, String day, String status) {
    jdbc.sql(
            """
            insert into casework.session (id, case_id, scheduled_at, channel, attendees, status,
              created_by, created_at)
            values (gen_random_uuid(), :case, (:day || ' 10:00:00+08')::timestamptz, 'IN_PERSON', 'A',
              :status, 'test', now())""")
        .param("case", caze)
        .param("day", day)
        .param("status", status)
        .update();
  }

  void followUp(UUID caze, int months, boolean filedAgain) {
    jdbc.sql(
            """
            insert into casework.follow_up (id, case_id, months, due_on, done_on, together,
              filed_again, recorded_by)
            values (gen_random_uuid(), :case, :months, date '2021-09-20', date '2021-09-21', true,
              :filed, 'test')""")
        .param("case", caze)
        .param("months", months)
        .param("filed", filedAgain)
        .update();
  }

  ResultActions summary(String user, String region, String from, String to) throws Exception {
    var request = get("/api/v1/stats/summary").with(httpBasic(user, DEMO_PASSWORD));
    if (region != null) {
      request = request.param("region", region);
    }
    if (from != null) {
      request = request.param("from", from);
    }
    if (to != null) {
      request = request.param("to", to);
    }
    return mvc.perform(request.header("Accept-Language", "zh-CN"));
  }

  @Test
  void theTownshipsFiguresFollowTheRulesOfSpec4() throws Exception {
    summary("admin-371623", TOWN, PERIOD_FROM, PERIOD_TO)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regionCode").value(TOWN))
        .andExpect(jsonPath("$.name").value("测算镇"))
        .andExpect(jsonPath("$.from").value(PERIOD_FROM))
        .andExpect(jsonPath("$.to").value(PERIOD_TO))
        .andExpect(jsonPath("$.applications").value(9))
        .andExpect(jsonPath("$.counseled").value(6))
        .andExpect(jsonPath("$.reconciled").value(3))
        .andExpect(jsonPath("$.highRisk").value(1))
        .andExpect(jsonPath("$.counselingRate").value(66.67))
        .andExpect(jsonPath("$.reconciliationRate").value(33.33))
        .andExpect(jsonPath("$.reconciliationAmongCounseled.numerator").value(3))
        .andExpect(jsonPath("$.reconciliationAmongCounseled.denominator").value(5))
        .andExpect(
            jsonPath("$.reconciliationAmongCounseled.denominatorLabel")
                .value("counseledWithoutHighRisk"))
        .andExpect(jsonPath("$.reconciliationAmongCounseled.percent").value(60.0))
        .andExpect(jsonPath("$.durableAt6Months.numerator").value(1))
        .andExpect(jsonPath("$.durableAt6Months.denominator").value(1))
        .andExpect(jsonPath("$.durableAt12Months.numerator").value(0))
        .andExpect(jsonPath("$.durableAt12Months.denominator").value(1))
        .andExpect(jsonPath("$.cases").value(8))
        .andExpect(jsonPath("$.casesByStage.DIVORCE_COOLING_OFF").value(8))
        .andExpect(jsonPath("$.casesByIssueCategory.COMMUNICATION").value(8))
        .andExpect(jsonPath("$.highRiskCases").value(1))
        .andExpect(jsonPath("$.safetyReferrals").value(1))
        .andExpect(jsonPath("$.safetyReferralsByKind.PROTECTION_ORDER").value(1))
        .andExpect(jsonPath("$.centers").value(0))
        .andExpect(jsonPath("$.volunteers").value(0))
        .andExpect(jsonPath("$.volunteersByBackground.LAWYER").value(0))
        .andExpect(jsonPath("$.outreachEvents").value(0))
        .andExpect(jsonPath("$.byCounty").isArray())
        .andExpect(jsonPath("$.byMonth[0].month").value("2019-05"))
        .andExpect(jsonPath("$.byMonth[0].reconciled").value(1));
    // The exact rates with two decimals as numbers in the body, not strings.
    String body =
        summary("admin-371623", TOWN, PERIOD_FROM, PERIOD_TO)
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).contains("\"counselingRate\":66.67").contains("\"reconciliationRate\":33.33");
  }

  @Test
  void aPeriodLeavesOutWhatWasReceivedOutsideIt() throws Exception {
    // 2021 alone: applications 1, 2, 4, 5, 6, 8.
    summary("admin-371623", TOWN, "2021-01-01", "2021-12-31")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.applications").value(6))
        .andExpect(jsonPath("$.counseled").value(4))
        .andExpect(jsonPath("$.reconciled").value(2))
        .andExpect(jsonPath("$.counselingRate").value(66.67))
        .andExpect(jsonPath("$.reconciliationRate").value(33.33));
    // Nothing received: no rate rather than 0.00.
    summary("admin-371623", TOWN, "2018-01-01", "2018-12-31")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.applications").value(0))
        .andExpect(jsonPath("$.counselingRate").doesNotExist());
  }

  @Test
  void theCountysChildrenCarryTheSameFiguresAndAnotherCountysRecordsStayOut() throws Exception {
    summary("admin", "371623", PERIOD_FROM, PERIOD_TO)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.byCounty[?(@.regionCode == '" + TOWN + "')].applications").value(9))
        .andExpect(jsonPath("$.byCounty[?(@.regionCode == '" + TOWN + "')].reconciled").value(3))
        .andExpect(
            jsonPath("$.byCounty[?(@.regionCode == '" + TOWN + "')].counselingRate").value(66.67));
    summary("admin", OTHER_TOWN, PERIOD_FROM, PERIOD_TO)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.applications").value(1))
        .andExpect(jsonPath("$.reconciled").value(1));
    summary("admin", "371600", PERIOD_FROM, PERIOD_TO)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.byCounty.length()").value(7))
        .andExpect(jsonPath("$.byCounty[0].regionCode").exists());
  }

  @Test
  void aCountyAdministratorSeesItsOwnCountyAndNoOther() throws Exception {
    summary("admin-371623", "371623", PERIOD_FROM, PERIOD_TO).andExpect(status().isOk());
    summary("admin-371623", "371681", PERIOD_FROM, PERIOD_TO).andExpect(status().isNotFound());
    summary("admin-371623", OTHER_TOWN, PERIOD_FROM, PERIOD_TO).andExpect(status().isNotFound());
    summary("admin-371623", "371600", PERIOD_FROM, PERIOD_TO).andExpect(status().isNotFound());
    summary("admin", "379999", PERIOD_FROM, PERIOD_TO).andExpect(status().isNotFound());
    // Its own region by default, this year by default.
    summary("admin-371623", null, null, null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.regionCode").value("371623"))
        .andExpect(
            jsonPath("$.from")
                .value(
                    LocalDate.now(org.huhang.shared.LegalTime.ZONE).withDayOfYear(1).toString()));
    // Center managers: their county's figures; registrars and counselors: none.
    summary("manager-371623", TOWN, PERIOD_FROM, PERIOD_TO)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.applications").value(9));
    summary("manager-371623", OTHER_TOWN, PERIOD_FROM, PERIOD_TO).andExpect(status().isNotFound());
    summary("registrar-371602", null, null, null).andExpect(status().isForbidden());
    summary("counselor-371623", null, null, null).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/stats/summary")).andExpect(status().isUnauthorized());
  }

  @Test
  void badDatesNameTheParameter() throws Exception {
    summary("admin", null, "2023-02-30", null)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("开始日期")));
    summary("admin", null, null, "2023/09/30")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("截止日期")));
    summary("admin", null, "2023-09-30", "2018-01-01")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("from"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不能晚于")));
    summary("admin", null, "0001-01-01", "2018-01-01")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(
            get("/api/v1/stats/report")
                .param("to", "2023-13-01")
                .with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theAnalystSeesFiguresAndNeverAPerson() throws Exception {
    String body =
        summary("analyst", TOWN, PERIOD_FROM, PERIOD_TO)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.applications").value(9))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode json = JsonMapper.builder().build().readTree(body);
    List<String> fields = new ArrayList<>();
    collect(json, "", fields);
    assertThat(fields)
        .noneMatch(f -> f.matches("(?i).*(\\.|^)(id|applicationId|caseId|userId|phone|idNumber)$"))
        .noneMatch(f -> f.toLowerCase().contains("birth") || f.toLowerCase().contains("party"));
    // The only "name" is a region's.
    assertThat(fields.stream().filter(f -> f.endsWith("name")))
        .allMatch(f -> f.equals("name") || f.matches("byCounty\\[\\d+]\\.name"));
    assertThat(body).doesNotContain("测甲").doesNotContain("测乙").doesNotContain("*");
  }

  static void collect(JsonNode node, String prefix, List<String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        out.add(name);
        collect(e.getValue(), name, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), prefix + "[" + i + "]", out);
      }
    }
  }

  @Test
  void theReportParagraphCarriesTheSameFigures() throws Exception {
    mvc.perform(
            get("/api/v1/stats/report")
                .param("region", TOWN)
                .param("from", PERIOD_FROM)
                .param("to", PERIOD_TO)
                .with(httpBasic("analyst", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
        .andExpect(content().encoding("UTF-8"))
        .andExpect(
            content()
                .string(
                    "2019年以来，全镇各级成立婚姻家庭辅导中心0个，吸纳巾帼志愿者成员0名，开展各类婚前主题宣传培训活动0场。"
                        + "截至12月底，服务全镇有婚姻家庭关系及离婚调适辅导需求的夫妻6对，辅导率66.67%。"
                        + "通过辅导，当事人取消或暂缓离婚登记3对，劝和率33.33%。"));
    mvc.perform(
            get("/api/v1/stats/report")
                .param("region", "371681")
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/stats/report").with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(status().isForbidden());
  }
}
