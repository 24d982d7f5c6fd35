package org.huhang.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * A family books from a center's public page with a one-time code, sees only its own bookings, and
 * the center's manager accepts the booking into a case.
 */
class BookingIntegrationTest extends FamilyFixture {

  @Test
  void theCenterPageOpensWithoutAnAccountAndHasAQrCode() throws Exception {
    mvc.perform(get("/book/" + center()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("无棣县婚姻家庭辅导中心")))
        .andExpect(content().string(Matchers.containsString("12338")));
    mvc.perform(get("/book/" + center() + "/qr.svg"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
        .andExpect(content().string(Matchers.startsWith("<svg")));
    mvc.perform(get("/book/" + UUID.randomUUID())).andExpect(status().isNotFound());
  }

  @Test
  void aCodeThatExpiredIsRefused() throws Exception {
    String phone = newPhone();
    mvc.perform(from(post("/book/code"), phone).param("phone", phone)).andExpect(status().isOk());
    String code = codeSentTo();
    jdbc.sql(
            """
            update selfservice.phone_code set expires_at = now() - interval '1 second'
             where created_at = (select max(created_at) from selfservice.phone_code)""")
        .update();
    mvc.perform(from(post("/book/verify"), phone).param("phone", phone).param("code", code))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("验证码已失效")));
  }

