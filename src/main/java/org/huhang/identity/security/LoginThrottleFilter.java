package org.huhang.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a login attempt (form POST /login, or HTTP Basic credentials on the API) while its
 * account is throttled. While only the address is throttled, the attempt goes on and a correct
 * password passes; a wrong one is answered 429 by the failure handler or entry point that finds
 * {@link #ADDRESS_BLOCKED_SECONDS}. Failures are counted by {@link AuthenticationAuditor}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  static final String BLOCKED_SECONDS = LoginThrottleFilter.class.getName() + ".seconds";
  static final String ADDRESS_BLOCKED_SECONDS =
      LoginThrottleFilter.class.getName() + ".addressSeconds";

  private final LoginThrottle throttle;
  private final boolean api;

  LoginThrottleFilter(LoginThrottle throttle, boolean api) {
    this.throttle = throttle;
    this.api = api;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = api ? basicUsername(request) : formUsername(request);
    if (username == null) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = throttle.secondsBlocked(username);
    if (seconds == 0) {
      long addressSeconds = throttle.addressSecondsBlocked(request.getRemoteAddr());
      if (addressSeconds > 0) {
        request.setAttribute(ADDRESS_BLOCKED_SECONDS, addressSeconds);
      }
      chain.doFilter(request, response);
      return;
    }
    refuse(request, response, seconds, api);
  }

  /** 429 with the login page or the API's problem detail saying why and for how long. */
  static void refuse(
      HttpServletRequest request, HttpServletResponse response, long seconds, boolean api)
      throws ServletException, IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    request.setAttribute(BLOCKED_SECONDS, seconds);
    // The login page (or the API's problem detail) says why and for how long, in the user's
    // language.
    request
        .getRequestDispatcher(api ? "/api/v1/login-throttled" : "/login/throttled")
        .forward(request, response);
  }

  private static String formUsername(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"POST".equals(request.getMethod()) || !"/login".equals(path)) {
      return null;
    }
    String username = request.getParameter("username");
    return username == null ? "" : username;
  }

  private static String basicUsername(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
