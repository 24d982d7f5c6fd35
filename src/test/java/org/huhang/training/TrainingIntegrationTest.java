package org.huhang.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.shared.Actor;
import org.huhang.shared.LegalTime;
import org.huhang.shared.Role;
import org.huhang.volunteer.VolunteerRef;
import org.huhang.volunteer.Volunteers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Training courses through their pages: a county course with the three kinds of module, seats and
 * the waiting list, attendance and completion, hours added once, the certificate read back from its
 * PDF, feedback, the demo course, and who sees what (404 outside, 403 for registrars).
 */
class TrainingIntegrationTest extends IntegrationTest {

  static final Actor WUDI_ADMIN =
      new Actor(
          null, "admin-371623", "x", Role.COUNTY_ADMIN, "371623", "无棣县", "/370000/371600/371623/");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired Courses courses;
  @Autowired Volunteers volunteers;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  LocalDate today() {
    return LocalDate.now(LegalTime.ZONE);
  }

  /** Creates a course of 无棣县 through the form and answers its id. */
  CourseId createCourse(String title, int capacity, String requiredHours) throws Exception {
    String location =
        mvc.perform(
                post("/training/courses")
                    .with(as("admin-371623"))
                    .with(csrf())
                    .param("title", title)
                    .param("regionCode", "371623")
                    .param("startsOn", today().minusDays(1).toString())
                    .param("endsOn", today().toString())
                    .param("place", "无棣县婚姻家庭辅导中心")
                    .param("organiser", "无棣县妇女联合会")
                    .param("audience", "志愿者")
                    .param("capacity", String.valueOf(capacity))
                    .param("requiredHours", requiredHours))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return CourseId.of(location.substring(location.lastIndexOf('/') + 1));
  }

  void addModule(
      CourseId id,
      String kind,
      LocalDate day,
      String start,
      String end,
      String hours,
      String title,
      String extraName,
      String extraValue)
      throws Exception {
    var request =
        post("/training/courses/" + id + "/modules")
            .with(as("admin-371623"))
            .with(csrf())
            .param("kind", kind)
            .param("day", day.toString())
            .param("startsAt", start)
            .param("endsAt", end)
            .param("hours", hours)
            .param("title", title);
    if (extraName != null) {
      request = request.param(extraName, extraValue);
    }
    if (kind.equals("EXPERT_LECTURE")) {
      request = request.param("trainer", "高文静").param("topic", "辅导六步法");
    }
    mvc.perform(request).andExpect(status().is3xxRedirection());
  }

  /** Active volunteers of 无棣县 in no course yet, so each test has its own. */
  List<VolunteerRef> freshWudiVolunteers(int n) {
    List<UUID> taken =
        jdbc.sql("select volunteer_id from training.participant").query(UUID.class).list();
    return volunteers.activeIn("/370000/371600/371623/").stream()
        .filter(v -> v.userId() == null && !taken.contains(v.id().value()))
        .limit(n)
        .toList();
  }

  void enroll(CourseId id, VolunteerRef v) throws Exception {
    mvc.perform(
            post("/training/courses/" + id + "/participants")
                .with(as("admin-371623"))
                .with(csrf())
                .param("volunteerId", v.id().toString()))
        .andExpect(status().is3xxRedirection());
  }

