package org.huhang.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.huhang.identity.internal.ApiTokenAuthentication;
import org.huhang.identity.internal.ApiTokenAuthenticator;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer hh_…} on {@code /api/v1/**} only: the token's user, with its role
 * and scope, for this request (the API chain keeps no session). An unknown, expired or revoked
 * token, or one of a disabled user, answers 401 as a problem detail at once; it does not fall back
 * to anonymous. Other paths of the API chain (actuator) ignore Bearer; pages never see it.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private static final String SCHEME = "Bearer ";

  private final ApiTokenAuthenticator tokens;
  private final ProblemResponses problems;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  BearerTokenFilter(ApiTokenAuthenticator tokens, ProblemResponses problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header == null
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = request.getHeader("Authorization").substring(SCHEME.length()).strip();
    Optional<ApiTokenAuthentication> authentication = tokens.authenticate(token);
    if (authentication.isEmpty()) {
      contexts.clearContext();
      problems.bearerRefused(request, response);
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(authentication.get());
    contexts.setContext(context);
    tokens.used(authentication.get(), request.getRemoteAddr());
    chain.doFilter(request, response);
  }
}
