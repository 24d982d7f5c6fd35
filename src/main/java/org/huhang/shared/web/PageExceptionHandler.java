package org.huhang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.huhang.shared.ForbiddenException;
import org.huhang.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

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
