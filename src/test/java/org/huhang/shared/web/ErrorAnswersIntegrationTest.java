package org.huhang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.huhang.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests refused before any controller (by the firewall, by the server's URL decoding) still
 * answer an RFC 9457 problem, never Boot's bare {@code timestamp/status/error} object. Real HTTP:
 * MockMvc skips the server and its firewall.
 */
class ErrorAnswersIntegrationTest extends IntegrationTest {

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String rawPath, String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
            .header("Accept", "application/json")
            .header("Accept-Language", "zh-CN");
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/volunteers//",
        "/api/v1/volunteers/;jsessionid=x",
        "/api/v1/volunteers/%2e%2e/%2e%2e/me",
        "/api/v1/volunteers?q=a%ED%A0%80b",
        "/api/v1/users?role=a%FFb"
      })
  void aRequestRefusedBeforeAnyControllerIsAProblem(String path) throws Exception {
    HttpResponse<String> answer = get(path, "admin");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(answer.body()).contains("\"status\":400").doesNotContain("timestamp");
  }
}
