package org.huhang.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huhang.registration.DivorceApplicationIntegrationTest.birth;
import static org.huhang.registration.DivorceApplicationIntegrationTest.id;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.registration.internal.ApplicationOutcomes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 12, the years before 2021: applications received before the Civil Code are recorded as
 * history (no cooling-off dates, 准予登记 or 取消或暂缓 on a day), by API, form and import.
 */
class PreCivilCodeIntegrationTest extends IntegrationTest {

  static final String REGISTRAR = "registrar-371602";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationOutcomes outcomes;
  @Autowired UserDetailsService users;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  static String body(String received, String h, String w, String outcome, String on) {
    return """
        {"receivedOn":"%s",
         "partyA":{"name":"孙伟","gender":"MALE","birthDate":"%s","idNumber":"%s"},
         "partyB":{"name":"郑芳","gender":"FEMALE","birthDate":"%s","idNumber":"%s"},
         "marriageDate":"2008-05-20","minorChildren":1,"counselingOffered":true,
         "counselingAccepted":true%s}"""
        .formatted(
            received,
            birth(h),
            h,
            birth(w),
            w,
            outcome == null
                ? ""
                : ",\"outcome\":\"%s\",\"outcomeOn\":\"%s\"".formatted(outcome, on));
  }

  ResultActions record(String json) throws Exception {
    return mvc.perform(
        post("/api/v1/divorce-applications")
            .with(httpBasic(REGISTRAR, DEMO_PASSWORD))
            .header("Accept-Language", "zh-CN")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  String recordPre(String outcome, String received, String on) throws Exception {
    String h = id("371602", "1979-02-02", true);
    String w = id("371602", "1981-03-03", false);
    String json =
        record(body(received, h, w, outcome, on))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.regime").value("PRE_CIVIL_CODE"))
            .andExpect(jsonPath("$.outcome").value(outcome))
            .andExpect(jsonPath("$.outcomeOn").value(on))
            .andExpect(jsonPath("$.dates").doesNotExist())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.id");
  }

  @Test
  void theCoolingOffClockAnswersOnlyFromTheCivilCode() throws Exception {
    mvc.perform(
            get("/api/v1/cooling-off")
                .param("receivedOn", "2020-12-31")
                .header("Accept-Language", "zh-CN")
                .with(httpBasic(REGISTRAR, DEMO_PASSWORD)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("2021年1月1日")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("节假日"))));
    // 2018 asks no holiday calendar either: the same answer, not "calendar missing".
    mvc.perform(
            get("/api/v1/cooling-off")
                .param("receivedOn", "2018-03-01")
                .with(httpBasic(REGISTRAR, DEMO_PASSWORD)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
    mvc.perform(
            get("/api/v1/cooling-off")
                .param("receivedOn", "2021-01-01")
                .with(httpBasic(REGISTRAR, DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.withdrawalDeadline").value("2021-02-01"));
  }

  @Test
  void aPreCivilCodeApplicationIsRecordedRegisteredOrCancelledAndShownAsSuch() throws Exception {
    String registered = recordPre("REGISTERED", "2019-04-08", "2019-04-08");
    String cancelled = recordPre("CANCELLED_OR_POSTPONED", "2020-12-31", "2020-12-31");
    assertThat(
            jdbc.sql(
                    "select count(*) from registration.divorce_application where id in (:a, :b)"
                        + " and regime = 'PRE_CIVIL_CODE' and withdrawal_deadline is null")
                .param("a", java.util.UUID.fromString(registered))
                .param("b", java.util.UUID.fromString(cancelled))
                .query(Long.class)
                .single())
        .isEqualTo(2);
    mvc.perform(
            get("/registrations/" + cancelled)
                .header("Accept-Language", "zh-CN")
                .with(as(REGISTRAR)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("2021年1月1日前受理，不适用离婚冷静期")))
        .andExpect(content().string(Matchers.containsString("取消或暂缓")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"deadlines\""))));
    // The receipt prints the outcome, no cooling-off deadline.
    byte[] pdf =
        mvc.perform(get("/registrations/" + registered + "/receipt.pdf").with(as(REGISTRAR)))
            .andExpect(status().isOk())
            .andExpect(content().contentType(MediaType.APPLICATION_PDF))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(ApplicationDocumentsIntegrationTest.text(pdf))
        .contains("不适用离婚冷静期", "准予登记", "2019年4月8日")
        .doesNotContain("离婚冷静期届满", "视为撤回");
  }

  @Test
  void theOutcomeMustFitTheRegimeInChinese() throws Exception {
    String h = id("371602", "1979-04-04", true);
    String w = id("371602", "1981-05-05", false);
    record(body("2020-06-01", h, w, "WITHDRAWN", "2020-06-05"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("outcome"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("准予登记")));
    record(body("2020-06-01", h, w, null, null))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("outcome"));
    record(body("2021-03-01", h, w, "REGISTERED", "2021-03-01"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("outcome"))
        .andExpect(
            jsonPath("$.errors[0].message").value(Matchers.containsString("仅适用于2021年1月1日前")));
    String pre = recordPre("REGISTERED", "2019-09-09", "2019-09-10");
    mvc.perform(
            post("/api/v1/divorce-applications/" + pre + "/withdrawal")
                .with(httpBasic(REGISTRAR, DEMO_PASSWORD))
                .header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\":\"2019-09-12\",\"by\":\"A\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("on"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("不适用离婚冷静期")));
  }

  @Test
  void theFormRecordsAPreCivilCodeApplication() throws Exception {
    String h = id("371602", "1979-06-06", true);
    String w = id("371602", "1981-07-07", false);
    mvc.perform(
            post("/registrations")
                .with(as(REGISTRAR))
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("receivedOn", "2018-05-07")
                .param("partyA.name", "孙伟")
                .param("partyA.gender", "MALE")
                .param("partyA.birthDate", birth(h))
                .param("partyA.idNumber", h)
                .param("partyB.name", "郑芳")
                .param("partyB.gender", "FEMALE")
                .param("partyB.birthDate", birth(w))
                .param("partyB.idNumber", w)
                .param("marriageDate", "2008-05-20")
                .param("minorChildren", "0")
                .param("outcome", "CANCELLED_OR_POSTPONED")
                .param("outcomeOn", "2018-05-07"))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void theDeemedWithdrawnJobLeavesPreCivilCodeApplicationsAlone() throws Exception {
    String pre = recordPre("CANCELLED_OR_POSTPONED", "2020-11-02", "2020-11-03");
    outcomes.deemUnclaimed(LocalDate.of(2026, 11, 30));
    assertThat(
            jdbc.sql("select outcome from registration.divorce_application where id = :id")
                .param("id", java.util.UUID.fromString(pre))
                .query(String.class)
                .single())
        .isEqualTo("CANCELLED_OR_POSTPONED");
  }

  // ---- the history import ----------------------------------------------------------------------

  static String row(String received, String h, String w, String outcome, String on) {
    return String.join(
        ",",
        received,
        "赵刚",
        "男",
        birth(h),
        h,
        "",
        "钱丽",
        "女",
        birth(w),
        w,
        "",
        "2006-10-01",
        "1",
        "是",
        "否",
        outcome,
        on);
  }

  ResultActions upload(byte[] content, boolean dryRun) throws Exception {
    return mvc.perform(
        multipart("/api/v1/divorce-applications/import")
            .file(new MockMultipartFile("file", "history.csv", "text/csv", content))
            .param("dryRun", Boolean.toString(dryRun))
            .header("Accept-Language", "zh-CN")
            .with(httpBasic(REGISTRAR, DEMO_PASSWORD)));
  }

  long count() {
    return jdbc.sql("select count(*) from registration.divorce_application")
        .query(Long.class)
        .single();
  }

  @Test
  void aMixedHistoryImportsAllOrNothingOnceAndFromGbk() throws Exception {
    String[] h = new String[5];
    String[] w = new String[5];
    for (int i = 0; i < 5; i++) {
      h[i] = id("371602", "1970-01-1" + i, true);
      w[i] = id("371602", "1972-02-1" + i, false);
    }
    String good =
        ApplicationImportIntegrationTest.HEADER
            + "\n"
            + row("2018-01-02", h[0], w[0], "准予登记", "2018-01-02")
            + "\n"
            + row("2020-12-31", h[1], w[1], "取消或暂缓", "2021-01-04")
            + "\n"
            + row("2021-01-04", h[2], w[2], "已撤回", "2021-01-20")
            + "\n"
            + row("2026-11-20", h[3], w[3], "", "")
            + "\n"
            // The same couple filed again after 2021: another application, not a duplicate.
            + row("2022-03-01", h[0], w[0], "已撤回", "2022-03-05")
            + "\n";
    String bad = good + row("2019-05-05", h[4], w[4], "已撤回", "2019-05-06") + "\n";

    long before = count();
    upload(bad.getBytes(StandardCharsets.UTF_8), false)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].row").value(7))
        .andExpect(jsonPath("$.errors[0].column").value("办理结果"))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("准予登记")));
    assertThat(count()).as("all or nothing").isEqualTo(before);

    byte[] gbk = good.getBytes(Charset.forName("GBK"));
    upload(gbk, true)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newRows").value(5))
        .andExpect(jsonPath("$.preview[0][15]").value("准予登记"));
    assertThat(count()).isEqualTo(before);
    upload(gbk, false).andExpect(status().isOk()).andExpect(jsonPath("$.newRows").value(5));
    assertThat(count()).isEqualTo(before + 5);
    assertThat(
            jdbc.sql(
                    "select regime || ' ' || outcome from registration.divorce_application"
                        + " where received_on in ('2018-01-02', '2020-12-31', '2021-01-04')"
                        + " and a_name = '赵刚' order by received_on")
                .query(String.class)
                .list())
        .contains(
            "PRE_CIVIL_CODE REGISTERED",
            "PRE_CIVIL_CODE CANCELLED_OR_POSTPONED",
            "COOLING_OFF WITHDRAWN");

    upload(good.getBytes(StandardCharsets.UTF_8), false)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.newRows").value(0))
        .andExpect(jsonPath("$.alreadyPresent").value(5));
    assertThat(count()).as("idempotent").isEqualTo(before + 5);
  }
}
