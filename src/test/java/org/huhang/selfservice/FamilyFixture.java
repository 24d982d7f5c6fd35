package org.huhang.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.notification.internal.Outbox;
import org.huhang.selfservice.internal.BookingDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A family's steps, for the tests of its pages: prove a number, book a half-day. */
abstract class FamilyFixture extends IntegrationTest {

  private static final AtomicInteger NEXT = new AtomicInteger(100);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Outbox outbox;
  @Autowired BookingDesk desk;
  @Autowired UserDetailsService users;

  /** 无棣's center: its manager is manager-371623, its volunteers serve on given half-days. */
  UUID center() {
    return jdbc.sql("select id from center.center where name = '无棣县婚姻家庭辅导中心'")
        .query(UUID.class)
        .single();
  }

  static String newPhone() {
    return "1390000" + String.format("%04d", NEXT.incrementAndGet());
  }

  /** Each test its own network address, so the per-address throttle counts only its own asks. */
  static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder b, String phone) {
    return b.with(csrf())
        .with(
            r -> {
              r.setRemoteAddr("10.9." + phone.substring(8, 9) + "." + phone.substring(9));
              return r;
            });
  }

  /** The code the notification module was handed for this number (the newest one). */
  String codeSentTo() {
    byte[] args =
        jdbc.sql(
                """
                select args_cipher from notification.outbox
                 where event_key like 'booking-code:%' order by created_at desc limit 1""")
            .query(byte[].class)
            .single();
    return outbox.openArgs(args).get(0);
  }

  /** Proves the number with its code: the session cookie that carries the proof. */
  Cookie proved(String phone) throws Exception {
    mvc.perform(from(post("/book/code"), phone).param("phone", phone))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("验证码已发送")));
    return mvc.perform(
            from(post("/book/verify"), phone)
                .param("phone", phone)
                .param("code", codeSentTo())
                .param("center", center().toString()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/book/*/new"))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }

  String freeSlot() {
    return desk.freeSlots(center()).get(0).value();
  }

  UUID book(Cookie session, String phone, boolean afraid, boolean together) throws Exception {
    String location =
        mvc.perform(
                from(post("/book/" + center() + "/new"), phone)
                    .cookie(session)
                    .param("topic", "RELATIONSHIP")
                    .param("slot", freeSlot())
                    .param("afraid", String.valueOf(afraid))
                    .param("together", String.valueOf(together))
                    .param("name", "王<script>alert(1)</script>")
                    .param("gender", "FEMALE")
                    .param("birthDate", "1990-03-04")
                    .param("message", "=HYPERLINK(\"http://x\")"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).contains("/book/mine/");
    return UUID.fromString(location.replaceAll(".*/book/mine/([^?]+).*", "$1"));
  }

  /** The center's manager accepts the booking: the case it opened. */
  UUID accept(UUID booking) throws Exception {
    String caseUrl =
        mvc.perform(
                post("/bookings/" + booking + "/accept")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user(
                            users.loadUserByUsername("manager-371623")))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return UUID.fromString(caseUrl.replaceAll(".*/cases/([^?]+).*", "$1"));
  }
}