  ParticipantView participant(CourseId id, VolunteerRef v) {
    return courses.participants(id, WUDI_ADMIN).stream()
        .filter(p -> v.id().equals(p.volunteerId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFullCourseMakesTheNextOneWaitAndACancellationMovesTheFirstWaitingUp() throws Exception {
    CourseId id = createCourse("无棣县名额测试培训班", 2, "3");
    List<VolunteerRef> four = freshWudiVolunteers(4);
    for (VolunteerRef v : four) {
      enroll(id, v);
    }
    assertThat(participant(id, four.get(0)).status()).isEqualTo(ParticipantStatus.ENROLLED);
    assertThat(participant(id, four.get(1)).status()).isEqualTo(ParticipantStatus.ENROLLED);
    assertThat(participant(id, four.get(2)).status()).isEqualTo(ParticipantStatus.WAITING);
    assertThat(participant(id, four.get(2)).waitingPosition()).isEqualTo(1);
    assertThat(participant(id, four.get(3)).waitingPosition()).isEqualTo(2);
    assertThat(courses.get(id, WUDI_ADMIN).enrolled()).isEqualTo(2);

    mvc.perform(
            post("/training/courses/"
                    + id
                    + "/participants/"
                    + participant(id, four.get(1)).id()
                    + "/cancel")
                .with(as("admin-371623"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(participant(id, four.get(1)).status()).isEqualTo(ParticipantStatus.CANCELLED);
    assertThat(participant(id, four.get(2)).status()).isEqualTo(ParticipantStatus.ENROLLED);
    assertThat(participant(id, four.get(3)).status()).isEqualTo(ParticipantStatus.WAITING);
    assertThat(participant(id, four.get(3)).waitingPosition()).isEqualTo(1);
    // The same volunteer twice is refused, naming the field.
    mvc.perform(
            post("/training/courses/" + id + "/participants")
                .with(as("admin-371623"))
                .with(csrf())
                .param("volunteerId", four.get(0).id().toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("已经报名或在候补名单中")));
  }

  @Test
  void completionNeedsTheRuleHoursAndAddsTheHoursToTheVolunteerExactlyOnce() throws Exception {
    String title = "无棣县结业测试培训班" + UUID.randomUUID().toString().substring(0, 4);
    CourseId id = createCourse(title, 10, "4");
    LocalDate yesterday = today().minusDays(1);
    addModule(
        id, "FIELD_VISIT", yesterday, "08:30", "11:30", "3", "实地观摩", "hostCenter", "寿光市婚姻家庭辅导中心");
    addModule(id, "EXPERT_LECTURE", yesterday, "14:00", "16:00", "2", "专家讲座", null, null);
    addModule(
        id, "EXPERIENCE_EXCHANGE", today(), "08:30", "10:00", "1.5", "经验交流", "groups", "按乡镇分三组");
    CourseView course = courses.get(id, WUDI_ADMIN);
    assertThat(course.modules())
        .extracting(ModuleView::kind)
        .containsExactly(
            ModuleKind.FIELD_VISIT, ModuleKind.EXPERT_LECTURE, ModuleKind.EXPERIENCE_EXCHANGE);
    VolunteerRef v = freshWudiVolunteers(1).get(0);
    enroll(id, v);
    UUID pid = participant(id, v).id();

    attend(id, course.modules().get(0).id(), pid);
    // A module with attendance keeps its record: the page offers no delete button for it.
    mvc.perform(get("/training/courses/" + id).with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(
                            "/modules/" + course.modules().get(0).id() + "/delete"))))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "/modules/" + course.modules().get(1).id() + "/delete")));
    assertThat(participant(id, v).status()).isEqualTo(ParticipantStatus.ENROLLED);
    assertThat(participant(id, v).attendedHours()).isEqualByComparingTo("3");
    assertThat(hoursOf(v, title)).isEqualByComparingTo("0");

    attend(id, course.modules().get(1).id(), pid);
    assertThat(participant(id, v).status()).isEqualTo(ParticipantStatus.COMPLETED);
    assertThat(hoursOf(v, title)).isEqualByComparingTo("5");

    // Recording the same module again, and asking the volunteer module again, adds nothing.
    attend(id, course.modules().get(1).id(), pid);
    String description =
        jdbc.sql(
                "select description from volunteer.hours where volunteer_id = :v"
                    + " and description like :t limit 1")
            .param("v", v.id().value())
            .param("t", "%" + title + "%")
            .query(String.class)
            .single();
    LocalDate day =
        jdbc.sql("select worked_on from volunteer.hours where description = :d")
            .param("d", description)
            .query(LocalDate.class)
            .single();
    BigDecimal hours =
        jdbc.sql("select hours from volunteer.hours where description = :d")
            .param("d", description)
            .query(BigDecimal.class)
            .single();
    assertThat(volunteers.addTrainingHours(v.id(), day, hours, description, WUDI_ADMIN)).isFalse();
    assertThat(hoursOf(v, title)).isEqualByComparingTo("5");

    // A module attended after completing adds its own hours, once.
    attend(id, course.modules().get(2).id(), pid);
    attend(id, course.modules().get(2).id(), pid);
    assertThat(hoursOf(v, title)).isEqualByComparingTo("6.5");
    assertThat(
            jdbc.sql(
                    "select count(*) from volunteer.hours where volunteer_id = :v"
                        + " and kind = 'TRAINING' and description like :t")
                .param("v", v.id().value())
                .param("t", "%" + title + "%")
                .query(Integer.class)
                .single())
        .isEqualTo(3);

    // The certificate, read back from the PDF: in Chinese, with the name, course and hours.
    byte[] pdf =
        mvc.perform(
                get("/training/courses/" + id + "/participants/" + pid + "/certificate.pdf")
                    .with(as("admin-371623")))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = text(pdf);
    assertThat(text)
        .contains("结业证书")
        .contains(v.name())
        .contains(title)
        .contains("6.5学时")
        .contains("无棣县妇女联合会")
        .contains("实地观摩学习");
    // Another county's administrator does not see the county course; a registrar none at all.
    mvc.perform(
            get("/training/courses/" + id + "/participants/" + pid + "/certificate.pdf")
                .with(as("admin-371681")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/training/courses/" + id).with(as("admin-371681")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/training/courses/" + id).with(as("admin-371681")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/training/courses/" + id).with(as("registrar-371602")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/training/courses").with(as("registrar-371602")))
        .andExpect(status().isForbidden());
    // A counselor of the county reads the course but prints nobody else's certificate.
    mvc.perform(get("/training/courses/" + id).with(as("counselor-371623")))
        .andExpect(status().isOk());
    mvc.perform(
            get("/training/courses/" + id + "/participants/" + pid + "/certificate.pdf")
                .with(as("counselor-371623")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aModuleNeedsWhatItsKindNeedsAndAnAttendanceOfADayToComeIsRefused() throws Exception {
    CourseId id = createCourse("无棣县表单测试培训班", 10, "2");
    mvc.perform(
            post("/training/courses/" + id + "/modules")
                .with(as("admin-371623"))
                .with(csrf())
                .param("kind", "EXPERT_LECTURE")
                .param("day", today().toString())
                .param("startsAt", "09:00")
                .param("endsAt", "10:00")
                .param("hours", "2")
                .param("title", "讲座"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写授课专家")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("学时不能超过开始到结束的时长")));
    mvc.perform(
            post("/training/courses")
                .with(as("admin-371623"))
                .with(csrf())
                .param("title", "市级培训")
                .param("regionCode", "371600")
                .param("startsOn", today().toString())
                .param("endsOn", today().minusDays(1).toString())
                .param("place", "滨州")
                .param("organiser", "妇联")
                .param("capacity", "10")
                .param("requiredHours", "2"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("结束日期不能早于开始日期")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("371600")));
    mvc.perform(get("/training/courses/new").with(as("counselor-371623")))
        .andExpect(status().isForbidden());
  }

  @Test
  void theDemoCourseHasItsThreeKindsFiftyParticipantsOfSevenCountiesAndCertificates()
      throws Exception {
    UUID id =
        jdbc.sql("select id from training.course where starts_on = '2023-09-26'")
            .query(UUID.class)
            .single();
    mvc.perform(get("/api/v1/training/courses/" + id).with(as("admin-371681")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.title").value("滨州市婚姻家庭辅导志愿者培训班"))
        .andExpect(jsonPath("$.modules.length()").value(4))
        .andExpect(jsonPath("$.modules[0].hostCenter").value("寿光市婚姻家庭辅导中心"));
    // A 博兴县 counselor reads the city's course (other tests add courses of their own).
    mvc.perform(get("/api/v1/training/courses").with(as("counselor-371625")))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.items[*].title").value(org.hamcrest.Matchers.hasItem("滨州市婚姻家庭辅导志愿者培训班")));
    CourseId course = new CourseId(id);
    Actor city = new Actor(null, "admin", "x", Role.CITY_ADMIN, "371600", "滨州市", "/370000/371600/");
    List<ParticipantView> participants = courses.participants(course, city);
    assertThat(participants).hasSizeGreaterThanOrEqualTo(50);
    assertThat(participants.stream().map(ParticipantView::groupName).distinct()).hasSize(7);
    assertThat(participants.stream().filter(p -> p.status() == ParticipantStatus.COMPLETED))
        .hasSizeGreaterThan(45);
    // The counselor's own volunteer completed: it prints its own certificate, another does not.
    UUID own =
        participants.stream()
            .filter(
                p ->
                    volunteers
                        .ref(p.volunteerId())
                        .map(v -> v.userId() != null && v.regionPath().contains("/371623/"))
                        .orElse(false))
            .findFirst()
            .orElseThrow()
            .id();
    String path = "/training/courses/" + id + "/participants/" + own + "/certificate.pdf";
    byte[] pdf =
        mvc.perform(get(path).with(as("counselor-371623")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(text(pdf)).contains("滨州市婚姻家庭辅导志愿者培训班").contains("11.5学时");
    // Another county's participant lies outside the counselor's scope (row-level security,
    // V43): not found; a registrar has no certificates to read at all.
    mvc.perform(get(path).with(as("counselor-371625"))).andExpect(status().isNotFound());
    mvc.perform(get(path).with(as("registrar-371602"))).andExpect(status().isForbidden());

    // Who attended what is the organiser's record: the counselor sees its own row, not the others.
    String someoneElse =
        participants.stream().filter(p -> !p.id().equals(own)).findFirst().orElseThrow().name();
    mvc.perform(get("/training/courses/" + id).with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("participants-own-only")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(own + "/certificate.pdf")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(someoneElse))));
    mvc.perform(get("/training/courses/" + id).with(as("admin")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(someoneElse)));

    // The counselor's home lists its courses, and its own view of the course the certificate.
    mvc.perform(get("/").with(as("counselor-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("我的培训")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("滨州市婚姻家庭辅导志愿者培训班")));
    assertThat(
            courses.coursesOf(
                volunteers
                    .ref(
                        participants.stream()
                            .filter(p -> p.id().equals(own))
                            .findFirst()
                            .orElseThrow()
                            .volunteerId())
                    .orElseThrow()
                    .id()))
        .anySatisfy(c -> assertThat(c.certificatePath()).isEqualTo(path));
    mvc.perform(get("/training/courses/" + id).with(as("counselor-371623")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(path)));

    // Feedback after the course, by the participant; summarised for the organiser only.
    mvc.perform(
            post("/training/courses/" + id + "/feedback")
                .with(as("counselor-371623"))
                .with(csrf())
                .param("rating", "5")
                .param("comments", "实地观摩很有收获"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/training/courses/" + id + "/feedback")
                .with(as("analyst"))
                .with(csrf())
                .param("rating", "1"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/training/courses/" + id).with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("实地观摩很有收获")));
    mvc.perform(get("/training/courses/" + id).with(as("counselor-371625")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("实地观摩很有收获"))));
  }

  void attend(CourseId id, UUID moduleId, UUID... present) throws Exception {
    var request =
        post("/training/courses/" + id + "/modules/" + moduleId + "/attendance")
            .with(as("admin-371623"))
            .with(csrf());
    for (UUID p : present) {
      request = request.param("present", p.toString());
    }
    mvc.perform(request).andExpect(status().is3xxRedirection());
  }

  BigDecimal hoursOf(VolunteerRef v, String title) {
    return jdbc.sql(
            "select coalesce(sum(hours), 0) from volunteer.hours where volunteer_id = :v"
                + " and kind = 'TRAINING' and description like :t")
        .param("v", v.id().value())
        .param("t", "%" + title + "%")
        .query(BigDecimal.class)
        .single();
  }

  static String text(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      all.append(new PdfTextExtractor(reader).getTextFromPage(page));
    }
    reader.close();
    return all.toString();
  }
}
