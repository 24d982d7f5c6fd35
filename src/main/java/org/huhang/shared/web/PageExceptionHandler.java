package org.huhang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Pages answer a record outside the user's scope with the same 404 page as a missing one. */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

  private final FrameAdvice frames;

  PageExceptionHandler(FrameAdvice frames) {
    this.frames = frames;
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.ui.Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("frame", frames.frameFor(request));
    model.addAttribute("status", 404);
    model.addAttribute("messageKey", "error.notFound");
    return "shared/error";
  }

  /**
   * A query parameter or path variable that could not be read (a control character in a search
   * {@code q}, a page number that is none) and a search form that could not be bound: 400, on the
   * error page, saying why, never a 500.
   */
  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    BindException.class,
    // A form field path no form has (a list index out of range, a negative one): 400, not 500.
    org.springframework.beans.InvalidPropertyException.class
  })
  String badRequest(
      Exception e,
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.ui.Model model) {
    boolean control =
        e instanceof MethodArgumentTypeMismatchException m
                && String.class.equals(m.getRequiredType())
            || e instanceof BindException b
                && b.getFieldErrors().stream()
                    .anyMatch(
                        f ->
                            f.isBindingFailure()
                                && java.util.Arrays.asList(
                                        f.getCodes() == null ? new String[0] : f.getCodes())
                                    .contains("typeMismatch.java.lang.String"));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("frame", frames.frameFor(request));
    model.addAttribute("status", 400);
    model.addAttribute("messageKey", control ? "error.controlCharacter" : "error.badRequest");
    return "shared/error";
  }

  /** The database could not be reached: a 503 page that says to try again, not a 500. */
  @ExceptionHandler({
    org.springframework.dao.DataAccessException.class,
    org.springframework.transaction.TransactionException.class
  })
  String database(
      RuntimeException e,
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.ui.Model model) {
    if (!DatabaseOutage.is(e)) {
      throw e;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "1");
    model.addAttribute("frame", frames.frameFor(request));
    model.addAttribute("status", 503);
    model.addAttribute("messageKey", "error.databaseUnavailable");
    return "shared/error";
  }

  @ExceptionHandler(ForbiddenException.class)
  String forbidden(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.ui.Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("frame", frames.frameFor(request));
    model.addAttribute("status", 403);
    model.addAttribute("messageKey", "error.forbidden");
    return "shared/error";
  }
}
