package org.huhang.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.casework.internal.ReferralDesk;
import org.huhang.registration.ApplicationView;
import org.huhang.registration.CounselingRequested;
import org.huhang.registration.DivorceApplications;
import org.huhang.registration.TestCouples;
import org.huhang.shared.Actor;
import org.huhang.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A couple that accepts counseling at the 无棣 registration office joins 无棣's referral queue once;
 * the county's center manager opens its case at its center (registration then shows the case
 * opened) or passes it to another center with a reason. Nobody else works the queue.
 */
public class ReferralQueueIntegrationTest extends IntegrationTest {

  public static final Actor WUDI_REGISTRAR =
      new Actor(
          null,
          "registrar-371623",
          "无棣县婚姻登记员",
          Role.REGISTRAR,
          "371623",
          "无棣县",
          "/370000/371600/371623/");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired DivorceApplications applications;
  @Autowired ReferralDesk desk;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  /** A new 无棣 application whose couple accepted counseling, recorded today. */
  ApplicationView wudiCouple(String husband, String wife, String birthYear) {
    return applications.record(
        TestCouples.couple(
            "371623",
            husband,
            birthYear + "-03-03",
            wife,
            birthYear + "-04-04",
            LocalDate.now(org.huhang.shared.LegalTime.ZONE).minusDays(2),
            true,
            true),
        WUDI_REGISTRAR);
  }

  String referralOf(ApplicationView application) {
    return eventually(
        () ->
            jdbc.sql("select id::text from casework.referral where application_id = :a")
                .param("a", application.id().value())
                .query(String.class)
                .optional()
                .orElse(null));
  }

