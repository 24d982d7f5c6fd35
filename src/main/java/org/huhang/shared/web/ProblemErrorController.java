package org.huhang.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The answer to an error no handler answered (a request the firewall or the server refused before
 * any controller: a path with {@code //} or {@code ;jsessionid}, bytes that are no UTF-8, a denied
 * page asked for as JSON): pages keep Boot's error page, every other client gets an RFC 9457
 * problem in the user's language instead of Boot's bare {@code timestamp/status/error} object.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

  private final MessageSource messages;

  ProblemErrorController(
      ErrorAttributes errorAttributes,
      WebProperties web,
      ObjectProvider<ErrorViewResolver> resolvers,
      MessageSource messages) {
    super(errorAttributes, web.getError(), resolvers.orderedStream().toList());
    this.messages = messages;
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    HttpStatus status = getStatus(request);
    if (status == HttpStatus.NO_CONTENT) {
      return new ResponseEntity<>(status);
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "https://huhang.org/problems/" + slug(status));
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail(status));
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (path != null) {
      problem.put("instance", String.valueOf(path));
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private String detail(HttpStatus status) {
    String key =
        switch (status) {
          case NOT_FOUND -> "error.notFound";
          case FORBIDDEN -> "error.forbidden";
          case UNAUTHORIZED -> "error.unauthorized";
          case METHOD_NOT_ALLOWED -> "error.methodNotAllowed";
          case UNSUPPORTED_MEDIA_TYPE -> "error.mediaTypeNotSupported";
          default -> status.is4xxClientError() ? "error.badRequest" : "error.general";
        };
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }

  private static String slug(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "not-found";
      case FORBIDDEN -> "forbidden";
      case UNAUTHORIZED -> "unauthorized";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
      default -> status.is4xxClientError() ? "bad-request" : "server-error";
    };
  }
}
