package org.huhang.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.notification.internal.OutboxWorker;
import org.huhang.shared.Actor;
import org.huhang.shared.ActorHolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The staff inbox: each user reads its own messages only, as a page and as htmx fragments. */
class InboxIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Notifications notifications;
  @Autowired OutboxWorker worker;
  @Autowired TransactionTemplate transaction;
  @Autowired UserDetailsService accounts;
  @Autowired JdbcClient jdbc;

  UserDetails login(String username) {
    return accounts.loadUserByUsername(username);
  }

  Actor actorOf(String username) {
    return ((ActorHolder) login(username)).actor();
  }

  /** Tells the user a follow-up is due and delivers it: the item's id. */
  UUID tell(String username, String due) {
    Actor actor = actorOf(username);
    String event = "test-inbox:" + UUID.randomUUID();
    transaction.executeWithoutResult(
        s ->
            notifications.tellUser(
                event,
                actor.userId(),
                "notice.followUp.due",
                List.of("6", due),
                "/cases/follow-ups"));
    worker.runOnce();
    return jdbc.sql("select id from notification.outbox where event_key = :k")
        .param("k", event + ":" + actor.userId())
        .query(UUID.class)
        .single();
  }

  @Test
  void aUserSeesItsOwnMessagesWithTheUnreadBadgeAndMarksThemRead() throws Exception {
    UUID mine = tell("counselor-371625", "2027-02-03");
    UUID theirs = tell("counselor-371623", "2027-02-04");

    String page =
        mvc.perform(get("/inbox").with(user(login("counselor-371625"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"inbox-item-" + mine + "\"")
        .contains("一次结案后 6 个月的回访应在 2027-02-03 完成。")
        .contains("href=\"/cases/follow-ups\"")
        .doesNotContain(theirs.toString())
        .contains("id=\"badge-inbox\"")
        .contains("<html");

    mvc.perform(get("/inbox").header("HX-Request", "true").with(user(login("counselor-371625"))))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.startsWith("<div id=\"inbox-list\">")))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));

    // Another user's item is not there at all.
    mvc.perform(
            post("/inbox/" + theirs + "/read").with(csrf()).with(user(login("counselor-371625"))))
        .andExpect(status().isNotFound());
    assertThat(readAt(theirs)).isNull();

    mvc.perform(
            post("/inbox/" + mine + "/read")
                .header("HX-Request", "true")
                .with(csrf())
                .with(user(login("counselor-371625"))))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("data-unread=\"false\"")));
    assertThat(readAt(mine)).isNotNull();

    tell("counselor-371625", "2027-02-05");
    mvc.perform(post("/inbox/read-all").with(csrf()).with(user(login("counselor-371625"))))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql(
                    "select count(*) from notification.inbox_item where user_id = :u and read_at is null")
                .param("u", actorOf("counselor-371625").userId())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(readAt(theirs)).isNull();
    mvc.perform(get("/inbox").with(user(login("counselor-371625"))))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("id=\"badge-inbox\""))));
  }

  private Object readAt(UUID id) {
    return jdbc.sql("select read_at from notification.inbox_item where id = :id")
        .param("id", id)
        .query((rs, n) -> rs.getTimestamp(1))
        .optional()
        .orElse(null);
  }

  @Test
  void theSettingsKeepTheAddressSealedAndRefuseABadOneByName() throws Exception {
    mvc.perform(
            post("/inbox/settings")
                .param("email", "不是邮箱")
                .param("emailEnabled", "true")
                .with(csrf())
                .with(user(login("registrar-371602"))))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("请输入有效的邮箱地址")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-invalid=\"true\"")));
    mvc.perform(
            post("/inbox/settings")
                .param("email", "")
                .param("emailEnabled", "true")
                .with(csrf())
                .with(user(login("registrar-371602"))))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("开启邮件副本需要填写邮箱地址")));

    mvc.perform(
            post("/inbox/settings")
                .param("email", "dengji@example.cn")
                .param("emailEnabled", "true")
                .with(csrf())
                .with(user(login("registrar-371602"))))
        .andExpect(status().is3xxRedirection());
    byte[] stored =
        jdbc.sql("select email_cipher from notification.user_setting where user_id = :u")
            .param("u", actorOf("registrar-371602").userId())
            .query(byte[].class)
            .single();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("dengji");
    mvc.perform(get("/inbox/settings").with(user(login("registrar-371602"))))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("value=\"dengji@example.cn\"")));

    mvc.perform(
            post("/inbox/settings")
                .param("_emailEnabled", "on")
                .param("email", "dengji@example.cn")
                .with(csrf())
                .with(user(login("registrar-371602"))))
        .andExpect(status().is3xxRedirection());
    assertThat(notificationsEmailOf("registrar-371602")).isFalse();
  }

  private boolean notificationsEmailOf(String username) {
    return jdbc.sql("select email_enabled from notification.user_setting where user_id = :u")
        .param("u", actorOf(username).userId())
        .query(Boolean.class)
        .single();
  }
}
