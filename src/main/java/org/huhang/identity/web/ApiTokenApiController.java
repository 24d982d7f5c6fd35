package org.huhang.identity.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.huhang.identity.ApiTokenView;
import org.huhang.identity.ApiTokens;
import org.huhang.identity.CreateApiToken;
import org.huhang.identity.CreatedApiToken;
import org.huhang.identity.internal.ApiTokenAuthentication;
import org.huhang.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's personal API tokens under /api/v1/me/tokens. A token is then sent as {@code
 * Authorization: Bearer hh_…} to any /api/v1 endpoint and acts as its user (role and region scope),
 * nothing more. Creating a token needs the password (HTTP Basic) or a login session, never a token:
 * a leaked token cannot renew itself. Listing and revoking work with any of them.
 */
@RestController
@RequestMapping("/api/v1/me/tokens")
class ApiTokenApiController {

  private final ApiTokens tokens;
  private final MessageSource messages;

  ApiTokenApiController(ApiTokens tokens, MessageSource messages) {
    this.tokens = tokens;
    this.messages = messages;
  }

  /** A new token: {@code name} (≤ 50 characters) and {@code expiresOn} (tomorrow to a year). */
  record NewToken(String name, LocalDate expiresOn) {}

  /**
   * Creates a token of the caller. 201 with {@code token}, the secret, shown this once and never
   * again (only its SHA-256 is kept); 403 when the request itself came with a token; 422 naming the
   * field when the name or the expiry does not fit.
   */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CreatedApiToken create(@RequestBody NewToken body, Actor actor) {
    if (org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication()
        instanceof ApiTokenAuthentication) {
      throw new TokenCannotCreateTokens();
    }
    return tokens.create(new CreateApiToken(body.name(), body.expiresOn()), actor);
  }

  /** The caller's tokens, newest first: name, dates, last use, status; never the secret. */
  @GetMapping
  List<ApiTokenView> list(Actor actor) {
    return tokens.mine(actor);
  }

  /** Revokes one of the caller's tokens at once (204); another user's token answers 404. */
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable UUID id, Actor actor) {
    tokens.revokeOwn(id, actor);
  }

  static final class TokenCannotCreateTokens extends RuntimeException {
    TokenCannotCreateTokens() {
      super("a token cannot create tokens");
    }
  }

  @ExceptionHandler(TokenCannotCreateTokens.class)
  ProblemDetail tokenCannotCreateTokens() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            messages.getMessage("apiToken.createWithToken", null, LocaleContextHolder.getLocale()));
    problem.setType(URI.create("https://huhang.org/problems/forbidden"));
    return problem;
  }
}
