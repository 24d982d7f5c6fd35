package org.huhang.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** 401 and 403 of the API as RFC 9457 problem details, in the caller's language. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final MessageSource messages;
  private final LocaleResolver locales;

  ProblemResponses(MessageSource messages, LocaleResolver locales) {
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (request.getAttribute(LoginThrottleFilter.ADDRESS_BLOCKED_SECONDS) instanceof Long seconds
        && request.getHeader("Authorization") != null) {
      // A wrong password from an address with too many failures: 429, as the throttle promised.
      try {
        LoginThrottleFilter.refuse(request, response, seconds, true);
      } catch (jakarta.servlet.ServletException ex) {
        throw new IOException(ex);
      }
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"Huhang\"");
    write(request, response, 401, "unauthorized", "error.unauthorized");
  }

  /** A Bearer token that is unknown, expired, revoked or of a disabled user (RFC 6750). */
  void bearerRefused(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"Huhang\", error=\"invalid_token\"");
    write(request, response, 401, "unauthorized", "apiToken.refused");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, 403, "forbidden", "error.forbidden");
  }

  void write(
      HttpServletRequest request, HttpServletResponse response, int status, String type, String key)
      throws IOException {
    String detail = messages.getMessage(key, null, key, locales.resolveLocale(request));
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"https://huhang.org/problems/"
                + type
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + json(detail)
                + "\",\"instance\":\""
                + json(request.getRequestURI())
                + "\"}");
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
