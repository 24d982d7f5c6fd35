package org.huhang.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

class VolunteerIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  String wudiCenter() {
    return jdbc.sql("select id::text from center.center where name = '无棣县婚姻家庭辅导中心'")
        .query(String.class)
        .single();
  }

  String zoupingCenter() {
    return jdbc.sql("select id::text from center.center where name = '邹平市婚姻家庭辅导中心'")
        .query(String.class)
        .single();
  }

  ResultActions register(String user, String name, String id, String center) throws Exception {
    return mvc.perform(
        post("/api/v1/volunteers")
            .with(httpBasic(user, DEMO_PASSWORD))
            .header("Accept-Language", "zh-CN")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"name":"%s","gender":"FEMALE","birthDate":"%s","idNumber":"%s","phone":"%s",
                 "background":"LAWYER","specialities":["PROPERTY_DEBT"],"dialects":"滨州话、普通话",
                 "availability":["MON_AM","SAT_PM"],"centerId":"%s","status":"ACTIVE","joinedOn":"2024-03-01"}"""
                    .formatted(name, TestPeople.birthDateOf(id), id, TestPeople.phone(), center)));
  }

  String idOf(ResultActions result) throws Exception {
    return result
        .andReturn()
        .getResponse()
        .getContentAsString()
        .replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void theSamePersonCannotBeRegisteredTwice() throws Exception {
    String id = TestPeople.womanId("371623");
    register("admin-371623", "刘晓燕", id, wudiCenter()).andExpect(status().isCreated());
    register("admin", "刘晓燕", id.toLowerCase(), zoupingCenter())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("已登记")));
  }

  @Test
  void aWrongIdNumberIsRefusedNamingTheFieldAndTheReason() throws Exception {
    String id = TestPeople.womanId("371623");
    String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
    register("admin-371623", "孙丽", wrong, wudiCenter())
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'idNumber')].message")
                .value(Matchers.hasItem("身份证号校验位错误，请核对号码。")));
  }

  @Test
  void genderAndBirthDateMustAgreeWithTheNumber() throws Exception {
    String id = TestPeople.womanId("371623");
    mvc.perform(
            post("/api/v1/volunteers")
                .with(httpBasic("admin-371623", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name":"王强","gender":"MALE","birthDate":"1990-01-01","idNumber":"%s","phone":"13800138000",
                     "background":"SOCIAL_WORKER","centerId":"%s","status":"ACTIVE","joinedOn":"2024-03-01"}"""
                        .formatted(id, wudiCenter())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("gender", "birthDate")));
  }

  @Test
  void numbersAreMaskedAndOnlyTheEntitledSeeThemWholeWithAnAuditRow() throws Exception {
    String id = TestPeople.womanId("371623");
    String volunteer =
        idOf(register("admin-371623", "赵雪梅", id, wudiCenter()).andExpect(status().isCreated()));
    String masked = id.substring(0, 6) + "********" + id.substring(14);
    mvc.perform(
            get("/api/v1/volunteers/" + volunteer).with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.idNumberMasked").value(masked))
        .andExpect(jsonPath("$.idNumber").doesNotExist())
        .andExpect(jsonPath("$.phoneMasked").value(Matchers.matchesPattern("199\\*{4}\\d{4}")));
    mvc.perform(get("/api/v1/volunteers").param("q", "赵雪梅").with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.items[0].idNumberMasked").value(masked));
    assertThat(
            jdbc.sql(
                    "select count(*) from volunteer.volunteer where position(convert_to(:id, 'UTF8') in id_number_cipher) > 0")
                .param("id", id)
                .query(Long.class)
                .single())
        .as("stored encrypted")
        .isZero();

    long reads = sensitiveReads(volunteer);
    mvc.perform(
            get("/api/v1/volunteers/" + volunteer + "/contact")
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.idNumber").value(id));
    mvc.perform(
            get("/api/v1/volunteers/" + volunteer + "/contact")
                .with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/volunteers/" + volunteer + "/contact")
                .with(httpBasic("manager-371623", DEMO_PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/volunteers/" + volunteer + "/contact")
                .with(httpBasic("admin-371681", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    assertThat(sensitiveReads(volunteer)).isEqualTo(reads + 2);
  }

  @Test
  void anotherCountysVolunteersAnswer404AndNeverAppearInTheList() throws Exception {
    String zouping =
        jdbc.sql(
                "select id::text from volunteer.volunteer where region_path like '/370000/371600/371681/%' limit 1")
            .query(String.class)
            .single();
    mvc.perform(get("/api/v1/volunteers/" + zouping).with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/volunteers")
                .param("size", "100")
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(
            jsonPath("$.items[*].centerName")
                .value(Matchers.everyItem(Matchers.not(Matchers.containsString("邹平")))));
    mvc.perform(
            get("/api/v1/volunteers")
                .param("county", "371681")
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.total").value(0));
    mvc.perform(get("/api/v1/volunteers").with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(status().isForbidden());
  }

  @Test
  void searchFindsANameByCharactersPinyinInitialsAndTraditionalCharacters() throws Exception {
    String id = TestPeople.womanId("371623");
    String volunteer =
        idOf(register("admin-371623", "张红梅", id, wudiCenter()).andExpect(status().isCreated()));
    for (String q : new String[] {"张红梅", "红梅", "zhanghongmei", "zhm", "ZHM", "張紅梅", "zhang hong"}) {
      mvc.perform(
              get("/api/v1/volunteers")
                  .param("q", q)
                  .param("size", "100")
                  .with(httpBasic("admin-371623", DEMO_PASSWORD)))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.items[*].id", q).value(Matchers.hasItem(volunteer)));
    }
    mvc.perform(
            get("/api/v1/volunteers")
                .param("q", "zhm")
                .param("size", "100")
                .with(httpBasic("admin-371681", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.not(Matchers.hasItem(volunteer))));
  }

  @Test
  void filtersCombineWithTheSearchInTheDatabase() throws Exception {
    mvc.perform(
            get("/api/v1/volunteers")
                .param("background", "LAWYER")
                .param("status", "ACTIVE")
                .param("speciality", "PROPERTY_DEBT")
                .param("size", "100")
                .with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.items[*].background").value(Matchers.everyItem(Matchers.is("LAWYER"))))
        .andExpect(jsonPath("$.items[*].status").value(Matchers.everyItem(Matchers.is("ACTIVE"))));
  }

  @Test
  void theDemoDataHas447VolunteersAcrossSixBackgroundsAndSevenCounties() {
    assertThat(
            jdbc.sql(
                    "select count(*) from volunteer.volunteer where id_number_masked like '%99__' or true")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(447);
    assertThat(
            jdbc.sql("select count(distinct background) from volunteer.volunteer")
                .query(Long.class)
                .single())
        .isEqualTo(6);
    assertThat(
            jdbc.sql(
                    "select count(distinct split_part(region_path, '/', 4)) from volunteer.volunteer")
                .query(Long.class)
                .single())
        .isEqualTo(7);
    assertThat(
            jdbc.sql("select count(*) from center.center where kind = 'CENTER'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(7);
    assertThat(
            jdbc.sql("select count(*) from center.center where name = '“天仙配”婚姻辅导室'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  String center(String name) {
    return jdbc.sql("select id::text from center.center where name = :n")
        .param("n", name)
        .query(String.class)
        .single();
  }

  @Test
  @WithUserDetails("admin-371623")
  void theFormBindsToTheCommandAndAnEmptyNumberOnEditKeepsTheStoredOne() throws Exception {
    String id = TestPeople.womanId("371623");
    String location =
        mvc.perform(
                post("/volunteers")
                    .with(csrf())
                    .param("name", "李秀兰")
                    .param("gender", "FEMALE")
                    .param("birthDate", TestPeople.birthDateOf(id))
                    .param("idNumber", id)
                    .param("phone", "13905431234")
                    .param("background", "SOCIAL_WORKER")
                    .param("specialities", "PARENTING", "CHILD_CUSTODY")
                    .param("dialects", "滨州话、普通话")
                    .param("availability", "MON_AM", "SAT_PM")
                    .param("centerId", wudiCenter())
                    .param("status", "ACTIVE")
                    .param("joinedOn", "2024-03-01"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/volunteers/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String volunteer = location.substring("/volunteers/".length());
    mvc.perform(
            get("/api/v1/volunteers/" + volunteer).with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.id").value(volunteer))
        .andExpect(
            jsonPath("$.specialities").value(Matchers.contains("PARENTING", "CHILD_CUSTODY")))
        .andExpect(
            jsonPath("$.availability").value(Matchers.containsInAnyOrder("MON_AM", "SAT_PM")))
        .andExpect(jsonPath("$.dialects").value(Matchers.contains("滨州话", "普通话")));

    mvc.perform(
            post("/volunteers/" + volunteer)
                .with(csrf())
                .param("name", "李秀英")
                .param("gender", "FEMALE")
                .param("birthDate", TestPeople.birthDateOf(id))
                .param("idNumber", "")
                .param("phone", "")
                .param("background", "SOCIAL_WORKER")
                .param("centerId", wudiCenter())
                .param("status", "PAUSED")
                .param("joinedOn", "2024-03-01"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/volunteers/" + volunteer));
    mvc.perform(
            get("/api/v1/volunteers/" + volunteer).with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.name").value("李秀英"))
        .andExpect(jsonPath("$.status").value("PAUSED"))
        .andExpect(jsonPath("$.specialities").isEmpty())
        .andExpect(jsonPath("$.phoneMasked").value("139****1234"));
    mvc.perform(
            get("/api/v1/volunteers/" + volunteer + "/contact")
                .with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.idNumber").value(id))
        .andExpect(jsonPath("$.phone").value("13905431234"));
  }

  @Test
  void hoursAndCertificatesAreRecordedAndADayStillToComeIsRefused() throws Exception {
    String volunteer =
        idOf(
            register("admin-371623", "周美玲", TestPeople.womanId("371623"), wudiCenter())
                .andExpect(status().isCreated()));
    String tomorrow =
        java.time.LocalDate.now(org.huhang.shared.LegalTime.ZONE).plusDays(2).toString();
    mvc.perform(
            post("/api/v1/volunteers/" + volunteer + "/hours")
                .with(httpBasic("admin-371623", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind":"SERVICE","workedOn":"%s","hours":2,"description":"辅导"}"""
                        .formatted(tomorrow)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("workedOn"));
    mvc.perform(
            post("/api/v1/volunteers/" + volunteer + "/hours")
                .with(httpBasic("admin-371623", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind":"TRAINING","workedOn":"2025-01-10","hours":3.5,"description":"培训"}"""))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.hours").value(3.5));
    mvc.perform(
            post("/api/v1/volunteers/" + volunteer + "/qualifications")
                .with(httpBasic("admin-371623", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"type":"社会工作者职业水平证书","number":"SW-1","issuer":"人社部","expiresOn":"2030-01-01"}"""))
        .andExpect(status().isCreated());
    mvc.perform(
            get("/api/v1/volunteers/" + volunteer).with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.trainingHours").value(3.5))
        .andExpect(jsonPath("$.serviceHours").value(0))
        .andExpect(jsonPath("$.recentHours[0].description").value("培训"))
        .andExpect(jsonPath("$.qualifications[0].number").value("SW-1"));
  }

  @Test
  @WithUserDetails("admin-371623")
  void theCertificateAndHoursFormsShowEveryProblemAtOnceAndKeepWhatWasTyped() throws Exception {
    String volunteer =
        idOf(
            register("admin-371623", "郑丽华", TestPeople.womanId("371623"), wudiCenter())
                .andExpect(status().isCreated()));
    // The volunteer's own form: an unreadable date and the rules' problems in one round.
    mvc.perform(
            post("/volunteers")
                .with(csrf())
                .param("name", "")
                .param("birthDate", "1980-02-30")
                .param("phone", "123"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("“1980-02-30”不是有效日期")))
        .andExpect(content().string(containsString("data-field=\"name\"")))
        .andExpect(content().string(containsString("data-field=\"phone\"")));
    mvc.perform(
            post("/volunteers/" + volunteer + "/qualifications")
                .with(csrf())
                .param("type", "心理咨询师")
                .param("number", "")
                .param("issuer", "人社部")
                .param("expiresOn", "2025-02-30"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("“2025-02-30”不是有效日期")))
        .andExpect(content().string(containsString("data-field=\"number\"")))
        .andExpect(content().string(containsString("value=\"心理咨询师\"")))
        .andExpect(content().string(containsString("value=\"2025-02-30\"")));
    mvc.perform(
            post("/volunteers/" + volunteer + "/hours")
                .with(csrf())
                .param("kind", "TRAINING")
                .param("workedOn", "2025-13-01")
                .param("hours", "abc")
                .param("description", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-field=\"workedOn\"")))
        .andExpect(content().string(containsString("data-field=\"hours\"")))
        .andExpect(content().string(containsString("data-field=\"description\"")))
        .andExpect(content().string(containsString("value=\"abc\"")))
        .andExpect(content().string(containsString("value=\"TRAINING\" selected")));
    assertThat(
            jdbc.sql("select count(*) from volunteer.hours where volunteer_id = :v::uuid")
                .param("v", volunteer)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aCenterManagerSeesOnlyTheVolunteersOfTheCentersItRuns() throws Exception {
    String own =
        idOf(
            register("admin-371623", "吴晓红", TestPeople.womanId("371623"), wudiCenter())
                .andExpect(status().isCreated()));
    String room =
        idOf(
            register("admin-371623", "吴晓丽", TestPeople.womanId("371623"), center("海丰社区婚姻辅导室"))
                .andExpect(status().isCreated()));
    mvc.perform(get("/api/v1/volunteers/" + own).with(httpBasic("manager-371623", DEMO_PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/volunteers/" + room).with(httpBasic("manager-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/volunteers")
                .param("q", "wxh")
                .param("size", "100")
                .with(httpBasic("manager-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.hasItem(own)));
    mvc.perform(
            get("/api/v1/volunteers")
                .param("q", "wxl")
                .param("size", "100")
                .with(httpBasic("manager-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.not(Matchers.hasItem(room))));
  }

  @Test
  @WithUserDetails("admin")
  void theCityAdministratorKeepsTheSpecialityDictionary() throws Exception {
    mvc.perform(get("/volunteers"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.containsString("href=\"/volunteers/specialities\"")));
    mvc.perform(
            post("/volunteers/specialities")
                .with(csrf())
                .param("code", " elder_care ")
                .param("nameZh", "老人赡养")
                .param("nameEn", "Elder care"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/volunteers/specialities")
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("code", "ELDER_CARE_2")
                .param("nameZh", "老人赡养")
                .param("nameEn", "Elder care"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.containsString("value=\"ELDER_CARE_2\"")));
    mvc.perform(post("/volunteers/specialities/ELDER_CARE/disable").with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/v1/specialities").with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$[?(@.code == 'ELDER_CARE')].active").value(Matchers.contains(false)));
  }

  @Test
  @WithUserDetails("admin-371623")
  void aCountyAdministratorNeitherSeesNorChangesTheDictionaryPage() throws Exception {
    mvc.perform(get("/volunteers"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(Matchers.not(Matchers.containsString("/volunteers/specialities"))));
    mvc.perform(get("/volunteers/specialities")).andExpect(status().isForbidden());
    mvc.perform(post("/volunteers/specialities/PARENTING/disable").with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/volunteers/new")).andExpect(status().isOk());
  }

  @Test
  @WithUserDetails("registrar-371602")
  void aRegistrarGetsNoVolunteerPage() throws Exception {
    mvc.perform(get("/volunteers/new")).andExpect(status().isForbidden());
    mvc.perform(get("/volunteers/import")).andExpect(status().isForbidden());
    mvc.perform(get("/volunteers/template.xlsx"))
        .andExpect(status().isForbidden())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .doesNotExist("Content-Disposition"));
  }

  private long sensitiveReads(String volunteer) {
    return jdbc.sql(
            "select count(*) from audit.audit_event where action = 'read.sensitive' and entity_id = :id")
        .param("id", volunteer)
        .query(Long.class)
        .single();
  }
}
