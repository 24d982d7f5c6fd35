package org.huhang.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.shared.LegalTime;
import org.huhang.volunteer.HalfDay;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class GrowthIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  LocalDate today() {
    return LocalDate.now(LegalTime.ZONE);
  }

  /** The volunteer linked to a demo account. */
  UUID volunteerOf(String username) {
    return jdbc.sql(
            "select v.id from volunteer.volunteer v join identity.app_user u on u.id = v.user_id"
                + " where u.username = :u")
        .param("u", username)
        .query(UUID.class)
        .single();
  }

  String nameOf(UUID volunteer) {
    return jdbc.sql("select name from volunteer.volunteer where id = :v")
        .param("v", volunteer)
        .query(String.class)
        .single();
  }

  /**
   * An active volunteer of a county without an account, at a center the county's demo manager runs
   * (when there is one).
   */
  UUID plainVolunteerIn(String county) {
    return jdbc.sql(
            "select v.id from volunteer.volunteer v join center.center c on c.id = v.center_id"
                + " left join identity.app_user u on u.id = c.manager_user_id"
                + " where v.region_path like :p and v.status = 'ACTIVE' and v.user_id is null"
                + " order by (u.username = :m) desc nulls last, v.sort_key, v.id limit 1")
        .param("p", "/370000/371600/" + county + "/%")
        .param("m", "manager-" + county)
        .query(UUID.class)
        .single();
  }

  void addQualification(String admin, UUID volunteer, String type, LocalDate expiresOn)
      throws Exception {
    mvc.perform(
            post("/volunteers/" + volunteer + "/qualifications")
                .with(as(admin))
                .with(csrf())
                .param("type", type)
                .param("number", "ZS" + UUID.randomUUID().toString().substring(0, 6))
                .param("issuer", "滨州市妇女联合会")
                .param("expiresOn", expiresOn.toString()))
        .andExpect(status().is3xxRedirection());
  }

  /** A 无棣县 course of one 3-hour module the volunteer attends: it completes with 3 hours. */
  String completeCourse(UUID volunteer) throws Exception {
    String title = "无棣县成长测试班" + UUID.randomUUID().toString().substring(0, 4);
    LocalDate yesterday = today().minusDays(1);
    String location =
        mvc.perform(
                post("/training/courses")
                    .with(as("admin-371623"))
                    .with(csrf())
                    .param("title", title)
                    .param("regionCode", "371623")
                    .param("startsOn", yesterday.toString())
                    .param("endsOn", yesterday.toString())
                    .param("place", "无棣县婚姻家庭辅导中心")
                    .param("organiser", "无棣县妇女联合会")
                    .param("audience", "志愿者")
                    .param("capacity", "10")
                    .param("requiredHours", "3"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String course = location.substring(location.lastIndexOf('/') + 1);
    mvc.perform(
            post("/training/courses/" + course + "/modules")
                .with(as("admin-371623"))
                .with(csrf())
                .param("kind", "FIELD_VISIT")
                .param("day", yesterday.toString())
                .param("startsAt", "08:30")
                .param("endsAt", "11:30")
                .param("hours", "3")
                .param("title", "实地观摩")
                .param("hostCenter", "寿光市婚姻家庭辅导中心"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/training/courses/" + course + "/participants")
                .with(as("admin-371623"))
                .with(csrf())
                .param("volunteerId", volunteer.toString()))
        .andExpect(status().is3xxRedirection());
    UUID module =
        jdbc.sql("select id from training.module where course_id = :c")
            .param("c", UUID.fromString(course))
            .query(UUID.class)
            .single();
    UUID participant =
        jdbc.sql("select id from training.participant where course_id = :c and volunteer_id = :v")
            .param("c", UUID.fromString(course))
            .param("v", volunteer)
            .query(UUID.class)
            .single();
    mvc.perform(
            post("/training/courses/" + course + "/modules/" + module + "/attendance")
                .with(as("admin-371623"))
                .with(csrf())
                .param("present", participant.toString()))
        .andExpect(status().is3xxRedirection());
    return title;
  }

  @Test
  void aCounselorSeesItsCertificatesHoursByYearCoursesCertificateAndEventsItSpokeAt()
      throws Exception {
    UUID own = volunteerOf("counselor-371623");
    addQualification("admin-371623", own, "婚姻家庭咨询师证", today().plusDays(40));
    String title = completeCourse(own);

    String page =
        mvc.perform(get("/me/growth").with(as("counselor-371623")))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString(nameOf(own))))
            .andExpect(content().string(Matchers.containsString("id=\"growth-reminder\"")))
            .andExpect(
                content()
                    .string(Matchers.containsString("婚姻家庭咨询师证将于" + today().plusDays(40) + "到期")))
            .andExpect(content().string(Matchers.containsString("即将到期")))
            .andExpect(content().string(Matchers.containsString(title)))
            .andExpect(content().string(Matchers.containsString("下载结业证书")))
            .andExpect(content().string(Matchers.containsString("id=\"availability-form\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();

    // Training hours of the year include the 3 hours of the course just completed.
    int year = today().minusDays(1).getYear();
    String training =
        jdbc.sql(
                "select coalesce(sum(hours), 0)::text from volunteer.hours where volunteer_id = :v"
                    + " and kind = 'TRAINING' and extract(year from worked_on) = :y")
            .param("v", own)
            .param("y", year)
            .query(String.class)
            .single();
    assertThat(new java.math.BigDecimal(training))
        .isGreaterThanOrEqualTo(new java.math.BigDecimal("3"));
    assertThat(page)
        .contains(">" + year + "</th>")
        .contains(new java.math.BigDecimal(training).stripTrailingZeros().toPlainString());

    // The certificate link is the counselor's own to download.
    String href =
        page.replaceAll("(?s).*href=\"(/training/courses/[^\"]+/certificate\\.pdf)\".*", "$1");
    mvc.perform(get(href).with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"));

    // The demo made the counselor a speaker of its county's latest premarital sessions.
    String spoken =
        jdbc.sql(
                "select e.title from outreach.event_speaker s join outreach.outreach_event e"
                    + " on e.id = s.event_id where s.volunteer_id = :v order by e.held_on desc limit 1")
            .param("v", own)
            .query(String.class)
            .single();
    assertThat(page).contains("id=\"growth-events\"").contains(spoken);
  }

  @Test
  void theZoupingCounselorSeesTheProvincialGoldOfItsProject() throws Exception {
    mvc.perform(get("/me/growth").with(as("counselor-371681")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("为爱护航 遇见幸福")))
        .andExpect(content().string(Matchers.containsString("山东省志愿服务项目大赛金奖")))
        .andExpect(content().string(Matchers.containsString("省级")));
  }

  @Test
  void aVolunteerChangesOnlyItsOwnAvailabilityAndABadHalfDayIsNamed() throws Exception {
    UUID own = volunteerOf("counselor-371625");
    UUID other = plainVolunteerIn("371625");
    int before = bits(own);
    int otherBefore = bits(other);
    try {
      mvc.perform(
              post("/me/growth/availability")
                  .with(as("counselor-371625"))
                  .with(csrf())
                  .param("availability", "MON_AM", "SAT_PM")
                  .param("volunteerId", other.toString()))
          .andExpect(status().is3xxRedirection());
      assertThat(HalfDay.fromBits(bits(own)))
          .containsExactlyInAnyOrder(HalfDay.MON_AM, HalfDay.SAT_PM);
      assertThat(bits(other)).isEqualTo(otherBefore);
      assertThat(
              jdbc.sql(
                      "select count(*) from audit.audit_event where action = 'volunteer.availability.own'"
                          + " and username = 'counselor-371625' and entity_id = :v")
                  .param("v", own.toString())
                  .query(Long.class)
                  .single())
          .isPositive();

      mvc.perform(
              post("/me/growth/availability")
                  .with(as("counselor-371625"))
                  .with(csrf())
                  .param("availability", "MON_AM", "FUNDAY_AM"))
          .andExpect(status().is(422))
          .andExpect(content().string(Matchers.containsString("data-field=\"availability\"")));
      assertThat(HalfDay.fromBits(bits(own)))
          .containsExactlyInAnyOrder(HalfDay.MON_AM, HalfDay.SAT_PM);

      // Nothing ticked: the volunteer can serve no half-day for now.
      mvc.perform(post("/me/growth/availability").with(as("counselor-371625")).with(csrf()))
          .andExpect(status().is3xxRedirection());
      assertThat(bits(own)).isZero();
    } finally {
      jdbc.sql("update volunteer.volunteer set availability = :b where id = :v")
          .param("b", before)
          .param("v", own)
          .update();
    }
    // An account linked to no volunteer has no availability to change.
    mvc.perform(
            post("/me/growth/availability")
                .with(as("manager-371623"))
                .with(csrf())
                .param("availability", "MON_AM"))
        .andExpect(status().isNotFound());
  }

  int bits(UUID volunteer) {
    return jdbc.sql("select availability from volunteer.volunteer where id = :v")
        .param("v", volunteer)
        .query(Integer.class)
        .single();
  }

  @Test
  void anAccountLinkedToNoVolunteerIsToldSo() throws Exception {
    mvc.perform(get("/me/growth").with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("尚未关联志愿者档案")))
        .andExpect(content().string(Matchers.containsString("href=\"/growth\"")));
    mvc.perform(get("/me/growth").with(as("registrar-371602")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("尚未关联志愿者档案")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/growth\""))));
  }

  @Test
  void aManagerSeesItsVolunteersYearAndTheCertificatesRunningOutWithinNinetyDays()
      throws Exception {
    UUID volunteer = plainVolunteerIn("371623");
    String name = nameOf(volunteer);
    addQualification("admin-371623", volunteer, "心理咨询师证（60天）", today().plusDays(60));
    addQualification("admin-371623", volunteer, "调解员证（已过期）", today().minusDays(10));
    addQualification("admin-371623", volunteer, "社会工作者证（一年）", today().plusDays(200));

    String page =
        mvc.perform(get("/growth").with(as("manager-371623")))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString(today().getYear() + "年志愿者时长")))
            .andExpect(content().string(Matchers.containsString(name)))
            .andExpect(content().string(Matchers.containsString("心理咨询师证（60天）")))
            .andExpect(content().string(Matchers.containsString("调解员证（已过期）")))
            .andExpect(content().string(Matchers.containsString("已过期")))
            .andExpect(content().string(Matchers.not(Matchers.containsString("社会工作者证（一年）"))))
            .andExpect(
                content()
                    .string(
                        Matchers.containsString("href=\"/volunteers/" + volunteer + "/growth\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    // Only its center's volunteers: none of 博兴县.
    assertThat(page).doesNotContain("/volunteers/" + plainVolunteerIn("371625") + "/growth");

    mvc.perform(get("/volunteers/" + volunteer + "/growth").with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("心理咨询师证（60天）")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("availability-form"))));
    mvc.perform(get("/growth").with(as("admin-371623"))).andExpect(status().isOk());
    mvc.perform(get("/volunteers/" + volunteer).with(as("admin-371623")))
        .andExpect(
            content()
                .string(Matchers.containsString("href=\"/volunteers/" + volunteer + "/growth\"")));
  }

  @Test
  void growthPagesAnswer404OutsideTheScopeAnd403ForRolesThatDoNotManageVolunteers()
      throws Exception {
    UUID wudi = volunteerOf("counselor-371623");
    mvc.perform(get("/volunteers/" + wudi + "/growth").with(as("admin-371623")))
        .andExpect(status().isOk());
    mvc.perform(get("/volunteers/" + wudi + "/growth").with(as("admin")))
        .andExpect(status().isOk());
    mvc.perform(get("/volunteers/" + wudi + "/growth").with(as("manager-371625")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/volunteers/" + wudi + "/growth").with(as("admin-371681")))
        .andExpect(status().isNotFound());
    for (String role : new String[] {"registrar-371602", "analyst", "counselor-371623"}) {
      mvc.perform(get("/volunteers/" + wudi + "/growth").with(as(role)))
          .andExpect(status().isForbidden());
      mvc.perform(get("/growth").with(as(role))).andExpect(status().isForbidden());
    }
    mvc.perform(get("/volunteers/" + UUID.randomUUID() + "/growth").with(as("admin")))
        .andExpect(status().isNotFound());
  }

  String eventIn(String county) {
    return jdbc.sql(
            "select id::text from outreach.outreach_event where region_code = :c"
                + " order by held_on, title, id limit 1")
        .param("c", county)
        .query(String.class)
        .single();
  }

  String projectIn(String county) {
    return jdbc.sql(
            "select id::text from outreach.service_project where region_path like :p"
                + " order by started_on, id limit 1")
        .param("p", "/370000/371600/" + county + "/%")
        .query(String.class)
        .single();
  }

  @Test
  void editorsAddAndRemoveAnEventsVolunteerSpeakersOfItsRegionOnly() throws Exception {
    String event = eventIn("371623");
    UUID volunteer = plainVolunteerIn("371623");
    String name = nameOf(volunteer);

    mvc.perform(get("/outreach-events/" + event + "/volunteers").with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"event-speakers-form\"")));
    mvc.perform(get("/outreach-events/" + event + "/volunteers").with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("event-speakers-form"))));
    mvc.perform(
            post("/outreach-events/" + event + "/speakers")
                .with(as("admin-371623"))
                .with(csrf())
                .header("HX-Request", "true")
                .param("volunteerId", volunteer.toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(name)))
        .andExpect(content().string(Matchers.containsString("/speakers/" + volunteer + "/remove")));
    assertThat(
            jdbc.sql(
                    "select count(*) from outreach.event_speaker where event_id = :e and volunteer_id = :v")
                .param("e", UUID.fromString(event))
                .param("v", volunteer)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // The event is now among the volunteer's on its growth page.
    mvc.perform(get("/volunteers/" + volunteer + "/growth").with(as("admin-371623")))
        .andExpect(content().string(Matchers.containsString("/outreach-events/" + event)));

    mvc.perform(
            post("/outreach-events/" + event + "/speakers")
                .with(as("admin-371623"))
                .with(csrf())
                .param("volunteerId", plainVolunteerIn("371681").toString()))
        .andExpect(status().is(422))
        .andExpect(content().string(Matchers.containsString("只能选择本地区")));
    mvc.perform(
            post("/outreach-events/" + event + "/speakers").with(as("admin-371623")).with(csrf()))
        .andExpect(status().is(422))
        .andExpect(content().string(Matchers.containsString("请选择一位志愿者")));
    mvc.perform(
            post("/outreach-events/" + event + "/speakers")
                .with(as("counselor-371623"))
                .with(csrf())
                .param("volunteerId", volunteer.toString()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/outreach-events/" + event + "/speakers")
                .with(as("admin-371681"))
                .with(csrf())
                .param("volunteerId", volunteer.toString()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/outreach-events/" + event + "/volunteers").with(as("registrar-371602")))
        .andExpect(status().isForbidden());

    mvc.perform(
            post("/outreach-events/" + event + "/speakers/" + volunteer + "/remove")
                .with(as("admin-371623"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql(
                    "select count(*) from outreach.event_speaker where event_id = :e and volunteer_id = :v")
                .param("e", UUID.fromString(event))
                .param("v", volunteer)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit.audit_event where action in"
                        + " ('outreach.speaker.add', 'outreach.speaker.remove') and entity_id = :e")
                .param("e", event)
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aProjectsHonourIsAVolunteersOnlyIfItServedWhenTheHonourWasAwarded() throws Exception {
    var honour =
        jdbc.sql(
                "select h.project_id, h.award, h.awarded_on from outreach.project_honour h"
                    + " join outreach.service_project p on p.id = h.project_id"
                    + " where p.region_path like '/370000/371600/371623/%' and h.awarded_on > p.started_on"
                    + " order by h.awarded_on limit 1")
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getObject(1, UUID.class),
                      rs.getString(2),
                      rs.getObject(3, java.time.LocalDate.class)
                    })
            .single();
    UUID project = (UUID) honour[0];
    String award = (String) honour[1];
    java.time.LocalDate awardedOn = (java.time.LocalDate) honour[2];
    java.util.List<UUID> two =
        jdbc.sql(
                "select id from volunteer.volunteer where region_path like '/370000/371600/371623/%'"
                    + " and status = 'ACTIVE' and user_id is null and id not in"
                    + " (select volunteer_id from outreach.project_member) order by id limit 2")
            .query(UUID.class)
            .list();
    String[] joined = {awardedOn.minusDays(1).toString(), awardedOn.plusDays(1).toString()};
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              post("/service-projects/" + project + "/members")
                  .with(as("manager-371623"))
                  .with(csrf())
                  .param("volunteerId", two.get(i).toString())
                  .param("joinedOn", joined[i]))
          .andExpect(status().is3xxRedirection());
    }
    // Read by the county's administrator, who sees every volunteer of the county.
    mvc.perform(get("/volunteers/" + two.get(0) + "/growth").with(as("admin-371623")))
        .andExpect(content().string(Matchers.containsString(award)));
    mvc.perform(get("/volunteers/" + two.get(1) + "/growth").with(as("admin-371623")))
        .andExpect(content().string(Matchers.containsString("/service-projects/" + project)))
        .andExpect(content().string(Matchers.not(Matchers.containsString(award))));
  }

  @Test
  void editorsAddAndRemoveAProjectsVolunteers() throws Exception {
    String project = projectIn("371623");
    UUID volunteer = plainVolunteerIn("371623");
    java.time.LocalDate started =
        jdbc.sql("select started_on from outreach.service_project where id = :p")
            .param("p", UUID.fromString(project))
            .query(java.time.LocalDate.class)
            .single();
    // The day joined: required, a real date, within the project, not to come.
    for (String[] bad :
        new String[][] {
          {"", "请填写这位志愿者加入项目的日期"},
          {"2023-02-30", "不是有效日期"},
          {started.minusDays(1).toString(), "须在项目期间内"},
          {
            java.time.LocalDate.now(org.huhang.shared.LegalTime.ZONE).plusDays(1).toString(),
            "不能晚于今天"
          }
        }) {
      mvc.perform(
              post("/service-projects/" + project + "/members")
                  .with(as("manager-371623"))
                  .with(csrf())
                  .header("HX-Request", "true")
                  .param("volunteerId", volunteer.toString())
                  .param("joinedOn", bad[0]))
          .andExpect(status().isUnprocessableContent())
          .andExpect(content().string(Matchers.containsString(bad[1])));
    }
    mvc.perform(
            post("/service-projects/" + project + "/members")
                .with(as("manager-371623"))
                .with(csrf())
                .header("HX-Request", "true")
                .param("volunteerId", volunteer.toString())
                .param("joinedOn", started.toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("/members/" + volunteer + "/remove")));
    mvc.perform(get("/volunteers/" + volunteer + "/growth").with(as("admin-371623")))
        .andExpect(content().string(Matchers.containsString("/service-projects/" + project)));
    mvc.perform(
            post("/service-projects/" + project + "/members")
                .with(as("analyst"))
                .with(csrf())
                .param("volunteerId", volunteer.toString()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/service-projects/" + project + "/members")
                .with(as("manager-371625"))
                .with(csrf())
                .param("volunteerId", volunteer.toString()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/service-projects/" + project + "/members/" + volunteer + "/remove")
                .with(as("manager-371623"))
                .with(csrf())
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.not(Matchers.containsString("/members/" + volunteer + "/remove"))));
    assertThat(
            jdbc.sql(
                    "select count(*) from outreach.project_member where project_id = :p"
                        + " and volunteer_id = :v")
                .param("p", UUID.fromString(project))
                .param("v", volunteer)
                .query(Long.class)
                .single())
        .isZero();
  }
}
