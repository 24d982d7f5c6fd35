package org.huhang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors under /api that no API controller saw (an unknown path, a method the path does not take):
 * RFC 9457 problem details like every other API error. Anywhere else the exception goes on to the
 * error page.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
class ApiFallbackExceptionHandler {

  private final MessageSource messages;

  ApiFallbackExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request)
      throws NoResourceFoundException {
    if (!isApi(request)) {
      throw e;
    }
    return respond(HttpStatus.NOT_FOUND, "error.notFound", "not-found", new HttpHeaders());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    if (!isApi(request)) {
      throw e;
    }
    HttpHeaders headers = new HttpHeaders();
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return respond(
        HttpStatus.METHOD_NOT_ALLOWED, "error.methodNotAllowed", "method-not-allowed", headers);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    if (!isApi(request)) {
      throw e;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(e.getSupportedMediaTypes());
    return respond(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "error.mediaTypeNotSupported",
        "media-type-not-supported",
        headers);
  }

  private ResponseEntity<ProblemDetail> respond(
      HttpStatus status, String key, String type, HttpHeaders headers) {
    ProblemDetail problem =
        ApiExceptionHandler.problem(
            status, messages.getMessage(key, null, key, LocaleContextHolder.getLocale()), type);
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }
}