  @Test
  void aCodeTriedSixTimesIsRefusedEvenWhenRight() throws Exception {
    String phone = newPhone();
    mvc.perform(from(post("/book/code"), phone).param("phone", phone)).andExpect(status().isOk());
    String code = codeSentTo();
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int i = 1; i <= 5; i++) {
      mvc.perform(from(post("/book/verify"), phone).param("phone", phone).param("code", wrong))
          .andExpect(status().isOk())
          .andExpect(
              content().string(Matchers.containsString(i < 5 ? "还可以再试 " + (5 - i) : "错误次数过多")));
    }
    mvc.perform(from(post("/book/verify"), phone).param("phone", phone).param("code", code))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("错误次数过多")));
  }

  @Test
  void aNumberAskingAgainWithinAMinuteIsThrottled() throws Exception {
    String phone = newPhone();
    mvc.perform(from(post("/book/code"), phone).param("phone", phone)).andExpect(status().isOk());
    mvc.perform(from(post("/book/code"), phone).param("phone", phone))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("秒后再获取")));
    mvc.perform(from(post("/book/code"), phone).param("phone", "12345"))
        .andExpect(content().string(Matchers.containsString("正确的 11 位手机号")));
  }

  @Test
  void aFamilySeesItsOwnBookingsOnlyAndTheManagerAcceptsOneIntoACase() throws Exception {
    String phone = newPhone();
    Cookie session = proved(phone);
    UUID booking = book(session, phone, false, true);
    mvc.perform(get("/book/mine/" + booking).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("等待辅导中心确认")))
        .andExpect(content().string(Matchers.containsString("王&lt;script&gt;")));
    // Nothing sealed is readable in the row.
    String raw =
        jdbc.sql(
                "select encode(person_cipher, 'escape') || encode(message_cipher, 'escape')"
                    + " from selfservice.booking where id = :id")
            .param("id", booking)
            .query(String.class)
            .single();
    assertThat(raw).doesNotContain("HYPERLINK").doesNotContain("1990");

    String other = newPhone();
    Cookie otherSession = proved(other);
    mvc.perform(get("/book/mine/" + booking).cookie(otherSession)).andExpect(status().isNotFound());
    mvc.perform(from(post("/book/mine/" + booking + "/cancel"), other).cookie(otherSession))
        .andExpect(status().isNotFound());
    mvc.perform(get("/book/mine").cookie(otherSession))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString(booking.toString()))));

    // No counselor sees it before the manager accepts it.
    var counselor = users.loadUserByUsername("counselor-371623");
    mvc.perform(get("/bookings/" + booking).with(user(counselor))).andExpect(status().isNotFound());
    var manager = users.loadUserByUsername("manager-371623");
    mvc.perform(get("/bookings").with(user(manager)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(booking.toString())));
    mvc.perform(get("/bookings").with(user(users.loadUserByUsername("admin-371681"))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString(booking.toString()))));
    mvc.perform(get("/bookings/" + booking).with(user(users.loadUserByUsername("admin-371681"))))
        .andExpect(status().isNotFound());
    mvc.perform(get("/bookings").with(user(users.loadUserByUsername("registrar-371602"))))
        .andExpect(status().isForbidden());
    String caseUrl =
        mvc.perform(
                post("/bookings/" + booking + "/accept")
                    .with(user(manager))
                    .with(csrf())
                    .param("stage", "MARRIAGE"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID caseId = UUID.fromString(caseUrl.replaceAll(".*/cases/([^?]+).*", "$1"));
    assertThat(
            jdbc.sql("select source || '/' || stage from casework.counseling_case where id = :id")
                .param("id", caseId)
                .query(String.class)
                .single())
        .isEqualTo("BOOKING/MARRIAGE");
    mvc.perform(get("/book/mine/" + booking).cookie(session))
        .andExpect(content().string(Matchers.containsString("辅导中心已确认")));
    // The family is told by text message, with no case content in it.
    List<String> sms =
        outbox.openArgs(
            jdbc.sql("select args_cipher from notification.outbox where event_key = :k")
                .param("k", "booking-accepted:" + booking)
                .query(byte[].class)
                .single());
    assertThat(sms).contains("无棣县婚姻家庭辅导中心");
    // Accepting twice is refused, not a second case.
    mvc.perform(post("/bookings/" + booking + "/accept").with(user(manager)).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已经处理过了")));
  }

  @Test
  void aPersonWhoIsAfraidIsFlaggedAndNeverBookedTogether() throws Exception {
    String phone = newPhone();
    Cookie session = proved(phone);
    UUID booking = book(session, phone, true, true);
    assertThat(
            jdbc.sql(
                    "select safety_concern::text || '/' || together::text"
                        + " from selfservice.booking where id = :id")
                .param("id", booking)
                .query(String.class)
                .single())
        .isEqualTo("true/false");
    mvc.perform(get("/book/mine/" + booking).cookie(session))
        .andExpect(content().string(Matchers.containsString("12338")))
        .andExpect(content().string(Matchers.containsString("110")));
    assertThat(
            jdbc.sql("select message_key from notification.outbox where event_key like :k")
                .param("k", "booking-new:" + booking + "%")
                .query(String.class)
                .list())
        .contains("notice.booking.newFlagged");
  }

  @Test
  void aFamilyMovesAndCancelsItsBookingAndCannotBookOneHalfDayTwice() throws Exception {
    String phone = newPhone();
    Cookie session = proved(phone);
    String first = freeSlot();
    UUID booking = book(session, phone, false, false);
    mvc.perform(
            from(post("/book/" + center() + "/new"), phone)
                .cookie(session)
                .param("topic", "PREMARITAL")
                .param("slot", first)
                .param("afraid", "false")
                .param("together", "false")
                .param("name", "李四")
                .param("gender", "MALE")
                .param("birthDate", "1995-01-01"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("无需重复预约")));
    String later = desk.freeSlots(center()).get(3).value();
    mvc.perform(
            from(post("/book/mine/" + booking + "/move"), phone)
                .cookie(session)
                .param("slot", later))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql(
                    "select slot_date::text || '-' || half_day from selfservice.booking where id = :id")
                .param("id", booking)
                .query(String.class)
                .single())
        .isEqualTo(later);
    mvc.perform(from(post("/book/mine/" + booking + "/cancel"), phone).cookie(session))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/book/mine/" + booking).cookie(session))
        .andExpect(content().string(Matchers.containsString("您已取消这次预约")));
  }

  @Test
  void aBookingFormNamesEachProblem() throws Exception {
    String phone = newPhone();
    Cookie session = proved(phone);
    mvc.perform(
            from(post("/book/" + center() + "/new"), phone)
                .cookie(session)
                .param("slot", "2026-02-30-AM")
                .param("name", "a\u0000b")
                .param("birthDate", "2999-01-01")
                .param("message", "x".repeat(100_000)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请选择想聊的主题")))
        .andExpect(content().string(Matchers.containsString("请选择一个时段")))
        .andExpect(content().string(Matchers.containsString("控制字符")))
        .andExpect(content().string(Matchers.containsString("出生日期不能晚于今天")))
        .andExpect(content().string(Matchers.containsString("不能超过 500 个字")))
        .andExpect(content().string(Matchers.containsString("请回答这个问题")));
  }
}
