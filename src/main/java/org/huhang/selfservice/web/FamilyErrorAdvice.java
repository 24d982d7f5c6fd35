package org.huhang.selfservice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.huhang.shared.NotFoundException;
import org.huhang.shared.web.FrameAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A family's page that is not there (an expired survey link, a mistyped address) answers on the
 * family's own layout, in its words, with the way to its bookings: never the staff error page,
 * whose "back home" is the staff login.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(
    assignableTypes = {
      BookingPublicController.class,
      FamilyAnswersController.class,
      BookingAreaController.class
    })
class FamilyErrorAdvice {

  private final FrameAdvice frames;

  FamilyErrorAdvice(FrameAdvice frames) {
    this.frames = frames;
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("frame", frames.frameFor(request));
    return "selfservice/notFound";
  }
}
