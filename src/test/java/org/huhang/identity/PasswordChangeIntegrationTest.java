package org.huhang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.huhang.IntegrationTest;
import org.huhang.identity.internal.PasswordAttempts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 9, point 6: changing one's own password, as a person does it on the page. */
class PasswordChangeIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired PasswordAttempts attempts;
  @LocalServerPort int port;

  @AfterEach
  void forget() {
    attempts.clear();
  }

  @Test
  void weakOrReusedPasswordsAreRefusedAndAChangeEndsTheOtherSessionsOnly() throws Exception {
    createUser("pw.change", "First#Secret2026");
    HttpClient here = loggedIn("pw.change", "First#Secret2026");
    HttpClient elsewhere = loggedIn("pw.change", "First#Secret2026");

    for (String weak : new String[] {"aaaaaaaaaa", "1234567890", "password12", "Huhang@2023"}) {
      assertThat(change(here, "First#Secret2026", weak))
          .contains("is-invalid")
          .containsAnyOf("常用密码清单", "重复或连续");
    }
    assertThat(change(here, "First#Secret2026", "First#Secret2026")).contains("不能与当前密码相同");
    assertThat(change(here, "First#Secret2026", "pw.change-2026x")).contains("不能包含用户名");

    assertThat(change(here, "First#Secret2026", "Second#Secret2026")).contains("密码已修改");
    // This session goes on; the other one has ended.
    assertThat(statusOf(here, "/")).isEqualTo(200);
    assertThat(statusOf(elsewhere, "/")).isEqualTo(302);
  }

  @Test
  void wrongCurrentPasswordsAreThrottled() throws Exception {
    createUser("pw.guess", "First#Secret2026");
    HttpClient http = loggedIn("pw.guess", "First#Secret2026");
    for (int i = 0; i < 5; i++) {
      assertThat(change(http, "wrong-" + i + "-guess", "Third#Secret2026")).contains("当前密码不正确");
    }
    // Even the right current password is refused until the window has passed.
    assertThat(change(http, "First#Secret2026", "Third#Secret2026"))
        .contains("当前密码输错次数过多")
        .doesNotContain("密码已修改");
  }

  private void createUser(String username, String password) throws Exception {
    mvc.perform(
            post("/api/v1/users")
                .with(httpBasic("admin", DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"username":"%s","displayName":"改密码","role":"ANALYST",
                     "regionCode":"371600","password":"%s"}"""
                        .formatted(username, password)))
        .andExpect(status().isCreated());
  }

  private HttpClient loggedIn(String username, String password) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String token = csrf(http, "/login");
    HttpResponse<String> login =
        http.send(
            form("/login", "username=" + username + "&password=" + enc(password), token),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    return http;
  }

  private String change(HttpClient http, String current, String next) throws Exception {
    String token = csrf(http, "/account/password");
    return http.send(
            form(
                "/account/password",
                "currentPassword="
                    + enc(current)
                    + "&newPassword="
                    + enc(next)
                    + "&confirmPassword="
                    + enc(next),
                token),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private int statusOf(HttpClient http, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String csrf(HttpClient http, String path) throws Exception {
    String page =
        http.send(
                HttpRequest.newBuilder(url(path)).header("Accept-Language", "zh-CN").build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
  }

  private HttpRequest form(String path, String body, String token) {
    return HttpRequest.newBuilder(url(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept-Language", "zh-CN")
        .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + enc(token)))
        .build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
