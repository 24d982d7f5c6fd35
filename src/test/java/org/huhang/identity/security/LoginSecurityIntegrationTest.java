package org.huhang.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.huhang.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class LoginSecurityIntegrationTest extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired LoginThrottle throttle;
  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.security.core.userdetails.UserDetailsService userDetails;

  @Test
  void theLoginPageIsChineseAndCarriesACsrfToken() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("登录")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
  }

  @Test
  void pagesNeedALogin() throws Exception {
    mvc.perform(get("/users"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  void aDemoAccountLogsInAndGetsANewSessionId() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    String page =
        http.send(
                HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    String before = sessionCookie(cookies);
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=admin&password="
                            + java.net.URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)
                            + "&_csrf="
                            + token))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location"))
        .hasValueSatisfying(v -> assertThat(v).endsWith("/"));
    // The login page itself opens no session (issue 9, point 11); the login opens a new one.
    assertThat(sessionCookie(cookies)).isNotNull().isNotEqualTo(before);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(url("/")).build(), HttpResponse.BodyHandlers.ofString())
                .body())
        .contains("滨州市妇联管理员");
  }

  private static String sessionCookie(java.net.CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("SESSION"))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  @Test
  void aPostWithoutCsrfTokenIsRefused() throws Exception {
    mvc.perform(post("/login").param("username", "admin").param("password", DEMO_PASSWORD))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/regions/371600/children")
                .with(httpBasic("admin", DEMO_PASSWORD))
                .param("parentCode", "371600")
                .param("code", "371602101")
                .param("name", "无令牌"))
        .andExpect(status().isForbidden());
    assertThat(
            jdbc.sql("select count(*) from region.region where code = '371602101'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aUsernameWithANulByteIsAnUnknownUserNotADatabaseError() throws Exception {
    // Before, the NUL reached PostgreSQL, which refused it with an error in the log.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> userDetails.loadUserByUsername("a\u0000b"))
        .isInstanceOf(
            org.springframework.security.core.userdetails.UsernameNotFoundException.class);
    mvc.perform(login("a\u0000b", "whatever", "10.1.1.9")).andExpect(redirectedUrl("/login?error"));
    mvc.perform(login("a".repeat(100_000), "whatever", "10.1.1.9"))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void theSixthFailedFormLoginInAMinuteAnswers429() throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(login("analyst", "wrong-" + i, "10.1.1.1"))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(login("analyst", DEMO_PASSWORD, "10.1.1.1"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(forwardedUrl("/login/throttled"));
    // Another account from another address is not affected.
    mvc.perform(login("admin-371681", DEMO_PASSWORD, "10.1.1.2")).andExpect(redirectedUrl("/"));
  }

  @Test
  void failedLoginsFromOneAddressThrottleFailuresButLetACorrectPasswordThrough() throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(login("nobody-" + i, "wrong", "10.2.2.2"))
          .andExpect(redirectedUrl("/login?error"));
    }
    // Another wrong guess from there: 429.
    mvc.perform(login("admin", "guess", "10.2.2.2"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(forwardedUrl("/login/throttled"));
    // A colleague behind the same address with the right password logs in (issue 9, point 7).
    mvc.perform(login("admin", DEMO_PASSWORD, "10.2.2.2")).andExpect(redirectedUrl("/"));
    // An API client with valid credentials behind it is not locked out either.
    mvc.perform(
            get("/api/v1/me")
                .with(httpBasic("analyst", DEMO_PASSWORD))
                .with(remoteAddress("10.2.2.2")))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/me").with(httpBasic("analyst", "guess")).with(remoteAddress("10.2.2.2")))
        .andExpect(status().isTooManyRequests())
        .andExpect(forwardedUrl("/api/v1/login-throttled"));
  }

  @Test
  void aLockedUsernameStaysLockedFromAnyAddressEvenWithTheRightPassword() throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(login("manager-371625", "wrong-" + i, "10.4.4." + i))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(login("manager-371625", DEMO_PASSWORD, "10.4.4.99"))
        .andExpect(status().isTooManyRequests());
  }

  /**
   * Behind a trusted proxy (by default one on the same host) the client's address and scheme come
   * from X-Forwarded-For and X-Forwarded-Proto: the session cookie is Secure behind HTTPS and the
   * audit names the client.
   */
  @Test
  void behindATrustedHttpsProxyTheCookieIsSecureAndTheClientAddressCounts() throws Exception {
    HttpClient http = HttpClient.newBuilder().build();
    HttpResponse<String> page =
        http.send(
            proxied(HttpRequest.newBuilder(url("/login"))).build(),
            HttpResponse.BodyHandlers.ofString());
    String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    String csrfCookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .findFirst()
            .orElseThrow(() -> new AssertionError(page.statusCode() + " " + page.headers().map()));
    assertThat(csrfCookie).contains("Secure").contains("HttpOnly");
    HttpResponse<String> login =
        http.send(
            proxied(HttpRequest.newBuilder(url("/login")))
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=counselor-371625&password="
                            + java.net.URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)
                            + "&_csrf="
                            + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("Secure"));
    String address =
        jdbc.sql(
                "select client_address from audit.audit_event where action = 'login' and username = 'counselor-371625' order by id desc limit 1")
            .query(String.class)
            .single();
    assertThat(address).isEqualTo("203.0.113.7");
    // Without the proxy headers the same server sends no Secure cookie.
    HttpResponse<String> plain =
        http.send(
            HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
  }

  private static HttpRequest.Builder proxied(HttpRequest.Builder request) {
    return request.header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https");
  }

  @Test
  void theSixthFailedBasicLoginAnswers429WithAProblemDetail() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r =
          http.send(
              basic("/api/v1/me", "registrar-371602", "wrong-" + i),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    }
    HttpResponse<String> sixth =
        http.send(
            basic("/api/v1/me", "registrar-371602", DEMO_PASSWORD),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
    assertThat(sixth.body()).contains("\"status\":429").contains("秒后重试");
  }

  @Test
  void loginsAndFailuresAreAudited() throws Exception {
    long before = countAudit("login", "admin-371623");
    long failedBefore = countAudit("login.failed", "admin-371623");
    mvc.perform(login("admin-371623", DEMO_PASSWORD, "10.3.3.3")).andExpect(redirectedUrl("/"));
    mvc.perform(login("admin-371623", "not-it", "10.3.3.4"))
        .andExpect(redirectedUrl("/login?error"));
    assertThat(countAudit("login", "admin-371623")).isEqualTo(before + 1);
    assertThat(countAudit("login.failed", "admin-371623")).isEqualTo(failedBefore + 1);
    String address =
        jdbc.sql(
                "select client_address from audit.audit_event where action = 'login.failed' and username = 'admin-371623' order by id desc limit 1")
            .query(String.class)
            .single();
    assertThat(address).isEqualTo("10.3.3.4");
  }

  @Test
  void meTellsWhoIsCalling() throws Exception {
    mvc.perform(get("/api/v1/me").with(httpBasic("admin-371623", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("admin-371623"))
        .andExpect(jsonPath("$.role").value("COUNTY_ADMIN"))
        .andExpect(jsonPath("$.regionCode").value("371623"));
  }

  @Test
  void prometheusMetricsAreForTheCityAdministratorOnly() throws Exception {
    mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(get("/actuator/prometheus").with(httpBasic("analyst", DEMO_PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() throws Exception {
    mvc.perform(
            get("/v3/api-docs")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("admin")
                        .roles("CITY_ADMIN")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/me']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/regions']").exists());
  }

  @AfterEach
  void forgetFailures() {
    throttle.clear();
  }

  private static MockHttpServletRequestBuilder login(
      String username, String password, String address) {
    return post("/login")
        .param("username", username)
        .param("password", password)
        .with(csrf())
        .with(remoteAddress(address));
  }

  private long countAudit(String action, String username) {
    return jdbc.sql("select count(*) from audit.audit_event where action = :a and username = :u")
        .param("a", action)
        .param("u", username)
        .query(Long.class)
        .single();
  }

  private HttpRequest basic(String path, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + token)
        .header("Accept-Language", "zh-CN")
        .GET()
        .build();
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor remoteAddress(
      String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
