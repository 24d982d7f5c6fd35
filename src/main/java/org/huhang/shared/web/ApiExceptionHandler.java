package org.huhang.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huhang.shared.DomainException;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.InvalidInputException;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.spreadsheet.SpreadsheetRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem details, in the caller's language. Field errors are
 * listed in {@code errors[]} as {@code {field, message}}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, text("error.notFound"), "not-found");
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, text("error.forbidden"), "forbidden");
  }

  /**
   * An uploaded file that is not a usable table: 422, the reason tied to the file field; 429 when
   * too many imports run at once, 409 when another import saved the same rows at this moment.
   */
  @ExceptionHandler(SpreadsheetRefused.class)
  ProblemDetail spreadsheet(SpreadsheetRefused e) {
    String detail = text(e.messageKey(), e.args());
    HttpStatus status =
        e instanceof org.huhang.shared.spreadsheet.ImportsBusy
            ? HttpStatus.TOO_MANY_REQUESTS
            : e instanceof org.huhang.shared.spreadsheet.ImportConflict
                ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_CONTENT;
    ProblemDetail problem = problem(status, detail, "spreadsheet-refused");
    problem.setProperty("errors", List.of(fieldError("file", detail)));
    return problem;
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return withErrors(e, HttpStatus.BAD_REQUEST, "invalid-input");
  }

  @ExceptionHandler(DomainException.class)
  ProblemDetail domain(DomainException e) {
    return withErrors(e, HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated");
  }

  private ProblemDetail withErrors(DomainException e, HttpStatus status, String type) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (DomainException.FieldProblem p : e.problems()) {
      errors.add(fieldError(p.field(), text(p.messageKey(), p.args())));
    }
    ProblemDetail problem = problem(status, errors.get(0).get("message"), type);
    problem.setProperty("errors", errors);
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      errors.add(
          fieldError(fe.getField(), messages.getMessage(fe, LocaleContextHolder.getLocale())));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(
            ge ->
                errors.add(
                    fieldError(null, messages.getMessage(ge, LocaleContextHolder.getLocale()))));
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.validation"), "validation");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  private static Map<String, String> fieldError(String field, String message) {
    return field == null ? Map.of("message", message) : Map.of("field", field, "message", message);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  static ProblemDetail problem(HttpStatus status, String detail, String type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://huhang.org/problems/" + type));
    return problem;
  }
}
