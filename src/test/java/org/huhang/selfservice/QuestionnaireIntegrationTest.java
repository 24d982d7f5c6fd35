package org.huhang.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.selfservice.internal.SurveyFigures;
import org.huhang.selfservice.internal.Surveys;
import org.huhang.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Before and after: the center writes its questionnaires in the form builder, the family answers
 * the one before on its phone (sealed, read by those who see the booking), is invited to the
 * satisfaction survey once a session was held or the case closed (a text message only when that is
 * safe), answers it by the link, and the figures count it without naming anyone.
 */
class QuestionnaireIntegrationTest extends FamilyFixture {

  @Autowired Surveys surveys;
  @Autowired SurveyFigures figures;
  @Autowired org.huhang.selfservice.internal.Questionnaires questionnaires;

  UserDetails manager() {
    return users.loadUserByUsername("manager-371623");
  }

  @Test
  void theManagerWritesAQuestionnaireAndEachProblemIsNamed() throws Exception {
    String url = "/questionnaires/" + center() + "/BEFORE";
    mvc.perform(get("/questionnaires").with(user(manager())))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("无棣县婚姻家庭辅导中心")));
    mvc.perform(get(url).with(user(manager())))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("您最希望通过这次辅导解决什么问题")));
    // Every problem at once, each at its question; nothing saved.
    mvc.perform(
            post(url)
                .with(user(manager()))
                .with(csrf())
                .param("title", "x".repeat(101))
                .param("questions[0].type", "SINGLE")
                .param("questions[0].text", "\u0000坏")
                .param("questions[0].options", "只有一个")
                .param("questions[1].type", "MULTIPLE")
                .param("questions[1].text", "<script>alert(1)</script>")
                .param("questions[1].options", "甲\n甲")
                .param("questions[2].type", "NOT_A_TYPE")
                .param("questions[2].text", "=HYPERLINK(\"http://x\")"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("问卷标题不能超过 100 个字")))
        .andExpect(content().string(Matchers.containsString("需要 2 到 10 个选项")))
        .andExpect(content().string(Matchers.containsString("选项“甲”重复了")))
        .andExpect(content().string(Matchers.containsString("data-field=\"questions[2].type\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert"))));
    assertThat(
            jdbc.sql("select count(*) from selfservice.questionnaire where center_id = :c")
                .param("c", center())
                .query(Long.class)
                .single())
        .isZero();
    mvc.perform(
            post(url)
                .with(user(manager()))
                .with(csrf())
                .param("title", "见面前的几个问题")
                .param("questions[0].type", "TEXT")
                .param("questions[0].text", "您希望我们怎么称呼您？")
                .param("questions[0].required", "true")
                .param("questions[1].type", "MULTIPLE")
                .param("questions[1].text", "您希望谈哪些方面？")
                .param("questions[1].options", "沟通\n孩子\n经济\n")
                .param("questions[2].type", "SCALE")
                .param("questions[2].text", "您现在的压力有多大？")
                .param("questions[3].type", "SINGLE")
                .param("questions[3].text", "删掉的题")
                .param("questions[3].options", "是\n否")
                .param("questions[3].remove", "true")
                .param("questions[4].type", "SINGLE"))
        .andExpect(status().is3xxRedirection());
    var saved = questionnaires.of(center(), QuestionnaireKind.BEFORE);
    assertThat(saved.standard()).isFalse();
    assertThat(saved.questions())
        .extracting(Question::text)
        .containsExactly("您希望我们怎么称呼您？", "您希望谈哪些方面？", "您现在的压力有多大？");
    assertThat(saved.questions().get(1).options()).containsExactly("沟通", "孩子", "经济");
    // A second editor who read the platform's questionnaire does not overwrite it silently.
    mvc.perform(
            post(url)
                .with(user(manager()))
                .with(csrf())
                .param("title", "旧版本")
                .param("questions[0].type", "TEXT")
                .param("questions[0].text", "题"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("刚被其他人修改过")));
    // Others: a counselor and a registrar may not; a manager elsewhere does not see the center.
    mvc.perform(get(url).with(user(users.loadUserByUsername("counselor-371623"))))
        .andExpect(status().isForbidden());
    mvc.perform(get(url).with(user(users.loadUserByUsername("admin-371681"))))
        .andExpect(status().isNotFound());
    mvc.perform(get("/questionnaires/" + center() + "/SIDEWAYS").with(user(manager())))
        .andExpect(status().isNotFound());

    // The family answers it on its phone, every problem named, then once only.
    String phone = newPhone();
    Cookie session = proved(phone);
    UUID booking = book(session, phone, false, false);
    mvc.perform(get("/book/mine/" + booking).cookie(session))
        .andExpect(content().string(Matchers.containsString("见面前的几个问题")));
    mvc.perform(
            from(post("/book/mine/" + booking + "/questionnaire"), phone)
                .cookie(session)
                .param("q0", "x".repeat(1001))
                .param("q1", "0", "7")
                .param("q2", "9"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("回答不能超过 1000 个字")))
        .andExpect(content().string(Matchers.containsString("请从给出的选项中选择")))
        .andExpect(content().string(Matchers.containsString("请选择 1 到 5 之间的分数")));
    mvc.perform(
            from(post("/book/mine/" + booking + "/questionnaire"), phone)
                .cookie(session)
                .param("q0", "小王<script>")
                .param("q1", "0", "2")
                .param("q2", "4"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            from(post("/book/mine/" + booking + "/questionnaire"), phone)
                .cookie(session)
                .param("q0", "again"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("您已填写过这份问卷")));
    // Sealed in the database.
    byte[] sealed =
        jdbc.sql("select answers_cipher from selfservice.answer where booking_id = :b")
            .param("b", booking)
            .query(byte[].class)
            .single();
    assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("小王");
    // Another family's number cannot answer or open it.
    String other = newPhone();
    Cookie otherSession = proved(other);
    mvc.perform(get("/book/mine/" + booking + "/questionnaire").cookie(otherSession))
        .andExpect(status().isNotFound());
    // The manager reads it at the desk (an audited read).
    mvc.perform(get("/bookings/" + booking + "/answers").with(user(manager())))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("小王&lt;script&gt;")))
        .andExpect(content().string(Matchers.containsString("沟通；经济")));
    mvc.perform(
            get("/bookings/" + booking + "/answers")
                .with(user(users.loadUserByUsername("counselor-371623"))))
        .andExpect(status().isNotFound());

    // Back to the platform's.
    mvc.perform(post(url + "/reset").with(user(manager())).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(questionnaires.of(center(), QuestionnaireKind.BEFORE).standard()).isTrue();
  }

  @Test
  void theBuilderNeverAnswers500AndNeverDropsAQuestionSilently() throws Exception {
    String url = "/questionnaires/" + center() + "/AFTER";
    // Indices the form never sends: out of range, not a number, with gaps.
    for (String name :
        List.of("questions[999999].text", "questions[abc].text", "questions[-1].text")) {
      mvc.perform(
              post(url)
                  .with(user(manager()))
                  .with(csrf())
                  .param("title", "调查")
                  .param("questions[0].type", "SCALE")
                  .param("questions[0].text", "总体满意度")
                  .param(name, "hi"))
          .andExpect(status().is3xxRedirection());
      mvc.perform(post(url + "/reset").with(user(manager())).with(csrf()))
          .andExpect(status().is3xxRedirection());
    }
    mvc.perform(
            post(url)
                .with(user(manager()))
                .with(csrf())
                .param("title", "")
                .param("questions[0].type", "SCALE")
                .param("questions[0].text", "总体满意度")
                .param("questions[9].text", "缺了题型")
                .param("version", "abc"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请填写问卷标题")))
        .andExpect(content().string(Matchers.containsString("请选择题型")));
    // A question of the form whose text was cleared is pointed out, not removed.
    mvc.perform(
            post(url)
                .with(user(manager()))
                .with(csrf())
                .param("title", "调查")
                .param("questions[0].type", "SCALE")
                .param("questions[0].existing", "true")
                .param("questions[1].type", "SCALE")
                .param("questions[1].text", "环境")
                .param("questions[1].existing", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("不要这道题请勾选")));
    // A survey without a score has nothing to count.
    mvc.perform(
            post(url)
                .with(user(manager()))
                .with(csrf())
                .param("title", "调查")
                .param("questions[0].type", "TEXT")
                .param("questions[0].text", "建议"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("至少需要一道“1–5 分”的题目")));
    mvc.perform(post(url + "/reset").with(user(manager())).with(csrf()))
        .andExpect(status().is3xxRedirection());
    // The family's missing page is the family's, with the way to its bookings.
    mvc.perform(get("/book/survey/garbage"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(Matchers.containsString("链接可能已过期")))
        .andExpect(content().string(Matchers.containsString("href=\"/book/mine\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("辖区"))));
    // An impossible day in the figures' period is named, not a 400 page.
    mvc.perform(
            get("/surveys")
                .with(user(users.loadUserByUsername("analyst")))
                .param("from", "2026-02-30"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请填写有效的日期")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("这段时间没有发出"))));
  }

  @Test
  void aSurveyIsInvitedOnceAnsweredByItsLinkAndCountedWithoutAName() throws Exception {
    String phone = newPhone();
    Cookie session = proved(phone);
    UUID booking = book(session, phone, false, false);
    UUID caze = accept(booking);
    // Nothing is due before a session was held or the case closed.
    assertThat(invite()).isZero();
    mvc.perform(get("/book/mine/" + booking).cookie(session))
        .andExpect(content().string(Matchers.not(Matchers.containsString("survey-link"))));
    jdbc.sql(
            """
            update casework.counseling_case
               set status = 'CLOSED', closed_on = current_date, outcome = 'OTHER', risk = 'LOW'
             where id = :c""")
        .param("c", caze)
        .update();
    assertThat(invite()).isPositive();
    assertThat(invite()).isZero();
    // A text message with the link (screened LOW, no fear named), once.
    List<String> sms =
        outbox.openArgs(
            jdbc.sql("select args_cipher from notification.outbox where event_key = :k")
                .param("k", "survey-invite:" + booking)
                .query(byte[].class)
                .single());
    assertThat(sms.get(0)).isEqualTo("无棣县婚姻家庭辅导中心");
    String link = sms.get(1);
    assertThat(link).contains("/book/survey/");
    String path = link.substring(link.indexOf("/book/survey/"));
    // The link opens the survey without a code and shows no name.
    mvc.perform(get(path))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("辅导服务满意度调查")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("王"))));
    mvc.perform(get("/book/survey/not-a-token")).andExpect(status().isNotFound());
    mvc.perform(get("/book/survey/" + "a".repeat(500))).andExpect(status().isNotFound());
    // The required scales are named when left out.
    mvc.perform(post(path).with(csrf()).param("q4", "很好"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请回答这道题")));
    mvc.perform(
            post(path)
                .with(csrf())
                .param("q0", "5")
                .param("q1", "4")
                .param("q2", "3")
                .param("q3", "0")
                .param("q4", "辅导员很耐心"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("感谢您的评价")));
    assertThat(
            jdbc.sql("select satisfaction from selfservice.answer where booking_id = :b")
                .param("b", booking)
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("4.00");
    mvc.perform(post(path).with(csrf()).param("q0", "1").param("q1", "1"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已填写过这份满意度调查")));
    mvc.perform(get("/book/mine/" + booking).cookie(session))
        .andExpect(content().string(Matchers.containsString("您已填写满意度调查")));

    // The manager, not on the team, reads no survey answer; the case's team does.
    mvc.perform(get("/bookings/" + booking + "/answers").with(user(manager())))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("辅导员很耐心"))));
    UserDetails counselor = users.loadUserByUsername("counselor-371623");
    jdbc.sql(
            """
            insert into casework.team_member
                   (id, case_id, volunteer_id, user_id, name, lead, assigned_by, assigned_at)
            select gen_random_uuid(), :c, gen_random_uuid(), id, '测试辅导员', true, 'test', now()
              from identity.app_user where username = 'counselor-371623'""")
        .param("c", caze)
        .update();
    mvc.perform(get("/bookings/" + booking + "/answers").with(user(counselor)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("辅导员很耐心")));
    // From the case page to its booking.
    mvc.perform(get("/cases/" + caze).with(user(counselor)))
        .andExpect(content().string(Matchers.containsString("/bookings/of-case/" + caze)));
    mvc.perform(get("/bookings/of-case/" + caze).with(user(counselor)))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/bookings/" + booking));
    mvc.perform(
            get("/bookings/of-case/" + caze).with(user(users.loadUserByUsername("admin-371681"))))
        .andExpect(status().isNotFound());

    // The figures count it; with fewer than three answers the center's mean is not shown.
    Actor city = actor("admin");
    LocalDate today = LocalDate.now(org.huhang.shared.LegalTime.ZONE);
    var rows = figures.rows(city, today, today);
    var centerRow =
        rows.stream().filter(r -> r.key().equals(center().toString())).findFirst().orElseThrow();
    assertThat(centerRow.invited()).isPositive();
    assertThat(centerRow.answered()).isPositive();
    mvc.perform(get("/surveys").with(user(users.loadUserByUsername("analyst"))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("无棣县婚姻家庭辅导中心")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("辅导员很耐心"))));
    mvc.perform(get("/surveys").with(user(counselor))).andExpect(status().isForbidden());
    mvc.perform(
            get("/surveys")
                .with(user(users.loadUserByUsername("analyst")))
                .param("from", "2026-12-31")
                .param("to", "2026-01-01"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("截止日期不能早于起始日期")));
  }

  @Test
  void aPersonWhoIsAfraidIsInvitedOnItsOwnPageButSentNoText() throws Exception {
    String phone = newPhone();
    Cookie session = proved(phone);
    UUID booking = book(session, phone, true, false);
    UUID caze = accept(booking);
    jdbc.sql(
            """
            update casework.counseling_case
               set status = 'CLOSED', closed_on = current_date, outcome = 'OTHER', risk = 'LOW'
             where id = :c""")
        .param("c", caze)
        .update();
    invite();
    assertThat(
            jdbc.sql("select count(*) from notification.outbox where event_key = :k")
                .param("k", "survey-invite:" + booking)
                .query(Long.class)
                .single())
        .isZero();
    mvc.perform(get("/book/mine/" + booking).cookie(session))
        .andExpect(content().string(Matchers.containsString("survey-link")));
    mvc.perform(
            from(post("/book/mine/" + booking + "/survey"), phone)
                .cookie(session)
                .param("q0", "2")
                .param("q1", "3"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("感谢您的评价")));
  }

  /** Runs the hourly invitation job now. */
  int invite() {
    return invitations.runOnce();
  }

  @Autowired org.huhang.selfservice.internal.SurveyInvitations invitations;

  static Actor actor(String username) {
    return new Actor(
        null,
        username,
        "滨州市妇联管理员",
        org.huhang.shared.Role.CITY_ADMIN,
        "371600",
        "滨州市",
        "/370000/371600/");
  }
}
