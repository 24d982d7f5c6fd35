package org.huhang.training;

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
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A course is for staff too (the source's course gathered city and county federation and
 * civil-affairs staff): a registrar is enrolled, attends, completes, reads its own course and
 * downloads its certificate, gives feedback, and reads no other course; no hours record is touched.
 */
class TrainingStaffIntegrationTest extends IntegrationTest {

  static final Actor CITY_ADMIN =
      new Actor(null, "admin", "x", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired Courses courses;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  UUID userId(String username) {
    return jdbc.sql("select id from identity.app_user where username = :u")
        .param("u", username)
        .query(UUID.class)
        .single();
  }

  @Test
  void aRegistrarTakesACourseAsStaffAndGetsItsCertificateWithoutAnyHoursRecord() throws Exception {
    LocalDate today = LocalDate.now(LegalTime.ZONE);
    String title = "全市婚姻登记与辅导衔接培训" + UUID.randomUUID().toString().substring(0, 4);
    String location =
        mvc.perform(
                post("/training/courses")
                    .with(as("admin"))
                    .with(csrf())
                    .param("title", title)
                    .param("regionCode", "371600")
                    .param("startsOn", today.minusDays(1).toString())
                    .param("endsOn", today.toString())
                    .param("place", "滨州市婚姻家庭辅导中心")
                    .param("organiser", "滨州市妇女联合会")
                    .param("audience", "市县妇联、民政工作人员和志愿者")
                    .param("capacity", "10")
                    .param("requiredHours", "2"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    CourseId id = CourseId.of(location.substring(location.lastIndexOf('/') + 1));
    mvc.perform(
            post("/training/courses/" + id + "/modules")
                .with(as("admin"))
                .with(csrf())
                .param("kind", "EXPERT_LECTURE")
                .param("day", today.minusDays(1).toString())
                .param("startsAt", "09:00")
                .param("endsAt", "11:00")
                .param("hours", "2")
                .param("title", "冷静期内的辅导衔接")
                .param("trainer", "高文静")
                .param("topic", "登记与辅导"))
        .andExpect(status().is3xxRedirection());

    // Before enrolling, a registrar reads no course at all.
    mvc.perform(get("/training/courses/" + id).with(as("registrar-371602")))
        .andExpect(status().isForbidden());
    // The staff choice offers the registrar and never a counselor (a volunteer enrolls as one).
    mvc.perform(get("/training/courses/" + id).with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(userId("registrar-371602").toString())))
        .andExpect(
            content()
                .string(
                    Matchers.not(Matchers.containsString(userId("counselor-371623").toString()))));
    mvc.perform(
            post("/training/courses/" + id + "/staff")
                .with(as("admin"))
                .with(csrf())
                .param("userId", userId("counselor-371623").toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("辅导员请按志愿者报名")));
    mvc.perform(post("/training/courses/" + id + "/staff").with(as("admin")).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请选择工作人员")));
    mvc.perform(
            post("/training/courses/" + id + "/staff")
                .with(as("admin"))
                .with(csrf())
                .param("userId", userId("registrar-371602").toString()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/training/courses/" + id + "/staff")
                .with(as("admin"))
                .with(csrf())
                .param("userId", userId("registrar-371602").toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已经报名")));
    // A county administrator cannot enroll anyone into the city's course.
    mvc.perform(
            post("/training/courses/" + id + "/staff")
                .with(as("admin-371623"))
                .with(csrf())
                .param("userId", userId("manager-371623").toString()))
        .andExpect(status().isForbidden());

    ParticipantView p =
        courses.participants(id, CITY_ADMIN).stream()
            .filter(ParticipantView::staff)
            .findFirst()
            .orElseThrow();
    assertThat(p.staffRole()).isEqualTo(Role.REGISTRAR);
    assertThat(p.volunteerId()).isNull();
    mvc.perform(
            post("/training/courses/"
                    + id
                    + "/modules/"
                    + courses.get(id, CITY_ADMIN).modules().get(0).id()
                    + "/attendance")
                .with(as("admin"))
                .with(csrf())
                .param("present", p.id().toString()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            courses.participants(id, CITY_ADMIN).stream()
                .filter(x -> x.id().equals(p.id()))
                .findFirst()
                .orElseThrow()
                .status())
        .isEqualTo(ParticipantStatus.COMPLETED);
    assertThat(
            jdbc.sql("select count(*) from volunteer.hours where description like :t")
                .param("t", "%" + title + "%")
                .query(Integer.class)
                .single())
        .isZero();

    // The registrar now reads its own course, downloads its own certificate and gives feedback.
    mvc.perform(get("/training/courses/" + id).with(as("registrar-371602")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("feedback-form")));
    byte[] pdf =
        mvc.perform(
                get("/training/courses/" + id + "/participants/" + p.id() + "/certificate.pdf")
                    .with(as("registrar-371602")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(TrainingIntegrationTest.text(pdf)).contains(p.name()).contains(title);
    mvc.perform(
            post("/training/courses/" + id + "/feedback")
                .with(as("registrar-371602"))
                .with(csrf())
                .param("rating", "4")
                .param("comments", "衔接流程讲得清楚"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/").with(as("registrar-371602")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(title)));
    // Another course stays closed to it; the course list too.
    mvc.perform(get("/training/courses").with(as("registrar-371602")))
        .andExpect(status().isForbidden());
  }
}
