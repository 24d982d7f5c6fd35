package org.huhang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.huhang.shared.Actor;
import org.huhang.shared.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Safe retries (issue 14): a request that creates something, sent again because its answer was
 * lost, answers what it answered the first time instead of writing twice.
 *
 * <ul>
 *   <li>The API: a {@code POST} under {@code /api/} with an {@code Idempotency-Key} header. A
 *       repeat with the same key and the same body (method, path and bytes) gets the first answer
 *       again, with {@code Idempotent-Replayed: true}; the same key with another body is refused
 *       with 422.
 *   <li>The pages: every form carries a one-time token ({@code _submission}, rendered with the CSRF
 *       field). The same token with the same fields is a double submission and gets the first
 *       answer (its redirect); other fields are another submission.
 * </ul>
 *
 * <p>How it holds after a crash: the request runs inside one transaction that first inserts the
 * key's row, then runs the handler (whose services join it), then stores the answer in that row and
 * commits; the answer leaves only after the commit ({@link CapturedResponse}). A process killed
 * before the commit leaves neither the row nor the writes, so the retry runs afresh; one killed
 * after it leaves both, so the retry is answered from the row. A repeat sent while the first still
 * runs waits on the row's key and then answers from it. Only successful answers are kept (2xx, and
 * a form's redirect): a refused request rolls back its key, so a corrected retry may use it again.
 * Keys are per user and kept 24 hours. Answers are sealed with the data key, as they may name a
 * party.
 */
