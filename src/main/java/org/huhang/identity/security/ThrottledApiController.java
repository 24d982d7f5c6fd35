package org.huhang.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where a throttled HTTP Basic attempt is forwarded: 429 as a problem detail. */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ThrottledApiController {

  private final MessageSource messages;

  ThrottledApiController(MessageSource messages) {
    this.messages = messages;
  }

  @RequestMapping("/api/v1/login-throttled")
  ResponseEntity<ProblemDetail> throttled(HttpServletRequest request) {
    Object attr = request.getAttribute(LoginThrottleFilter.BLOCKED_SECONDS);
    long seconds = attr instanceof Long s ? s : 60L;
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            messages.getMessage(
                "login.throttled", new Object[] {seconds}, LocaleContextHolder.getLocale()));
    problem.setType(URI.create("https://huhang.org/problems/too-many-logins"));
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header("Retry-After", Long.toString(seconds))
        .body(problem);
  }
}