  static <T> T eventually(Supplier<T> probe) {
    for (int i = 0; i < 100; i++) {
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("not within 10 s");
  }

  String wudiCenter(String name) {
    return jdbc.sql("select id::text from center.center where name = :n")
        .param("n", name)
        .query(String.class)
        .single();
  }

  @Test
  void aReferralJoinsTheQueueOnceAndItsAcceptanceOpensOneCaseThatRegistrationSees()
      throws Exception {
    ApplicationView application = wudiCouple("慕容海", "司徒兰", "1981");
    String referral = referralOf(application);
    // Announced again (a retried event, the start-up catch-up): still one referral.
    desk.on(
        new CounselingRequested(
            application.id(),
            "/370000/371600/371623/",
            application.receivedOn(),
            application.dates().withdrawalDeadline()));
    desk.referMissing();
    assertThat(
            jdbc.sql("select count(*) from casework.referral where application_id = :a")
                .param("a", application.id().value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    mvc.perform(get("/referrals").with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("慕容海 · 司徒兰")));
    // The home page lists the queue's nearest deadlines.
    mvc.perform(get("/").with(as("manager-371623")))
        .andExpect(content().string(Matchers.containsString("待建案：撤回申请截止日最近的夫妻")));
    String center = wudiCenter("无棣县婚姻家庭辅导中心");
    mvc.perform(
            post("/referrals/" + referral + "/accept")
                .param("centerId", center)
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "已为 慕容海 · 司徒兰 建立辅导案件（无棣县婚姻家庭辅导中心）。"));

    assertThat(
            jdbc.sql(
                    "select count(*) from casework.counseling_case where application_id = :a and center_id = :c::uuid and stage = 'DIVORCE_COOLING_OFF' and status = 'OPEN'")
                .param("a", application.id().value())
                .param("c", center)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            eventually(
                () ->
                    jdbc.sql(
                            "select case_opened from registration.divorce_application where id = :a")
                        .param("a", application.id().value())
                        .query(Boolean.class)
                        .single()))
        .isTrue();
    // Accepted once: a second acceptance is told, and opens nothing.
    mvc.perform(
            post("/referrals/" + referral + "/accept")
                .param("centerId", center)
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("这条转介已经有人处理了")));
    mvc.perform(get("/referrals").with(as("manager-371623")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("慕容海 · 司徒兰"))));
    assertThat(
            jdbc.sql("select count(*) from casework.counseling_case where application_id = :a")
                .param("a", application.id().value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aReferralPassedOnSaysWhyAndTheFieldsAreCheckedFirst() throws Exception {
    ApplicationView application = wudiCouple("欧阳平", "上官燕", "1983");
    String referral = referralOf(application);
    String other =
        jdbc.sql(
                "select id::text from center.center where region_path like '/370000/371600/371623/%' and status = 'OPEN' and name <> '无棣县婚姻家庭辅导中心' order by name limit 1")
            .query(String.class)
            .single();
    mvc.perform(
            post("/referrals/" + referral + "/pass")
                .param("centerId", "")
                .param("reason", " ")
                .with(csrf())
                .with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请填写转介原因")))
        .andExpect(content().string(Matchers.containsString("请选择本县（市、区）另一个开放的服务中心")));
    // A NUL, 100,000 characters, a center that is no id: each told at its field, nothing passed.
    mvc.perform(
            post("/referrals/" + referral + "/pass")
                .param("centerId", "abc")
                .param("reason", "太远\u0000")
                .with(csrf())
                .with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("含有不可见的控制字符")))
        .andExpect(content().string(Matchers.containsString("data-field=\"centerId\"")));
    mvc.perform(
            post("/referrals/" + referral + "/pass")
                .param("centerId", other)
                .param("reason", "远".repeat(100_000))
                .with(csrf())
                .with(as("admin-371623")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("转介原因最多 200 个字")));
    mvc.perform(
            post("/referrals/" + referral + "/pass")
                .param("centerId", other)
                .param("reason", "女方住在信阳镇，离该服务站近")
                .with(csrf())
                .with(as("admin-371623")))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/referrals").with(as("admin-371623")))
        .andExpect(content().string(Matchers.containsString("转介原因：女方住在信阳镇，离该服务站近")));
    assertThat(
            jdbc.sql("select center_id::text from casework.referral where id = :r::uuid")
                .param("r", referral)
                .query(String.class)
                .single())
        .isEqualTo(other);
  }

  @Test
  void aRegistrarRecordsCounselingAfterTheApplicationAndAnAcceptanceJoinsTheQueue()
      throws Exception {
    ApplicationView application =
        applications.record(
            TestCouples.couple(
                "371602",
                "令狐冲",
                "1976-06-06",
                "任盈盈",
                "1977-07-07",
                LocalDate.now(org.huhang.shared.LegalTime.ZONE).minusDays(3),
                false,
                false),
            new Actor(
                null,
                "registrar-371602",
                "滨城区婚姻登记员",
                Role.REGISTRAR,
                "371602",
                "滨城区",
                "/370000/371600/371602/"));
    String page = "/registrations/" + application.id();
    mvc.perform(get(page).with(as("registrar-371602")))
        .andExpect(content().string(Matchers.containsString("id=\"counseling-declined\"")));
    mvc.perform(
            post(page + "/counseling")
                .param("accepted", "true")
                .with(csrf())
                .with(as("manager-371623")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(page + "/counseling")
                .param("accepted", "false")
                .with(csrf())
                .with(as("registrar-371602")))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "已记录：已提供辅导，当事人拒绝。"));
    mvc.perform(
            post(page + "/counseling")
                .param("accepted", "true")
                .with(csrf())
                .with(as("registrar-371602")))
        .andExpect(status().is3xxRedirection());
    assertThat(referralOf(application)).isNotNull();
    mvc.perform(
            post(page + "/counseling")
                .param("accepted", "true")
                .with(csrf())
                .with(as("registrar-371602")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("当事人已接受辅导，不能再更改")));
  }

  @Test
  void onlyTheCountysManagersAndAdministratorsWorkTheQueue() throws Exception {
    ApplicationView application = wudiCouple("东方亮", "南宫雪", "1985");
    String referral = referralOf(application);
    for (String role : new String[] {"counselor-371623", "registrar-371602", "analyst"}) {
      mvc.perform(get("/referrals").with(as(role))).andExpect(status().isForbidden());
      mvc.perform(get("/referrals/" + referral).with(as(role))).andExpect(status().isForbidden());
    }
    // Another county's manager and administrator do not see it at all.
    mvc.perform(get("/referrals/" + referral).with(as("manager-371625")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/referrals/" + referral).with(as("admin-371681")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/referrals/" + referral + "/accept")
                .param("centerId", UUID.randomUUID().toString())
                .with(csrf())
                .with(as("manager-371625")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/referrals/" + referral).with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("东方亮 · 南宫雪")));
  }
}
