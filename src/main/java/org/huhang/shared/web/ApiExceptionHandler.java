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
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

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
    if (e instanceof org.huhang.shared.ConflictException) {
      return withErrors(e, HttpStatus.CONFLICT, "conflict");
    }
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
    return ResponseEntity.badRequest().body(validation(ex.getBindingResult()));
  }

  /**
   * The database could not be reached (it is failing over, the connection broke): 503 with {@code
   * Retry-After}, so that a client retries (with its Idempotency-Key, safely) and a load balancer
   * does not take the instance for broken. Any other failure of these kinds stays a 500.
   */
  @ExceptionHandler({
    org.springframework.dao.DataAccessException.class,
    org.springframework.transaction.TransactionException.class
  })
  ResponseEntity<ProblemDetail> database(RuntimeException e) {
    if (!DatabaseOutage.is(e)) {
      throw e;
    }
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                text("error.databaseUnavailable"),
                "database-unavailable"));
  }

  @ExceptionHandler(ApiBodies.InvalidBody.class)
  ResponseEntity<Object> invalidBody(ApiBodies.InvalidBody e) {
    return ResponseEntity.badRequest().body(validation(e.result()));
  }

  /** Every field a body's constraints refuse, with the rule's message: 400. */
  private ProblemDetail validation(org.springframework.validation.BindingResult result) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError fe : result.getFieldErrors()) {
      errors.add(
          fieldError(fe.getField(), messages.getMessage(fe, LocaleContextHolder.getLocale())));
    }
    result
        .getGlobalErrors()
        .forEach(
            ge ->
                errors.add(
                    fieldError(null, messages.getMessage(ge, LocaleContextHolder.getLocale()))));
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.validation"), "validation");
    problem.setProperty("errors", errors);
    return problem;
  }

  /**
   * A JSON body that could not be read: when a value of a field was refused (a control character in
   * a text, a date that does not exist), the field is named as the JSON path, e.g. {@code
   * partyA.name}; otherwise the body as a whole.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.validation"), "unreadable");
    if (ex.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String field = jsonPath(m);
      Class<?> target = m.getTargetType();
      String message;
      if (String.class.equals(target)) {
        message = text("error.controlCharacter");
      } else if (target != null && target.getName().startsWith("java.time.")) {
        Object value = m instanceof InvalidFormatException f ? f.getValue() : "";
        message =
            text(
                java.time.LocalDateTime.class.equals(target)
                    ? "import.row.dateTime"
                    : "import.row.date",
                value);
      } else if (target != null && target.isEnum()) {
        // A value that is none of the choices: say which ones there are.
        Object value = m instanceof InvalidFormatException f ? f.getValue() : "";
        message =
            text(
                "error.choice",
                value,
                String.join(
                    "、",
                    java.util.Arrays.stream(target.getEnumConstants())
                        .map(Object::toString)
                        .toList()));
      } else {
        message = text("error.typeMismatch");
      }
      problem.setDetail(message);
      problem.setProperty("errors", List.of(fieldError(field, message)));
    }
    return ResponseEntity.badRequest().body(problem);
  }

  /** A query parameter or path variable that could not be read (a control character in q). */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = ex.getPropertyName();
    String message =
        String.class.equals(ex.getRequiredType())
            ? text("error.controlCharacter")
            : text("error.typeMismatch");
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message, "invalid-parameter");
    problem.setProperty("errors", List.of(fieldError(field, message)));
    return ResponseEntity.badRequest().body(problem);
  }

  private static String jsonPath(MismatchedInputException m) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : m.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
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
