package org.huhang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.huhang.IntegrationTest;
import org.huhang.identity.internal.ApiTokenUsage;
import org.huhang.shared.LegalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13, API tokens: created once, used as Bearer on /api/v1 only, batched, audited, revoked.
 */
class ApiTokenIntegrationTest extends IntegrationTest {

  static final String COOLING_OFF = "/api/v1/cooling-off?receivedOn=2024-03-01";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService accounts;
  @Autowired ApiTokenUsage usage;

  static LocalDate today() {
    return LocalDate.now(LegalTime.ZONE);
  }

  ResultActions create(String username, String name, LocalDate expiresOn) throws Exception {
    return mvc.perform(
        post("/api/v1/me/tokens")
            .with(httpBasic(username, DEMO_PASSWORD))
            .header("Accept-Language", "zh-CN")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                JsonMapper.builder()
                    .build()
                    .writeValueAsString(
                        Map.of("name", name, "expiresOn", String.valueOf(expiresOn)))));
  }

  /** A new token of the user: its id and secret. */
  JsonNode newToken(String username, String name) throws Exception {
    String json =
        create(username, name, today().plusDays(30))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return JsonMapper.builder().build().readTree(json);
  }

  static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
    return request.header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN");
  }

  long audited(String action, String id) {
    return jdbc.sql("select count(*) from audit.audit_event where action = :a and entity_id = :id")
        .param("a", action)
        .param("id", id)
        .query(Long.class)
        .single();
  }

  @Test
  void aTokenMadeWithBasicCallsTheApiAsItsUserButNoPageThenRevokedAnswers401() throws Exception {
    JsonNode created = newToken("counselor-371623", "月报脚本");
    String token = created.get("token").asString();
    String id = created.get("id").asString();
    assertThat(token).matches("hh_[A-Za-z0-9_-]{43}");
    assertThat(created.get("name").asString()).isEqualTo("月报脚本");
    assertThat(created.get("expiresOn").asString()).isEqualTo(today().plusDays(30).toString());
    assertThat(audited("api-token.create", id)).isEqualTo(1);

    mvc.perform(bearer(get(COOLING_OFF), token)).andExpect(status().isOk());
    mvc.perform(bearer(get("/api/v1/me"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("counselor-371623"))
        .andExpect(jsonPath("$.role").value("COUNSELOR"));
    // Its user's scope and role, nothing more: a counselor manages no users.
    mvc.perform(bearer(get("/api/v1/users"), token)).andExpect(status().isForbidden());
    // Pages never take a token: the login page, as for anybody.
    int page = mvc.perform(bearer(get("/"), token)).andReturn().getResponse().getStatus();
    assertThat(page).isIn(302, 401);
    // Two uses from one address: audited once, as a new address.
    assertThat(audited("api-token.newAddress", id)).isEqualTo(1);

    mvc.perform(bearer(get("/api/v1/me/tokens"), token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == '" + id + "')].name").value("月报脚本"))
        .andExpect(jsonPath("$[?(@.id == '" + id + "')].status").value("ACTIVE"))
        .andExpect(content().string(Matchers.not(Matchers.containsString(token))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("\"token\""))));

    // A token cannot make tokens: said in the problem detail.
    mvc.perform(
            bearer(post("/api/v1/me/tokens"), token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"再来一个\",\"expiresOn\":\"" + today().plusDays(5) + "\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("HTTP Basic")));

    mvc.perform(bearer(delete("/api/v1/me/tokens/" + id), token)).andExpect(status().isNoContent());
    assertThat(audited("api-token.revoke", id)).isEqualTo(1);
    mvc.perform(bearer(get(COOLING_OFF), token))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("令牌")));
    mvc.perform(get("/api/v1/me/tokens").with(httpBasic("counselor-371623", DEMO_PASSWORD)))
        .andExpect(jsonPath("$[?(@.id == '" + id + "')].status").value("REVOKED"));
    // HTTP Basic keeps working beside tokens.
    mvc.perform(get(COOLING_OFF).with(httpBasic("counselor-371623", DEMO_PASSWORD)))
        .andExpect(status().isOk());
  }

  @Test
  void aWrongOrMalformedTokenAnswers401() throws Exception {
    mvc.perform(bearer(get(COOLING_OFF), "hh_" + "A".repeat(43)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://huhang.org/problems/unauthorized"));
    mvc.perform(bearer(get(COOLING_OFF), "nonsense")).andExpect(status().isUnauthorized());
  }

  @Test
  void anExpiredTokenAnswers401() throws Exception {
    JsonNode created = newToken("registrar-371602", "过期的");
    jdbc.sql("update identity.api_token set expires_on = :d where id = :id::uuid")
        .param("d", today().minusDays(1))
        .param("id", created.get("id").asString())
        .update();
    mvc.perform(bearer(get(COOLING_OFF), created.get("token").asString()))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/me/tokens").with(httpBasic("registrar-371602", DEMO_PASSWORD)))
        .andExpect(
            jsonPath("$[?(@.id == '" + created.get("id").asString() + "')].status")
                .value("EXPIRED"));
  }

  @Test
  void theTokenOfADisabledUserAnswers401AtOnceEvenWhenJustUsed() throws Exception {
    String username = "token-" + UUID.randomUUID().toString().substring(0, 8);
    String userId =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(
                        post("/api/v1/users")
                            .with(httpBasic("admin", DEMO_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                """
                                {"username":"%s","displayName":"令牌测试","role":"ANALYST",
                                 "regionCode":"371600","password":"Huhang@2023x"}"""
                                    .formatted(username)))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8))
            .get("id")
            .asString();
    String token =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(
                        post("/api/v1/me/tokens")
                            .with(httpBasic(username, "Huhang@2023x"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                "{\"name\":\"停用前\",\"expiresOn\":\"" + today().plusDays(3) + "\"}"))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8))
            .get("token")
            .asString();
    mvc.perform(bearer(get(COOLING_OFF), token)).andExpect(status().isOk());
    mvc.perform(
            post("/api/v1/users/" + userId + "/disable").with(httpBasic("admin", DEMO_PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(bearer(get(COOLING_OFF), token)).andExpect(status().isUnauthorized());
  }

  @Test
  void someoneElsesTokenIsNotFoundForItsOwnerRoutes() throws Exception {
    String other = newToken("counselor-371625", "别人的").get("id").asString();
    mvc.perform(
            delete("/api/v1/me/tokens/" + other).with(httpBasic("counselor-371623", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/account/tokens/" + other + "/revoke")
                .with(user(accounts.loadUserByUsername("counselor-371623"))))
        .andExpect(status().isNotFound());
  }

  @Test
  void aCountyAdministratorRevokesTokensOfItsCountyOnlyOnTheUsersPage() throws Exception {
    JsonNode elsewhere = newToken("counselor-371681", "邹平的");
    String elsewhereId = elsewhere.get("id").asString();
    var wudiAdmin = user(accounts.loadUserByUsername("admin-371623"));
    mvc.perform(get("/api-tokens/" + elsewhereId + "/revoke").with(wudiAdmin))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api-tokens/" + elsewhereId + "/revoke").with(wudiAdmin).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(bearer(get(COOLING_OFF), elsewhere.get("token").asString()))
        .andExpect(status().isOk());

    JsonNode own = newToken("counselor-371623", "无棣的");
    String ownId = own.get("id").asString();
    String userId =
        jdbc.sql("select id::text from identity.app_user where username = 'counselor-371623'")
            .query(String.class)
            .single();
    mvc.perform(get("/users/" + userId).with(wudiAdmin))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("无棣的")))
        .andExpect(content().string(Matchers.containsString("/api-tokens/" + ownId + "/revoke")));
    mvc.perform(get("/api-tokens/" + ownId + "/revoke").with(wudiAdmin))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("无棣的")))
        .andExpect(content().string(Matchers.containsString("不能恢复")));
    mvc.perform(post("/api-tokens/" + ownId + "/revoke").with(wudiAdmin).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(bearer(get(COOLING_OFF), own.get("token").asString()))
        .andExpect(status().isUnauthorized());
    // A counselor manages nobody's tokens.
    mvc.perform(
            get("/api-tokens/" + elsewhereId + "/revoke")
                .with(user(accounts.loadUserByUsername("counselor-371681"))))
        .andExpect(status().isForbidden());
  }

  @Test
  void usesAreWrittenInABatchWhenFlushedNotPerRequest() throws Exception {
    JsonNode created = newToken("analyst", "刷新");
    String id = created.get("id").asString();
    for (int i = 0; i < 3; i++) {
      mvc.perform(bearer(get(COOLING_OFF), created.get("token").asString()))
          .andExpect(status().isOk());
    }
    Map<String, Object> before =
        jdbc.sql("select last_used_at, last_used_from from identity.api_token where id = :id::uuid")
            .param("id", id)
            .query()
            .singleRow();
    assertThat(before.get("last_used_at")).isNull();
    usage.flush();
    Map<String, Object> after =
        jdbc.sql("select last_used_at, last_used_from from identity.api_token where id = :id::uuid")
            .param("id", id)
            .query()
            .singleRow();
    assertThat(after.get("last_used_at")).isNotNull();
    assertThat(after.get("last_used_from")).isEqualTo("127.0.0.1");
  }

  @Test
  void theStoredRowHoldsOnlyTheSha256OfTheToken() throws Exception {
    JsonNode created = newToken("manager-371623", "原样检查");
    String token = created.get("token").asString();
    Map<String, Object> row =
        jdbc.sql("select * from identity.api_token where id = :id::uuid")
            .param("id", created.get("id").asString())
            .query()
            .singleRow();
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    assertThat((byte[]) row.get("token_hash")).isEqualTo(hash);
    String secretPart = token.substring(3);
    for (Object value : row.values()) {
      String text =
          value instanceof byte[] b
              ? new String(b, StandardCharsets.ISO_8859_1)
              : String.valueOf(value);
      assertThat(text).doesNotContain(secretPart);
    }
    String everything =
        jdbc.sql("select string_agg(t::text, ' ') from identity.api_token t")
            .query(String.class)
            .single();
    assertThat(everything).doesNotContain(secretPart);
    String audit =
        jdbc.sql("select string_agg(a::text, ' ') from audit.audit_event a")
            .query(String.class)
            .single();
    assertThat(audit).doesNotContain(secretPart);
  }

  @Test
  void aBadNameOrExpiryIsRefusedNamingTheFieldInChinese() throws Exception {
    create("counselor-371623", "a\u0000b", today().plusDays(5))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("控制字符")));
    create("counselor-371623", "长".repeat(100_000), today().plusDays(5))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[0].message").value("令牌名称最多 50 个字。"));
    create("counselor-371623", "<script>alert(1)</script>", today().plusDays(5))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("令牌名称")));
    create("counselor-371623", "  ", today().plusDays(5))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    create("counselor-371623", "一年多", today().plusYears(1).plusDays(1))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("expiresOn"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("最长一年")));
    create("counselor-371623", "昨天", today().minusDays(1))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("expiresOn"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("有效期")));
    create("counselor-371623", "今天", today())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
    create("counselor-371623", "一年整", today().plusYears(1)).andExpect(status().isCreated());
  }

  @Test
  void theAccountPageCreatesATokenShownOnceAndListsIt() throws Exception {
    var counselor = user(accounts.loadUserByUsername("counselor-371625"));
    mvc.perform(get("/account/password").with(counselor))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("API 令牌")))
        .andExpect(content().string(Matchers.containsString("api-token-form")));
    String page =
        mvc.perform(
                post("/account/tokens")
                    .with(counselor)
                    .with(csrf())
                    .param("name", "手机上建的")
                    .param("expiresOn", today().plusDays(10).toString()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("只显示这一次")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String token =
        page.replaceAll(
            "(?s).*id=\"api-token-secret\"[^>]*>(hh_[A-Za-z0-9_-]{43})</textarea>.*", "$1");
    assertThat(token).matches("hh_[A-Za-z0-9_-]{43}");
    mvc.perform(bearer(get("/api/v1/me"), token))
        .andExpect(jsonPath("$.username").value("counselor-371625"));
    // Shown once: the page afterwards lists the token, never its secret.
    mvc.perform(get("/account/password").with(counselor))
        .andExpect(content().string(Matchers.containsString("手机上建的")))
        .andExpect(content().string(Matchers.not(Matchers.containsString(token))));
    // A bad name is told next to its field; without CSRF nothing is created.
    mvc.perform(
            post("/account/tokens")
                .with(counselor)
                .with(csrf())
                .param("name", "")
                .param("expiresOn", today().plusDays(10).toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请填写令牌名称")));
    mvc.perform(
            post("/account/tokens")
                .with(counselor)
                .param("name", "无CSRF")
                .param("expiresOn", today().plusDays(10).toString()))
        .andExpect(status().isForbidden());
    // Revoked from the page after a confirmation.
    String id =
        jdbc.sql(
                "select t.id::text from identity.api_token t join identity.app_user u on u.id = t.user_id"
                    + " where u.username = 'counselor-371625' and t.name = '手机上建的'")
            .query(String.class)
            .single();
    mvc.perform(get("/account/tokens/" + id + "/revoke").with(counselor))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("确定撤销")));
    mvc.perform(post("/account/tokens/" + id + "/revoke").with(counselor).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(bearer(get("/api/v1/me"), token)).andExpect(status().isUnauthorized());
    List<String> statuses =
        jdbc.sql("select revoked_by from identity.api_token where id = :id::uuid")
            .param("id", id)
            .query(String.class)
            .list();
    assertThat(statuses).containsExactly("counselor-371625");
  }
}
