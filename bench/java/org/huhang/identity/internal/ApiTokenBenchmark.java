package org.huhang.identity.internal;

import org.huhang.shared.BenchApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huhang.shared.LegalTime;
import org.huhang.shared.LoadClient;
import org.huhang.shared.LoadClient.Result;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13: a personal API token request to {@code /api/v1/cooling-off} against {@code
 * /actuator/health} (the trivial endpoint) and against the same request with HTTP Basic, in one
 * run. Starts Huhang on a throw-away embedded PostgreSQL (demo accounts, no six-year history),
 * creates a token for {@code admin} through {@code POST /api/v1/me/tokens}, then drives each
 * endpoint in turn with {@code -Dthreads} (default 4) client threads of java.net.http for {@code
 * -Dseconds} (default 15) after {@code -Dwarmup} seconds (default 3): requests/s, p50 and p95, every
 * answer checked to be 200. Run with bench/run-api-tokens.sh.
 */
public final class ApiTokenBenchmark {

  public static void main(String[] args) throws Exception {
    int threads = Integer.getInteger("threads", 4);
    int seconds = Integer.getInteger("seconds", 15);
    int warmup = Integer.getInteger("warmup", 3);
    Path dir = Files.createTempDirectory("huhang-tokens-");
    try (ConfigurableApplicationContext app =
        BenchApp.start(dir, "--huhang.demo=true", "--huhang.demo-history=false")) {
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      HttpClient client = LoadClient.client();
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("admin:Huhang@2023".getBytes(StandardCharsets.UTF_8));
      String expires = LocalDate.now(LegalTime.ZONE).plusDays(7).toString();
      HttpResponse<String> created =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                  .header("Authorization", basic)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"bench\",\"expiresOn\":\"" + expires + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) {
        throw new IllegalStateException("token not created: " + created.statusCode());
      }
      Matcher m = Pattern.compile("\"token\":\"(hh_[A-Za-z0-9_-]{43})\"").matcher(created.body());
      if (!m.find()) {
        throw new IllegalStateException("no token in the answer");
      }
      String bearer = "Bearer " + m.group(1);
      String coolingOff = base + "/api/v1/cooling-off?receivedOn=2024-03-01";
      System.out.printf(
          "%d client threads, %d s warm-up then %d s measured per endpoint, %d cores%n",
          threads, warmup, seconds, Runtime.getRuntime().availableProcessors());
      List<Result> results = new ArrayList<>();
      results.add(run(client, "GET /actuator/health", base + "/actuator/health", null, threads, warmup, seconds));
      results.add(run(client, "GET /api/v1/cooling-off (Bearer token)", coolingOff, bearer, threads, warmup, seconds));
      results.add(run(client, "GET /api/v1/cooling-off (HTTP Basic)", coolingOff, basic, threads, warmup, seconds));
      System.out.println();
      System.out.printf("%-40s %10s %8s %8s %8s%n", "endpoint", "req/s", "p50 ms", "p95 ms", "errors");
      for (Result r : results) {
        System.out.printf(
            "%-40s %10.1f %8.2f %8.2f %8d%n",
            r.name(), r.perSecond(), r.p50() / 1e6, r.p95() / 1e6, r.errors());
      }
      double health = results.get(0).perSecond();
      System.out.printf(
          "%ntoken / health throughput: %.1f %% (target >= 50 %%)%n",
          100 * results.get(1).perSecond() / health);
      System.out.printf(
          "Basic / health throughput: %.1f %%; token / Basic: %.1fx%n",
          100 * results.get(2).perSecond() / health,
          results.get(1).perSecond() / results.get(2).perSecond());
      // Last uses are batched: the row is written by the flush, not by each request.
      app.getBean(ApiTokenUsage.class).flush();
    }
  }

  static Result run(
      HttpClient client,
      String name,
      String url,
      String authorization,
      int threads,
      int warmup,
      int seconds)
      throws InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    Result r =
        LoadClient.run(
            client, name, builder.build(), LoadClient::isOk, threads, warmup, seconds);
    System.out.printf("%s: %,d requests measured%n", name, r.requests());
    return r;
  }
}
