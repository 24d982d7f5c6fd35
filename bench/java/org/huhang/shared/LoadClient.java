package org.huhang.shared;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The load client of the benchmarks: {@code threads} java.net.http clients send one request over
 * and over (each waits for its answer, as wrk's connections do) for a warm-up, then for the
 * measured seconds; requests/s, p50 and p95 of the measured ones, every answer checked. Also a
 * browser's form login (CSRF token, then the session cookie kept by the client).
 */
public final class LoadClient {

  private LoadClient() {}

  public record Result(String name, long requests, long errors, double seconds, long p50, long p95) {
    public double perSecond() {
      return requests / seconds;
    }

    public double p50Millis() {
      return p50 / 1e6;
    }

    public double p95Millis() {
      return p95 / 1e6;
    }
  }

  /** An HTTP/1.1 client without cookies (API requests). */
  public static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** An HTTP/1.1 client logged in through the login form as a browser: it keeps the session. */
  public static HttpClient browser(String base, String username, String password)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager())
            .build();
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<Void> login =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + encode(username)
                            + "&password="
                            + encode(password)
                            + "&_csrf="
                            + encode(token)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String location = login.headers().firstValue("Location").orElse("");
    if (login.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("login of " + username + " failed: " + login.statusCode());
    }
    return http;
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Drives the request from {@code threads} threads; an answer {@code ok} refuses is an error. */
  public static Result run(
      HttpClient client,
      String name,
      HttpRequest request,
      Predicate<HttpResponse<byte[]>> ok,
      int threads,
      int warmup,
      int seconds)
      throws InterruptedException {
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + warmup * 1_000_000_000L;
    long end = measureFrom + seconds * 1_000_000_000L;
    List<long[]> latencies = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    long[] counts = new long[threads];
    for (int t = 0; t < threads; t++) {
      long[] mine = new long[500_000];
      latencies.add(mine);
      int index = t;
      Thread worker =
          new Thread(
              () -> {
                int n = 0;
                while (true) {
                  long t0 = System.nanoTime();
                  if (t0 >= end) {
                    break;
                  }
                  try {
                    HttpResponse<byte[]> r =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (!ok.test(r)) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  long t1 = System.nanoTime();
                  if (t0 >= measureFrom && t1 <= end && n < mine.length) {
                    mine[n++] = t1 - t0;
                  }
                }
                counts[index] = n;
              });
      worker.start();
      workers.add(worker);
    }
    for (Thread w : workers) {
      w.join();
    }
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies.get(t), 0, all, at, (int) counts[t]);
      at += (int) counts[t];
    }
    Arrays.sort(all);
    long p50 = all.length == 0 ? 0 : all[(int) (all.length * 0.50)];
    long p95 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.95))];
    return new Result(name, total, errors.get(), seconds, p50, p95);
  }

  /** An answer is good when it is a 200. */
  public static boolean isOk(HttpResponse<byte[]> response) {
    return response.statusCode() == 200;
  }
}
