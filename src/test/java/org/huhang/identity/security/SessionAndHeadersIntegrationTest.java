package org.huhang.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 9, points 9, 10, 11 and 14: sessions under load, security headers, API errors. */
class SessionAndHeadersIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  /** Point 9: parallel first requests of a fresh session (htmx, a quick user) never answer 500. */
  @Test
  void parallelRequestsOfAFreshSessionNeverAnswer500() throws Exception {
    for (int round = 0; round < 3; round++) {
      CookieManager cookies = new CookieManager();
      HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
      assertThat(formLogin(http, "admin", DEMO_PASSWORD).statusCode()).isEqualTo(302);
      List<String> paths =
          List.of("/", "/users", "/account/password", "/regions", "/audit", "/", "/users", "/");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String path : paths) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return http.send(
                            HttpRequest.newBuilder(url(path)).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                  }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
          assertThat(answer.get()).isLessThan(500).isNotEqualTo(403);
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  /** Point 11: anonymous requests create no session row. */
  @Test
  void anonymousRequestsCreateNoSessionRows() throws Exception {
    HttpClient http = HttpClient.newBuilder().build();
    long before = sessionRows();
    List<String> paths =
        List.of(
            "/login",
            "/login?error",
            "/webjars/bootstrap/css/bootstrap.min.css",
            "/css/huhang.css",
            "/js/person.js",
            "/no-such-page",
            "/error",
            "/users",
            "/favicon.ico",
            "/webjars/nothing-here.js");
    for (int i = 0; i < 50; i++) {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(url(paths.get(i % paths.size()))).build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(response.headers().allValues("Set-Cookie"))
          .as(paths.get(i % paths.size()))
          .noneMatch(c -> c.startsWith("SESSION="));
    }
    assertThat(sessionRows()).isEqualTo(before);
  }

  /**
   * Issue 13: reading pages does not write the session; its access time moves on at most once a
   * minute, and a change of id or principal (the login) is written at once.
   */
  @Test
  void readingPagesDoesNotWriteTheSessionMoreThanOnceAMinute() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    assertThat(formLogin(http, "admin", DEMO_PASSWORD).statusCode()).isEqualTo(302);
    String sessionId =
        new String(
            java.util.Base64.getDecoder()
                .decode(
                    cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("SESSION"))
                        .findFirst()
                        .orElseThrow()
                        .getValue()),
            StandardCharsets.UTF_8);
    assertThat(principalOf(sessionId)).isEqualTo("admin");
    long accessed = lastAccessOf(sessionId);
    Thread.sleep(20);
    for (String path : List.of("/users", "/audit", "/")) {
      assertThat(
              http.send(
                      HttpRequest.newBuilder(url(path)).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(200);
    }
    assertThat(lastAccessOf(sessionId)).isEqualTo(accessed);

    // A minute later the access is written, and the session's expiry with it.
    java.time.Instant later = java.time.Instant.ofEpochMilli(accessed).plusSeconds(61);
    java.time.Duration timeout = touch(sessions, sessionId, later);
    assertThat(lastAccessOf(sessionId)).isEqualTo(later.toEpochMilli());
    assertThat(
            jdbc.sql("select expiry_time from identity.spring_session where session_id = :id")
                .param("id", sessionId)
                .query(Long.class)
                .single())
        .isEqualTo(later.plus(timeout).toEpochMilli());
  }

  private static <S extends org.springframework.session.Session> java.time.Duration touch(
      org.springframework.session.SessionRepository<S> repository,
      String id,
      java.time.Instant at) {
    S session = repository.findById(id);
    session.setLastAccessedTime(at);
    repository.save(session);
    return session.getMaxInactiveInterval();
  }

  @Autowired org.springframework.session.FindByIndexNameSessionRepository<?> sessions;

  private long lastAccessOf(String sessionId) {
    return jdbc.sql("select last_access_time from identity.spring_session where session_id = :id")
        .param("id", sessionId)
        .query(Long.class)
        .single();
  }

  private String principalOf(String sessionId) {
    return jdbc.sql("select principal_name from identity.spring_session where session_id = :id")
        .param("id", sessionId)
        .query(String.class)
        .single();
  }

  /** Point 10: CSP without inline script or style, Referrer-Policy and Permissions-Policy. */
  @Test
  void pagesAndTheApiSendSecurityHeaders() throws Exception {
    for (String path : List.of("/login", "/api/v1/me")) {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(url(path)).build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              v ->
                  assertThat(v)
                      .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline", "unsafe-eval"));
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
      assertThat(response.headers().firstValue("Permissions-Policy"))
          .hasValue("camera=(), microphone=(), geolocation=()");
    }
  }

  /** Point 14: an unknown API path is a 404 problem detail, not the error page's JSON. */
  @Test
  void anUnknownApiPathIsA404ProblemDetail() throws Exception {
    mvc.perform(
            get("/api/v1/no-such-thing")
                .with(httpBasic("admin", DEMO_PASSWORD))
                .header("Accept-Language", "zh-CN"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.type").value("https://huhang.org/problems/not-found"));
  }

  @Test
  void aWrongMethodOnTheApiIsA405ProblemDetail() throws Exception {
    mvc.perform(delete("/api/v1/me").with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(405))
        .andExpect(header().exists("Allow"));
  }

  @Test
  void actuatorInfoSaysItsCharset() throws Exception {
    HttpResponse<String> info =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url("/actuator/info")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v.toLowerCase()).contains("charset=utf-8"));
    assertThat(info.body()).contains("幸福护航");
  }

  @Test
  void theOpenApiDocumentHasNoActorParameterAndIsForTheCityAdministratorOnly() throws Exception {
    String document =
        mvc.perform(get("/v3/api-docs").with(user("admin").roles("CITY_ADMIN")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(document)
        .contains("/api/v1/me")
        .doesNotContain("login-throttled")
        .doesNotContainPattern("\"name\"\\s*:\\s*\"actor\"");
    mvc.perform(get("/v3/api-docs").with(user("analyst").roles("ANALYST")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/swagger-ui/index.html").with(user("analyst").roles("ANALYST")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
  }

  private long sessionRows() {
    return jdbc.sql("select count(*) from identity.spring_session").query(Long.class).single();
  }

  private HttpResponse<String> formLogin(HttpClient http, String username, String password)
      throws Exception {
    String page =
        http.send(
                HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    return http.send(
        HttpRequest.newBuilder(url("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "username="
                        + username
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
