package org.huhang.shared;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.registration.DivorceApplicationIntegrationTest;
import org.huhang.volunteer.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 9, point 8, through the API (forms and imports apply the same domain rules): the dates the
 * probe got accepted are each refused with a field error naming the field, never a 500.
 */
class ImplausibleDatesIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  ResultActions postJson(String user, String path, String json) throws Exception {
    return mvc.perform(
        post(path)
            .with(user(users.loadUserByUsername(user)))
            .header("Accept-Language", "zh-CN")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  String volunteerJson(String birthDate, String idNumber, String joinedOn) {
    String center =
        jdbc.sql("select id::text from center.center where name = '无棣县婚姻家庭辅导中心'")
            .query(String.class)
            .single();
    return """
        {"name":"赵敏","gender":"FEMALE","birthDate":"%s","idNumber":"%s","phone":"%s",
         "background":"LAWYER","centerId":"%s","status":"ACTIVE","joinedOn":"%s"}"""
        .formatted(birthDate, idNumber, TestPeople.phone(), center, joinedOn);
  }

  void refused(ResultActions result, String field) throws Exception {
    result
        .andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem(field)));
  }

  String volunteer() {
    return jdbc.sql(
            "select id::text from volunteer.volunteer where region_path like '%/371623/%'"
                + " order by id limit 1")
        .query(String.class)
        .single();
  }

  @Test
  void aBirthDateInYearZeroOrMinusOneIsAFieldError() throws Exception {
    String id = TestPeople.womanId("371623");
    for (String year : new String[] {"0000-01-01", "-0001-01-01", "1899-12-31"}) {
      refused(
          postJson("admin-371623", "/api/v1/volunteers", volunteerJson(year, id, "2024-03-01")),
          "birthDate");
    }
  }

  @Test
  void joiningBeforeBirthOrInYearZeroIsRefused() throws Exception {
    String id = TestPeople.womanId("371623");
    String birth = TestPeople.birthDateOf(id);
    String dayBefore = java.time.LocalDate.parse(birth).minusDays(1).toString();
    refused(
        postJson("admin-371623", "/api/v1/volunteers", volunteerJson(birth, id, dayBefore))
            .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString(birth))),
        "joinedOn");
    refused(
        postJson("admin-371623", "/api/v1/volunteers", volunteerJson(birth, id, "0000-06-01")),
        "joinedOn");
  }

  @Test
  void hoursWorkedInYearZeroAreRefused() throws Exception {
    refused(
        postJson(
            "admin-371623",
            "/api/v1/volunteers/" + volunteer() + "/hours",
            """
            {"kind":"SERVICE","workedOn":"0000-06-01","hours":2,"description":"值班"}"""),
        "workedOn");
  }

  @Test
  void aQualificationExpiringIn9999IsRefused() throws Exception {
    refused(
        postJson(
            "admin-371623",
            "/api/v1/volunteers/" + volunteer() + "/qualifications",
            """
            {"type":"心理咨询师","number":"X-1","issuer":"人社局","expiresOn":"9999-12-31"}"""),
        "expiresOn");
  }

  @Test
  void aMarriageInYearZeroOrBeforeBirthIsRefused() throws Exception {
    String husband = DivorceApplicationIntegrationTest.id("371602", "1980-03-15", true);
    String wife = DivorceApplicationIntegrationTest.id("371602", "1982-07-01", false);
    String received =
        java.time.LocalDate.now(org.huhang.shared.LegalTime.ZONE).minusDays(1).toString();
    for (String married : new String[] {"0000-05-20", "-0001-05-20", "1981-01-01"}) {
      String json =
          """
          {"receivedOn":"%s",
           "partyA":{"name":"王强","gender":"MALE","birthDate":"%s","idNumber":"%s"},
           "partyB":{"name":"李娜","gender":"FEMALE","birthDate":"%s","idNumber":"%s"},
           "marriageDate":"%s","minorChildren":0,"counselingOffered":false,
           "counselingAccepted":false}"""
              .formatted(received, "1980-03-15", husband, "1982-07-01", wife, married);
      refused(postJson("registrar-371602", "/api/v1/divorce-applications", json), "marriageDate");
    }
  }

  @Test
  void aCertificateOrWithdrawalRecordedOnAFutureDateIsRefused() throws Exception {
    String pending =
        jdbc.sql(
                "select id::text from registration.divorce_application"
                    + " where office_region_code = '371602' and outcome = 'PENDING'"
                    + " order by id limit 1")
            .query(String.class)
            .single();
    String future =
        java.time.LocalDate.now(org.huhang.shared.LegalTime.ZONE).plusYears(1).toString();
    refused(
        postJson(
            "registrar-371602",
            "/api/v1/divorce-applications/" + pending + "/certificate",
            "{\"on\":\"" + future + "\"}"),
        "on");
    refused(
        postJson(
            "registrar-371602",
            "/api/v1/divorce-applications/" + pending + "/withdrawal",
            "{\"on\":\"0000-01-01\",\"by\":\"A\"}"),
        "on");
  }
}