final class IdempotentRequests extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String FORM_FIELD = "_submission";
  static final int MAX_BODY = 1024 * 1024;
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private static final Pattern FORM_TOKEN = Pattern.compile("[0-9a-f-]{36}");
  private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final IdempotentAnswers answers;
  private final TransactionTemplate transactions;
  private final MessageSource messages;
  private final LocaleResolver locales;

  IdempotentRequests(
      IdempotentAnswers answers,
      TransactionTemplate transactions,
      MessageSource messages,
      LocaleResolver locales) {
    this.answers = answers;
    this.transactions = transactions;
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    return api(request) ? request.getHeader(HEADER) == null : false;
  }

  private static boolean api(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Actor> actor = CurrentActor.find();
    if (actor.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (api(request)) {
      api(request, response, chain, actor.get());
    } else {
      form(request, response, chain, actor.get());
    }
  }

  private void api(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, Actor actor)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (!KEY.matcher(key).matches()) {
      problem(request, response, HttpStatus.BAD_REQUEST, "idempotency.key.invalid");
      return;
    }
    HttpServletRequest held;
    MessageDigest digest = sha256();
    digest.update(
        (request.getMethod() + " " + request.getRequestURI() + "?")
            .getBytes(StandardCharsets.UTF_8));
    if (request.getQueryString() != null) {
      digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
    }
    if (formEncoded(request)) {
      digestFields(request, digest);
      held = request;
    } else {
      if (request.getContentLengthLong() > MAX_BODY) {
        problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "idempotency.body.tooLarge");
        return;
      }
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "idempotency.body.tooLarge");
        return;
      }
      digest.update(body);
      held = new HeldBody(request, body);
    }
    run(held, response, chain, actor, "api:" + key, digest.digest(), true);
  }

  private void form(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, Actor actor)
      throws ServletException, IOException {
    String token = request.getParameter(FORM_FIELD);
    if (token == null || !FORM_TOKEN.matcher(token).matches()) {
      chain.doFilter(request, response);
      return;
    }
    MessageDigest digest = sha256();
    digest.update(
        (request.getMethod() + " " + request.getRequestURI() + "?")
            .getBytes(StandardCharsets.UTF_8));
    digestFields(request, digest);
    byte[] fingerprint = digest.digest();
    // Other fields under the same token are another submission, not a repeat.
    String key = "form:" + token + ":" + HexFormat.of().formatHex(fingerprint, 0, 8);
    run(request, response, chain, actor, key, fingerprint, false);
  }

  private void run(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      Actor actor,
      String key,
      byte[] fingerprint,
      boolean api)
      throws ServletException, IOException {
    String user = actor.userId().toString();
    CapturedResponse captured = new CapturedResponse(response);
    IdempotentAnswers.Answer earlier;
    try {
      earlier =
          transactions.execute(
              tx -> {
                Optional<IdempotentAnswers.Answer> first = answers.claim(user, key, fingerprint);
                if (first.isPresent()) {
                  return first.get();
                }
                try {
                  chain.doFilter(request, captured);
                } catch (IOException | ServletException e) {
                  throw new HandlerFailed(e);
                }
                keep(tx, captured, user, key, api);
                return null;
              });
    } catch (HandlerFailed e) {
      if (e.getCause() instanceof ServletException s) {
        throw s;
      }
      throw (IOException) e.getCause();
    } catch (TransactionException | DataAccessException e) {
      // The commit failed (the database went away): nothing was saved, so say so.
      log.warn("A {} request could not be committed: {}", api ? "keyed API" : "form", e.toString());
      captured.discard();
      problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "idempotency.notSaved");
      return;
    }
    if (earlier == null) {
      captured.send();
      return;
    }
    if (!MessageDigest.isEqual(earlier.fingerprint(), fingerprint)) {
      problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key.reused");
      return;
    }
    replay(earlier, response);
  }

  /** Keeps a successful answer with the request's writes; rolls back the key of any other. */
  private void keep(
      TransactionStatus tx, CapturedResponse captured, String user, String key, boolean api) {
    int status = captured.getStatus();
    boolean kept = status >= 200 && status < (api ? 300 : 400);
    if (tx.isRollbackOnly()) {
      // A service refused and rolled back (a form shown again with its errors): so does the whole
      // request, key included, quietly, as it did without this filter.
      tx.setRollbackOnly();
      return;
    }
    if (kept) {
      answers.store(user, key, status, captured.headerLines(), captured.body());
    } else {
      // A refusal is not remembered: what it wrote (an audit of the refusal) stays, its key goes.
      answers.release(user, key);
    }
  }

  private static void replay(IdempotentAnswers.Answer answer, HttpServletResponse response)
      throws IOException {
    response.setStatus(answer.status());
    String location = null;
    for (String line : answer.headers().split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        String name = line.substring(0, colon);
        String value = line.substring(colon + 2);
        if (name.equalsIgnoreCase("Location")) {
          location = value;
        }
        response.addHeader(name, value);
      }
    }
    response.setHeader("Idempotent-Replayed", "true");
    if (answer.status() >= 300 && answer.status() < 400 && location != null) {
      response.sendRedirect(location);
      return;
    }
    if (answer.body().length > 0) {
      response.setContentLength(answer.body().length);
      response.getOutputStream().write(answer.body());
    }
  }

  private void problem(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
      throws IOException {
    Locale locale = locales.resolveLocale(request);
    String message = messages.getMessage(key, null, locale);
    response.setStatus(status.value());
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      // Nothing was saved: the same request, sent again in a moment, is safe.
      response.setHeader("Retry-After", "1");
    }
    response.setCharacterEncoding("UTF-8");
    if (api(request)) {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      Map<String, Object> problem = new java.util.LinkedHashMap<>();
      problem.put("type", "https://huhang.org/problems/idempotency");
      problem.put("title", status.getReasonPhrase());
      problem.put("status", status.value());
      problem.put("detail", message);
      problem.put("instance", request.getRequestURI());
      problem.put("errors", java.util.List.of(Map.of("field", HEADER, "message", message)));
      response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    } else {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response
          .getWriter()
          .write(
              "<div class=\"alert alert-danger\" role=\"alert\" data-error-message=\""
                  + HtmlUtils.htmlEscape(message)
                  + "\">"
                  + HtmlUtils.htmlEscape(message)
                  + "</div>");
    }
  }

  private static boolean formEncoded(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT);
    return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/");
  }

  /**
   * The fields of a form in name order (the CSRF token and the submission token left out: they are
   * the same for every repeat), and each uploaded file by its bytes, read as a stream.
   */
  private static void digestFields(HttpServletRequest request, MessageDigest digest)
      throws IOException, ServletException {
    Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
    fields.remove("_csrf");
    fields.remove(FORM_FIELD);
    for (Map.Entry<String, String[]> field : fields.entrySet()) {
      digest.update(field.getKey().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      for (String value : field.getValue()) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 1);
      }
    }
    String type = request.getContentType();
    org.springframework.web.multipart.MultipartHttpServletRequest multipart =
        org.springframework.web.util.WebUtils.getNativeRequest(
            request, org.springframework.web.multipart.MultipartHttpServletRequest.class);
    if (multipart != null) {
      // Already resolved into files (MockMvc does this before any filter): the same bytes.
      for (var file : new TreeMap<>(multipart.getMultiFileMap()).entrySet()) {
        for (var f : file.getValue()) {
          digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
          digest.update(String.valueOf(f.getOriginalFilename()).getBytes(StandardCharsets.UTF_8));
          try (InputStream in = f.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
              digest.update(buffer, 0, n);
            }
          }
        }
      }
    } else if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      for (Part part : request.getParts()) {
        if (part.getSubmittedFileName() == null) {
          continue;
        }
        digest.update(part.getName().getBytes(StandardCharsets.UTF_8));
        digest.update(part.getSubmittedFileName().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = part.getInputStream()) {
          byte[] buffer = new byte[64 * 1024];
          for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
          }
        }
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The handler's own failure, carried out of the transaction callback and thrown again. */
  private static final class HandlerFailed extends RuntimeException {
    HandlerFailed(Exception cause) {
      super(cause);
    }
  }

  /** The request with its body read once, for the fingerprint, and read again by the handler. */
  private static final class HeldBody extends HttpServletRequestWrapper {

    private final byte[] body;

    HeldBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              getInputStream(),
              encoding == null
                  ? StandardCharsets.UTF_8
                  : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
