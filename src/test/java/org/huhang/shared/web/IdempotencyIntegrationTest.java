package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huhang.IntegrationTest;
import org.huhang.volunteer.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 14, safe retries: the same Idempotency-Key and body give one row and the first answer;
 * another body under the key is refused; a refusal keeps no key; two at once write once; a form
 * sent twice with its token saves once. Over real HTTP, so that the requests run on the server's
 * own threads at the same time.
 */
class IdempotencyIntegrationTest extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  final HttpClient http = HttpClient.newHttpClient();

  static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(("admin-371623:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));

  String wudiCenter() {
    return jdbc.sql("select id::text from center.center where name = '无棣县婚姻家庭辅导中心'")
        .query(String.class)
        .single();
  }

  String volunteer(String name, String idNumber) {
    return """
        {"name":"%s","gender":"FEMALE","birthDate":"%s","idNumber":"%s","phone":"13905430001",
         "background":"LAWYER","specialities":["PROPERTY_DEBT"],"centerId":"%s","status":"ACTIVE",
         "joinedOn":"2024-03-01"}"""
        .formatted(name, TestPeople.birthDateOf(idNumber), idNumber, wudiCenter());
  }

  HttpResponse<String> postVolunteer(String key, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/volunteers"))
            .header("Authorization", BASIC)
            .header("Content-Type", "application/json")
            .header("Accept-Language", "zh-CN")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  long volunteersNamed(String name) {
    return jdbc.sql("select count(*) from volunteer.volunteer where name = :n")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  @Test
  void theSameKeyAndBodyWriteOnceAndAnswerTheFirstAnswerAgain() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = volunteer("幂等志愿者甲", TestPeople.womanId("371623"));
    HttpResponse<String> first = postVolunteer(key, body);
    HttpResponse<String> again = postVolunteer(key, body);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(volunteersNamed("幂等志愿者甲")).isEqualTo(1);
    // The answer names the volunteer: it is kept sealed, never as plain text.
    byte[] stored =
        jdbc.sql("select body_cipher from kernel.idempotent_request where request_key = :k")
            .param("k", "api:" + key)
            .query(byte[].class)
            .single();
    assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("幂等志愿者甲");
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedAndNamesTheHeader() throws Exception {
    String key = UUID.randomUUID().toString();
    assertThat(postVolunteer(key, volunteer("幂等志愿者乙", TestPeople.womanId("371623"))).statusCode())
        .isEqualTo(201);
    HttpResponse<String> other =
        postVolunteer(key, volunteer("幂等志愿者丙", TestPeople.womanId("371623")));
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.body()).contains("\"field\":\"Idempotency-Key\"").contains("已用于另一个");
    assertThat(volunteersNamed("幂等志愿者丙")).isZero();
  }

  @Test
  void aRefusedRequestKeepsNoKeySoTheCorrectedOneGoesThrough() throws Exception {
    String key = UUID.randomUUID().toString();
    String id = TestPeople.womanId("371623");
    HttpResponse<String> refused =
        postVolunteer(key, volunteer("幂等志愿者丁", id).replace("\"LAWYER\"", "\"PILOT\""));
    assertThat(refused.statusCode()).isBetween(400, 499);
    assertThat(postVolunteer(key, volunteer("幂等志愿者丁", id)).statusCode()).isEqualTo(201);
    assertThat(volunteersNamed("幂等志愿者丁")).isEqualTo(1);
  }

  @Test
  void aKeyMustBeVisibleAsciiOfAtMostTwoHundredCharacters() throws Exception {
    String body = volunteer("幂等志愿者戊", TestPeople.womanId("371623"));
    for (String bad : List.of("x".repeat(201), "a key with spaces")) {
      HttpResponse<String> refused = postVolunteer(bad, body);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("Idempotency-Key");
    }
    assertThat(volunteersNamed("幂等志愿者戊")).isZero();
  }

  @Test
  void aKeyedBodyOverOneMegabyteIsRefusedBeforeAnythingIsRead() throws Exception {
    String body =
        volunteer("幂等志愿者壬", TestPeople.womanId("371623"))
            .replace("\"dialects\"", "\"x\"")
            .replace("\"joinedOn\"", "\"notes\":\"" + "长".repeat(400_000) + "\",\"joinedOn\"");
    HttpResponse<String> refused = postVolunteer(UUID.randomUUID().toString(), body);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("Idempotency-Key").contains("1 MB");
    assertThat(volunteersNamed("幂等志愿者壬")).isZero();
  }

  @Test
  void aKeyOlderThanADayIsForgottenAndRunsAgain() throws Exception {
    String key = UUID.randomUUID().toString();
    assertThat(postVolunteer(key, volunteer("幂等志愿者己", TestPeople.womanId("371623"))).statusCode())
        .isEqualTo(201);
    jdbc.sql(
            "update kernel.idempotent_request set created_at = now() - interval '25 hours'"
                + " where request_key = :k")
        .param("k", "api:" + key)
        .update();
    HttpResponse<String> later =
        postVolunteer(key, volunteer("幂等志愿者庚", TestPeople.womanId("371623")));
    assertThat(later.statusCode()).isEqualTo(201);
    assertThat(later.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(volunteersNamed("幂等志愿者庚")).isEqualTo(1);
  }

  @Test
  void eightRepeatsSentAtOnceWriteOneRowAndAllGetItsAnswer() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = volunteer("幂等志愿者辛", TestPeople.womanId("371623"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sent.add(
            pool.submit(
                () -> {
                  start.await();
                  return postVolunteer(key, body);
                }));
      }
      start.countDown();
      List<String> bodies = new ArrayList<>();
      for (Future<HttpResponse<String>> f : sent) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).isEqualTo(201);
        bodies.add(r.body());
      }
      assertThat(bodies).allMatch(b -> b.equals(bodies.get(0)));
    } finally {
      pool.shutdownNow();
    }
    assertThat(volunteersNamed("幂等志愿者辛")).isEqualTo(1);
  }

  @Test
  @WithUserDetails("admin-371623")
  void aFormSentTwiceWithItsTokenSavesOnceAndRedirectsBothToTheRecord() throws Exception {
    String id = TestPeople.womanId("371623");
    String token = UUID.randomUUID().toString();
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      MvcResult result =
          mvc.perform(
                  post("/volunteers")
                      .with(csrf())
                      .param("_submission", token)
                      .param("name", "表单志愿者")
                      .param("gender", "FEMALE")
                      .param("birthDate", TestPeople.birthDateOf(id))
                      .param("idNumber", id)
                      .param("phone", "13905431234")
                      .param("background", "SOCIAL_WORKER")
                      .param("centerId", wudiCenter())
                      .param("status", "ACTIVE")
                      .param("joinedOn", "2024-03-01"))
              .andExpect(status().is3xxRedirection())
              .andReturn();
      locations.add(result.getResponse().getRedirectedUrl());
    }
    assertThat(locations.get(0)).startsWith("/volunteers/");
    assertThat(locations.get(1)).isEqualTo(locations.get(0));
    assertThat(volunteersNamed("表单志愿者")).isEqualTo(1);
  }

  @Test
  @WithUserDetails("admin-371623")
  void everyFormCarriesANewSubmissionToken() throws Exception {
    String page =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/volunteers/new"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).containsPattern("name=\"_submission\" value=\"[0-9a-f-]{36}\"");
  }
}
