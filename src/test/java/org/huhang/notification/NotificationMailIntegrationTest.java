package org.huhang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.huhang.IntegrationTest;
import org.huhang.notification.internal.OutboxWorker;
import org.huhang.shared.ActorHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** An inbox message's e-mail copy, as it arrives at a real SMTP server (GreenMail). */
class NotificationMailIntegrationTest extends IntegrationTest {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @Autowired Notifications notifications;
  @Autowired org.huhang.notification.internal.InboxSettings settings;
  @Autowired OutboxWorker worker;
  @Autowired TransactionTemplate transaction;
  @Autowired UserDetailsService accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aUserWhoWantsCopiesGetsTheMessageByEMailInChineseWithItsOwnSubject() throws Exception {
    var actor = ((ActorHolder) accounts.loadUserByUsername("manager-371625")).actor();
    settings.save(
        new org.huhang.notification.internal.SaveInboxSettings(" Manager.BoXing@Example.cn ", true),
        actor);
    String event = "test-mail:" + UUID.randomUUID();
    transaction.executeWithoutResult(
        s ->
            notifications.tellUser(
                event,
                actor.userId(),
                "notice.followUp.due",
                List.of("3", "2026-12-02"),
                "/cases/follow-ups"));

    worker.runOnce();

    assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage received =
        Arrays.stream(mail.getReceivedMessages())
            .filter(m -> recipients(m).contains("manager.boxing@example.cn"))
            .findFirst()
            .orElseThrow();
    assertThat(received.getSubject()).isEqualTo("回访提醒");
    assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat((String) received.getContent())
        .startsWith("一次结案后 3 个月的回访应在 2026-12-02 完成。")
        .contains("查看：http://localhost:8080/cases/follow-ups")
        .contains("请登录平台查看详情");
    String outboxId =
        jdbc.sql("select id::text from notification.outbox where event_key = :k")
            .param("k", event + ":" + actor.userId() + ":email")
            .query(String.class)
            .single();
    assertThat(received.getMessageID()).isEqualTo("<" + outboxId + "@huhang>");
    assertThat(GreenMailUtil.getAddressList(received.getFrom())).isEqualTo("noreply@huhang.local");
    // The inbox item came too, under the same event.
    assertThat(
            jdbc.sql(
                    """
                    select o.status from notification.outbox o
                    join notification.inbox_item i on i.id = o.id where o.event_key = :k
                    """)
                .param("k", event + ":" + actor.userId())
                .query(String.class)
                .single())
        .isEqualTo("SENT");

    settings.save(new org.huhang.notification.internal.SaveInboxSettings("", false), actor);
  }

  private static String recipients(MimeMessage m) {
    try {
      return GreenMailUtil.getAddressList(m.getAllRecipients());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
